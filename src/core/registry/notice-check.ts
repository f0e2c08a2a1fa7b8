// Checking a breach notice against the record: which incident and organization it
// speaks for, and every way it differs from what that organization said — data items
// that did not leak, items not on record, requests a genuine notice never makes,
// phones, links and senders that are not the organization's, and dates that do not fit.
import type { Extracted } from '../extract/types.js';
import { getOrganization, isOfficialPhone, organizationForDomain } from '../knowledge/organizations.js';
import type { Message } from '../message/types.js';
import type { Finding } from '../signals/types.js';
import { describe } from '../verdict/rules.js';
import { shownCode, type CheckedNoticeCode } from '../notices/in-message.js';
import { dataClassLabel } from './data-classes.js';
import { announcementDates, readNoticeItems, type NoticeItems } from './notice-terms.js';
import type { AffectedOrganization, Incident, IncidentDifference, IncidentMatch } from './types.js';

/** Strong lure findings of the checker that mean "it asks you for something". */
const ASKING_REASONS = new Set([
  'lure.credential-request',
  'lure.card-request',
  'lure.bank-request',
  'lure.personal-data-request',
  'lure.payment-demand',
  'lure.gift-card-crypto',
  'lure.data-deletion-offer',
  'lure.countermeasure-fee',
  'lure.fake-compensation',
  'lure.app-install',
  'lure.remote-access',
  'lure.contact-me',
  'phone.call-to-pay',
]);

/** Words that refer to a leak: a message using them about an organization on record is compared with the record. */
const LEAK_MENTION = /流出|漏えい|漏洩|情報漏れ|持ち出さ|持ち出し|data breach|leaked|\bleak\b/i;

/** Kana or kanji: the notice is in Japanese, so its evidence is named in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A record that says only "personal information" cannot show an item is missing from it. */
const UNSPECIFIED = 'Personal information (unspecified)';

/** Differences listed at most per kind: a message with fifty links needs only the first few named. */
const MAX_EVIDENCE_PER_DIFFERENCE = 5;

export interface NoticeCheck {
  match: IncidentMatch | null;
  /** Findings for the verdict: incident.* reason codes of data/reasons.json. */
  findings: Finding[];
}

const NO_MATCH: NoticeCheck = { match: null, findings: [] };

function organizationIdsOf(incident: Incident): Set<string> {
  return new Set([...incident.affected, ...(incident.involved ?? [])].map((o) => o.organizationId));
}

/** How well the notice's items fit one organization's record: agreement minus contradiction. */
function fit(items: NoticeItems, affected: AffectedOrganization): number {
  let score = 0;
  for (const c of items.leaked) score += affected.dataClasses.includes(c) ? 1 : affected.notExposed.includes(c) ? -2 : 0;
  for (const c of items.denied) score += affected.notExposed.includes(c) ? 1 : affected.dataClasses.includes(c) ? -2 : 0;
  return score;
}

interface Choice {
  incident: Incident;
  affected: AffectedOrganization | null;
  /** Lower is better: claimed 0…, named 100, only fits the contents 200. */
  rank: number;
  fit: number;
}

function choose(
  incidents: readonly Incident[],
  claimed: readonly string[],
  named: ReadonlySet<string>,
  items: NoticeItems,
): Choice | null {
  let best: Choice | null = null;
  const consider = (choice: Choice): void => {
    if (best === null || choice.rank < best.rank || (choice.rank === best.rank && choice.fit > best.fit)) best = choice;
  };
  for (const incident of incidents) {
    const ids = organizationIdsOf(incident);
    const referenced = claimed.some((id) => ids.has(id)) || [...named].some((id) => ids.has(id));
    if (!referenced) continue;
    const affectedIds = new Set(incident.affected.map((a) => a.organizationId));
    // A letter signed "弊社" that names only the contractor (NTTマーケティングアクトProCX) does
    // not say whose customers it writes to: the organization whose record it fits best.
    const speaksForAffected = claimed.some((id) => affectedIds.has(id));
    for (const affected of incident.affected) {
      const claimRank = claimed.indexOf(affected.organizationId);
      const score = fit(items, affected);
      if (claimRank !== -1) consider({ incident, affected, rank: claimRank, fit: score });
      else if (named.has(affected.organizationId)) consider({ incident, affected, rank: 100, fit: score });
      else if (!speaksForAffected && score > 0) consider({ incident, affected, rank: 200, fit: score });
    }
    if (!speaksForAffected) consider({ incident, affected: null, rank: 300, fit: 0 });
  }
  return best;
}

