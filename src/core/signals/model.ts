// The statistical text model's opinion as evidence (src/core/model): how much the wording
// as a whole reads like the spam and scams it was trained on. It was trained on English
// corpora, so it speaks only when it knows enough of the message's words; Japanese text
// is left to the rules. A few words are no wording to judge: "hi" or "Your account"
// would be scored on the model's prior and its bias, so a short message is left to the
// rules and the reader is told so.
//
// Wording is not the whole story of a mail: the same advertising reads the same from a
// shop that signs it with its own site as from someone who cannot be found. A mail whose
// sender the mail itself shows — its links lead to the From address's own domain, or the
// receiving server vouched for that domain — is judged at the model's 0.25% threshold.
// A mail that shows nobody (a free-mail box, or links only to other people's sites, or
// no link at all) is judged at the 2.5% threshold: wording that reads like spam there
// is model.spam-unidentified, with as much weight as model.spam-likely. Text without a
// sender address to compare (an SMS, mail pasted without its headers) is judged at the
// 1% threshold. The thresholds are the model's own, chosen by cross-validation on its
// training ham; which one applies where was chosen on the training mail alone, scored
// with out-of-fold probabilities (`npm run eval -- --split train --oof`, issue 13): of
// the false-positive points compared, 0.25% and 2.5% were the only pair no worse than
// 1% and 2% on any training group — as much of spam-1 and of the Nazario development
// half flagged, 4 fewer of the 110 genuine commercial mails and 2 fewer of the 2,500
// personal and list mails.
import type { Extracted } from '../extract/types.js';
import { isFreemail } from '../knowledge/lists.js';
import type { Message } from '../message/types.js';
import { assessSpam, modelInputFromMessage, type ModelInput, type SpamAssessment } from '../model/index.js';
import { authenticated, receivingServerResults } from './authentication.js';
import { registrable } from './domains.js';
import type { Finding, SignalContext } from './types.js';

/** Share of the message's features the model must know before its opinion counts. */
const MIN_COVERAGE = 0.5;

/** Below this probability the wording reads as ordinary mail. */
const HAM_PROBABILITY = 0.05;

/** Letters and digits the subject and body must hold for the model to read them: a
 * greeting, a lone "Click here" or "Your account" is too little to tell wording from
 * chance. No spam or smishing text of the SMS training split holds fewer; 155 genuine
 * ones do ("Ok lor", "Where are you?"). */
export const MODEL_MIN_CHARACTERS = 12;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
/** MODEL_MIN_CHARACTERS letters and digits in the body (most messages): found by one
 * match instead of one search per character. The repeated group can be
 * split one way only (the classes are disjoint): linear. */
const ENOUGH_CHARACTERS = new RegExp(`^(?:[^\\p{L}\\p{N}]*[\\p{L}\\p{N}]){${MODEL_MIN_CHARACTERS}}`, 'u');

/** Letters and digits of what the model reads as the message's words, counted up to
 * MODEL_MIN_CHARACTERS. */
function wordCharacters(input: ModelInput): number {
  if (ENOUGH_CHARACTERS.test(input.text)) return MODEL_MIN_CHARACTERS;
  let count = 0;
  for (const field of [input.subject ?? '', input.text, input.htmlText ?? '']) {
    LETTER_OR_DIGIT.lastIndex = 0;
    while (count < MODEL_MIN_CHARACTERS && LETTER_OR_DIGIT.exec(field) !== null) count++;
    if (count >= MODEL_MIN_CHARACTERS) break;
  }
  return count;
}

/** Whether a mail shows who sent it (see senderView); 'unknown' when there is no
 * sender address to compare. */
export type SenderView = 'shown' | 'hidden' | 'unknown';

/**
 * Whether an email shows who sent it: the From address is at a domain of its own (not a
 * free-mail box), replies do not go to a free-mail box, and a link in the body leads to
 * that domain, or the receiving server vouched for it (DMARC pass, or an aligned DKIM
 * signature). Text messages, and mail pasted without its From header, have no sender
 * address to compare: they are 'unknown'.
 */
export function senderView(message: Message, extracted: Extracted): SenderView {
  // Text pasted without its headers has no sender to judge: missing headers are no
  // evidence that the sender hides.
  if (message.channel !== 'email' || message.from?.domain == null) return 'unknown';
  return senderShown(message.from.domain, message, extracted) ? 'shown' : 'hidden';
}

function senderShown(fromDomain: string, message: Message, extracted: Extracted): boolean {
  const domain = registrable(fromDomain);
  if (domain === null || isFreemail(domain)) return false;
  // Replies that go to a free-mail box leave the company address a mask.
  const replyToFreemail = message.replyTo.some((r) => {
    const reply = registrable(r.domain);
    return reply !== null && reply !== domain && isFreemail(reply);
  });
  if (replyToFreemail) return false;
  if (authenticated(receivingServerResults(message), domain)) return true;
  return extracted.urls.some((u) => u.registrableDomain === domain && u.location.field !== 'subject' && u.location.field !== 'fromName');
}

export function modelFindings({ message, extracted, spamProbability }: SignalContext): Finding[] {
  const input = modelInputFromMessage(message);
  const characters = wordCharacters(input);
  if (characters < MODEL_MIN_CHARACTERS) return [{ code: 'model.too-little-text', evidence: String(characters) }];
  const assessment = assessSpam(input);
  if (spamProbability !== undefined) assessment.probability = spamProbability;
  return findingsForAssessment(assessment, senderView(message, extracted));
}

/** The evidence one model assessment amounts to, for a mail whose sender is `sender` (senderView). */
export function findingsForAssessment(assessment: SpamAssessment, sender: SenderView = 'unknown'): Finding[] {
  if (assessment.coverage < MIN_COVERAGE) return [];
  const { probability, thresholds } = assessment;
  const evidence = probability.toFixed(2);
  if (probability >= (sender === 'shown' ? thresholds.fpr0_25 : thresholds.fpr1)) return [{ code: 'model.spam-likely', evidence }];
  if (sender === 'hidden' && probability >= thresholds.fpr2_5) return [{ code: 'model.spam-unidentified', evidence }];
  if (probability >= thresholds.fpr2) return [{ code: 'model.spam-possible', evidence }];
  if (probability < HAM_PROBABILITY) return [{ code: 'model.ham-likely', evidence }];
  return [];
}
