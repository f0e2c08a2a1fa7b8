// The data-class vocabulary: Have I Been Pwned's DataClasses names with Japanese
// labels, plus the classes Japanese notices use (サービス種別, 回線ID, 契約者情報).
import data from '../../../data/registry/data-classes.json' with { type: 'json' };
import type { LocalizedText } from '../verdict/types.js';
import type { DataClassFile } from './data-classes-schema.js';
import type { DataClass } from './types.js';

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
