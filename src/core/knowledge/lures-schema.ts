// The shape of data/lures.json, checked when the product is built and tested
// (src/core/bundled-knowledge.ts), apart from the matcher in lures.ts so that checking
// a message does not load a validation library.
import { z } from 'zod';
import { foldForReading } from '../normalize/normalize.js';
import { LURE_FAMILY_IDS } from './lures.js';

const nonEmpty = z.string().trim().min(1);
const sourceUrl = z.url({ protocol: /^https?$/ });

/** A phrase must already be in the form the matcher sees (foldForReading: NFKC, lower
 * case, no space between kana or kanji), with no surrounding or doubled white space. */
const phraseText = z
  .string()
  .min(1)
  .refine((p) => p === foldForReading(p), { message: 'not in the form the reader sees: NFKC, lower case (write ASCII in lower case, no full-width letters), no space between kana or kanji' })
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
