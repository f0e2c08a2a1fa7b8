// Evidence from phone numbers: numbers that are not the claimed organization's, numbers
// that cost the caller money, and numbers abroad.
import { isOfficialPhone } from '../knowledge/organizations.js';
import type { Finding, SignalContext } from './types.js';

/** Kana or kanji: the message is written in Japanese. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

export function phoneFindings({ message, extracted, claims }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const primary = claims.organizations[0];
  // A number abroad is ordinary in English mail; in a Japanese message, or in a text
  // message, it is how premium and callback scams are run. Asked only when a number is
  // abroad: the test reads the whole text, and most messages have no such number.
  let abroad: boolean | undefined;
  const abroadIsOdd = (): boolean => (abroad ??= message.channel === 'sms' || JAPANESE.test(message.text));
  for (const phone of extracted.phones) {
    const at = { location: phone.location };
    if (phone.type === 'emergency-or-short') continue;
    if (phone.international && abroadIsOdd()) findings.push({ code: 'phone.international', evidence: phone.raw, params: { country: phone.country ?? '?' }, ...at });
    if (phone.type === 'premium') findings.push({ code: 'phone.premium', evidence: phone.raw, ...at });
    // Only organizations whose numbers we have on record can be told apart from others.
    if (primary !== undefined && primary.phones.length > 0) {
      const official = isOfficialPhone(primary, phone.national);
      findings.push(
        official
          ? { code: 'phone.official', evidence: phone.raw, params: { organization: primary.id }, ...at }
          : { code: 'phone.not-official', evidence: phone.raw, params: { organization: primary.id }, ...at },
      );
    } else if (primary !== undefined && (phone.type === 'mobile' || phone.type === 'ip-phone')) {
      // A company's enquiry line is a fixed, toll-free or navi-dial number; a mobile or
      // 050 number "from" a company is how callback scams are run.
      findings.push({ code: 'phone.personal-line', evidence: phone.raw, params: { organization: primary.id }, ...at });
    }
  }
  return findings;
}
