// The shape of data/scam-patterns.json, checked when the product is built and tested
// (src/core/bundled-knowledge.ts), apart from the matcher in scam-patterns.ts so that
// checking a message does not load a validation library.
import { z } from 'zod';
import { CHANNELS } from '../message/types.js';
import { foldForReading } from '../normalize/normalize.js';
import { CONCEPT_KINDS } from './scam-patterns.js';

const term = z
  .string()
  .min(1)
  .refine((t) => t === foldForReading(t), { message: 'not in the form the reader sees: NFKC, lower case, no space between kana or kanji' })
  .refine((t) => t === t.trim() && !/\s{2}|[\n\r\t]/.test(t), { message: 'leading, trailing, doubled or non-space white space' });

const sourceUrl = z.url({ protocol: /^https?$/ });

const ConceptSchema = z.strictObject({
  kind: z.enum(CONCEPT_KINDS),
  /** One line, English. */
  description: z.string().trim().min(1),
  terms: z.array(term).min(1),
});

const ScenarioSchema = z.strictObject({
  /** Stable: the reason code is `pattern.<id>`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().trim().min(1),
  /** A public page (police, consumer centre, local government) that describes the pattern. */
  source: sourceUrl,
  seeAlso: z.array(sourceUrl).optional(),
  checked: z.iso.date(),
  note: z.string().trim().min(1).optional(),
  /** 'sentence': every group must be met inside one sentence; 'message': anywhere in it. */
  scope: z.enum(['sentence', 'message']),
  /** Only for these channels; every channel when absent. */
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  /** Every group must be met; a group is met by any one of its concepts. */
  needs: z.array(z.array(z.string().min(1)).min(1)).min(1),
});

const FileSchema = z
  .strictObject({ concepts: z.record(z.string().regex(/^[a-z]+\.[a-z-]+$/), ConceptSchema), scenarios: z.array(ScenarioSchema) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.scenarios.forEach((scenario, i) => {
      if (ids.has(scenario.id)) ctx.addIssue({ code: 'custom', message: `duplicate scenario ${scenario.id}`, path: ['scenarios', i, 'id'] });
      ids.add(scenario.id);
      for (const name of scenario.needs.flat()) {
        if (!(name in file.concepts)) ctx.addIssue({ code: 'custom', message: `unknown concept ${name}`, path: ['scenarios', i, 'needs'] });
      }
    });
    for (const [name, concept] of Object.entries(file.concepts)) {
      if (!name.startsWith(`${concept.kind}.`)) ctx.addIssue({ code: 'custom', message: `${name} must start with its kind ${concept.kind}.`, path: ['concepts', name] });
      if (new Set(concept.terms).size !== concept.terms.length) ctx.addIssue({ code: 'custom', message: `${name} lists a term twice`, path: ['concepts', name] });
    }
  });

export type ScamPatternsFile = z.infer<typeof FileSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Validates the data; throws with every problem listed. */
export function parseScamPatterns(input: unknown): ScamPatternsFile {
  const result = FileSchema.safeParse(input);
  if (!result.success) throw new Error(`data/scam-patterns.json is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
