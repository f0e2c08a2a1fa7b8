// The notice linter: reads an organization's draft notice for the parts a notice must
// contain (data/notice-lint.json, the data-class vocabulary), runs the same checker
// recipients use on it to find what makes genuine notices look like scams (links to
// log-in pages, requests for card data, pressure …), and says what to add or remove,
// with where in the draft it is.
import { checkInput, type CheckInputOptions, type CheckResult } from '../check.js';
import type { RequestAct } from '../extract/requests.js';
import { getOrganization, isOfficialPhone, officialDomain, type Organization } from '../knowledge/organizations.js';
import { foldForReading } from '../normalize/index.js';
import { dataClass, dataClassLabel, isSensitiveDataClass } from '../registry/data-classes.js';
import { readNoticeItems, type NoticeItems } from '../registry/notice-terms.js';
import type { LocalizedText, Reason } from '../verdict/types.js';
import { assertDraft } from './errors.js';
import {
  CONTACT_HOURS_TERMS,
  DENIAL_TERMS,
  FORM_TERMS,
  PART_TERMS,
  partLabel,
  QR_CODE_TERMS,
  SECRET_TERMS,
  WEB_PAGE_TERMS,
  wordsOf,
} from './knowledge.js';
import { FoldedDraft, MAX_SPANS_PER_KIND, mergeSpans } from './text.js';
import {
  LINT_SEVERITIES,
  NOTICE_PARTS,
  TERM_PARTS,
  type FindingCode,
  type LintFinding,
  type LintSeverity,
  type NoticeChannel,
  type NoticeLint,
  type NoticePart,
  type PartPresence,
  type Span,
} from './types.js';

export interface LintOptions {
  /** How the notice will be sent; by default a letter or postcard. */
  channel?: NoticeChannel;
  /** The incidents the checker compares notices with (see checkInput); by default the bundled seed. */
  incidents?: CheckInputOptions['incidents'];
}

/** Parts whose absence is a finding of their own; how-discovered only earns advice. */
const MISSING: Partial<Record<NoticePart, FindingCode>> = {
  'what-happened': 'notice.missing.what-happened',
  when: 'notice.missing.when',
  items: 'notice.missing.items',
  cause: 'notice.missing.cause',
  harm: 'notice.missing.harm',
  'not-leaked': 'notice.missing.not-leaked',
  measures: 'notice.missing.measures',
  'what-to-do': 'notice.missing.what-to-do',
  contact: 'notice.missing.contact',
  'contact-hours': 'notice.missing.contact-hours',
};

/** The checker's reasons that make a notice look like a scam, and what the linter calls them. */
const REASON_FINDINGS: Record<string, FindingCode> = {
  'link.credential-path': 'notice.scam.link-login',
  'link.shortener': 'notice.scam.link-shortener',
  'link.lookalike': 'notice.scam.link-not-own-domain',
  'link.brand-in-domain': 'notice.scam.link-not-own-domain',
  'link.resembles-brand': 'notice.scam.link-not-own-domain',
  'link.official-as-subdomain': 'notice.scam.link-not-own-domain',
  'link.official-in-path': 'notice.scam.link-not-own-domain',
  'link.ip-host': 'notice.scam.link-hidden-address',
  'link.userinfo': 'notice.scam.link-hidden-address',
  'link.mixed-script': 'notice.scam.link-hidden-address',
  'link.text-mismatch': 'notice.scam.link-hidden-address',
  'link.encoded-host': 'notice.scam.link-hidden-address',
  'link.abused-tld': 'notice.scam.link-hidden-address',
  'lure.credential-request': 'notice.scam.asks-secret',
  'lure.card-request': 'notice.scam.asks-secret',
  'lure.bank-request': 'notice.scam.asks-bank',
  'lure.personal-data-request': 'notice.scam.asks-personal-details',
  'lure.payment-demand': 'notice.scam.asks-money',
  'lure.gift-card-crypto': 'notice.scam.asks-money',
  'lure.countermeasure-fee': 'notice.scam.asks-money',
  'lure.atm-refund': 'notice.scam.asks-money',
  'phone.call-to-pay': 'notice.scam.asks-money',
  'lure.fake-compensation': 'notice.scam.compensation-registration',
  'lure.urgency-threat': 'notice.scam.pressure',
  'pattern.secrecy': 'notice.scam.pressure',
  'phone.not-official': 'notice.scam.phone-not-on-record',
  'phone.personal-line': 'notice.scam.personal-phone',
  'phone.premium': 'notice.scam.costly-phone',
  'phone.international': 'notice.scam.costly-phone',
  'lure.app-install': 'notice.scam.app-or-remote',
  'lure.remote-access': 'notice.scam.app-or-remote',
  'lure.contact-me': 'notice.scam.app-or-remote',
  'lure.data-deletion-offer': 'notice.scam.deletion-offer',
  'pattern.data-deletion': 'notice.scam.deletion-offer',
  // A word of urgency alone ("至急調査を進めております") is worth a second look; attached to
  // an instruction it is pressure (see urgencyFinding).
  'lure.urgency-threat.weak': 'notice.advice.urgency-words',
};

