// The plan's knowledge: steps, stages, answers and help desks from data/plan-steps.json,
// and the data-class vocabulary from data/registry/data-classes.json. Validated once at
// load: every text in both languages, every resource with a source URL, every data class
// and answer a step names known, and no link written into a text (links only come from
// resources, which carry their source).
import { z } from 'zod';
import dataClassData from '../../../data/registry/data-classes.json' with { type: 'json' };
import planData from '../../../data/plan-steps.json' with { type: 'json' };
import { PLAN_ANSWERS, PLAN_STAGES } from './types.js';
import type { DataClassRef, LocalizedText, PlanAnswer, PlanResource, PlanStage } from './types.js';

const nonEmpty = z.string().trim().min(1);
/** Texts never carry a link of their own: a link must be a resource with a source. */
const noLink = nonEmpty.refine((text) => !/https?:\/\/|www\./i.test(text), { message: 'text contains a link; use a resource' });
const localized = z.strictObject({ ja: noLink, en: noLink });
const httpUrl = z.url({ protocol: /^https?$/ });
const stage = z.enum(PLAN_STAGES);
const answer = z.enum(PLAN_ANSWERS);
const stepId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'step id slug');

const ResourceSchema = z.strictObject({
  id: stepId,
  kind: z.enum(['help-desk', 'reference']),
  name: localized,
  for: localized,
  phone: z.string().regex(/^(?:#\d{4}|\d{3}|0\d{1,4}-\d{1,4}-\d{3,4})$/, 'phone as written in Japan').optional(),
  email: z.email().optional(),
  url: httpUrl.optional(),
  hours: localized.optional(),
  source: httpUrl,
  checked: z.iso.date(),
  note: nonEmpty.optional(),
});

/** Applies when ANY listed class leaked (or the list is absent) AND ALL listed answers were
 * given (or the list is absent); `{}` applies to every plan. */
const ClauseSchema = z.strictObject({
  exposed: z.array(nonEmpty).min(1).optional(),
  answers: z.array(answer).min(1).optional(),
  /** A more urgent stage for this combination (a leaked card you use online: call now). */
  stage: stage.optional(),
});

const ActionSchema = z.strictObject({ ja: noLink, en: noLink, resource: stepId.optional() });

const StepSchema = z.strictObject({
  id: stepId,
  stage,
  /** Lower comes first within a stage. */
  priority: z.number().int().min(0).max(1000),
  title: localized,
  body: localized,
  appliesWhen: z.array(ClauseSchema).min(1),
  notNeeded: z
    .strictObject({
      /** Shown when the step does not apply and the record lists any of these as NOT leaked. */
      whenNotExposed: z.array(nonEmpty).min(1),
      /** Steps whose presence would make the line misleading ("no need to change passwords"
       * next to "change the password you gave away"). */
      unlessPlanHas: z.array(stepId).min(1).optional(),
      because: localized,
    })
    .optional(),
  actions: z.array(ActionSchema).min(1),
  done: localized,
  recurrence: z.strictObject({ every: z.enum(['week', 'month']), times: z.number().int().min(2).max(60) }).optional(),
});

const PlanFileSchema = z.strictObject({
  stages: z.array(z.strictObject({ id: stage, label: localized })),
  answers: z.array(z.strictObject({ id: answer, question: localized })),
  resources: z.array(ResourceSchema),
  steps: z.array(StepSchema).min(1),
});

/** Only what the plan needs of the registry's vocabulary; the registry validates the rest. */
const DataClassFileSchema = z.looseObject({
  dataClasses: z.array(z.looseObject({ id: nonEmpty, label: z.strictObject({ ja: nonEmpty, en: nonEmpty }) })),
});

export type StepDefinition = z.infer<typeof StepSchema>;
export type StepClause = z.infer<typeof ClauseSchema>;

export interface PlanKnowledge {
  stages: ReadonlyMap<PlanStage, LocalizedText>;
  questions: ReadonlyMap<PlanAnswer, LocalizedText>;
  resources: ReadonlyMap<string, PlanResource>;
  steps: readonly StepDefinition[];
  dataClasses: ReadonlyMap<string, DataClassRef>;
}

function checkSameSet<T>(what: string, listed: readonly T[], expected: readonly T[]): void {
  const missing = expected.filter((item) => !listed.includes(item));
  if (missing.length > 0 || listed.length !== expected.length) {
    throw new Error(`data/plan-steps.json: ${what} must list each of ${expected.join(', ')} once`);
  }
}

function uniqueIds<T extends { id: string }>(what: string, items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) throw new Error(`data/plan-steps.json: ${what} ${item.id} listed twice`);
    byId.set(item.id, item);
  }
  return byId;
}

/** Validates the plan file against the vocabulary; throws one error naming the first problem. */
export function parsePlanKnowledge(planInput: unknown, dataClassInput: unknown): PlanKnowledge {
  const plan = PlanFileSchema.parse(planInput);
  const vocabulary = DataClassFileSchema.parse(dataClassInput).dataClasses;
  const dataClasses = new Map(vocabulary.map((c): [string, DataClassRef] => [c.id, { id: c.id, label: c.label }]));

  checkSameSet('stages', plan.stages.map((s) => s.id), PLAN_STAGES);
  checkSameSet('answers', plan.answers.map((a) => a.id), PLAN_ANSWERS);
  const resources = uniqueIds('resource', plan.resources);
  const steps = uniqueIds('step', plan.steps);

  for (const step of plan.steps) {
    const named = [...step.appliesWhen.flatMap((c) => c.exposed ?? []), ...(step.notNeeded?.whenNotExposed ?? [])];
    for (const id of named) {
      if (!dataClasses.has(id)) throw new Error(`data/plan-steps.json: step ${step.id} names unknown data class "${id}"`);
    }
    for (const other of step.notNeeded?.unlessPlanHas ?? []) {
      if (!steps.has(other)) throw new Error(`data/plan-steps.json: step ${step.id} names unknown step "${other}"`);
    }
    for (const action of step.actions) {
      if (action.resource !== undefined && !resources.has(action.resource)) {
        throw new Error(`data/plan-steps.json: step ${step.id} points to unknown resource "${action.resource}"`);
      }
    }
  }

  return {
    stages: new Map(plan.stages.map((s) => [s.id, s.label])),
    questions: new Map(plan.answers.map((a) => [a.id, a.question])),
    resources,
    steps: plan.steps,
    dataClasses,
  };
}

export const PLAN_KNOWLEDGE: PlanKnowledge = parsePlanKnowledge(planData, dataClassData);
