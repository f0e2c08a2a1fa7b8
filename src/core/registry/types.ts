// The incident registry's model: what happened, to whom, what leaked and what did not,
// how people were told, and where every fact comes from. Pure types, shared by the
// store (src/node/store), the HTTP API, the plan engine and the notice check.
import type { LocalizedText } from '../verdict/types.js';

/** How sure the registry is: confirmed by the organization, reported by the press, or not verified. */
export type IncidentStatus = 'confirmed' | 'reported' | 'unverified';

export const INCIDENT_STATUSES = ['confirmed', 'reported', 'unverified'] as const satisfies readonly IncidentStatus[];

/** How an organization told the people affected. */
export type NotificationMethod = 'postcard' | 'registered-mail' | 'letter' | 'email' | 'sms' | 'website' | 'phone';

export const NOTIFICATION_METHODS = [
  'postcard',
  'registered-mail',
  'letter',
  'email',
  'sms',
  'website',
  'phone',
] as const satisfies readonly NotificationMethod[];

/** Where a fact comes from. `date` is the publication date when known (YYYY-MM-DD).
 * Without a URL (the address was not recorded), `note` says where the fact comes from. */
export interface Source {
  url?: string;
  publisher: string;
  date?: string;
  /** Secondary, indirect or unverified sources say so here. */
  note?: string;
}

/** One data class: Have I Been Pwned's DataClasses name (the id) or a Japanese-notice class. */
export interface DataClass {
  /** HIBP's exact name ("Email addresses") or our own slug-like name for classes HIBP lacks. */
  id: string;
  label: LocalizedText;
  /** 'hibp' for Have I Been Pwned's vocabulary; 'ja-notice' for classes Japanese notices use. */
  origin: 'hibp' | 'ja-notice';
  /** Words a Japanese or English notice uses for this class, matched after NFKC + lower-casing. */
  terms: string[];
  /** Data a genuine notice never asks the recipient to give back (cards, passwords, bank accounts). */
  sensitive?: boolean;
}

export interface TimelineEvent {
  /** YYYY-MM, YYYY-MM-DD or a full ISO timestamp. */
  date: string;
  text: LocalizedText;
  sources: Source[];
}

export interface Notification {
  method: NotificationMethod;
  /** YYYY-MM-DD when known. */
  date?: string;
  /** The notices sent this way carry a leakaid verification code (a short code and a QR
   * code to /verify): a notice for this incident from this organization without one is
   * not theirs. */
  verificationCode?: true;
  sources: Source[];
}

/** An enquiry desk for the incident (phone, web form, email), only ever with a source. */
export interface EnquiryChannel {
  kind: 'phone' | 'web' | 'email';
  value: string;
  label?: LocalizedText;
  sources: Source[];
}

/** One organization's part in an incident (one incident can touch dozens). */
export interface AffectedOrganization {
  /** An id from data/organizations.json when the organization is known there; else a slug of our own. */
  organizationId: string;
  /** Shown when organizationId is not in data/organizations.json. */
  name?: LocalizedText;
  /** Records affected for this organization; omitted when not known. "up to" goes in recordsNote. */
  records?: number;
  recordsNote?: LocalizedText;
  /** Data class ids that leaked for this organization's customers. */
  dataClasses: string[];
  /** Data class ids the organization said explicitly did NOT leak (no card data, no passwords). */
  notExposed: string[];
  notifications: Notification[];
  /** The organization's own announcement. */
  announcementUrl?: string;
  enquiries: EnquiryChannel[];
  sources: Source[];
}

/** An organization that took part in the incident without being its victim (the contractor whose system leaked). */
export interface InvolvedOrganization {
  organizationId: string;
  name?: LocalizedText;
  role: LocalizedText;
  sources: Source[];
}

/** A follow-up scam known to exploit this incident or incidents like it. */
export interface FollowUpScam {
  text: LocalizedText;
  sources: Source[];
}

/** Have I Been Pwned's attribution for records imported from its API (CC BY 4.0). */
export interface Attribution {
  name: string;
  url: string;
  license: string;
  licenseUrl: string;
}

/** Fields of Have I Been Pwned's breach model kept as imported, so the v3 API can return them unchanged. */
export interface HibpBreach {
  Name: string;
  Title: string;
  Domain: string;
  BreachDate: string;
  AddedDate: string;
  ModifiedDate: string;
  PwnCount: number;
  Description: string;
  DataClasses: string[];
  IsVerified: boolean;
  IsFabricated: boolean;
  IsSensitive: boolean;
  IsRetired: boolean;
  IsSpamList: boolean;
  IsMalware: boolean;
  IsStealerLog: boolean;
  IsSubscriptionFree: boolean;
  LogoPath: string;
  /** Fields present in the source record that the model above does not name, kept verbatim. */
  [extra: string]: unknown;
}

export interface Incident {
  /** Stable slug: ntt-business-solutions-2023. Imported HIBP records use "hibp-" + the HIBP Name. */
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  cause?: LocalizedText;
  /** When the leak went on: start and end as YYYY-MM or YYYY-MM-DD. */
  period?: { start?: string; end?: string };
  discoveredDate?: string;
  announcedDate?: string;
  totalRecords?: number;
  status: IncidentStatus;
  affected: AffectedOrganization[];
  /** Contractors and others a notice may name when it explains how the leak happened. */
  involved?: InvolvedOrganization[];
  timeline: TimelineEvent[];
  followUpScams: FollowUpScam[];
  sources: Source[];
  /** Present on records that came from Have I Been Pwned. */
  attribution?: Attribution;
  /** The HIBP record as imported (HIBP-compatible API output). */
  hibp?: HibpBreach;
}

/** One line of a search result or list. */
export interface IncidentSummary {
  id: string;
  title: LocalizedText;
  announcedDate?: string;
  totalRecords?: number;
  status: IncidentStatus;
  organizationIds: string[];
  attribution?: Attribution;
}

/** A difference between a notice and the incident on record; each one is named for the reader. */
export interface IncidentDifference {
  /** Stable code, also the suffix of the reason code: `incident.${code}`. */
  code: string;
  /** What the notice said that does not fit (a data class id, a date, a phone, a link). */
  evidence: string;
  message: LocalizedText;
}

/** The result object's `incident` field (design.md §4). */
export interface IncidentMatch {
  id: string;
  /** The affected organization the notice speaks for; null when the notice does not say and its contents fit none. */
  organizationId: string | null;
  title: LocalizedText;
  consistent: boolean;
  differences: IncidentDifference[];
}
