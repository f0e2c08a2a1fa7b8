// The contract between evidence modules and the verdict. Each module in this folder
// looks at one family of evidence (sender, links, phones, content, language,
// attachments, auth) and returns findings; it never scores them. Scores, severities and
// the words shown to the reader are data (data/reasons.json), like SpamAssassin's rule
// scores, so tuning is a data change.
import type { Extracted, Location } from '../extract/types.js';
import type { Message } from '../message/types.js';
import type { Reading } from '../extract/requests.js';
import type { Claims } from './claims.js';

export interface Finding {
  /** Stable reason code, a key of data/reasons.json: "link.not-official-domain". */
  code: string;
  /** What triggered it, as the reader can see it: a domain, a phrase, a number, a file
   * name. Never a recipient address. */
  evidence: string;
  /** Where it is in the message, when it has one place. */
  location?: Location;
  /** Values for the reason's message template. `organization` holds an organization
   * id; the verdict shows its name in the reader's language. */
  params?: Record<string, string>;
}

export interface SignalContext {
  message: Message;
  extracted: Extracted;
  claims: Claims;
  /** Subject and text, folded for reading (foldForReading), once for every module. */
  folded: string;
  /** What the message asks the reader to do, and the concept words its own sentences use. */
  reading: Reading;
  /** The text model's probability, when given instead of scoring (evaluation only). */
  spamProbability?: number;
}

export type SignalModule = (context: SignalContext) => Finding[];
