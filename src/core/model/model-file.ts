// The model file format (data/model/*.json, written by scripts/train-model.ts) and its
// validation, apart from scoring (model.ts) so that checking a message does not load a
// validation library: the bundled models are validated when the product is built and
// tested (src/core/bundled-knowledge.ts).
import { z } from 'zod';
import type { FeatureConfig } from './features.js';
import { buildModel, type TextModel } from './model.js';

export const MODEL_FORMAT = 'leakaid-text-model';
export const MODEL_VERSION = 1;
/** More features than this is a broken or wrong file (and too large to ship). */
export const MAX_MODEL_FEATURES = 250_000;

const FeatureConfigSchema = z.strictObject({
  charMin: z.int().min(0).max(8),
  charMax: z.int().min(0).max(8),
  words: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  meta: z.boolean(),
  fromDomain: z.boolean(),
  maxChars: z.int().min(100).max(1_000_000),
}) satisfies z.ZodType<FeatureConfig>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const probability = z.number().min(0).max(1);

export const ModelFileSchema = z
  .strictObject({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    /** Which messages the model is for. */
    name: z.enum(['email', 'sms']),
    features: FeatureConfigSchema,
    values: z.enum(['binary', 'log-tf']),
    bias: z.number().finite(),
    weightScale: z.number().positive().finite(),
    count: z.int().min(0).max(MAX_MODEL_FEATURES),
    keys: base64,
    weights: base64,
    /** Probability thresholds chosen on cross-validation inside the training data, for a
     * false-positive rate of about 0.25%, 1%, 2% and 2.5% (of ham scored above them). */
    thresholds: z.strictObject({ fpr0_25: probability, fpr1: probability, fpr2: probability, fpr2_5: probability }),
    /** Provenance and measurements; informative only, never read by the scorer. */
    training: z.record(z.string(), z.unknown()),
  })
  .refine((file) => file.features.charMax >= file.features.charMin, { message: 'charMax < charMin', path: ['features'] })
  .refine(({ thresholds: t }) => t.fpr0_25 >= t.fpr1 && t.fpr1 >= t.fpr2 && t.fpr2 >= t.fpr2_5, {
    message: 'a threshold for a larger share of false positives must not be higher',
    path: ['thresholds'],
  });

export type ModelFile = z.infer<typeof ModelFileSchema>;

/** Validates a model file and builds its lookup table; throws with what is wrong. */
export function loadModel(data: unknown, label = 'model'): TextModel {
  const result = ModelFileSchema.safeParse(data);
  if (!result.success) throw new Error(`${label} is invalid:\n${z.prettifyError(result.error)}`);
  return buildModel(result.data, label);
}
