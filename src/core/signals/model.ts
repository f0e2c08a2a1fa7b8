// The statistical text model's opinion as evidence (src/core/model): how much the wording
// as a whole reads like the spam and scams it was trained on. It was trained on English
// corpora, so it speaks only when it knows enough of the message's words; Japanese text
// is left to the rules.
import { assessSpam, modelInputFromMessage, type SpamAssessment } from '../model/index.js';
import type { Finding, SignalContext } from './types.js';

/** Share of the message's features the model must know before its opinion counts. */
const MIN_COVERAGE = 0.5;

/** Below this probability the wording reads as ordinary mail. */
const HAM_PROBABILITY = 0.05;

export function modelFindings({ message }: SignalContext): Finding[] {
  return findingsForAssessment(assessSpam(modelInputFromMessage(message)));
}

/** The evidence one model assessment amounts to. */
export function findingsForAssessment(assessment: SpamAssessment): Finding[] {
  if (assessment.coverage < MIN_COVERAGE) return [];
  const { probability, thresholds } = assessment;
  const evidence = probability.toFixed(2);
  if (probability >= thresholds.fpr1) return [{ code: 'model.spam-likely', evidence }];
  if (probability >= thresholds.fpr2) return [{ code: 'model.spam-possible', evidence }];
  if (probability < HAM_PROBABILITY) return [{ code: 'model.ham-likely', evidence }];
  return [];
}