export interface NoticeCheckInput {
  message: Message;
  extracted: Extracted;
  /** The content reads as a breach notice (content.breach-notice). */
  breachNotice: boolean;
  /** comparesWithRecord(message, breachNotice), worked out once by the caller. */
  needsRecord: boolean;
  /** Organizations the message claims to speak for, strongest claim first. */
  claimed: readonly string[];
  /** The other evidence modules' findings: what the message asks for is among them. */
  findings: readonly Finding[];
  /** The verification codes the message carries, as the registry answered for them. */
  codes: readonly CheckedNoticeCode[];
}

function noticeText(message: Message): string {
  return [message.subject ?? '', message.text].join('\n');
}

/**
 * Whether checkNotice would compare this message with the incidents on record: it reads
 * as a breach notice, or — a follow-up such as 「お客様の情報が流出した件で…」 — refers to
 * a leak. Other messages never need the registry, so a check need not load it for them.
 */
export function comparesWithRecord(message: Message, breachNotice: boolean): boolean {
  return breachNotice || LEAK_MENTION.test(noticeText(message));
}

/** Differences a copied code cannot explain away. */
const COPY_TELLS: ReadonlySet<string> = new Set(['phone-not-on-record', 'link-not-official', 'sender-not-official', 'asks-for']);

/**
 * What the registry said of the codes: a genuine code is strong evidence of who issued
 * the notice (its differences from the record, a phone number or a link that is not on
 * record, still count: a fake letter can copy a real code); a code the registry does not
 * know, or withdrew, is evidence against; a code nobody could ask about is pointed out.
 */
function codeEvidence(codes: readonly CheckedNoticeCode[]): Finding[] {
  return codes.map((c): Finding => {
    const evidence = shownCode(c.found);
    const params = c.organizationId === null ? undefined : { organization: c.organizationId };
    const code = c.status === 'genuine' ? 'incident.code-genuine' : c.status === 'unchecked' ? 'incident.code-unchecked' : 'incident.code-not-genuine';
    return params === undefined ? { code, evidence } : { code, evidence, params };
  });
}

/**
 * Compares a message that reads as a breach notice with the incidents on record. Pure:
 * the caller passes the candidate incidents (the browser its bundled ones, Node those in
 * the store for the organizations the message names).
 */
