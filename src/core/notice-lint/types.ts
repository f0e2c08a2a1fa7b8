// What the notice linter says about a draft: findings in the order they matter, and
// which of the parts a notice must contain it was found to have.
import type { LocalizedText } from '../verdict/types.js';

/** How bad a finding is, in the order they are listed. */
export const LINT_SEVERITIES = ['missing-required', 'looks-like-a-scam', 'advice'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** How the notice will reach people: the checker reads each the way recipients get it. */
export const NOTICE_CHANNELS = ['letter', 'email', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * The parts of a notice, in the order a reader meets them. The Personal Information
 * Protection Commission asks for an outline (what happened, when, how it was found), the
 * items concerned, the cause, secondary harm or its risk and an enquiry desk; what did
 * not leak, the measures and what the recipient should do are the product's advice.
 */
export const NOTICE_PARTS = [
  'what-happened',
  'when',
  'how-discovered',
  'items',
  'cause',
  'harm',
  'not-leaked',
  'measures',
  'what-to-do',
  'contact',
  'contact-hours',
] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];

/** Parts found by their words alone (data/notice-lint.json); the others are read from the
 * draft's structure: dates, data items, phone numbers and addresses. */
export const TERM_PARTS = ['what-happened', 'how-discovered', 'cause', 'harm', 'measures', 'what-to-do'] as const;
export type TermPart = (typeof TERM_PARTS)[number];

/** Every finding the linter can make; its words live in data/notice-lint.json. */
export const FINDING_CODES = [
  'notice.missing.what-happened',
  'notice.missing.when',
  'notice.missing.items',
  'notice.missing.cause',
  'notice.missing.harm',
  'notice.missing.not-leaked',
  'notice.missing.measures',
  'notice.missing.what-to-do',
  'notice.missing.contact',
  'notice.missing.contact-hours',
  'notice.scam.link-login',
  'notice.scam.link-shortener',
  'notice.scam.link-not-own-domain',
  'notice.scam.link-hidden-address',
  'notice.scam.asks-secret',
  'notice.scam.asks-bank',
  'notice.scam.asks-personal-details',
  'notice.scam.asks-money',
  'notice.scam.compensation-registration',
  'notice.scam.pressure',
  'notice.scam.phone-not-on-record',
  'notice.scam.personal-phone',
  'notice.scam.costly-phone',
  'notice.scam.qr-code-form',
  'notice.scam.app-or-remote',
  'notice.scam.deletion-offer',
  'notice.scam.other',
  'notice.advice.how-discovered',
  'notice.advice.never-ask',
  'notice.advice.link',
  'notice.advice.official-contact',
  'notice.advice.phone-not-listed',
  'notice.advice.qr-code',
  'notice.advice.urgency-words',
  'notice.advice.sensitive-items',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** [start, end) UTF-16 offsets into the draft as given. */
export type Span = [number, number];

export interface LintFinding {
  code: FindingCode;
  severity: LintSeverity;
  /** One line: what is wrong. */
  title: LocalizedText;
  /** Why it matters and what to add, remove or write instead. */
  message: LocalizedText;
  /** A sentence that could be added, for a missing part; else null. */
  example: LocalizedText | null;
  /** Where in the draft (empty for a part that is missing). */
  spans: Span[];
  /** The checker's reason codes (or request acts, as request.ACT) behind a scam look-alike. */
  checkerCodes: string[];
}

export interface PartPresence {
  part: NoticePart;
  label: LocalizedText;
  /** Leaving it out is a finding of severity missing-required. */
  required: boolean;
  present: boolean;
  spans: Span[];
}

export interface NoticeLint {
  channel: NoticeChannel;
  /** The organization the draft speaks for, when it is on record. */
  organization: { id: string; name: LocalizedText } | null;
  /** Most important first: missing parts, then scam look-alikes, then advice. */
  findings: LintFinding[];
  parts: PartPresence[];
  counts: Record<LintSeverity, number>;
}

/** Whether the draft should change before it is sent: a required part is missing or
 * something in it looks like a scam (advice alone does not count). */
export function needsChanges(lint: NoticeLint): boolean {
  return lint.counts['missing-required'] > 0 || lint.counts['looks-like-a-scam'] > 0;
}
