// Lure phrases: the words scams use to get a person to act (give a password, pay by gift
// card, call back, let someone delete "leaked data"), grouped by family, plus two
// families of genuine-notice wording used as positive evidence. The phrases are data
// (data/lures.json), validated when the product is built (lures-schema.ts); this module
// compiles them into one matcher.
//
// Phrases are written the way they appear after foldForReading (NFKC + lower case, no
// space between kana or kanji):
// ASCII in lower case, Japanese as written. Full-width letters, half-width kana and
// "①"-style digits are handled by the normalization, not by listing variants.
import data from '../../../data/lures.json' with { type: 'json' };
import type { LureFamily } from './lures-schema.js';
import { PhraseMatcher, type PhraseHit } from './phrase-matcher.js';
import { LURE_KEYS } from './phrase-tables.js';

/** Family ids are stable: reason codes and tests refer to them. */
export const LURE_FAMILY_IDS = [
  'credential-request',
  'card-request',
  'bank-request',
  'personal-data-request',
  'payment-demand',
  'gift-card-crypto',
  'urgency-threat',
  'account-problem',
  'delivery-failure',
  'refund-benefit-prize',
  'atm-refund',
  'app-install',
  'remote-access',
  'contact-me',
  'data-deletion-offer',
  'countermeasure-fee',
  'fake-compensation',
  'notice-nothing-asked',
  'notice-apology',
] as const;

export type LureFamilyId = (typeof LURE_FAMILY_IDS)[number];

/** 'strong': rare in genuine mail. 'weak': common in genuine mail too (お支払い, 再配達,
 * a card company's real fraud alert), so only worth something next to other evidence. */
export type LureWeight = 'strong' | 'weak';

export type { LureFamily, LurePhrase } from './lures-schema.js';

export const LURE_FAMILIES: readonly LureFamily[] = Object.freeze(data.families as LureFamily[]);

const familyById = new Map<LureFamilyId, LureFamily>(LURE_FAMILIES.map((f) => [f.id, f]));

export function getLureFamily(id: LureFamilyId): LureFamily {
  const family = familyById.get(id);
  // Unreachable: parseLures checks every id is present.
  if (family === undefined) throw new Error(`unknown lure family ${id}`);
  return family;
}

export interface LureHit {
  family: LureFamilyId;
  /** The phrase as listed (equal to the matched text). */
  phrase: string;
  weight: LureWeight;
  /** [start, end) in UTF-16 code units of the text given to findLures. */
  span: [number, number];
}

interface Owner {
  family: LureFamilyId;
  weight: LureWeight;
}

const matcher = new PhraseMatcher(entries(LURE_FAMILIES), LURE_KEYS);

/**
 * Every lure and genuine-notice phrase in `normalizedLowerText`, in text order (hits
 * for the same span in family order). The text must already be folded the way the
 * phrases are: normalizeForMatching(...).mapped.text lower-cased, or foldForReading.
 * Spans index that text; map them back to the original with the MappedText.
 */
export function findLures(normalizedLowerText: string): LureHit[] {
  return toHits(matcher.find(normalizedLowerText));
}

/** A matcher over other lure data (tests, tools that try a data change). */
export function compileLureMatcher(families: readonly LureFamily[]): (normalizedLowerText: string) => LureHit[] {
  const other = new PhraseMatcher(entries(families));
  return (text) => toHits(other.find(text));
}

function entries(families: readonly LureFamily[]): { phrase: string; owner: Owner }[] {
  return families.flatMap((family) => family.phrases.map((p) => ({ phrase: p.phrase, owner: { family: family.id, weight: p.weight } })));
}

function toHits(hits: PhraseHit<Owner>[]): LureHit[] {
  return hits.map(({ phrase, owner, span }) => ({ family: owner.family, phrase, weight: owner.weight, span }));
}
