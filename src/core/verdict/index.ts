// The verdict: every evidence module's findings, scored by data/reasons.json (as
// SpamAssassin scores its rules), summed into a 0–100 score and a risk level, with the
// reasons in both languages and advice for the reader's next step.
import adviceData from '../../../data/advice.json' with { type: 'json' };
import type { Extracted } from '../extract/types.js';
import type { Message } from '../message/types.js';
import { DANGEROUS_ACTS } from '../extract/request-words.js';
import { readRequests, type Reading } from '../extract/requests.js';
import { foldForReading } from '../normalize/index.js';
import { findNoticeCodes, type CheckedNoticeCode, type FoundNoticeCode } from '../notices/in-message.js';
import { checkNotice, comparesWithRecord } from '../registry/notice-check.js';
import type { Incident } from '../registry/types.js';
import { attachmentFindings } from '../signals/attachments.js';
import { findClaims, type Claims } from '../signals/claims.js';
import { contentFindings } from '../signals/content.js';
import { fillerFindings } from '../signals/filler.js';
import { languageFindings } from '../signals/language.js';
import { linkFindings } from '../signals/links.js';
import { mailerFindings } from '../signals/mailer.js';
import { modelFindings } from '../signals/model.js';
import { offlineOrderFindings } from '../signals/offline-order.js';
import { phoneFindings } from '../signals/phones.js';
import { requestFindings } from '../signals/requests.js';
import { scamPatternFindings } from '../signals/scam-patterns.js';
import { senderFindings } from '../signals/sender.js';
import type { Finding, SignalContext, SignalModule } from '../signals/types.js';
import { DATA_CLASS_SEPARATOR, describe, HIGHEST_BULK_ONLY_SCORE, riskOf, ruleFor, type IncidentTitles } from './rules.js';
import type { AdviceFile } from './data-schema.js';
import type { Advice, Reason, Risk, Verdict } from './types.js';

export { REASON_CODES } from './rules.js';

const ADVICE = new Map((adviceData as AdviceFile).advice.map((a) => [a.code, a]));

const MODULES: SignalModule[] = [
  senderFindings,
  mailerFindings,
  linkFindings,
  phoneFindings,
  contentFindings,
  requestFindings,
  scamPatternFindings,
  languageFindings,
  fillerFindings,
  offlineOrderFindings,
  attachmentFindings,
  modelFindings,
];

/** More evidence of one reason is listed, up to this many items, but scored once. */
const MAX_EVIDENCE_PER_REASON = 3;

function toReason(code: string, findings: Finding[], incidentTitle: IncidentTitles): Reason {
  const rule = ruleFor(code);
  const first = findings[0]!;
  // Most reasons rest on one finding: it is shown as it is.
  const shown = findings.length === 1 ? first : merged(first, findings);
  const evidence = shown.evidence;
  const reason: Reason = { code, severity: rule.severity, score: rule.score, message: describe(shown, incidentTitle), evidence };
  if (first.location !== undefined) reason.location = first.location;
  return reason;
}

/** Several findings of one reason as one: up to MAX_EVIDENCE_PER_REASON distinct pieces of
 * evidence, and every data class a reason about data items names ("card numbers and passwords"). */
function merged(first: Finding, findings: Finding[]): Finding {
  const evidence = [...new Set(findings.map((f) => f.evidence))].slice(0, MAX_EVIDENCE_PER_REASON).join(', ');
  const dataClasses = [...new Set(findings.map((f) => f.params?.['dataClass']).filter((c) => c !== undefined))];
  const params = dataClasses.length > 1 ? { ...first.params, dataClass: dataClasses.join(DATA_CLASS_SEPARATOR) } : first.params;
  return { ...first, evidence, ...(params === undefined ? {} : { params }) };
}

/** The codes of the strong (not ".weak") reasons of these lure families. */
const lureCodes = (...families: string[]): string[] => families.map((family) => `lure.${family}`);

/** Whether one of these reason codes is among `present`. */
const hasReason = (present: ReadonlySet<string>, codes: readonly string[]): boolean => codes.some((code) => present.has(code));

/** Requests for money, cards or secrets: worth a call to 188 or #9110. */
const ASKS_FOR_MONEY_OR_SECRETS = [...DANGEROUS_ACTS].map((act) => `request.${act}`);