/** Other reasons of these families, when the checker counts them as a danger, are shown
 * as they are (notice.scam.other). Links, phones, lures and requests are mapped above;
 * the incident comparison is about an incident on record, not the one being announced;
 * the statistical model and sender checks say nothing of a draft's wording. */
const OTHER_FAMILIES = ['pattern.', 'lang.', 'call.', 'attachment.'];

/** What the reader is asked to do, and the scam look-alike it makes in a notice. Calling
 * the enquiry desk, opening a page and replying are what notices ask; links and numbers
 * are judged on their own. */
const ACT_FINDINGS: Record<RequestAct, FindingCode | null> = {
  pay: 'notice.scam.asks-money',
  'pay-for-order': 'notice.scam.asks-money',
  'buy-gift-card': 'notice.scam.asks-money',
  'hand-over': 'notice.scam.asks-money',
  'go-to-atm': 'notice.scam.asks-money',
  'tell-secret': 'notice.scam.asks-secret',
  'tell-bank': 'notice.scam.asks-bank',
  'tell-personal': 'notice.scam.asks-personal-details',
  'update-account': 'notice.scam.asks-personal-details',
  'remote-access': 'notice.scam.app-or-remote',
  'install-app': 'notice.scam.app-or-remote',
  'add-line': 'notice.scam.app-or-remote',
  'press-button': 'notice.scam.app-or-remote',
  call: null,
  'follow-link': null,
  reply: null,
};

const LINK_SCAMS: ReadonlySet<FindingCode> = new Set([
  'notice.scam.link-login',
  'notice.scam.link-shortener',
  'notice.scam.link-not-own-domain',
  'notice.scam.link-hidden-address',
]);

/** Values put into a finding's words: the same in both languages, or one per language. */
type Params = Record<string, string | LocalizedText>;

const LIST_SEPARATOR: LocalizedText = { ja: '、', en: ', ' };

function fill(template: LocalizedText, params: Params): LocalizedText {
  const one = (lang: 'ja' | 'en'): string =>
    template[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'string' ? value : value[lang];
    });
  return { ja: one('ja'), en: one('en') };
}

/** Gathers findings by code: a finding made twice (two bad links) is listed once with both spans. */
class Findings {
  private readonly byCode = new Map<FindingCode, { spans: Span[]; evidence: string[]; checkerCodes: string[]; checker: LocalizedText[]; params: Params }>();

  /** `reason`: the checker's reason behind it, whose words a finding can quote ({checker}). */
  add(code: FindingCode, at: { span?: Span | null; evidence?: string; checkerCode?: string; reason?: Reason; params?: Params } = {}): void {
    let entry = this.byCode.get(code);
    if (entry === undefined) {
      entry = { spans: [], evidence: [], checkerCodes: [], checker: [], params: {} };
      this.byCode.set(code, entry);
    }
    if (at.reason !== undefined && !entry.checker.some((m) => m.ja === at.reason!.message.ja)) entry.checker.push(at.reason.message);
    if (at.span != null && entry.spans.length < MAX_SPANS_PER_KIND && !entry.spans.some((s) => s[0] === at.span![0] && s[1] === at.span![1])) {
      entry.spans.push(at.span);
    }
    if (at.evidence !== undefined && at.evidence !== '' && !entry.evidence.includes(at.evidence)) entry.evidence.push(at.evidence);
    if (at.checkerCode !== undefined && !entry.checkerCodes.includes(at.checkerCode)) entry.checkerCodes.push(at.checkerCode);
    Object.assign(entry.params, at.params);
  }

  has(code: FindingCode): boolean {
    return this.byCode.has(code);
  }

