import { describe, expect, it } from 'vitest';
import { PlanInputError, buildPlan, isStepDone, markStep, planSteps, planToMarkdown, summarizeProgress } from '../../../src/core/plan/index.js';
import type { Plan } from '../../../src/core/plan/index.js';

const plan = buildPlan({ exposed: ['Phone numbers', 'Credit cards'], notExposed: ['Passwords'], answers: [] });
const step = (id: string) => {
  const found = planSteps(plan).find((s) => s.id === id);
  if (found === undefined) throw new Error(`no step ${id}`);
  return found;
};

describe('progress', () => {
  it('marks a step done and undone with its date, and shows what remains', () => {
    let progress = markStep(plan, {}, 'scam-calls', true, '2026-11-29');
    expect(progress['scam-calls']).toEqual({ done: true, at: '2026-11-29' });
    let summary = summarizeProgress(plan, progress, '2026-11-30');
    expect(summary.done).toBe(1);
    expect(summary.remaining.map((s) => s.id)).not.toContain('scam-calls');
    expect(summary.remaining).toHaveLength(summary.total - 1);

    progress = markStep(plan, progress, 'scam-calls', false, '2026-12-01');
    summary = summarizeProgress(plan, progress, '2026-12-01');
    expect(summary.done).toBe(0);
    expect(summary.remaining[0]?.id).toBe('scam-calls');
  });

  it('counts a monthly step as done only in the month it was ticked', () => {
    const progress = markStep(plan, {}, 'card-statements', true, '2026-11-29');
    expect(isStepDone(step('card-statements'), progress, '2026-11-30')).toBe(true);
    expect(isStepDone(step('card-statements'), progress, '2026-12-01')).toBe(false);
    const once = markStep(plan, {}, 'scam-calls', true, '2026-11-29');
    expect(isStepDone(step('scam-calls'), once, '2027-06-01')).toBe(true);
  });

  it('rejects a step that is not in the plan and a malformed date', () => {
    expect(() => markStep(plan, {}, 'call-bank-now', true, '2026-11-29')).toThrow(PlanInputError);
    expect(() => markStep(plan, {}, 'scam-calls', true, '29/11/2026')).toThrow(/not a date/);
    expect(() => markStep(plan, {}, 'scam-calls', true, '2026-13-45')).toThrow(/not a date/);
  });
});

describe('Markdown', () => {
  it('lists every step with a checkbox in order, ticks done ones, and says what is not needed', () => {
    const progress = markStep(plan, {}, 'scam-calls', true, '2026-11-29');
    const md = planToMarkdown(plan, { lang: 'ja', progress, today: '2026-11-29' });
    expect(md).toContain('- [x] **詐欺の電話やSMSに気をつける** (済み 2026-11-29)');
    expect(md).toContain('- [ ] **お詫びや補償を装った偽の連絡に気をつける**');
    expect(md).toContain('## しなくてよいこと');
    expect(md).toContain('消費者ホットライン　電話 188');
    const titles = planSteps(plan).map((s) => md.indexOf(s.title.ja));
    expect(titles.every((at) => at >= 0)).toBe(true);
    expect(titles).toEqual([...titles].sort((a, b) => a - b));
    expect(planToMarkdown(plan, { lang: 'en', today: '2026-11-29' })).toContain('- [ ] **Watch out for scam calls and text messages**');
  });

  it('keeps registry text from becoming links or markup', () => {
    const withSource: Plan = {
      ...plan,
      source: {
        incidentId: 'x',
        incidentTitle: { ja: '[click](http://evil.example)', en: '**x**' },
        organizationId: 'x',
        organizationName: { ja: '# x', en: 'x' },
        enquiries: [],
        officialDomains: [],
      },
    };
    const md = planToMarkdown(withSource, { lang: 'ja', today: '2026-11-29' });
    expect(md).toContain('\\[click\\](http://evil.example)');
    expect(md).not.toContain('- 通知した会社・団体: # x');
  });
});
