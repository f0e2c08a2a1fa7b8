import { describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import { MAX_CONCURRENT_PDFS, createPlanApp } from '../../../src/node/http/plan.js';
import { readPdf } from './pdf-text.js';

const app = createPlanApp({
  getIncident: async (id) => SEED_INCIDENTS.find((incident) => incident.id === id),
  today: () => '2026-11-29',
});

const post = (body: unknown) =>
  app.request('/api/plan', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

interface PlanJson {
  stages: { id: string; steps: { id: string }[] }[];
  notNeeded: { stepId: string; text: { ja: string; en: string } }[];
  downloads: { markdown: string; pdf: string; ics: string };
  error?: string;
}

describe('POST /api/plan', () => {
  it('plans for NTT West customers: scam calls first, no card/bank/password steps', async () => {
    const res = await post({ incident: NTT_INCIDENT_ID, org: 'ntt-west', lang: 'ja' });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as PlanJson;
    expect(plan.stages[0]?.steps.map((s) => s.id).slice(0, 2)).toEqual(['scam-calls', 'fake-notices']);
    expect(plan.notNeeded.map((l) => l.stepId).sort()).toEqual(['change-leaked-password', 'contact-bank', 'contact-card-company']);
    expect(plan.downloads.pdf).toBe(`/api/plan.pdf?incident=${NTT_INCIDENT_ID}&org=ntt-west&lang=ja`);
  });

  it('plans from a list of data classes and answers', async () => {
    const res = await post({ dataClasses: ['Email addresses', 'Passwords'], answers: ['gave-card'] });
    const plan = (await res.json()) as PlanJson;
    expect(plan.stages[0]?.steps.map((s) => s.id).slice(0, 2)).toEqual(['call-card-company-now', 'change-leaked-password']);
  });

  it('answers bad requests with 400 and unknown incidents with 404, one line each', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{}, 400, /either "incident"/],
      [{ dataClasses: ['Shoe sizes'] }, 400, /unknown data class/],
      [{ dataClasses: ['Names'], answers: ['maybe'] }, 400, /answers/],
      [{ incident: NTT_INCIDENT_ID }, 400, /choose one with --org/],
      [{ incident: 'nope' }, 404, /no incident "nope"/],
      [{ dataClasses: ['Names'], extra: 1 }, 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as PlanJson).error).toMatch(message);
    }
    const notJson = await app.request('/api/plan', { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });
});

describe('downloads', () => {
  it('gives Markdown with the browser\'s progress ticked', async () => {
    const res = await app.request('/api/plan.md?dataClasses=Phone%20numbers&lang=en&done=scam-calls:2026-11-20');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const md = await res.text();
    expect(md).toContain('- [x] **Watch out for scam calls and text messages** (done 2026-11-20)');
  });

  it('gives a Japanese PDF and an .ics for the same plan', async () => {
    const query = `incident=${NTT_INCIDENT_ID}&org=ntt-west&lang=ja`;
    const pdf = await app.request(`/api/plan.pdf?${query}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = readPdf(Buffer.from(await pdf.arrayBuffer())).runs.join('');
    expect(text).toContain('詐欺の電話やSMSに気をつける');
    const ics = await app.request(`/api/plan.ics?${query}`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await ics.text();
    expect(body).toContain('RRULE:FREQ=MONTHLY;COUNT=6');
    const again = await (await app.request(`/api/plan.ics?${query}`)).text();
    expect(again.match(/UID:[^\r]+/g)).toEqual(body.match(/UID:[^\r]+/g));
  });

  it('rejects a done step that is not in the plan, and a bad date', async () => {
    expect((await app.request('/api/plan.md?dataClasses=Names&done=call-bank-now')).status).toBe(400);
    expect((await app.request('/api/plan.md?dataClasses=Names&done=scam-calls:yesterday')).status).toBe(400);
    expect((await app.request('/api/plan.md?dataClasses=Names&lang=fr')).status).toBe(400);
  });

  it(`renders at most ${MAX_CONCURRENT_PDFS} PDFs at once and asks the rest to retry`, async () => {
    const responses = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_PDFS + 2 }, () => app.request('/api/plan.pdf?dataClasses=Names')),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_CONCURRENT_PDFS);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    expect(responses.find((r) => r.status === 503)?.headers.get('retry-after')).toBe('2');
  });
});
