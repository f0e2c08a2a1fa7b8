// The linter's knowledge (data/notice-lint.json): the words that show each part of a
// notice, and the words of every finding. Validated when the product is built
// (knowledge-schema.ts); read here without a validation library.
import data from '../../../data/notice-lint.json' with { type: 'json' };
import { foldForReading } from '../normalize/index.js';
import type { LocalizedText } from '../verdict/types.js';
import type { NoticeLintFile } from './knowledge-schema.js';
import type { FindingCode, LintSeverity, NoticePart, TermPart } from './types.js';

const file = data as NoticeLintFile;

export interface FindingWords {
  severity: LintSeverity;
  title: LocalizedText;
  message: LocalizedText;
  example: LocalizedText | null;
}

const findingWords = new Map<FindingCode, FindingWords>(
  file.findings.map((f) => [f.code, { severity: f.severity, title: f.title, message: f.message, example: f.example ?? null }]),
);

export function wordsOf(code: FindingCode): FindingWords {
  const words = findingWords.get(code);
  // The schema requires every code once; reaching this means the data was not validated.
  if (words === undefined) throw new Error(`data/notice-lint.json has no finding ${code}`);
  return words;
}

export function partLabel(part: NoticePart): LocalizedText {
  return file.partLabels[part];
}

const fold = (list: readonly string[]): string[] => list.map(foldForReading);

export const PART_TERMS: ReadonlyMap<TermPart, readonly string[]> = new Map(file.parts.map((p) => [p.id, fold(p.terms)]));
export const CONTACT_HOURS_TERMS = fold(file.contactHours);
export const WEB_PAGE_TERMS = fold(file.webPage);
export const SECRET_TERMS = fold(file.neverAsk.secrets);
export const DENIAL_TERMS = fold(file.neverAsk.denials);
export const QR_CODE_TERMS = fold(file.qrCode.terms);
export const FORM_TERMS = fold(file.qrCode.formWords);
