// One entry point for "check what I received": decides whether the input is an
// email or plain text, parses it into a Message, extracts what matters and judges it.
import { extract } from './extract/index.js';
import type { ExtractedRequest } from './extract/requests.js';
import type { Extracted } from './extract/types.js';
import { decodeText } from './message/decode-text.js';
import { looksLikeEmail } from './message/detect.js';
import type { parseEmail } from './message/email.js';
import { assertInputSize, NothingToCheckError } from './message/errors.js';
import { messageFromText } from './message/text.js';
import type { Incident, IncidentMatch } from './registry/types.js';
import type { Attachment, AuthResult, Channel, MailAddress, Message, Skipped } from './message/types.js';
import type { CheckedNoticeCode, NoticeCodeVerifier } from './notices/in-message.js';
import { conclude, gatherEvidence, type Evidence } from './verdict/index.js';
import type { Advice, Reason, Risk, Verdict } from './verdict/types.js';

export type ChannelHint = Channel | 'auto';

export type CheckInput =
  | { id: string; text: string; channel?: ChannelHint }
  | { id: string; eml: string | Uint8Array; channel?: ChannelHint }
  /** Bytes of unknown kind (a file, stdin): an email if it looks like one, else text. */
  | { id: string; bytes: Uint8Array; channel?: ChannelHint };

/** The parts of a Message a reader needs to see in a result; never the recipients. */
export interface MessageSummary {
  channel: Channel;
  from: MailAddress | null;
  replyTo: MailAddress[];
  returnPath: string | null;
  subject: string | null;
  date: string | null;
  attachments: Attachment[];
  authResults: AuthResult[];
  /** Characters of readable text (text body, or the HTML as text). */
  textLength: number;
}

/** The result object of design.md §4. */
export interface CheckResult {
  id: string;
  risk: Risk;
  /** 0–100. */
  score: number;
  kind: 'breach-notice' | 'message';
  /** An email of medium risk on how mass mail looks alone, with no evidence of harm:
   * advertising mail (Verdict.bulk). */
  bulk: boolean;
  claimed: { organizations: string[] };
  /** The incident on record the notice refers to, with each difference from the record; null when none matched. */
  incident: IncidentMatch | null;
  reasons: Reason[];
  advice: Advice[];
  /** What the message asks the reader to do (pay, hand over a card, tell a PIN, call …). */
  requests: ExtractedRequest[];
  message: MessageSummary;
  extracted: Extracted;
  /** What was not looked at because a limit was reached. */
  skipped: Skipped[];
}

export async function toMessage(input: CheckInput): Promise<Message> {
  const hint = input.channel ?? 'auto';
  assertInputSize('text' in input ? input.text : 'eml' in input ? input.eml : input.bytes);
  if ('text' in input) return messageFromText(input.text, textChannel(hint));
  if ('eml' in input) return (await emailParser())(input.eml, { channel: emailChannel(hint) });
  if (hint === 'email' || (hint === 'auto' && looksLikeEmail(input.bytes))) {
    return (await emailParser())(input.bytes, { channel: emailChannel(hint) });
  }
  return messageFromText(decodeText(input.bytes), textChannel(hint));
}

// Asked for once: a dynamic import per message cost more than parsing a short email.
let loadingEmailParser: Promise<typeof parseEmail> | undefined;

/**
 * The email parser (postal-mime, htmlparser2), loaded when the first email arrives: a
 * text message does not need it, and loading it made every start of a check slower.
 */
function emailParser(): Promise<typeof parseEmail> {
  loadingEmailParser ??= import('./message/email.js').then((module) => module.parseEmail);
  return loadingEmailParser;
}

export interface CheckOptions {
  /** Incidents a breach notice is compared with: those in Node's store, or the bundled
   * seed (registry/seed.ts). */
  incidents: readonly Incident[];
}

