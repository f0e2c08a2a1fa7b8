// The shape of data/registry/data-classes.json, checked when the product is built and
// tested (src/core/bundled-knowledge.ts), apart from the look-ups in data-classes.ts so
// that checking a message does not load a validation library.
import { z } from 'zod';

const DataClassFileSchema = z.strictObject({
  source: z.strictObject({ url: z.url(), publisher: z.string().min(1), note: z.string().min(1) }),
  dataClasses: z.array(
    z.strictObject({
      id: z.string().trim().min(1),
      label: z.strictObject({ ja: z.string().min(1), en: z.string().min(1) }),
      origin: z.enum(['hibp', 'ja-notice']),
      terms: z.array(z.string().min(1)),
      sensitive: z.boolean().optional(),
    }),
  ),
});

export type DataClassFile = z.infer<typeof DataClassFileSchema>;

/** Validates data/registry/data-classes.json (when the product is built, src/core/bundled-knowledge.ts). */
export function parseDataClasses(input: unknown): DataClassFile {
  const file = DataClassFileSchema.parse(input);
  const ids = new Set(file.dataClasses.map((c) => c.id));
  if (ids.size !== file.dataClasses.length) throw new Error('data/registry/data-classes.json: duplicate data class id');
  return file;
}
