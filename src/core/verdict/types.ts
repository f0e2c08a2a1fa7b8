import type { Location } from '../extract/types.js';
import type { ExtractedRequest } from '../extract/requests.js';
import type { IncidentMatch } from '../registry/types.js';

export type Risk = 'low' | 'medium' | 'high';
export type Severity = 'positive' | 'info' | 'low' | 'medium' | 'high';

export interface LocalizedText {
  ja: string;
  en: string;
}

/** One reason for the verdict, in both languages, with what triggered it. */
export interface Reason {
  code: string;
  severity: Severity;
  /** Points this reason added to the score (negative for evidence that the message is genuine). */
  score: number;
  message: LocalizedText;
  evidence: string;
  location?: Location;
}

export interface Advice {
  code: string;
  message: LocalizedText;
}

export interface Verdict {
  risk: Risk;
  /** 0–100. */
  score: number;
  /** Sorted by weight, strongest first. */
  reasons: Reason[];
  advice: Advice[];
  claimed: { organizations: string[] };
  /** It reads as a notice that personal data leaked (apology, leak, unauthorized access). */
  breachNotice: boolean;
  /** An email of medium risk on how mass mail looks alone (reasons marked `bulk` in
   * data/reasons.json, with hints of low severity beside them) and no evidence of harm:
   * it reads as advertising mail, and the reader is told so rather than "this may
   * be a scam". */
  bulk: boolean;
  /** The incident on record the notice speaks of, with each difference; null when none matched. */
  incident: IncidentMatch | null;
  /** What the message asks the reader to do, in the sentences that speak for it. */
  requests: ExtractedRequest[];
}
