// The data-class vocabulary: Have I Been Pwned's DataClasses names with Japanese
// labels, plus the classes Japanese notices use (サービス種別, 回線ID, 契約者情報).
import { z } from 'zod';
import data from '../../../data/registry/data-classes.json' with { type: 'json' };
import type { LocalizedText } from '../verdict/types.js';
import type { DataClass } from './types.js';

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

type DataClassFile = z.infer<typeof DataClassFileSchema>;

/** Validates data/registry/data-classes.json (when the product is built, src/core/bundled-knowledge.ts). */
export function parseDataClasses(input: unknown): DataClassFile {
  const file = DataClassFileSchema.parse(input);
  const ids = new Set(file.dataClasses.map((c) => c.id));
  if (ids.size !== file.dataClasses.length) throw new Error('data/registry/data-classes.json: duplicate data class id');
  return file;
}

export const DATA_CLASSES: readonly DataClass[] = (data as DataClassFile).dataClasses;

const byId = new Map(DATA_CLASSES.map((c) => [c.id, c]));

export function dataClass(id: string): DataClass | undefined {
  return byId.get(id);
}

/** The label of a data class; an unknown class (a new HIBP name) is shown as written. */
export function dataClassLabel(id: string): LocalizedText {
  return byId.get(id)?.label ?? { ja: id, en: id };
}

export function isSensitiveDataClass(id: string): boolean {
  return byId.get(id)?.sensitive === true;
}