  /** The findings, each one's words in the order the draft has them. */
  list(draft: string): LintFinding[] {
    const position = (words: string): number => {
      const at = draft.indexOf(words);
      return at === -1 ? draft.length : at;
    };
    const findings: LintFinding[] = [];
    for (const [code, entry] of this.byCode) {
      const { severity, title, message, example } = wordsOf(code);
      // 「暗証番号をご入力ください」 found by one reason and 「暗証番号」 by another are one place.
      const words = entry.evidence.filter((e) => !entry.evidence.some((other) => other !== e && other.includes(e))).sort((a, b) => position(a) - position(b));
      const evidence: LocalizedText = { ja: words.join(LIST_SEPARATOR.ja), en: words.join(LIST_SEPARATOR.en) };
      const checker: LocalizedText = { ja: entry.checker.map((m) => m.ja).join(''), en: entry.checker.map((m) => m.en).join(' ') };
      const params = { evidence, checker, ...entry.params };
      findings.push({
        code,
        severity,
        title,
        message: fill(message, params),
        example,
        spans: mergeSpans(entry.spans),
        checkerCodes: entry.checkerCodes,
      });
    }
    return findings;
  }
}

/**
 * Lints a draft notice. Throws EmptyDraftError or DraftTooLargeError for a draft it does
 * not read; anything else in the text is read, whatever it is.
 */
export async function lintNotice(draft: string, options: LintOptions = {}): Promise<NoticeLint> {
  assertDraft(draft);
  const channel = options.channel ?? 'letter';
  const result = await checkInput(
    { id: 'draft', text: draft, channel },
    options.incidents === undefined ? {} : { incidents: options.incidents },
  );
  const folded = new FoldedDraft(draft);
  const items = readNoticeItems(draft);
  const organization = claimedOrganization(result);
  const parts = readParts(folded, result, items, organization);
  const findings = new Findings();

  for (const presence of parts) {
    const code = MISSING[presence.part];
    if (code !== undefined && presence.required && !presence.present) findings.add(code);
  }
  if (!parts.find((p) => p.part === 'how-discovered')!.present) findings.add('notice.advice.how-discovered');
  addCheckerFindings(findings, result, folded, items, organization);
  addOwnScamFindings(findings, folded);
  addAdvice(findings, folded, result, items, organization);

  const ordered = findings.list(draft).sort(byImportance);
  const counts = Object.fromEntries(LINT_SEVERITIES.map((s) => [s, ordered.filter((f) => f.severity === s).length])) as Record<LintSeverity, number>;
  return {
    channel,
    organization: organization === null ? null : { id: organization.id, name: organization.display },
    findings: ordered,
    parts,
    counts,
  };
}

const MISSING_ORDER = Object.values(MISSING);

/** Missing parts in the order a notice gives them, then scam look-alikes and advice in the order of the draft. */
function byImportance(a: LintFinding, b: LintFinding): number {
  const severity = LINT_SEVERITIES.indexOf(a.severity) - LINT_SEVERITIES.indexOf(b.severity);
  if (severity !== 0) return severity;
  if (a.severity === 'missing-required') return MISSING_ORDER.indexOf(a.code) - MISSING_ORDER.indexOf(b.code);
  return (a.spans[0]?.[0] ?? Number.MAX_SAFE_INTEGER) - (b.spans[0]?.[0] ?? Number.MAX_SAFE_INTEGER);
}

/** The organization the draft speaks for, as the checker reads it (a letterhead, a
 * signature, a heading), when it is on record. */
function claimedOrganization(result: CheckResult): Organization | null {
  const id = result.claimed.organizations[0];
  return id === undefined ? null : (getOrganization(id) ?? null);
}

/** Phone numbers that can be an enquiry desk: not 110, 188 and the like. */
function deskPhones(result: CheckResult): CheckResult['extracted']['phones'] {
  return result.extracted.phones.filter((p) => p.type !== 'emergency-or-short' && p.location.field === 'text');
}

/** Links that can be a contact point: on the organization's own domain when it is on
 * record, and never one the checker finds suspect. */
function contactLinks(result: CheckResult, organization: Organization | null): CheckResult['extracted']['urls'] {
  const suspect = result.reasons.filter((r) => r.code.startsWith('link.') && r.score > 0 && r.location?.field === 'text').map((r) => r.location!.span[0]);
  return result.extracted.urls.filter(
    (u) =>
      u.location.field === 'text' &&
      !suspect.includes(u.location.span[0]) &&
      (organization === null || officialDomain(organization.id, u.host) !== undefined),
  );
}