// What each piece of advice looks for, built once rather than for every reason of every message.
const ASKS_FOR_SECRETS = [
  ...lureCodes('credential-request', 'card-request', 'bank-request'),
  'request.tell-secret',
  'request.tell-bank',
  'request.hand-over',
];
const PAY_TO_DELETE = [...lureCodes('data-deletion-offer', 'countermeasure-fee'), 'pattern.data-deletion', 'pattern.leak-followup'];
const ABOUT_MONEY = [
  ...lureCodes('payment-demand', 'gift-card-crypto', 'data-deletion-offer', 'countermeasure-fee', 'fake-compensation', 'atm-refund'),
  ...ASKS_FOR_MONEY_OR_SECRETS,
];
const FOR_THE_POLICE = [...lureCodes('urgency-threat', 'data-deletion-offer', 'remote-access', 'atm-refund'), ...ASKS_FOR_MONEY_OR_SECRETS];

function chooseAdvice(risk: Risk, bulk: boolean, reasons: Reason[], message: Message, extracted: Extracted): Advice[] {
  const codes: string[] = [];
  const worrying = new Set<string>();
  for (const r of reasons) if (r.score > 0) worrying.add(r.code);
  const call = message.channel === 'call';
  if (risk === 'low') {
    codes.push('low-risk-stay-careful');
  } else {
    // A caller is still on the line or will call again: hang up first, call back on a
    // number you know; that advice names 188, #9110 and 110 itself.
    if (call) codes.push('hang-up-call-back');
    // Advertising is to be deleted unopened, which says not to open its links.
    if (bulk) codes.push('advertising-delete');
    else if (extracted.urls.length > 0) codes.push('dont-open-link');
    if (extracted.phones.length > 0 || message.replyTo.length > 0) codes.push('dont-reply-or-call');
    if (!call) codes.push('verify-via-official-channel');
    if (hasReason(worrying, ASKS_FOR_SECRETS)) codes.push('never-share-secrets');
    if (extracted.urls.length > 0) codes.push('if-already-entered');
  }
  if (hasReason(worrying, PAY_TO_DELETE)) codes.push('never-pay-to-delete');
  if (worrying.has('request.pay-for-order')) codes.push('order-payment-check');
  if (risk === 'high' && (message.channel === 'email' || message.channel === 'sms') && extracted.urls.length > 0) {
    codes.push('report-phishing');
  }
  if (!call) {
    if (risk !== 'low' && hasReason(worrying, ABOUT_MONEY)) codes.push('consult-188');
    if (risk === 'high' && hasReason(worrying, FOR_THE_POLICE)) codes.push('police-9110');
  }
  return [...new Set(codes)].map((code) => {
    const advice = ADVICE.get(code);
    if (advice === undefined) throw new Error(`advice ${code} is not in data/advice.json`);
    return { code, message: advice.message };
  });
}

/** What the evidence modules found in a message, before it is compared with the record. */
export interface Evidence {
  message: Message;
  extracted: Extracted;
  claims: Claims;
  reading: Reading;
  findings: Finding[];
  breachNotice: boolean;
  /** The message reads as a breach notice or refers to a leak: the verdict needs the incidents on record. */
  needsRecord: boolean;
  /** The verification codes it carries (short codes, QR contents), to ask the registry about. */
  noticeCodes: FoundNoticeCode[];
}

/** Lure families about the reader's account, card, bank or data, and about paying. */
const ACCOUNT_LURE = /^lure\.(?:credential-request|card-request|bank-request|personal-data-request|account-problem|payment-demand)(?:\.weak)?$/;

/**
 * A mail carries many links: a newsletter's "manage your subscription" page, a shop's
 * "member login", a magazine's free-trial sign-up. A sign-in or payment path
 * (link.credential-path) is evidence in a mail that speaks for an organization, asks for
 * something, or talks about the reader's account, card, bank or payment; otherwise it
 * is left out. A text message's one link is its whole point: it always counts there.
 */
function withoutStrayLoginPaths(findings: Finding[], message: Message, claims: Claims): Finding[] {
  if (message.channel !== 'email' || claims.organizations.length > 0) return findings;
  if (!findings.some((f) => f.code === 'link.credential-path')) return findings;
  const context = findings.some((f) => ACCOUNT_LURE.test(f.code) || /^(?:request|pattern)\./.test(f.code));
  return context ? findings : findings.filter((f) => f.code !== 'link.credential-path');
}

/** `spamProbability`: see CheckInputOptions (src/core/check.ts). */
export function gatherEvidence(message: Message, extracted: Extracted, spamProbability?: number): Evidence {
  const claims = findClaims(message, extracted);
  const folded = foldForReading(`${message.subject ?? ''}\n${message.text}`);
  const reading = readRequests(folded, message.channel);
  const context: SignalContext = { message, extracted, claims, folded, reading, spamProbability };
  const found: Finding[] = [];
  for (const module of MODULES) for (const finding of module(context)) found.push(finding);
  const findings = withoutStrayLoginPaths(found, message, claims);
  const breachNotice = findings.some((f) => f.code === 'content.breach-notice');
  const needsRecord = comparesWithRecord(message, breachNotice);
  const codeTexts = [message.subject ?? '', message.text, message.htmlText ?? '', ...message.links.map((l) => l.href)];
  const noticeCodes = needsRecord ? findNoticeCodes(codeTexts) : [];
  return { message, extracted, claims, reading, findings, breachNotice, needsRecord, noticeCodes };
}

