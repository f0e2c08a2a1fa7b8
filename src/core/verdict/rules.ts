// The scoring rules (data/reasons.json, like SpamAssassin's rule scores): each reason
// code's score, severity and wording in both languages, and how a finding's evidence and
// parameters fill that wording. The verdict and the notice check both read them here.
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import { organizationName } from '../knowledge/organizations.js';
import { dataClassLabel } from '../registry/data-classes.js';
import type { Finding } from '../signals/types.js';
import type { ReasonsFile } from './data-schema.js';
import type { LocalizedText, Risk, Severity } from './types.js';

export interface Rule {
  code: string;
  score: number;
  severity: Severity;
  /** See data-schema.ts: alone, reasons of this kind never make a message high. */
  bulk?: true;
  message: LocalizedText;
}

const REASONS = reasonsData as ReasonsFile;
const RULES = new Map<string, Rule>(REASONS.reasons.map((r) => [r.code, r]));

/** Every reason code the scoring data knows; the evidence modules may emit no other. */
export const REASON_CODES: readonly string[] = [...RULES.keys()];

/** Several data classes in one {dataClass} parameter; no data class name contains it. */
export const DATA_CLASS_SEPARATOR = '|';

export function ruleFor(code: string): Rule {
  const rule = RULES.get(code);
  if (rule === undefined) throw new Error(`reason ${code} is not in data/reasons.json`);
  return rule;
}

/** The highest score of a message whose only warnings are bulk-mail features. */
export const HIGHEST_BULK_ONLY_SCORE = REASONS.thresholds.high - 1;

export function riskOf(score: number): Risk {
  if (score >= REASONS.thresholds.high) return 'high';
  return score >= REASONS.thresholds.medium ? 'medium' : 'low';
}

/** Titles of the incidents a finding's {incident} parameter may name. */
export type IncidentTitles = (id: string) => LocalizedText | undefined;

/** Each message template cut at its {parameters}: text at even indexes, parameter names
 * at odd ones. Cut once per template (the templates are those of data/reasons.json). */
const TEMPLATE_PARTS = new Map<string, string[]>();

function fill(template: string, finding: Finding, lang: 'ja' | 'en', incidentTitle: IncidentTitles): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([a-zA-Z]+)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  let filled = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) filled += parameter(parts[i]!, finding, lang, incidentTitle) + parts[i + 1]!;
  return filled;
}

function parameter(key: string, finding: Finding, lang: 'ja' | 'en', incidentTitle: IncidentTitles): string {
  if (key === 'evidence') return finding.evidence;
  const value = finding.params?.[key];
  if (value === undefined) return `{${key}}`;
  if (key === 'organization') return organizationName(value, lang);
  if (key === 'incident') return incidentTitle(value)?.[lang] ?? value;
  if (key === 'dataClass') {
    return value
      .split(DATA_CLASS_SEPARATOR)
      .map((c) => dataClassLabel(c)[lang])
      .join(lang === 'ja' ? '・' : ', ');
  }
  return value;
}

/** A finding in the reader's words, in both languages. */
export function describe(finding: Finding, incidentTitle: IncidentTitles = () => undefined): LocalizedText {
  const { message } = ruleFor(finding.code);
  return { ja: fill(message.ja, finding, 'ja', incidentTitle), en: fill(message.en, finding, 'en', incidentTitle) };
}
