// Evidence from who the message says it is from: the display name against the sender's
// domain, where replies and bounces really go, and what the mail server recorded about
// the sender's authentication.
import { isFreemail } from '../knowledge/lists.js';
import type { AuthResult } from '../message/types.js';
import { imitation, isOfficialFor, officialOwner, registrable } from './domains.js';
import { authenticated, receivingServerResults } from './authentication.js';
import { namesOrganization } from './claims.js';
import type { Finding, SignalContext } from './types.js';

function domainOfAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at < 0 ? null : address.slice(at + 1).toLowerCase();
}

const VOWELS = /[aeiou]/g;

/** Separators that mailing software puts between the pieces of a local part it makes. */
const STRUCTURED_LOCAL_PART = /[.+#=-]/;

/** A machine-made local part or domain label: long with few vowels, or letters and
 * digits mixed at random ("xk7q2vbn9", "a8f3k2m1p0"). */
function looksRandom(word: string): boolean {
  const letters = word.replace(/[^a-z]/g, '');
  const digits = word.replace(/[^0-9]/g, '').length;
  if (word.length < 8) return false;
  const vowelShare = (letters.match(VOWELS)?.length ?? 0) / Math.max(1, letters.length);
  return (letters.length >= 8 && vowelShare < 0.2) || (digits >= 3 && letters.length >= 4 && /\d[a-z]+\d/.test(word));
}

export function senderFindings({ message, claims, extracted }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const from = message.from;
  if (from === null || message.channel !== 'email') return findings;
  const results = receivingServerResults(message);
  const result = (method: string): AuthResult | undefined => results.find((r) => r.method === method);
  const dmarc = result('dmarc');
  const spf = result('spf');
  const forged = dmarc?.result === 'fail' || spf?.result === 'fail';
  const fromDomain = registrable(from.domain);
  // The classic tell is a company's name in the display name over someone else's
  // address; a company merely named in the text says nothing about the sender.
  const primary = claims.inSenderName[0];
  const shownSender = from.name ? `${from.name} <${from.address}>` : from.address;

  if (primary !== undefined && fromDomain !== null) {
    const official = isOfficialFor(primary, fromDomain);
    const mailbox = primary.domains.find((d) => d.domain === fromDomain)?.customerMailboxes === true;
    if (!official) {
      findings.push({ code: 'sender.not-official', evidence: shownSender, params: { organization: primary.id, domain: fromDomain } });
    } else if (!mailbox && !forged) {
      // Anyone can write any From address; only the receiving server's checks make it count.
      const code = authenticated(results, fromDomain) ? 'sender.official' : 'sender.official-unverified';
      findings.push({ code, evidence: from.address, params: { organization: primary.id } });
    }
    if (isFreemail(fromDomain) && !official) {
      findings.push({ code: 'sender.freemail', evidence: from.address, params: { organization: primary.id } });
    }
  }
  if (fromDomain !== null && officialOwner(fromDomain) === undefined && !isFreemail(fromDomain)) {
    const imitated = imitation(fromDomain);
    if (imitated !== null) {
      const named = namesOrganization(claims, extracted, imitated.org);
      findings.push({
        code: !named ? 'sender.resembles-brand' : imitated.kind === 'lookalike' ? 'sender.lookalike' : 'sender.brand-in-domain',
        evidence: from.address,
        params: { organization: imitated.org.id },
      });
    }
    const [local = ''] = from.address.toLowerCase().split('@');
    const label = fromDomain.split('.')[0] ?? '';
    // Mailing software writes ids into local parts on purpose, between separators:
    // bounce addresses ("news#3.19584.83-p1SYl@…"), sub-addresses ("kevin+dated+10314…")
    // and list names ("searchSecurity-F485FC…"). Only a local part of one piece is judged.
    const structured = STRUCTURED_LOCAL_PART.test(local);
    if ((!structured && looksRandom(local)) || looksRandom(label)) findings.push({ code: 'sender.random', evidence: from.address });
  }
  for (const replyTo of message.replyTo) {
    const replyDomain = registrable(replyTo.domain);
    if (replyDomain !== null && fromDomain !== null && replyDomain !== fromDomain) {
      findings.push({ code: 'sender.reply-to-elsewhere', evidence: replyTo.address, params: { domain: replyDomain } });
      break;
    }
  }
  const bounceDomain = registrable(message.returnPath === null ? null : domainOfAddress(message.returnPath));
  if (primary !== undefined && bounceDomain !== null && !isOfficialFor(primary, bounceDomain) && bounceDomain !== fromDomain) {
    findings.push({ code: 'sender.return-path-elsewhere', evidence: message.returnPath ?? '', params: { domain: bounceDomain } });
  }

  // A company that has mail failing its checks discarded never sends mail that fails
  // them: whatever the receiving server recorded, if it did not vouch for the domain,
  // the mail is not the company's. With no results at all there is nothing to go by.
  const owner = officialOwner(fromDomain);
  const strict = owner?.domains.find((d) => d.domain === fromDomain && d.rejectsUnauthenticated !== undefined);
  if (owner !== undefined && strict !== undefined && results.length > 0 && !authenticated(results, strict.domain)) {
    findings.push({ code: 'auth.reject-policy-failed', evidence: from.address, params: { organization: owner.id, domain: strict.domain } });
  }

  const dkim = results.filter((r) => r.method === 'dkim');
  if (dmarc?.result === 'fail') findings.push({ code: 'auth.dmarc-fail', evidence: `dmarc=${dmarc.result}` });
  else if (dmarc?.result === 'pass') findings.push({ code: 'auth.dmarc-pass', evidence: `dmarc=pass` });
  const alignedPass = dkim.find((r) => r.result === 'pass' && registrable(r.properties['header.d'] ?? null) === fromDomain);
  if (alignedPass !== undefined && fromDomain !== null) {
    findings.push({ code: 'auth.dkim-aligned', evidence: `dkim=pass header.d=${alignedPass.properties['header.d']}` });
  }
  if (spf?.result === 'fail' || spf?.result === 'softfail') findings.push({ code: 'auth.spf-fail', evidence: `spf=${spf.result}` });
  return findings;
}
