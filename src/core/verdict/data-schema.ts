// The shapes of data/reasons.json and data/advice.json, checked when the product is
// built and tested (src/core/bundled-knowledge.ts), apart from the verdict so that
// checking a message does not load a validation library.
import { z } from 'zod';

const localized = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

const ReasonsFileSchema = z.strictObject({
  /** Scores at or above which the risk is medium / high. */
  thresholds: z.strictObject({ medium: z.number(), high: z.number() }),
  reasons: z.array(
    z.strictObject({
      code: z.string().regex(/^[a-z]+(?:\.[a-z0-9-]+)+$/),
      score: z.number(),
      severity: z.enum(['positive', 'info', 'low', 'medium', 'high']),
      /** The reason describes how mass mail looks (its wording, machine-made addresses),
       * not harm: what it asks, where its links go, whom it pretends to be. Reasons of
       * this kind alone never make a message high. */
      bulk: z.literal(true).optional(),
      message: localized,
    }),
  ),
});

export type ReasonsFile = z.infer<typeof ReasonsFileSchema>;

export function parseReasons(input: unknown): ReasonsFile {
  return ReasonsFileSchema.parse(input);
}

const AdviceFileSchema = z.strictObject({
  advice: z.array(z.strictObject({ code: z.string().min(1), message: localized, sources: z.array(z.url()) })),
});

export type AdviceFile = z.infer<typeof AdviceFileSchema>;

export function parseAdvice(input: unknown): AdviceFile {
  return AdviceFileSchema.parse(input);
}
