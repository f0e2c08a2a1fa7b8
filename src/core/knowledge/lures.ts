// Lure phrases: the words scams use to get a person to act (give a password, pay by gift
// card, call back, let someone delete "leaked data"), grouped by family, plus two
// families of genuine-notice wording used as positive evidence. The phrases are data
// (data/lures.json), validated when the product is built like organizations.ts; this
// module compiles them into one matcher.
//
// Phrases are written the way they appear after foldForMatching (NFKC + lower case):
// ASCII in lower case, Japanese as written. Full-width letters, half-width kana and
// "①"-style digits are handled by the normalization, not by listing variants.
import { z } from 'zod';
import data from '../../../data/lures.json' with { type: 'json' };
import { PhraseMatcher, type PhraseHit } from './phrase-matcher.js';

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

const nonEmpty = z.string().trim().min(1);
const sourceUrl = z.url({ protocol: /^https?$/ });

/** A phrase must already be in the form the matcher sees: NFKC, lower case, no
 * surrounding or doubled white space. */
const phraseText = z
  .string()
  .min(1)
  .refine((p) => p === p.normalize('NFKC').toLowerCase(), { message: 'not in NFKC lower-case form (write ASCII in lower case, no full-width letters)' })
  .refine((p) => p === p.trim() && !/\s{2}|[\n\r\t]/.test(p), { message: 'leading, trailing, doubled or non-space white space' });

const LurePhraseSchema = z
  .strictObject({
    phrase: phraseText,
    /** Omitted for brand names that read the same in both (anydesk, whatsapp, apk). */
    lang: z.enum(['ja', 'en']).optional(),
    weight: z.enum(['strong', 'weak']),
  })
  .superRefine((p, ctx) => {
    const ascii = /^[\x20-\x7e]+$/.test(p.phrase);
    if (p.lang === 'en' && !ascii) ctx.addIssue({ code: 'custom', message: `"${p.phrase}" is marked en but is not ASCII` });
    if (p.lang === 'ja' && ascii) ctx.addIssue({ code: 'custom', message: `"${p.phrase}" is marked ja but is ASCII only` });
  });

const LureFamilySchema = z.strictObject({
  id: z.enum(LURE_FAMILY_IDS),
  /** 'lure': evidence of a scam. 'notice': wording of a genuine notice (positive
   * evidence, or a marker the notice check uses). */
  kind: z.enum(['lure', 'notice']),
  /** One line, English. */
  description: nonEmpty,
  /** A public page describing the lure (or, for notice families, genuine wording). */
  source: sourceUrl,
  seeAlso: z.array(sourceUrl).optional(),
  checked: z.iso.date(),
  /** Where the source is weak or indirect, say so. */
  note: nonEmpty.optional(),
  phrases: z.array(LurePhraseSchema).min(1),
});

export type LurePhrase = z.infer<typeof LurePhraseSchema>;
export type LureFamily = z.infer<typeof LureFamilySchema>;

const LuresFileSchema = z.strictObject({ families: z.array(LureFamilySchema) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.families.forEach((family, i) => {
    if (seen.has(family.id)) ctx.addIssue({ code: 'custom', message: `duplicate family ${family.id}`, path: ['families', i, 'id'] });
    seen.add(family.id);
    const phrases = new Set<string>();
    family.phrases.forEach((p, j) => {
      if (phrases.has(p.phrase)) {
        ctx.addIssue({ code: 'custom', message: `"${p.phrase}" listed twice in ${family.id}`, path: ['families', i, 'phrases', j, 'phrase'] });
      }
      phrases.add(p.phrase);
    });
  });
  for (const id of LURE_FAMILY_IDS) {
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `family ${id} is missing`, path: ['families'] });
  }
});

/** Validates lure data; throws with every problem listed. Exported for tests and for
 * tools that check a data change before it is committed. */
export function parseLures(input: unknown): LureFamily[] {
  const result = LuresFileSchema.safeParse(input);
  if (!result.success) throw new Error(`data/lures.json is invalid:\n${z.prettifyError(result.error)}`);
  return result.data.families;
}

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

const matcher = compile(LURE_FAMILIES);

/**
 * Every lure and genuine-notice phrase in `normalizedLowerText`, in text order (hits
 * for the same span in family order). The text must already be folded the way the
 * phrases are: normalizeForMatching(...).mapped.text lower-cased, or foldForMatching.
 * Spans index that text; map them back to the original with the MappedText.
 */
export function findLures(normalizedLowerText: string): LureHit[] {
  return toHits(matcher.find(normalizedLowerText));
}

/** A matcher over other lure data (tests, tools that try a data change). */
export function compileLureMatcher(families: readonly LureFamily[]): (normalizedLowerText: string) => LureHit[] {
  const other = compile(families);
  return (text) => toHits(other.find(text));
}

function compile(families: readonly LureFamily[]): PhraseMatcher<Owner> {
  return new PhraseMatcher(families.flatMap((family) => family.phrases.map((p) => ({ phrase: p.phrase, owner: { family: family.id, weight: p.weight } }))));
}

function toHits(hits: PhraseHit<Owner>[]): LureHit[] {
  return hits.map(({ phrase, owner, span }) => ({ family: owner.family, phrase, weight: owner.weight, span }));
}
