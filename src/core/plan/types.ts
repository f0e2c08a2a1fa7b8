// The action plan's public shapes. A plan is computed from what leaked, what the record
// says did NOT leak, and a few yes/no answers; it is plain data, so the CLI, the HTTP API
// and the web app (which keeps progress in the browser) all render the same thing.
import type { EnquiryChannel } from '../registry/types.js';
import type { LocalizedText } from '../verdict/types.js';

export type { LocalizedText };

export type PlanLang = 'ja' | 'en';

/** Urgent: do it today. This week: soon, calmly. Keep watching: habits and recurring checks. */
export type PlanStage = 'urgent' | 'this-week' | 'keep-watching';

/** In the order a plan shows them. */
export const PLAN_STAGES = ['urgent', 'this-week', 'keep-watching'] as const satisfies readonly PlanStage[];

/** What the person tells us beyond the record. The "gave-…" and "paid-money" answers and
 * "clicked-link" add urgent recovery steps at the top of the plan. */
export type PlanAnswer =
  | 'reused-password'
  | 'card-online'
  | 'clicked-link'
  | 'gave-card'
  | 'gave-password'
  | 'gave-bank'
  | 'paid-money';

export const PLAN_ANSWERS = [
  'reused-password',
  'card-online',
  'clicked-link',
  'gave-card',
  'gave-password',
  'gave-bank',
  'paid-money',
] as const satisfies readonly PlanAnswer[];

/** A data class as the plan names it: the vocabulary id (HIBP DataClasses name or a
 * Japanese-notice class from data/registry/data-classes.json) and its labels. */
export interface DataClassRef {
  id: string;
  label: LocalizedText;
}

/** Where the data classes came from, when the plan was built for an incident. */
export interface PlanSource {
  incidentId: string;
  incidentTitle: LocalizedText;
  organizationId: string;
  organizationName: LocalizedText;
  /** The organization's own announcement, from the registry record. */
  announcementUrl?: string;
  /** Enquiry desks for this incident, each with its sources (from the registry record). */
  enquiries: EnquiryChannel[];
  /** The organization's official web domains with their sources (data/organizations.json),
   * so the person can check the notice without using anything printed on it. */
  officialDomains: { domain: string; source: string }[];
}

/** What a plan is computed from. Data classes are vocabulary ids; answers from PLAN_ANSWERS. */
export interface PlanInput {
  exposed: string[];
  notExposed: string[];
  answers: PlanAnswer[];
  source?: PlanSource;
}

/** A help desk or an official page a step points to; every one carries its source URL. */
export interface PlanResource {
  id: string;
  kind: 'help-desk' | 'reference';
  name: LocalizedText;
  for: LocalizedText;
  phone?: string;
  email?: string;
  url?: string;
  hours?: LocalizedText;
  source: string;
  checked: string;
  note?: string;
}

export interface PlanAction {
  text: LocalizedText;
  resource?: PlanResource;
}

export interface PlanRecurrence {
  every: 'week' | 'month';
  /** How many times the reminder recurs, the first one included. */
  times: number;
}

export interface PlanStep {
  id: string;
  stage: PlanStage;
  priority: number;
  title: LocalizedText;
  body: LocalizedText;
  actions: PlanAction[];
  /** How the person marks it done. */
  done: LocalizedText;
  recurrence?: PlanRecurrence;
  /** Why the step is in this plan: the leaked data classes and the answers that made it
   * apply (both empty for steps every plan has). */
  because: { exposed: DataClassRef[]; answers: PlanAnswer[] };
}

/** "Not needed, because …": a step left out because the record says that data did NOT leak. */
export interface NotNeededLine {
  stepId: string;
  dataClasses: DataClassRef[];
  text: LocalizedText;
}

export interface PlanStageGroup {
  id: PlanStage;
  label: LocalizedText;
  steps: PlanStep[];
}

export interface Plan {
  /** Bumped when the shape changes, so stored plans can be told apart. */
  version: 1;
  input: PlanInput;
  exposed: DataClassRef[];
  notExposed: DataClassRef[];
  /** All three stages in order; a stage may have no steps. */
  stages: PlanStageGroup[];
  notNeeded: NotNeededLine[];
  source?: PlanSource;
}

/** Progress on one plan: for each step id, whether it is done and the date (YYYY-MM-DD)
 * it was last marked done or undone. */
export type PlanProgress = Record<string, { done: boolean; at: string }>;
