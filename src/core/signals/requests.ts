// Evidence from what the message asks the reader to do (extract/requests.ts): an
// unsolicited request for money, a card, a PIN or code, bank details or a trip to an
// ATM is dangerous on its own, with or without a link; a request to call, press a key,
// tap a link or add a LINE ID weighs less and adds to the other evidence — more when
// it comes with a pretext (an unpaid bill, a locked account, a parcel, a refund) or in
// the name of an organization. In a note of a call, a pretext or a claim to be the
// police or a public office is evidence even before anything is asked: that is how
// those calls begin. Scores are data (data/reasons.json).
import type { ExtractedRequest, RequestAct, RequestMeans } from '../extract/requests.js';
import { isOfficialPhone, officialDomain } from '../knowledge/organizations.js';
import type { Finding, SignalContext } from './types.js';

/** Requests a warning itself makes of its readers ("check the official site", "call
 * the police"): in a message that warns about scams they are advice, not a lure. */
const ADVISORY_ACTS: ReadonlySet<RequestAct> = new Set(['call', 'follow-link', 'reply', 'update-account']);

/** Means that no genuine organization uses to collect money or cards. Not a convenience
 * store: a tax office, a utility or a shop's payment slip is paid there every day; paying
 * there with electronic money is buy-gift-card, dangerous on its own. */
const RISKY_MEANS: ReadonlySet<RequestMeans> = new Set(['e-money', 'cash-delivery', 'home-pickup', 'atm']);

/** Pretexts that press the reader: a loss, a threat or a windfall. A leak is what a
 * genuine notice is about, so it presses only when a caller brings it up. */
const PRESSING = new Set([
  'pretext.deletion-offer',
  'pretext.refund',
  'pretext.compensation',
  'pretext.unpaid',
  'pretext.lawsuit',
  'pretext.investigation',
  'pretext.account-lock',
  'pretext.line-cut',
  'pretext.delivery',
  'pretext.undelivered',
  'pretext.prize',
  'pretext.relative-trouble',
  'pretext.secrecy',
  'pretext.automated-voice',
  'pretext.virus',
]);

/** Whether every link and number in the message is the claimed organization's own, on
 * record: then "call us" or "check on our site" points to the real company. */
function onlyOfficialChannels({ extracted, claims }: SignalContext): boolean {
  const org = claims.organizations[0];
  if (org === undefined || extracted.urls.length + extracted.phones.length === 0) return false;
  return (
    extracted.urls.every((u) => officialDomain(org.id, u.host) !== undefined) &&
    extracted.phones.every((p) => p.type === 'emergency-or-short' || isOfficialPhone(org, p.national))
  );
}

export function requestFindings(context: SignalContext): Finding[] {
  const { message, claims, reading } = context;
  const findings: Finding[] = [];
  // A company pointing to its own channels, and a warning's advice to its readers, ask
  // nothing risky. A notice with a warning at its foot (「弊社を装った不審なメールにご
  // 注意ください」) still asks what it asks under a pretext of its own.
  const official = onlyOfficialChannels(context);
  const advice = (r: ExtractedRequest): boolean => official || (reading.warning && r.pretext === null);
  const requests = reading.requests.filter((r) => !(ADVISORY_ACTS.has(r.act) && advice(r)));
  const acts = new Set<RequestAct>();
  for (const request of requests) {
    if (acts.has(request.act)) continue;
    acts.add(request.act);
    findings.push({ code: `request.${request.act}`, evidence: request.evidence });
  }
  const risky = requests.find((r) => ['pay', 'hand-over', 'buy-gift-card'].includes(r.act) && r.means.some((m) => RISKY_MEANS.has(m)));
  if (risky !== undefined) findings.push({ code: 'request.risky-means', evidence: risky.evidence });

  const pretextOf = (pressing: (concept: string) => boolean): string | undefined =>
    reading.concepts.find((c) => pressing(c.hit.concept))?.hit.term;
  const pretext = pretextOf((c) => PRESSING.has(c));
  const actor = reading.concepts.find((c) => c.hit.concept === 'actor.police' || c.hit.concept === 'actor.public')?.hit.term;
  const claimed = claims.organizations[0]?.display.ja ?? actor;
  // Paying for one's own order is asked for no pretext: the delivery an order
  // confirmation speaks of is what was bought, not a reason to hurry.
  const pressable = requests.some((r) => r.act !== 'pay-for-order');
  if (pressable && pretext !== undefined) findings.push({ code: 'request.under-pretext', evidence: pretext });
  // Impersonation has this shape: a name, a pretext and something to do.
  if (pressable && pretext !== undefined && claimed !== undefined) findings.push({ code: 'request.in-the-name-of', evidence: claimed });
  // A call that opens with trouble or an authority is how these scams begin. A letter
  // is not judged so: genuine letters (breach notices, tax notices) name leaks, misuse
  // and the police in passing; the letter patterns (fake lawsuits, fake bills) judge those.
  if (message.channel === 'call') {
    const opening = pretextOf((c) => PRESSING.has(c) || c === 'pretext.leak' || c === 'pretext.intrusion');
    if (opening !== undefined) findings.push({ code: 'call.opens-with-pretext', evidence: opening });
    if (actor !== undefined) findings.push({ code: 'call.claims-authority', evidence: actor });
  }
  return findings;
}
