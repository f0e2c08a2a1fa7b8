import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import planData from '../../../data/plan-steps.json' with { type: 'json' };
import dataClassData from '../../../data/registry/data-classes.json' with { type: 'json' };
import {
  PLAN_ANSWERS,
  PLAN_KNOWLEDGE,
  PlanInputError,
  buildPlan,
  findDataClass,
  parsePlanKnowledge,
  planInputFromIncident,
  planSteps,
} from '../../../src/core/plan/index.js';
import type { Plan } from '../../../src/core/plan/index.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import type { Incident } from '../../../src/core/registry/types.js';

const ntt = SEED_INCIDENTS.find((incident) => incident.id === NTT_INCIDENT_ID);
if (ntt === undefined) throw new Error('the NTT seed incident is missing');

const ids = (plan: Plan) => planSteps(plan).map((step) => step.id);

/** A Have I Been Pwned record as the registry imports it: one organization, passwords leaked. */
const passwordBreach: Incident = {
  id: 'hibp-ExampleShop',
  title: { ja: 'ExampleShop', en: 'ExampleShop' },
  summary: { ja: 'テスト用', en: 'Test record' },
  status: 'confirmed',
  affected: [
    {
      organizationId: 'exampleshop',
      name: { ja: 'ExampleShop', en: 'ExampleShop' },
      dataClasses: ['Email addresses', 'Passwords', 'Usernames'],
      notExposed: [],
      notifications: [],
      enquiries: [],
      sources: [],
    },
  ],
  timeline: [],
  followUpScams: [],
  sources: [],
};