/**
 * Whether a warning that rests on no evidence of harm is told as advertising mail rather than as
 * a possible scam. Not a warning without a bulk-mail feature among its reasons (a
 * shortener and a "tap here", say): nothing shows it was sent in bulk. Not a mail that
 * speaks for an organization, or talks about the reader's account, card, bank or payment
 * (the development half of the Nazario corpus has "Update And Verify Your PayPal
 * Account" among such mails): that is how phishing reads, not advertising. And not a text
 * message: advertising by SMS is rare beside smishing, which the text model alone flags
 * in nine of ten English smishing texts of the Mishra–Soni held-out split.
 */
function readsAsAdvertising(message: Message, reasons: readonly Reason[], claimed: readonly string[]): boolean {
  if (message.channel !== 'email' || claimed.length > 0) return false;
  const warnings = reasons.filter((r) => r.score > 0);
  return warnings.some((r) => ruleFor(r.code).bulk === true) && !warnings.some((r) => ACCOUNT_LURE.test(r.code));
}

/** Reasons of what a message asks for (a request, a call's opening, a known scam pattern). */
const ASKING_CODE = /^(?:pattern|request|call)\./;

/**
 * Judges a message. A message that reads as a breach notice, or refers to a leak, is
 * compared with `incidents` (the records of the organizations it may speak for): the
 * notice check's findings are scored like every other evidence.
 */
export function judge(message: Message, extracted: Extracted, incidents: readonly Incident[] = []): Verdict {
  return conclude(gatherEvidence(message, extracted), incidents);
}

/**
 * The verdict on gathered evidence; `incidents` matter only when `evidence.needsRecord`.
 * `codes`: what the registry said of `evidence.noticeCodes`; without it they are unchecked.
 */
export function conclude(evidence: Evidence, incidents: readonly Incident[], codes?: readonly CheckedNoticeCode[]): Verdict {
  const { message, extracted, claims, reading, findings, breachNotice, needsRecord, noticeCodes } = evidence;
  const claimed = claims.organizations.map((o) => o.id);
  const checkedCodes = codes ?? noticeCodes.map((found): CheckedNoticeCode => ({ found, status: 'unchecked', organizationId: null, incidentId: null }));
  const notice = checkNotice({ message, extracted, breachNotice, needsRecord, claimed, findings, codes: checkedCodes }, incidents);
  // What the notice check found it asks for, a request, a call's opening or a known
  // scam pattern outrank "it asks for nothing".
  const all = notice.findings.length === 0 ? findings : [...findings, ...notice.findings];
  const asks = all.some((f) => f.code === 'incident.asks-for' || ASKING_CODE.test(f.code));
  const byCode = new Map<string, Finding[]>();
  for (const finding of all) {
    if (asks && finding.code === 'content.asks-nothing') continue;
    const list = byCode.get(finding.code);
    if (list === undefined) byCode.set(finding.code, [finding]);
    else list.push(finding);
  }
  const incidentTitle: IncidentTitles = (id) => incidents.find((i) => i.id === id)?.title;
  const reasons: Reason[] = [];
  for (const [code, group] of byCode) reasons.push(toReason(code, group, incidentTitle));
  // Strongest warnings first, then the evidence that the message is genuine.
  const reassuring = (r: Reason): boolean => r.severity === 'positive';
  reasons.sort((a, b) =>
    reassuring(a) !== reassuring(b) ? (reassuring(a) ? 1 : -1) : Math.abs(b.score) - Math.abs(a.score),
  );
  const total = reasons.reduce((sum, r) => sum + r.score, 0);
  // Advertising is not danger: how mass mail looks, with hints beside it (a word a
  // scam would use, a sign-in path), can make a message medium; only evidence of harm
  // (what it asks, where it leads, whom it pretends to be) can make it high.
  const harmful = reasons.some((r) => (r.severity === 'medium' || r.severity === 'high') && ruleFor(r.code).bulk !== true);
  const score = Math.max(0, Math.min(harmful ? 100 : HIGHEST_BULK_ONLY_SCORE, Math.round(total)));
  const risk = riskOf(score);
  const bulk = risk === 'medium' && !harmful && readsAsAdvertising(message, reasons, claimed);
  return {
    risk,
    score,
    reasons,
    advice: chooseAdvice(risk, bulk, reasons, message, extracted),
    claimed: { organizations: claimed },
    breachNotice,
    bulk,
    incident: notice.match,
    requests: reading.requests,
  };
}
