// A small Japanese text model: how much a message's wording reads like the real Japanese
// scams it learned from (ja-real, the development split), as opposed to genuine notices
// and the public warnings that quote scams. Logistic regression over character 1–3-grams;
// trained and measured by scripts/train-ja-model.ts (cross-validation grouped by site).
//
// It judges wording only: links are cut out before reading, so a message reads the same
// whether its links were kept or masked. It knows nothing about who sent a message or
// where its links go; the rules do. Its measured use is to add weight to concrete
// evidence the rules already found (a request, a scam pattern, a lure), never to decide
// on its own. Pure: no node: imports, runs in the browser. The model itself is
// data/model/ja.json: `loadJaModel(jaData)` once, then score with it.
import { z } from 'zod';
import { jaGrams, jaReadable, JA_MAX_GRAM } from './ja-features.js';

export { jaGrams, jaModelText, jaReadable, JA_MAX_CHARS, JA_MAX_GRAM, JA_MIN_KANA } from './ja-features.js';

export const JA_MODEL_FORMAT = 'leakaid-ja-text-model';
export const JA_MODEL_VERSION = 1;
const probability = z.number().min(0).max(1);

export const JaModelFileSchema = z
  .strictObject({
    format: z.literal(JA_MODEL_FORMAT),
    version: z.literal(JA_MODEL_VERSION),
    features: z.record(z.string(), z.unknown()),
    bias: z.number().finite(),
    weightScale: z.number().positive().finite(),
    grams: z.array(z.string().min(1).max(JA_MAX_GRAM * 2)).max(20_000),
    /** Weights times 1 / weightScale, as signed 16-bit integers. */
    weights: z.array(z.int().min(-32768).max(32767)),
    /** Probability thresholds chosen by cross-validation grouped by site, for a legit
     * false-positive rate of about 5% and 10% of the development split's legit messages. */
    thresholds: z.strictObject({ fpr5: probability, fpr10: probability }),
    /** Provenance and measurements; informative only. */
    training: z.record(z.string(), z.unknown()),
  })
  .refine((file) => file.grams.length === file.weights.length, { message: 'grams and weights differ in length', path: ['weights'] });

export type JaModelFile = z.infer<typeof JaModelFileSchema>;

export interface JaModel {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
  readonly thresholds: { readonly fpr5: number; readonly fpr10: number };
}

/** Validates a model file; throws with what is wrong. */
export function loadJaModel(data: unknown, label = 'Japanese model'): JaModel {
  const result = JaModelFileSchema.safeParse(data);
  if (!result.success) throw new Error(`${label} is invalid:\n${z.prettifyError(result.error)}`);
  const file = result.data;
  const weights = new Map<string, number>();
  file.grams.forEach((gram, i) => {
    if (weights.has(gram)) throw new Error(`${label}: gram ${JSON.stringify(gram)} appears twice`);
    weights.set(gram, file.weights[i]! * file.weightScale);
  });
  return { bias: file.bias, weights, thresholds: { ...file.thresholds } };
}

export interface JaScore {
  /** Log-odds that the text is a scam. */
  logit: number;
  /** The same as a probability in [0, 1]; compare it with the model's thresholds. */
  probability: number;
  /** Share of the text's distinct grams the model knows (0–1): low for text unlike
   * Japanese (English, a bare number), whose score is then little more than the bias. */
  coverage: number;
}

/** The model's opinion of `text` (the subject on its own line, then the body).
 * Deterministic; never throws on text. */
export function jaScore(text: string, model: JaModel): JaScore {
  const grams = jaGrams(text);
  let dot = 0;
  let known = 0;
  for (const gram of grams) {
    const w = model.weights.get(gram);
    if (w !== undefined) {
      dot += w;
      known++;
    }
  }
  // Binary features, L2-normalized over every gram of the text, known or not.
  const logit = model.bias + (grams.size > 0 ? dot / Math.sqrt(grams.size) : 0);
  const probability = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : Math.exp(logit) / (1 + Math.exp(logit));
  return { logit, probability, coverage: grams.size > 0 ? known / grams.size : 0 };
}

/** Whether the wording reads like a scam at the model's stricter threshold (about 5%
 * of the development split's legit messages reach it, in grouped cross-validation).
 * False for text with too little Japanese to read (jaReadable). Only for weighing
 * evidence the rules found: on its own it is not a verdict. */
export function jaScamLikely(text: string, model: JaModel): boolean {
  return jaReadable(text) && jaScore(text, model).probability >= model.thresholds.fpr5;
}
