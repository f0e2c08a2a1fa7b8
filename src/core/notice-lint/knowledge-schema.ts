// The shape of data/notice-lint.json, checked when the product is built and tested
// (src/core/bundled-knowledge.ts), apart from the look-ups in knowledge.ts so that linting
// a draft does not load a validation library.
import { z } from 'zod';
import { FINDING_CODES, LINT_SEVERITIES, NOTICE_PARTS, TERM_PARTS } from './types.js';

const text = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const terms = z.array(z.string().trim().min(1)).min(1);

const NoticeLintFileSchema = z.strictObject({
  source: z.strictObject({ url: z.url(), publisher: z.string().min(1), note: z.string().min(1) }),
  partLabels: z.strictObject(Object.fromEntries(NOTICE_PARTS.map((part) => [part, text])) as Record<(typeof NOTICE_PARTS)[number], typeof text>),
  parts: z.array(z.strictObject({ id: z.enum(TERM_PARTS), terms })),
  contactHours: terms,
  webPage: terms,
  neverAsk: z.strictObject({ secrets: terms, denials: terms }),
  qrCode: z.strictObject({ terms, formWords: terms }),
  findings: z.array(
    z.strictObject({
      code: z.enum(FINDING_CODES),
      severity: z.enum(LINT_SEVERITIES),
      title: text,
      message: text,
      example: text.optional(),
    }),
  ),
});

export type NoticeLintFile = z.infer<typeof NoticeLintFileSchema>;

const SEVERITY_OF_PREFIX = { missing: 'missing-required', scam: 'looks-like-a-scam', advice: 'advice' } as const;

/** Validates data/notice-lint.json: every part's terms and every finding's words, each once. */
export function parseNoticeLintKnowledge(input: unknown): NoticeLintFile {
  const file = NoticeLintFileSchema.parse(input);
  const problems: string[] = [];
  const termParts = file.parts.map((p) => p.id);
  for (const part of TERM_PARTS) if (termParts.filter((id) => id === part).length !== 1) problems.push(`part ${part} must be listed once`);
  const codes = file.findings.map((f) => f.code);
  for (const code of FINDING_CODES) if (codes.filter((c) => c === code).length !== 1) problems.push(`finding ${code} must be listed once`);
  for (const finding of file.findings) {
    const prefix = finding.code.split('.')[1] as keyof typeof SEVERITY_OF_PREFIX;
    if (SEVERITY_OF_PREFIX[prefix] !== finding.severity) problems.push(`finding ${finding.code} must have severity ${SEVERITY_OF_PREFIX[prefix]}`);
    if (prefix === 'missing' && finding.example === undefined) problems.push(`finding ${finding.code} needs an example sentence`);
  }
  if (problems.length > 0) throw new Error(`data/notice-lint.json: ${problems.join('; ')}`);
  return file;
}