export function checkNotice(input: NoticeCheckInput, incidents: readonly Incident[]): NoticeCheck {
  const { message, extracted, breachNotice, claimed, findings: evidence } = input;
  if (!input.needsRecord) return NO_MATCH;
  const text = noticeText(message);
  const named = new Set(extracted.organizations.map((m) => m.organizationId));
  const items = readNoticeItems(text);
  const chosen = choose(incidents, claimed, named, items);
  // A "/verify#…" link that is no payload at all is an ordinary link, not a code.
  const codes = input.codes.filter((c) => c.status !== 'invalid-format');
  const codeFindings = codeEvidence(codes);
  if (chosen === null) {
    const first = claimed[0];
    if (first === undefined || !breachNotice) return { match: null, findings: codeFindings };
    return { match: null, findings: [{ code: 'incident.none-on-record', evidence: first, params: { organization: first } }, ...codeFindings] };
  }
  const { incident, affected } = chosen;
  const orgId = affected?.organizationId ?? null;
  const diffs: Array<{ code: string; evidence: string }> = [];
  const add = (code: string, evidence: string[]): void => {
    for (const e of evidence.slice(0, MAX_EVIDENCE_PER_DIFFERENCE)) diffs.push({ code, evidence: e });
  };

  if (affected !== null) {
    add('data-not-exposed', [...items.leaked].filter((c) => affected.notExposed.includes(c)));
    if (affected.dataClasses.length > 0 && !affected.dataClasses.includes(UNSPECIFIED)) {
      add(
        'data-not-on-record',
        [...items.leaked].filter((c) => !affected.dataClasses.includes(c) && !affected.notExposed.includes(c)),
      );
    }
    add('data-denied-but-leaked', [...items.denied].filter((c) => affected.dataClasses.includes(c)));
  }
  const asked = new Set<string>();
  for (const finding of evidence) if (ASKING_REASONS.has(finding.code) && finding.evidence !== '') asked.add(finding.evidence);
  const lang = JAPANESE.test(text) ? 'ja' : 'en';
  for (const c of items.requested) asked.add(dataClassLabel(c)[lang]);
  add('asks-for', [...asked]);

  const org = orgId === null ? undefined : getOrganization(orgId);
  const enquiryPhones = new Set(
    (affected?.enquiries ?? []).filter((e) => e.kind === 'phone').map((e) => e.value.replace(/\D/g, '')),
  );
  add(
    'phone-not-on-record',
    [...new Set(extracted.phones.map((p) => p.national))].filter(
      (national) =>
        !enquiryPhones.has(national.replace(/\D/g, '')) && (org === undefined || !isOfficialPhone(org, national)),
    ),
  );
  const officialFor = (domain: string | null): boolean => {
    if (domain === null) return false;
    const owner = organizationForDomain(domain);
    return owner !== undefined && (owner.id === orgId || owner.category === 'government');
  };
  add(
    'link-not-official',
    [...new Set(extracted.urls.filter((u) => !officialFor(u.registrableDomain)).map((u) => u.hostUnicode))],
  );
  const sender = message.from?.address ?? null;
  if (message.channel === 'email' && sender !== null && orgId !== null) {
    const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
    if (organizationForDomain(domain)?.id !== orgId) add('sender-not-official', [sender]);
  }
  const onRecord = new Set(
    [incident.announcedDate, ...(affected?.notifications ?? []).map((n) => n.date)].filter(
      (d): d is string => d !== undefined,
    ),
  );
  if (onRecord.size > 0) add('date-mismatch', announcementDates(text).filter((d) => !onRecord.has(d)));
  // A code proves who issued a notice only when it is there: the record says this
  // organization's notices carry one.
  if (affected?.notifications.some((n) => n.verificationCode === true) === true && codes.length === 0) add('code-missing', [incident.id]);
  add('code-not-genuine', codes.filter((c) => c.status !== 'genuine' && c.status !== 'unchecked').map((c) => shownCode(c.found)));

  const findings: Finding[] = diffs.map((d) => ({
    code: `incident.${d.code}`,
    evidence: d.evidence,
    params: {
      ...(orgId === null ? {} : { organization: orgId }),
      incident: incident.id,
      ...(d.code.startsWith('data-') ? { dataClass: d.evidence } : {}),
      ...(d.code === 'date-mismatch' && incident.announcedDate !== undefined ? { expected: incident.announcedDate } : {}),
    },
  }));
  const differences: IncidentDifference[] = findings.map((f) => ({
    code: f.code.slice('incident.'.length),
    evidence: f.evidence,
    message: describe(f, (id) => (id === incident.id ? incident.title : undefined)),
  }));
  // An absence of differences proves little without knowing whose notice it is, or when
  // the message neither reads as a notice nor speaks for the organization it names (a
  // warning that mentions a company and the word 漏えい).
  const consistent = differences.length === 0 && orgId !== null && (breachNotice || claimed.includes(orgId));
  if (consistent) findings.push({ code: 'incident.consistent', evidence: incident.id, params: { incident: incident.id, organization: orgId } });
  // A genuine code beside a number, a link or a request its issuer's notices do not have
  // was copied onto a fake: it vouches for the paper it was printed on, not for this one.
  const copied = differences.some((d) => COPY_TELLS.has(d.code));
  for (const finding of codeFindings) {
    if (finding.code === 'incident.code-not-genuine') continue;
    findings.push(copied && finding.code === 'incident.code-genuine' ? { ...finding, code: 'incident.code-copied' } : finding);
  }
  return { match: { id: incident.id, organizationId: orgId, title: incident.title, consistent, differences }, findings };
}