function readParts(folded: FoldedDraft, result: CheckResult, items: NoticeItems, organization: Organization | null): PartPresence[] {
  const inDraft = (spans: Span[]): Span[] => spans.map((s) => folded.toDraft(s));
  const classSpans = (ids: Set<string>): Span[] => inDraft(folded.find([...ids].flatMap((id) => (dataClass(id)?.terms ?? []).map(foldForReading))));
  const phones = deskPhones(result);
  const urls = contactLinks(result, organization);
  const contact = [
    ...phones.map((p) => p.location.span),
    ...urls.map((u) => u.location.span),
    ...inDraft(folded.postalCodes()),
    ...inDraft(folded.find(WEB_PAGE_TERMS)),
  ];
  const found: Record<NoticePart, Span[]> = {
    ...(Object.fromEntries(TERM_PARTS.map((part) => [part, inDraft(folded.find(PART_TERMS.get(part) ?? []))])) as Record<(typeof TERM_PARTS)[number], Span[]>),
    when: inDraft(folded.dates()),
    items: items.leaked.size > 0 ? classSpans(items.leaked) : [],
    'not-leaked': items.denied.size > 0 ? classSpans(items.denied) : [],
    contact,
    'contact-hours': inDraft([...folded.find(CONTACT_HOURS_TERMS), ...folded.timesOfDay()]),
  };
  return NOTICE_PARTS.map((part) => {
    const spans = mergeSpans(found[part]).slice(0, MAX_SPANS_PER_KIND);
    // A class named only in a denial still counts as "said what did not leak"; its
    // terms may sit in a heading the spans do not reach, so presence follows the reading.
    const present = part === 'items' ? items.leaked.size > 0 : part === 'not-leaked' ? items.denied.size > 0 : spans.length > 0;
    // Hours matter for a phone desk; a postal address or a web page has none.
    const required = part === 'contact-hours' ? phones.length > 0 : MISSING[part] !== undefined;
    return { part, label: partLabel(part), required, present, spans };
  });
}

function addCheckerFindings(findings: Findings, result: CheckResult, folded: FoldedDraft, items: NoticeItems, organization: Organization | null): void {
  // Where a reason has no place of its own, its words are looked up, and shown as the draft wrote them.
  const placed = (reason: Pick<Reason, 'location' | 'evidence'>): { span: Span | null; evidence: string } => {
    if (reason.location?.field === 'text') return { span: reason.location.span, evidence: reason.evidence };
    const span = folded.locateInDraft(reason.evidence);
    return span === null ? { span: null, evidence: reason.evidence } : { span, evidence: folded.draft.slice(span[0], span[1]) };
  };
  const orgParams: Params = organization === null ? {} : { organization: organization.display, phones: officialPhones(organization) };
  const instructions: Span[] = [
    ...result.requests.flatMap((r) => {
      const { span } = placed({ evidence: r.evidence });
      return span === null ? [] : [span];
    }),
    ...result.extracted.urls.filter((u) => u.location.field === 'text').map((u) => u.location.span),
  ];
  for (const reason of result.reasons) {
    const code = REASON_FINDINGS[reason.code];
    if (code === 'notice.advice.urgency-words') {
      const at = placed(reason);
      findings.add(urgencyFinding(folded, at.span, instructions), { ...at, checkerCode: reason.code });
    } else if (code === 'notice.scam.link-not-own-domain' && organization !== null && reason.code === 'link.not-official') {
      // The checker names every link off the organization's domains in one reason; each is marked on its own.
      for (const url of result.extracted.urls) {
        if (url.location.field !== 'text' || officialDomain(organization.id, url.host) !== undefined) continue;
        findings.add(code, { span: url.location.span, evidence: url.hostUnicode, checkerCode: reason.code, reason });
      }
    } else if (code !== undefined) {
      findings.add(code, { ...placed(reason), checkerCode: reason.code, reason, params: orgParams });
    } else if (reason.score > 0 && (reason.severity === 'high' || reason.severity === 'medium') && OTHER_FAMILIES.some((f) => reason.code.startsWith(f))) {
      findings.add('notice.scam.other', { span: placed(reason).span, checkerCode: reason.code, reason });
    }
  }
  // A mobile or 050 enquiry number is a scam look-alike whoever signs the notice; the
  // checker says so only when it knows the organization.
  for (const phone of deskPhones(result)) {
    if (phone.type === 'mobile' || phone.type === 'ip-phone') findings.add('notice.scam.personal-phone', { span: phone.location.span, evidence: phone.raw });
  }
  for (const request of result.requests) {
    const code = ACT_FINDINGS[request.act];
    if (code === null || request.reported) continue;
    findings.add(code, { ...placed({ evidence: request.evidence }), checkerCode: `request.${request.act}` });
  }
  // A request for items in the reader's hand (「カード番号をご入力ください」) read from the
  // notice's own item vocabulary, for drafts whose wording the checker's requests miss.
  for (const id of items.requested) {
    const code: FindingCode =
      id === 'Bank account numbers' ? 'notice.scam.asks-bank' : SECRET_CLASSES.has(id) ? 'notice.scam.asks-secret' : 'notice.scam.asks-personal-details';
    const at = mergeSpans(folded.find((dataClass(id)?.terms ?? []).map(foldForReading)))[0];
    const span = at === undefined ? null : folded.toDraft(at);
    findings.add(code, { span, evidence: span === null ? dataClassLabel(id).ja : folded.draft.slice(span[0], span[1]) });
  }
}

