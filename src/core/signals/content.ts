// Evidence from what the message asks for and how it pushes: the lure families of
// data/lures.json (credential and card requests, payment demands, urgency, the scams
// that follow a data leak …), and, as evidence the other way, a message with no lure,
// no link, no unknown number and no attachment: it asks the reader for nothing.
import { findLures, type LureHit } from '../knowledge/lures.js';
import { isOfficialPhone } from '../knowledge/organizations.js';
import { deniedRequest, insideReportedQuote, NEGATION, REPORTED_SPEECH, sentenceFinder, sentenceTester, WARNING } from '../extract/clauses.js';
import type { Finding, SignalContext } from './types.js';

/** Distinct breach-notice phrases (お詫び, 漏えい, 不正アクセス …) that make a message
 * read as a breach notice. */
const MIN_NOTICE_PHRASES = 2;

/** Families that mark the genuine side or only classify the message. */
const NOT_LURES = new Set(['notice-nothing-asked', 'notice-apology']);

export function contentFindings({ message, extracted, claims, folded: text, reading }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  // A phrase in a sentence that does not speak for the message — a warning, a "we never
  // do this", a scam described by a warning (extract/requests.ts decides, per channel) —
  // is not a lure. Nor is a weak phrase in a sentence that denies it ("パスワードは含まれて
  // おりません"), a strong one the message says it never asks for, or a phrase inside
  // someone's reported words (a case study). A note of a phone call is all reported
  // speech: the caller's words in 「」 are the message itself there.
  const quotesAreTheMessage = message.channel === 'call';
  // Each sentence is found once and each pattern looked for once per stretch of text,
  // however many phrases the sentence holds: reading the sentence again for every phrase
  // made one long sentence of a repeated lure word quadratic.
  const sentenceOf = sentenceFinder(text);
  const warns = sentenceTester(text, WARNING);
  const reports = sentenceTester(text, REPORTED_SPEECH);
  const denies = sentenceTester(text, NEGATION);
  const hits = findLures(text).filter((hit) => {
    if (!reading.speaks(hit.span[0])) return false;
    const sentence = sentenceOf(hit.span[0], hit.span[1]);
    if (!quotesAreTheMessage && warns(sentence) && reports(sentence)) return false;
    if (!quotesAreTheMessage && insideReportedQuote(text, hit.span[0], hit.span[1])) return false;
    return hit.weight === 'strong' ? !deniedRequest(text, hit.span[0], hit.span[1]) : !denies(sentence);
  });
  const apology = new Set(hits.filter((h) => h.family === 'notice-apology').map((h) => h.phrase));
  // An apology alone is ordinary customer service; with a word for a leak it is a notice.
  if (apology.size >= MIN_NOTICE_PHRASES) {
    findings.push({ code: 'content.breach-notice', evidence: [...apology].slice(0, 3).join('、') });
  }
  const strongest = new Map<string, LureHit>();
  for (const hit of hits) {
    if (hit.family === 'notice-apology') continue;
    if (hit.family === 'notice-nothing-asked') {
      if (!strongest.has(hit.family)) findings.push({ code: 'content.says-nothing-needed', evidence: hit.phrase });
      strongest.set(hit.family, hit);
      continue;
    }
    const known = strongest.get(hit.family);
    if (known === undefined || (known.weight === 'weak' && hit.weight === 'strong')) strongest.set(hit.family, hit);
  }
  let lures = false;
  for (const [family, hit] of strongest) {
    if (NOT_LURES.has(family)) continue;
    findings.push({ code: hit.weight === 'strong' ? `lure.${family}` : `lure.${family}.weak`, evidence: hit.phrase });
    if (hit.weight === 'strong') lures = true;
  }
  const primary = claims.organizations[0];
  const unknownPhones = extracted.phones.filter(
    (p) => p.type !== 'emergency-or-short' && (primary === undefined || !isOfficialPhone(primary, p.national)),
  );
  if (strongest.get('payment-demand')?.weight === 'strong' && extracted.urls.length === 0 && unknownPhones[0] !== undefined) {
    const phone = unknownPhones[0];
    findings.push({ code: 'phone.call-to-pay', evidence: phone.raw, location: phone.location });
  }
  // A request found by the request reader (signals/requests.ts) outranks this in the verdict.
  if (!lures && unknownPhones.length === 0 && extracted.urls.length === 0 && message.attachments.length === 0) {
    findings.push({ code: 'content.asks-nothing', evidence: '' });
  }
  return findings;
}