/**
 * Loads the incidents a breach notice is compared with. checkInput calls it only for a
 * message that reads as a notice or refers to a leak, so checking an ordinary message
 * never opens the store.
 */
export type IncidentLoader = () => Promise<readonly Incident[]>;

/** The bundled seed, loaded only for a message that needs the record: parsing it took
 * a noticeable part of a short check's start. */
const seedIncidents: IncidentLoader = async () => (await import('./registry/seed.js')).SEED_INCIDENTS;

export interface CheckInputOptions {
  /** The incidents, or their loader (see IncidentLoader); by default the bundled seed. */
  incidents?: readonly Incident[] | IncidentLoader;
  /** Asks the registry about the verification codes a notice carries; without it they are
   * pointed out as unchecked. Called only for codes found in a message read as a notice. */
  verifyNoticeCode?: NoticeCodeVerifier;
  /** The text model's probability for this message, used instead of the shipped model's
   * (evaluation: a training message's out-of-fold probability, so that the rules beside
   * the model are judged as on a message the model never saw). */
  spamProbability?: number;
}

export async function checkInput(input: CheckInput, options: CheckInputOptions = {}): Promise<CheckResult> {
  const message = await toMessage(input);
  const { incidents = seedIncidents, verifyNoticeCode, spamProbability } = options;
  const evidence = examine(message, spamProbability);
  const { needsRecord, noticeCodes } = evidence.gathered;
  const record = typeof incidents === 'function' ? (needsRecord ? await incidents() : []) : incidents;
  const codes =
    verifyNoticeCode === undefined
      ? undefined
      : await Promise.all(noticeCodes.map(async (found): Promise<CheckedNoticeCode> => ({ found, ...(await verifyNoticeCode(found)) })));
  return toResult(input.id, evidence, conclude(evidence.gathered, record, codes));
}

/** Whether a message has anything a check could read. */
function hasContent(message: Message): boolean {
  const blank = (s: string | null): boolean => s === null || !/\S/.test(s);
  return !blank(message.text) || !blank(message.htmlText) || !blank(message.subject) || message.links.length > 0 || message.attachments.length > 0;
}

interface Examined {
  message: Message;
  extracted: ReturnType<typeof extract>;
  gathered: Evidence;
}

/** Extracts and gathers the evidence. Throws NothingToCheckError when the message has nothing to read. */
function examine(message: Message, spamProbability?: number): Examined {
  if (!hasContent(message)) throw new NothingToCheckError();
  const extracted = extract(message);
  return { message, extracted, gathered: gatherEvidence(message, extracted.extracted, spamProbability) };
}

/** Judges a parsed message. Throws NothingToCheckError when it has nothing to read. */
export function checkMessage(id: string, message: Message, options: CheckOptions): CheckResult {
  const evidence = examine(message);
  return toResult(id, evidence, conclude(evidence.gathered, options.incidents));
}

function toResult(id: string, { message, extracted }: Examined, verdict: Verdict): CheckResult {
  return {
    id,
    risk: verdict.risk,
    score: verdict.score,
    kind: verdict.breachNotice ? 'breach-notice' : 'message',
    bulk: verdict.bulk,
    claimed: verdict.claimed,
    incident: verdict.incident,
    reasons: verdict.reasons,
    advice: verdict.advice,
    requests: verdict.requests,
    message: summarize(message),
    extracted: extracted.extracted,
    skipped: [...message.skipped, ...extracted.skipped],
  };
}

function summarize(message: Message): MessageSummary {
  return {
    channel: message.channel,
    from: message.from,
    replyTo: message.replyTo,
    returnPath: message.returnPath,
    subject: message.subject,
    date: message.date,
    attachments: message.attachments,
    authResults: message.authResults,
    textLength: message.text.length,
  };
}

function textChannel(hint: ChannelHint): Channel {
  return hint === 'auto' ? 'unknown' : hint;
}

function emailChannel(hint: ChannelHint): Channel {
  return hint === 'auto' ? 'email' : hint;
}