/** Data classes that are secrets: a notice that asks for one asks for what only a scam wants. */
const SECRET_CLASSES: ReadonlySet<string> = new Set([
  'Credit cards',
  'Credit card CVV',
  'Partial credit card data',
  'PINs',
  'Passwords',
  'Historical passwords',
  'Auth tokens',
  'Security questions and answers',
]);

/** A word of urgency in the same sentence as something the reader is told to do (a
 * request, a link) presses the reader; on its own it only deserves a second look. */
function urgencyFinding(folded: FoldedDraft, span: Span | null, instructions: readonly Span[]): FindingCode {
  if (span === null) return 'notice.advice.urgency-words';
  const sentence = folded.sentences().map((s) => folded.toDraft(s)).find(([start, end]) => start <= span[0] && span[0] < end);
  const pressing = sentence !== undefined && instructions.some(([start, end]) => start < sentence[1] && sentence[0] < end);
  return pressing ? 'notice.scam.pressure' : 'notice.advice.urgency-words';
}

/** QR codes that lead to a form: the linter's own reading, as the checker reads no images. */
function addOwnScamFindings(findings: Findings, folded: FoldedDraft): void {
  for (const sentence of folded.sentences()) {
    const qr = folded.find(QR_CODE_TERMS, sentence)[0];
    if (qr === undefined) continue;
    const toForm = folded.find(FORM_TERMS, sentence).length > 0;
    const [start, end] = folded.toDraft(sentence);
    const evidence = folded.draft.slice(start, end).trim();
    findings.add(toForm ? 'notice.scam.qr-code-form' : 'notice.advice.qr-code', { span: folded.toDraft(qr), evidence });
  }
}

function addAdvice(findings: Findings, folded: FoldedDraft, result: CheckResult, items: NoticeItems, organization: Organization | null): void {
  const saysNeverAsk = folded.sentences().some((s) => folded.find(SECRET_TERMS, s).length > 0 && folded.find(DENIAL_TERMS, s).length > 0);
  if (!saysNeverAsk) findings.add('notice.advice.never-ask');

  const linkFlagged = [...LINK_SCAMS].some((code) => findings.has(code));
  if (!linkFlagged) {
    for (const url of result.extracted.urls) {
      if (url.location.field === 'text') findings.add('notice.advice.link', { span: url.location.span, evidence: url.raw });
    }
  }

  const sensitive = [...items.leaked].filter(isSensitiveDataClass);
  if (sensitive.length > 0) {
    const labels = sensitive.map(dataClassLabel);
    findings.add('notice.advice.sensitive-items', {
      params: { evidence: { ja: labels.map((l) => l.ja).join(LIST_SEPARATOR.ja), en: labels.map((l) => l.en).join(LIST_SEPARATOR.en) } },
    });
  }

  if (organization === null) return;
  const orgParams: Params = { organization: organization.display };
  const phones = deskPhones(result);
  if (organization.phones.length === 0) {
    for (const phone of phones) {
      if (phone.type === 'mobile' || phone.type === 'ip-phone') continue; // a scam look-alike already
      findings.add('notice.advice.phone-not-listed', { span: phone.location.span, evidence: phone.raw, params: orgParams });
    }
  }
  const namesOfficialDomain = organization.domains.some((d) => folded.text.includes(d.domain));
  const givesOfficialPhone = phones.some((p) => isOfficialPhone(organization, p.national));
  if (!namesOfficialDomain && !givesOfficialPhone && organization.domains.length + organization.phones.length > 0) {
    findings.add('notice.advice.official-contact', { params: { ...orgParams, channels: officialChannels(organization) } });
  }
}

function officialPhones(org: Organization): string {
  return org.phones.map((p) => p.number).join(', ') || '-';
}

function officialChannels(org: Organization): string {
  return [...org.domains.map((d) => d.domain), ...org.phones.map((p) => p.number)].join(', ');
}
