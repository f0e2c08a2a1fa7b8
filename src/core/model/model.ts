// A trained text model: its lookup table and scoring. The file format (data/model/*.json,
// written by scripts/train-model.ts) and its validation are in model-file.ts.
//
// The model is logistic regression over hashed features (features.ts). A message's
// feature vector holds, for each distinct feature of the message, 1 (binary) or
// log(1 + count) (log-tf), L2-normalized over all of them; the score is bias + w·x over
// the features the model kept. Features it does not know contribute nothing but still
// count in the norm, so text unlike the training data (another language) scores near
// the bias rather than at random or with false confidence.
//
// File layout: the pruned features' ids (sorted unsigned 32-bit, little endian) and
// weights (signed 16-bit, little endian, times weightScale), each base64 encoded; the
// rest is plain JSON, including where the model came from and how it measured.
import { describeFeatures, extractFeatures, type FeatureConfig, type ModelInput } from './features.js';
import type { ModelFile } from './model-file.js';

/** Probabilities above which about 0.25%, 1%, 2% and 2.5% of the training ham scored in
 * cross-validation: the higher the share, the lower the threshold. */
export interface ModelThresholds {
  fpr0_25: number;
  fpr1: number;
  fpr2: number;
  fpr2_5: number;
}

export interface TextModel {
  readonly name: 'email' | 'sms';
  readonly config: FeatureConfig;
  readonly values: 'binary' | 'log-tf';
  readonly bias: number;
  /** Number of features. */
  readonly size: number;
  readonly keys: Uint32Array;
  readonly weights: Float32Array;
  readonly thresholds: Readonly<ModelThresholds>;
  /** The file's weightScale: weights[i] is Math.fround(its stored 16-bit value * weightScale). */
  readonly weightScale: number;
  // Open-addressing table from feature id to weight. Slot s holds the id at table[2s]
  // and the stored 16-bit weight + WEIGHT_OFFSET at table[2s + 1] (0: empty), so a
  // lookup touches one cache line, weight included.
  readonly mask: number;
  readonly table: Int32Array;
}

/** Added to a stored 16-bit weight in the table, so that no weight reads as an empty slot. */
const WEIGHT_OFFSET = 0x10000;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Builds the lookup table of a model file already validated (the bundled models are
 * validated when the product is built, see model-file.ts and src/core/bundled-knowledge.ts: validating
 * them again on every start took longer than a check).
 */
export function buildModel(file: ModelFile, label = 'model'): TextModel {
  const keyBytes = fromBase64(file.keys);
  const weightBytes = fromBase64(file.weights);
  if (keyBytes.length !== file.count * 4) throw new Error(`${label}: keys hold ${keyBytes.length / 4} ids, count says ${file.count}`);
  if (weightBytes.length !== file.count * 2) throw new Error(`${label}: weights hold ${weightBytes.length / 2} values, count says ${file.count}`);
  const keyView = new DataView(keyBytes.buffer);
  const weightView = new DataView(weightBytes.buffer);
  const keys = new Uint32Array(file.count);
  const weights = new Float32Array(file.count);
  for (let i = 0; i < file.count; i++) {
    keys[i] = keyView.getUint32(i * 4, true);
    weights[i] = weightView.getInt16(i * 2, true) * file.weightScale;
    if (i > 0 && keys[i]! <= keys[i - 1]!) throw new Error(`${label}: feature ids are not strictly ascending at ${i}`);
  }
  let tableSize = 16;
  while (tableSize < file.count * 2) tableSize *= 2;
  const mask = tableSize - 1;
  const table = new Int32Array(tableSize * 2);
  for (let i = 0; i < file.count; i++) {
    const id = keys[i]!;
    let slot = id & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = id | 0;
    table[2 * slot + 1] = weightView.getInt16(i * 2, true) + WEIGHT_OFFSET;
  }
  return {
    name: file.name,
    config: file.features,
    values: file.values,
    bias: file.bias,
    size: file.count,
    keys,
    weights,
    thresholds: file.thresholds,
    weightScale: file.weightScale,
    mask,
    table,
  };
}

/** Weight of a feature id in the model, or null when the model does not know it. */
function featureWeight(model: TextModel, id: number): number | null {
  const { mask, table } = model;
  const key = id | 0;
  let slot = id & mask;
  for (;;) {
    const stored = table[2 * slot + 1]!;
    if (stored === 0) return null;
    if (table[2 * slot] === key) return Math.fround((stored - WEIGHT_OFFSET) * model.weightScale);
    slot = (slot + 1) & mask;
  }
}

export interface ModelScore {
  /** Log-odds that the input is spam. */
  logit: number;
  /** Share of the input's features the model knows, in [0, 1]: of their occurrences, or
   * of the distinct features each counted once, whichever is higher. Low for text unlike
   * anything it was trained on (another language): its score then mostly says "no idea"
   * and should count for little. Counted once each, the features of a form's blank
   * lines drawn with underscores, or of any other run of one character the model does
   * not know, cannot make English read as a foreign language. */
  coverage: number;
}

/** The model's log-odds that `input` is spam. Deterministic; never throws on text. */
export function modelLogit(model: TextModel, input: ModelInput): number {
  return modelScore(model, input).logit;
}

