// The statistical text model: one more opinion on top of the rules. It says how much a
// message reads like spam/smishing it learned from (old English corpora, see
// data/model/*.json `training`); it knows nothing about organizations, links' real
// owners or Japanese wording, which the rules cover. Two models: one for email, one
// for short texts (SMS and other channels without mail headers).
//
// Retrain with `node --import tsx scripts/train-model.ts` (needs ../shared/data).
import { EMAIL_MODEL, SMS_MODEL } from './built-models.js';
import { hasMailParts, type ModelInput } from './features.js';
import { explainScore, modelProbability, modelScore, sigmoid, type Contribution, type ModelThresholds, type TextModel } from './model.js';

export type { FeatureConfig, ModelInput, ModelLink } from './features.js';
export type { ModelFile } from './model-file.js';
export type { Contribution, ModelScore, TextModel } from './model.js';
export { modelLogit, modelScore, modelProbability, explainScore } from './model.js';
export { modelInputFromMessage } from './input.js';

export function getEmailModel(): TextModel {
  return EMAIL_MODEL;
}

export function getSmsModel(): TextModel {
  return SMS_MODEL;
}

/**
 * The model that reads `input`: the email model for email, and for other channels when
 * the input has mail parts (a subject or a sender); otherwise the short-text model.
 */
export function modelFor(input: ModelInput): TextModel {
  if (input.channel === 'email') return getEmailModel();
  if (input.channel === 'sms') return getSmsModel();
  return hasMailParts(input) ? getEmailModel() : getSmsModel();
}

/**
 * Probability in [0, 1] that the message is spam or a scam, by the text model alone.
 * Compare it with `modelFor(input).thresholds` (chosen on cross-validation for about
 * 0.25%, 1%, 2% and 2.5% false positives on the training data's ham) rather than with
 * 0.5: the models are trained with balanced classes. Never reads recipients;
 * deterministic.
 */
export function spamProbability(input: ModelInput): number {
  return modelProbability(modelFor(input), input);
}

export interface SpamAssessment {
  /** As spamProbability. */
  probability: number;
  /** Which model read the input. */
  model: 'email' | 'sms';
  /** The model's thresholds for about 0.25%, 1%, 2% and 2.5% false positives (cross-validated). */
  thresholds: ModelThresholds;
  /** Share of the input's features the model knows (0–1, see ModelScore); text unlike
   * its training data (Japanese, for these English-trained models) scores low here, and
   * its probability is then little more than the model's prior. */
  coverage: number;
}

/** spamProbability with what is needed to weigh it: model, thresholds, coverage. */
export function assessSpam(input: ModelInput): SpamAssessment {
  const model = modelFor(input);
  const { logit, coverage } = modelScore(model, input);
  return { probability: sigmoid(logit), model: model.name, thresholds: { ...model.thresholds }, coverage };
}

/** The text features that moved the probability most, strongest first (log-odds). */
export function explainSpamProbability(input: ModelInput, top = 10): { probability: number; contributions: Contribution[] } {
  const { logit, contributions } = explainScore(modelFor(input), input, top);
  return { probability: sigmoid(logit), contributions };
}
