// Plans and their progress in the local store (openStore: SQLite by default, PostgreSQL
// by URL), under a plan id the person uses to come back: `leakaid plan show ID`.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PLAN_ANSWERS, PlanInputError, buildPlan, markStep } from '../../core/plan/index.js';
import type { Plan, PlanInput, PlanProgress } from '../../core/plan/index.js';
import type { Store } from '../store/index.js';

type PlansTable = {
  id: string;
  created: string;
  /** The PlanInput as JSON. */
  input: string;
};

type PlanStepsDoneTable = {
  plan_id: string;
  step_id: string;
  /** 1 done, 0 marked undone (kept, so the date of the change is known). */
  done: number;
  at: string;
};

// Type aliases, not interfaces: Kysely's withTables wants index-signature-compatible rows.
type PlanTables = {
  plans: PlansTable;
  plan_steps_done: PlanStepsDoneTable;
};

/** Plan ids: 12 lower-case hex characters, short enough to type from a printout. */
const PLAN_ID = /^[0-9a-f]{12}$/;

const localized = z.strictObject({ ja: z.string(), en: z.string() });
const sourceSchema = z.strictObject({ url: z.string(), publisher: z.string(), date: z.string().optional(), note: z.string().optional() });
/** Stored input is read back through this schema: a damaged row is an error, not a crash later. */
const StoredInputSchema = z.strictObject({
  exposed: z.array(z.string()),
  notExposed: z.array(z.string()),
  answers: z.array(z.enum(PLAN_ANSWERS)),
  source: z
    .strictObject({
      incidentId: z.string(),
      incidentTitle: localized,
      organizationId: z.string(),
      organizationName: localized,
      announcementUrl: z.string().optional(),
      enquiries: z.array(
        z.strictObject({
          kind: z.enum(['phone', 'web', 'email']),
          value: z.string(),
          label: localized.optional(),
          sources: z.array(sourceSchema),
        }),
      ),
      officialDomains: z.array(z.strictObject({ domain: z.string(), source: z.string() })),
    })
    .optional(),
});

export interface StoredPlan {
  id: string;
  created: string;
  plan: Plan;
  progress: PlanProgress;
}

function tables(store: Store) {
  return store.db.withTables<PlanTables>();
}

export function isPlanId(value: string): boolean {
  return PLAN_ID.test(value);
}

/** Stores a new plan for `input`; returns its id. */
export async function savePlan(store: Store, input: PlanInput, created: string): Promise<string> {
  const plan = buildPlan(input);
  const id = randomBytes(6).toString('hex');
  await tables(store).insertInto('plans').values({ id, created, input: JSON.stringify(plan.input) }).execute();
  return id;
}

/** The plan with its progress, or undefined when no plan has that id. */
export async function loadPlan(store: Store, id: string): Promise<StoredPlan | undefined> {
  if (!isPlanId(id)) throw new PlanInputError(`not a plan id: "${id.slice(0, 40)}" (12 letters and digits, as printed by leakaid plan)`);
  const row = await tables(store).selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  let input: PlanInput;
  try {
    input = StoredInputSchema.parse(JSON.parse(row.input)) as PlanInput;
  } catch {
    throw new Error(`plan ${id} is damaged in the store`);
  }
  const plan = buildPlan(input);
  const rows = await tables(store).selectFrom('plan_steps_done').selectAll().where('plan_id', '=', id).execute();
  const progress: PlanProgress = {};
  for (const step of rows) progress[step.step_id] = { done: step.done === 1, at: step.at };
  return { id, created: row.created, plan, progress };
}

/** Marks a step done or undone on `date`; throws PlanInputError for an unknown plan or step. */
export async function setStepDone(store: Store, id: string, stepId: string, done: boolean, date: string): Promise<StoredPlan> {
  const stored = await loadPlan(store, id);
  if (stored === undefined) throw new PlanInputError(`no plan with id ${id}`);
  const progress = markStep(stored.plan, stored.progress, stepId, done, date);
  const value = { plan_id: id, step_id: stepId, done: done ? 1 : 0, at: date };
  await tables(store)
    .insertInto('plan_steps_done')
    .values(value)
    .onConflict((oc) => oc.columns(['plan_id', 'step_id']).doUpdateSet({ done: value.done, at: value.at }))
    .execute();
  return { ...stored, progress };
}