describe('the NTT West plan', () => {
  const plan = buildPlan(planInputFromIncident(ntt, 'ntt-west', []));

  it('puts scam-call and fake-notice vigilance first', () => {
    expect(ids(plan).slice(0, 3)).toEqual(['scam-calls', 'fake-notices', 'verify-notice']);
    expect(plan.stages[0]?.steps.map((s) => s.id)).toEqual(['scam-calls', 'fake-notices', 'verify-notice']);
  });

  it('says plainly that card data, bank details and passwords did not leak', () => {
    const lines = plan.notNeeded.map((line) => line.stepId);
    expect(lines).toEqual(expect.arrayContaining(['change-leaked-password', 'contact-card-company', 'contact-bank']));
    const en = plan.notNeeded.map((line) => line.text.en).join(' ');
    expect(en).toMatch(/passwords were not part of this leak/);
    expect(en).toMatch(/credit card details were not part of this leak/);
    expect(en).toMatch(/bank account details were not part of this leak/);
    expect(plan.notNeeded.map((line) => line.text.ja).join('')).toContain('パスワードは、今回漏れた情報には入っていない');
    expect(ids(plan)).not.toContain('change-leaked-password');
    expect(ids(plan)).not.toContain('card-statements');
  });

  it('offers the help desks with their numbers and sources', () => {
    const desks = planSteps(plan).find((step) => step.id === 'help-desks');
    const phones = desks?.actions.map((action) => action.resource?.phone).filter(Boolean);
    expect(phones).toEqual(['188', '#9110', '110', '03-6457-9849']);
    for (const action of desks?.actions ?? []) expect(action.resource?.source).toMatch(/^https:\/\//);
  });

  it('names the incident and the organization, and why each step is there', () => {
    expect(plan.source?.organizationName.ja).toBe('NTT西日本');
    expect(plan.source?.officialDomains).toEqual([{ domain: 'ntt-west.co.jp', source: 'https://www.ntt-west.co.jp/news/' }]);
    const scamCalls = planSteps(plan)[0];
    expect(scamCalls?.because.exposed.map((ref) => ref.id)).toEqual(['Phone numbers']);
  });

  it('asks which organization when the incident has several', () => {
    expect(() => planInputFromIncident(ntt, undefined, [])).toThrow(/choose one with --org: ntt-west, ntt-docomo/);
    expect(() => planInputFromIncident(ntt, 'nobody', [])).toThrow(PlanInputError);
  });
});

describe('answers and other records', () => {
  it('puts the password step first when passwords leaked', () => {
    const plan = buildPlan(planInputFromIncident(passwordBreach, undefined, []));
    expect(ids(plan)[0]).toBe('change-leaked-password');
    expect(plan.notNeeded).toEqual([]);
  });

  it('adds the reused-password step right after it when the password was reused', () => {
    const plan = buildPlan(planInputFromIncident(passwordBreach, undefined, ['reused-password']));
    expect(ids(plan).slice(0, 2)).toEqual(['change-leaked-password', 'change-reused-passwords']);
  });

  it('puts "call your card company now" at the top after a card number was entered on a link', () => {
    const plan = buildPlan(planInputFromIncident(ntt, 'ntt-west', ['clicked-link', 'gave-card']));
    expect(ids(plan)[0]).toBe('call-card-company-now');
    expect(ids(plan)[1]).toBe('after-clicking-link');
    expect(ids(plan)).toContain('card-statements');
    // "No need to stop your card" would contradict the first step.
    expect(plan.notNeeded.map((line) => line.stepId)).not.toContain('contact-card-company');
  });

  it('makes a leaked card used online urgent', () => {
    const online = buildPlan({ exposed: ['Credit cards'], notExposed: [], answers: ['card-online'] });
    const offline = buildPlan({ exposed: ['Credit cards'], notExposed: [], answers: [] });
    expect(planSteps(online).find((s) => s.id === 'contact-card-company')?.stage).toBe('urgent');
    expect(planSteps(offline).find((s) => s.id === 'contact-card-company')?.stage).toBe('this-week');
  });

  it('gives My Number its own step only when government IDs leaked', () => {
    expect(ids(buildPlan({ exposed: ['Government issued IDs'], notExposed: [], answers: [] }))).toContain('government-id');
    expect(ids(buildPlan({ exposed: ['Names'], notExposed: [], answers: [] }))).not.toContain('government-id');
  });

  it('accepts data classes by Japanese label and in any case, and counts a class listed both ways as leaked', () => {
    const plan = buildPlan({ exposed: ['電話番号', 'email ADDRESSES'], notExposed: ['Phone numbers'], answers: [] });
    expect(plan.input.exposed).toEqual(['Phone numbers', 'Email addresses']);
    expect(plan.input.notExposed).toEqual([]);
    expect(findDataClass('ｐａｓｓｗｏｒｄｓ')?.id).toBe('Passwords');
  });

  it('rejects unknown data classes and answers with one clear line', () => {
    expect(() => buildPlan({ exposed: ['Shoe sizes'], notExposed: [], answers: [] })).toThrow(/unknown data class "Shoe sizes"/);
    expect(() => buildPlan({ exposed: [], notExposed: [], answers: ['maybe' as never] })).toThrow(/unknown answer "maybe"/);
    expect(() => buildPlan({ exposed: Array(400).fill('Names'), notExposed: [], answers: [] })).toThrow(/too many/);
  });
});

describe('the steps data', () => {
  it('covers what the issue lists', () => {
    const stepIds = PLAN_KNOWLEDGE.steps.map((step) => step.id);
    for (const id of [
      'verify-notice', 'scam-calls', 'phishing-mail', 'fake-letters', 'identity-abuse', 'change-leaked-password',
      'strengthen-logins', 'contact-card-company', 'card-statements', 'contact-bank', 'government-id', 'help-desks', 'keep-records',
    ]) {
      expect(stepIds).toContain(id);
    }
    const recurring = PLAN_KNOWLEDGE.steps.find((step) => step.id === 'card-statements')?.recurrence;
    expect(recurring).toEqual({ every: 'month', times: 12 });
  });

  it('gives every help desk the contacts from the facts with their sources', () => {
    const byId = PLAN_KNOWLEDGE.resources;
    expect(byId.get('antiphishing-council')?.email).toBe('info@antiphishing.jp');
    expect(byId.get('ppc-dial')?.source).toBe('https://www.ppc.go.jp/personalinfo/pipldial/');
    for (const resource of byId.values()) expect(resource.source).toMatch(/^https:\/\/[a-z0-9.-]+\.(go\.jp|jp)\//);
  });

  it('rejects a step that names an unknown data class, a link in its text, or a missing language', () => {
    const clone = () => structuredClone(planData) as { steps: Array<Record<string, unknown> & { body: { ja: string; en: string } }> };
    const unknownClass = clone();
    unknownClass.steps[0]!['appliesWhen'] = [{ exposed: ['Shoe sizes'] }];
    expect(() => parsePlanKnowledge(unknownClass, dataClassData)).toThrow(/unknown data class "Shoe sizes"/);
    const withLink = clone();
    withLink.steps[0]!.body.en = 'Go to https://example.com now';
    expect(() => parsePlanKnowledge(withLink, dataClassData)).toThrow(/link/);
    const noEnglish = clone();
    noEnglish.steps[0]!.body = { ja: '本文' } as never;
    expect(() => parsePlanKnowledge(noEnglish, dataClassData)).toThrow();
  });
});

describe('any input', () => {
  const vocabulary = [...PLAN_KNOWLEDGE.dataClasses.keys()];
  const input = fc.record({
    exposed: fc.subarray(vocabulary),
    notExposed: fc.subarray(vocabulary),
    answers: fc.subarray([...PLAN_ANSWERS]),
  });

  it('gives an ordered plan with each step once, and never a "not needed" line for a step in it', () => {
    fc.assert(
      fc.property(input, (value) => {
        const plan = buildPlan(value);
        const steps = planSteps(plan);
        expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
        const ranks = steps.map((s) => ['urgent', 'this-week', 'keep-watching'].indexOf(s.stage));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const line of plan.notNeeded) expect(steps.map((s) => s.id)).not.toContain(line.stepId);
        for (const id of ['help-desks', 'verify-notice', 'keep-records']) expect(steps.map((s) => s.id)).toContain(id);
        if (value.answers.includes('gave-card')) expect(steps[0]?.id).toBe('call-card-company-now');
      }),
    );
  });
});