// Scratch set of the distinct feature ids of one input, with their counts: slot s holds
// the id at set[2s] and its count at set[2s + 1] (0: empty), so an id's probe touches one
// cache line; the slots in use are listed in `used` and emptied after each input.
let set = new Int32Array(2 << 12);
let used = new Int32Array(1 << 12);

/** Makes room for `count` ids and returns the mask to use: sized to this input, so a
 * short message stays in a small, cache-friendly part of the set. */
function prepareSet(count: number): number {
  let size = 64;
  while (size < count * 2) size *= 2;
  if (size * 2 > set.length) {
    set = new Int32Array(size * 2);
    used = new Int32Array(size);
  }
  return size - 1;
}

/** Log-odds and how much of the input the model recognized. */
export function modelScore(model: TextModel, input: ModelInput): ModelScore {
  const { ids, count } = extractFeatures(input, model.config);
  const distinct = collectDistinct(ids, count);
  const { dot, norm, known, knownDistinct } = weighDistinct(model, distinct);
  const coverage = count > 0 ? Math.max(known / count, knownDistinct / distinct) : 0;
  return { logit: model.bias + (norm > 0 ? dot / Math.sqrt(norm) : 0), coverage };
}

// The two loops below are functions of their own, each ending with its loop. A batch
// compiles a loop while it runs (on-stack replacement) during the first long message,
// before any code after it has run; that code would then send every later call back
// to the interpreter (seen as thousands of deoptimizations of modelScore in one batch).

/** Counts the distinct ids of `ids[0, count)` into the scratch set; returns how many
 * there are (their slots are `used[0, distinct)`). */
function collectDistinct(ids: Uint32Array, count: number): number {
  const setMask = prepareSet(count);
  const counts = set;
  const slots = used;
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const key = ids[i]! | 0;
    let slot = key & setMask;
    for (;;) {
      const c = counts[2 * slot + 1]!;
      if (c === 0) {
        counts[2 * slot] = key;
        counts[2 * slot + 1] = 1;
        slots[distinct++] = slot;
        break;
      }
      if (counts[2 * slot] === key) {
        if (c < 0xffff) counts[2 * slot + 1] = c + 1;
        break;
      }
      slot = (slot + 1) & setMask;
    }
  }
  return distinct;
}

/** The dot product with the model's weights, the squared norm, and the occurrences and
 * distinct ids the model knows, over the `distinct` ids in the scratch set, which it
 * empties. The vector is over every feature of the input, known to the model or not, so
 * text the model mostly does not know keeps a score near the bias. */
function weighDistinct(model: TextModel, distinct: number): { dot: number; norm: number; known: number; knownDistinct: number } {
  const counts = set;
  const slots = used;
  const { mask, table, weightScale } = model;
  const binary = model.values === 'binary';
  let dot = 0;
  let norm = 0;
  let known = 0;
  let knownDistinct = 0;
  for (let i = 0; i < distinct; i++) {
    const slot = slots[i]!;
    const key = counts[2 * slot]!;
    const c = counts[2 * slot + 1]!;
    counts[2 * slot + 1] = 0;
    const value = binary ? 1 : Math.log1p(c);
    norm += value * value;
    let t = key & mask;
    for (;;) {
      const stored = table[2 * t + 1]!;
      if (stored === 0) break;
      if (table[2 * t] === key) {
        dot += Math.fround((stored - WEIGHT_OFFSET) * weightScale) * value;
        known += c;
        knownDistinct++;
        break;
      }
      t = (t + 1) & mask;
    }
  }
  return { dot, norm, known, knownDistinct };
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The model's probability that `input` is spam, in [0, 1]. */
export function modelProbability(model: TextModel, input: ModelInput): number {
  return sigmoid(modelLogit(model, input));
}

export interface Contribution {
  /** Readable feature: a character n-gram in quotes ("#" stands for a digit), a word or
   * word pair, or a structural token such as u:shortener. Prefixed by subject: or name:
   * when it came from the subject or the sender's display name. */
  feature: string;
  /** Its share of the log-odds (positive: towards spam). */
  logit: number;
}

/** The features that moved the score most, strongest first. Slower than modelLogit
 * (it names every feature); for explanations, not for bulk scoring. */
export function explainScore(model: TextModel, input: ModelInput, top = 10): { logit: number; contributions: Contribution[] } {
  const counts = new Map<number, { count: number; name: string }>();
  const { ids, names } = describeFeatures(input, model.config);
  ids.forEach((id, i) => {
    const entry = counts.get(id);
    if (entry) entry.count = Math.min(0xffff, entry.count + 1);
    else counts.set(id, { count: 1, name: names[i] ?? '?' });
  });
  const binary = model.values === 'binary';
  let norm = 0;
  for (const { count } of counts.values()) norm += binary ? 1 : Math.log1p(count) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const contributions: Contribution[] = [];
  for (const [id, { count, name }] of counts) {
    const weight = featureWeight(model, id);
    if (weight !== null) contributions.push({ feature: name, logit: weight * (binary ? 1 : Math.log1p(count)) * scale });
  }
  const logit = model.bias + contributions.reduce((sum, c) => sum + c.logit, 0);
  contributions.sort((a, b) => Math.abs(b.logit) - Math.abs(a.logit) || (a.feature < b.feature ? -1 : 1));
  return { logit, contributions: contributions.slice(0, top) };
}
