// Evidence from what the message asks the reader to do (extract/requests.ts): an
// unsolicited request for money, a card, a PIN or code, bank details or a trip to an
// ATM is dangerous on its own, with or without a link; a request to call, press a key,
// tap a link or add a LINE ID weighs less and adds to the other evidence — more when
// it comes with a pretext (an unpaid bill, a locked account, a parcel, a refund) or in
// the name of an organization. In a note of a call or a letter, a pretext or a claim to
// be the police or a public office is evidence even before anything is asked: that is
// how those calls begin. Scores are data (data/reasons.json).
import type { RequestAct, RequestMeans } from '../extract/requests.js';
import type { Finding, SignalContext } from './types.js';

/** Requests a warning itself makes of its readers ("check the official site", "call
 * the police"): in a message that warns about scams they are advice, not a lure. */
const ADVISORY_ACTS: ReadonlySet<RequestAct> = new Set(['call', 'follow-link', 'reply', 'update-account']);

/** Means that no genuine organization uses to collect money or cards. */
const RISKY_MEANS: ReadonlySet<RequestMeans> = new Set(['e-money', 'cash-delivery', 'home-pickup', 'atm', 'convenience-store']);

/** Pretexts that press the reader: a loss, a threat or a windfall. */
const PRESSING = new Set([
  'pretext.deletion-offer',
  'pretext.leak',
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

/** Channels in which a stranger reaches out unasked, with no link to judge. */
const SPOKEN_OR_POSTED = new Set(['call', 'letter']);

export function requestFindings({ message, claims, reading }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const requests = reading.requests.filter((r) => !(reading.warning && ADVISORY_ACTS.has(r.act)));
  const acts = new Set<RequestAct>();
  for (const request of requests) {
    if (acts.has(request.act)) continue;
    acts.add(request.act);
    findings.push({ code: `request.${request.act}`, evidence: request.evidence });
  }
  const risky = requests.find((r) => ['pay', 'hand-over', 'buy-gift-card'].includes(r.act) && r.means.some((m) => RISKY_MEANS.has(m)));
  if (risky !== undefined) findings.push({ code: 'request.risky-means', evidence: risky.evidence });

  const pretext = reading.concepts.find((c) => PRESSING.has(c.hit.concept))?.hit.term;
  const actor = reading.concepts.find((c) => c.hit.concept === 'actor.police' || c.hit.concept === 'actor.public')?.hit.term;
  const claimed = claims.organizations[0]?.display.ja ?? actor;
  if (requests.length > 0 && pretext !== undefined) findings.push({ code: 'request.under-pretext', evidence: pretext });
  if (requests.length > 0 && claimed !== undefined) findings.push({ code: 'request.in-the-name-of', evidence: claimed });
  // A leak is what a genuine notice by letter is about: there it is no pretext. A caller
  // who says your data leaked is how follow-up scams open.
  const unsolicited = reading.concepts.find(
    (c) => PRESSING.has(c.hit.concept) && (c.hit.concept !== 'pretext.leak' || message.channel === 'call'),
  )?.hit.term;
  if (SPOKEN_OR_POSTED.has(message.channel) && unsolicited !== undefined) {
    findings.push({ code: 'request.unsolicited-pretext', evidence: unsolicited });
  }
  // A letter names the police or a court in passing ("警察と連携して"); a caller names
  // them to say who is calling.
  if (message.channel === 'call' && actor !== undefined) findings.push({ code: 'request.unsolicited-authority', evidence: actor });
  return findings;
}
