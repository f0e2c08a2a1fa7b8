import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanInputError, planInputFromIncident, planSteps } from '../../../src/core/plan/index.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import { isPlanId, loadPlan, savePlan, setStepDone } from '../../../src/node/plan/store.js';
import { openStore, type Store } from '../../../src/node/store/index.js';

const ntt = SEED_INCIDENTS.find((incident) => incident.id === NTT_INCIDENT_ID);
if (ntt === undefined) throw new Error('the NTT seed incident is missing');

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(async () => {
  await store.close();
});

describe('plans in the store', () => {
  it('keeps a plan under an id and gives it back with its source', async () => {
    const id = await savePlan(store, planInputFromIncident(ntt, 'ntt-west', ['reused-password']), '2026-11-29');
    expect(isPlanId(id)).toBe(true);
    const stored = await loadPlan(store, id);
    expect(stored?.created).toBe('2026-11-29');
    expect(stored?.plan.source?.organizationId).toBe('ntt-west');
    expect(stored?.plan.input.answers).toEqual(['reused-password']);
    expect(planSteps(stored!.plan)[0]?.id).toBe('scam-calls');
    expect(stored?.progress).toEqual({});
  });

  it('records done and undone with dates, and reopening shows what remains', async () => {
    const id = await savePlan(store, { exposed: ['Phone numbers'], notExposed: [], answers: [] }, '2026-11-29');
    await setStepDone(store, id, 'scam-calls', true, '2026-11-29');
    await setStepDone(store, id, 'verify-notice', true, '2026-11-30');
    await setStepDone(store, id, 'scam-calls', false, '2026-12-01');
    const stored = await loadPlan(store, id);
    expect(stored?.progress).toEqual({
      'scam-calls': { done: false, at: '2026-12-01' },
      'verify-notice': { done: true, at: '2026-11-30' },
    });
  });

  it('refuses unknown plans and steps, and ids that are not plan ids', async () => {
    const id = await savePlan(store, { exposed: ['Names'], notExposed: [], answers: [] }, '2026-11-29');
    await expect(setStepDone(store, id, 'call-card-company-now', true, '2026-11-29')).rejects.toThrow(/no step/);
    await expect(setStepDone(store, 'abcdefabcdef', 'scam-calls', true, '2026-11-29')).rejects.toThrow(/no plan/);
    await expect(loadPlan(store, "x' OR 1=1 --")).rejects.toThrow(PlanInputError);
    expect(await loadPlan(store, 'abcdefabcdef')).toBeUndefined();
  });

  it('says a damaged row is damaged instead of crashing later', async () => {
    const id = 'aaaaaaaaaaaa';
    await store.db
      .withTables<{ plans: { id: string; created: string; input: string } }>()
      .insertInto('plans')
      .values({ id, created: '2026-11-29', input: '{"exposed": 3}' })
      .execute();
    await expect(loadPlan(store, id)).rejects.toThrow(`plan ${id} is damaged in the store`);
  });

  it('ends with the progress of the last mark of each step, whatever the sequence', async () => {
    const input = { exposed: ['Credit cards', 'Phone numbers'], notExposed: [], answers: [] as [] };
    const id = await savePlan(store, input, '2026-11-29');
    const stepIds = planSteps((await loadPlan(store, id))!.plan).map((step) => step.id);
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...stepIds), fc.boolean(), day), { maxLength: 15 }), async (marks) => {
        const before = (await loadPlan(store, id))!.progress;
        const expected = { ...before };
        for (const [stepId, done, at] of marks) {
          await setStepDone(store, id, stepId, done, at);
          expected[stepId] = { done, at };
        }
        expect((await loadPlan(store, id))!.progress).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
