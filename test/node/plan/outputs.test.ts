import { describe, expect, it } from 'vitest';
import { buildPlan, planInputFromIncident, planSteps } from '../../../src/core/plan/index.js';
import type { Plan } from '../../../src/core/plan/index.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import { IcsError, planToIcs } from '../../../src/node/plan/ics.js';
import { planToPdf } from '../../../src/node/plan/pdf.js';
import { readPdf } from './pdf-text.js';

const ntt = SEED_INCIDENTS.find((incident) => incident.id === NTT_INCIDENT_ID);
if (ntt === undefined) throw new Error('the NTT seed incident is missing');
const nttPlan = buildPlan(planInputFromIncident(ntt, 'ntt-west', []));
const cardPlan = buildPlan({ exposed: ['Credit cards', 'Email addresses'], notExposed: [], answers: ['gave-card'] });

/** Joined runs with line breaks removed: pdfkit wraps long text across runs. */
const allText = (pdf: Buffer) => readPdf(pdf).runs.join('');

describe('the PDF', () => {
  it('is A4, in Noto Sans JP, with Japanese text that reads back exactly', async () => {
    const pdf = await planToPdf(nttPlan, { lang: 'ja', today: '2026-11-29' });
    const read = readPdf(pdf);
    expect(read.mediaBoxes.length).toBeGreaterThan(0);
    for (const box of read.mediaBoxes) expect(box).toBe('0 0 595.28 841.89');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    const text = allText(pdf);
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('情報漏えいのあとにやること');
    for (const step of planSteps(nttPlan)) expect(text).toContain(step.title.ja);
    expect(text).toContain('NTT西日本');
    expect(text).toContain('しなくてよいこと');
    expect(text).toContain('クレジットカードの情報は、今回漏れた情報には入っていないと発表されています');
  });

  it('uses large type only: nothing under 14 pt', async () => {
    const read = readPdf(await planToPdf(cardPlan, { lang: 'en', today: '2026-11-29', planId: '0123456789ab' }));
    expect(read.runs.join(' ')).toContain('Plan id: 0123456789ab');
    expect(read.fontSizes.length).toBeGreaterThan(10);
    expect(Math.min(...read.fontSizes)).toBeGreaterThanOrEqual(14);
    expect(read.runs.join(' ')).toContain('Call your card company now');
  });

  it('draws one box per step and ticks the done ones', async () => {
    const shapes = (pdf: Buffer) => {
      const streams = readPdf(pdf).contents.join('\n');
      return {
        boxes: [...streams.matchAll(/ 16 16 re\n/g)].length,
        ticks: [...streams.matchAll(/ m\n[\d.]+ [\d.]+ l\n[\d.]+ [\d.]+ l\n/g)].length,
      };
    };
    const steps = planSteps(cardPlan).length;
    const plain = await planToPdf(cardPlan, { lang: 'ja', today: '2026-11-29' });
    const ticked = await planToPdf(cardPlan, {
      lang: 'ja',
      today: '2026-11-29',
      progress: { 'call-card-company-now': { done: true, at: '2026-11-29' }, 'fake-notices': { done: true, at: '2026-11-28' } },
    });
    expect(shapes(plain)).toEqual({ boxes: steps, ticks: 0 });
    expect(shapes(ticked)).toEqual({ boxes: steps, ticks: 2 });
    expect(allText(ticked)).toContain('済み 2026-11-29');
    expect(allText(plain)).not.toContain('済み');
  });
});

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

describe('the calendar (.ics)', () => {
  const ics = planToIcs(cardPlan, { lang: 'ja', start: '2026-11-29', uidPrefix: 'abc123' });

  it('is a well-formed iCalendar file: CRLF lines of at most 75 octets, balanced blocks', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/[^\r]\n/);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const stack: string[] = [];
    for (const line of lines) {
      if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
      if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
  });

  it('has one repeating event with a reminder per recurring step, and only those', () => {
    const lines = unfold(ics);
    const recurring = planSteps(cardPlan).filter((step) => step.recurrence !== undefined);
    expect(recurring.map((s) => s.id)).toEqual(['card-statements', 'stay-alert']);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((line) => line === 'BEGIN:VALARM')).toHaveLength(2);
    expect(lines).toContain('UID:abc123-card-statements@leakaid');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;COUNT=12');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;COUNT=6');
    expect(lines).toContain('DTSTART:20261129T100000');
    expect(lines.filter((line) => line === 'TRIGGER:-PT15M')).toHaveLength(2);
    expect(lines).toContain('SUMMARY:カードの明細を毎月確かめる（1年間）');
    // Folding at octets must not split a character.
    expect(ics).not.toContain('\uFFFD');
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain('身に覚えのない使われ方は、少額から始まることがあります。');
  });

  it('is still a valid calendar when no step repeats, and rejects a bad start date', () => {
    const once: Plan = { ...cardPlan, stages: cardPlan.stages.map((g) => ({ ...g, steps: g.steps.filter((s) => s.recurrence === undefined) })) };
    const lines = unfold(planToIcs(once, { lang: 'en', start: '2026-11-29', uidPrefix: 'x' }));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).not.toContain('BEGIN:VEVENT');
    expect(() => planToIcs(cardPlan, { lang: 'en', start: 'tomorrow', uidPrefix: 'x' })).toThrow(IcsError);
  });
});
