// Evidence from what the message asks for and how it pushes: the lure families of
// data/lures.json (credential and card requests, payment demands, urgency, the scams
// that follow a data leak …), and, as evidence the other way, a message that asks for
// nothing and says no action is needed.
import { findLures, type LureHit } from '../knowledge/lures.js';
import { foldForMatching } from '../normalize/index.js';
import type { Finding, SignalContext } from './types.js';

/** Families that ask the reader to give, pay, install or get in touch. A genuine notice
 * asks none of this. */
const REQUEST_FAMILIES = new Set([
  'credential-request',
  'card-request',
  'bank-request',
  'personal-data-request',
  'payment-demand',
  'gift-card-crypto',
  'app-install',
  'remote-access',
  'contact-me',
  'data-deletion-offer',
  'countermeasure-fee',
  'fake-compensation',
]);

/** Distinct breach-notice phrases (お詫び, 漏えい, 不正アクセス …) that make a message
 * read as a breach notice. */
const MIN_NOTICE_PHRASES = 2;

/** Families that mark the genuine side or only classify the message. */
const NOT_LURES = new Set(['notice-nothing-asked', 'notice-apology']);

export function contentFindings({ message, extracted }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const text = foldForMatching(`${message.subject ?? ''}\n${message.text}`);
  const hits = findLures(text);
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
  let asks = false;
  for (const [family, hit] of strongest) {
    if (NOT_LURES.has(family)) continue;
    findings.push({ code: hit.weight === 'strong' ? `lure.${family}` : `lure.${family}.weak`, evidence: hit.phrase });
    if (REQUEST_FAMILIES.has(family) && hit.weight === 'strong') asks = true;
  }
  const payment = strongest.get('payment-demand');
  if (payment !== undefined && extracted.urls.length === 0) {
    const phone = extracted.phones.find((p) => p.type !== 'emergency-or-short');
    if (phone !== undefined) findings.push({ code: 'phone.call-to-pay', evidence: phone.raw, location: phone.location });
  }
  if (!asks && extracted.urls.length === 0 && message.attachments.length === 0) {
    findings.push({ code: 'content.asks-nothing', evidence: '' });
  }
  return findings;
}
