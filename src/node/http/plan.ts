// The action plan over HTTP. POST /api/plan answers with the plan as JSON; GET
// /api/plan.md, /api/plan.pdf and /api/plan.ics render the plan described in the query
// for download (the web app offers them; its progress lives in the browser and comes
// along as `done=step:YYYY-MM-DD,...`). Nothing of a request is stored.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  PLAN_ANSWERS,
  PlanInputError,
  buildPlan,
  markStep,
  planInputFromIncident,
  planToMarkdown,
} from '../../core/plan/index.js';
import type { Plan, PlanInput, PlanLang, PlanProgress } from '../../core/plan/index.js';
import type { Incident } from '../../core/registry/types.js';
import { IcsError, planToIcs } from '../plan/ics.js';
import { planToPdf } from '../plan/pdf.js';
import { localToday } from '../plan/render.js';

/** PDFs rendered at the same time. Each takes about 75 ms of CPU (250 ms the first time,
 * loading the 5 MB Japanese font) and about 60 MB of memory while it runs (measured on an
 * NTT West plan); GET requests are not rate-limited, so this stops a burst of downloads
 * from starving the server. Past it: 503 with Retry-After. */
export const MAX_CONCURRENT_PDFS = 2;

/** Items in one comma-separated query list (data classes, answers, done steps). The whole
 * data-class vocabulary is about 150 names; a plan has about 25 steps. */
export const MAX_QUERY_LIST_ITEMS = 300;

export interface PlanAppDeps {
  /** The registry lookup (the store's getIncident). */
  getIncident(id: string): Promise<Incident | undefined>;
  /** YYYY-MM-DD; tests fix it. Default: the server's local date. */
  today?: () => string;
}

const planRequest = z.strictObject({
  incident: z.string().min(1).max(200).optional(),
  org: z.string().min(1).max(200).optional(),
  dataClasses: z.array(z.string()).max(MAX_QUERY_LIST_ITEMS).optional(),
  notExposed: z.array(z.string()).max(MAX_QUERY_LIST_ITEMS).optional(),
  answers: z.array(z.enum(PLAN_ANSWERS)).max(PLAN_ANSWERS.length * 2).optional(),
  lang: z.enum(['ja', 'en']).optional(),
});

type PlanRequest = z.infer<typeof planRequest>;

class RequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length > MAX_QUERY_LIST_ITEMS) throw new RequestError(`too many items in a list (at most ${MAX_QUERY_LIST_ITEMS})`, 400);
  return items;
}

function fromQuery(c: Context): { request: PlanRequest; done: string[] } {
  const q = (name: string) => c.req.query(name);
  const raw = {
    incident: q('incident'),
    org: q('org'),
    dataClasses: list(q('dataClasses')),
    notExposed: list(q('notExposed')),
    answers: list(q('answers')),
    lang: q('lang'),
  };
  const parsed = planRequest.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) throw new RequestError(describe(parsed.error), 400);
  return { request: parsed.data, done: list(q('done')) ?? [] };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  return `${where}${issue?.message ?? 'invalid request'}`;
}

async function inputFor(request: PlanRequest, deps: PlanAppDeps): Promise<PlanInput> {
  const answers = request.answers ?? [];
  if ((request.incident === undefined) === (request.dataClasses === undefined)) {
    throw new RequestError('give either "incident" (with "org" when it has several) or "dataClasses"', 400);
  }
  if (request.incident !== undefined) {
    const incident = await deps.getIncident(request.incident);
    if (incident === undefined) throw new RequestError(`no incident "${request.incident.slice(0, 80)}"`, 404);
    return planInputFromIncident(incident, request.org, answers);
  }
  return { exposed: request.dataClasses ?? [], notExposed: request.notExposed ?? [], answers };
}

/** `step` or `step:YYYY-MM-DD` (the date the browser recorded; today when absent). */
function progressFrom(plan: Plan, done: readonly string[], today: string): PlanProgress {
  let progress: PlanProgress = {};
  for (const item of done) {
    const [stepId = '', date = today] = item.split(':');
    progress = markStep(plan, progress, stepId, true, date);
  }
  return progress;
}

function queryFor(request: PlanRequest): string {
  const params = new URLSearchParams();
  if (request.incident !== undefined) params.set('incident', request.incident);
  if (request.org !== undefined) params.set('org', request.org);
  if (request.dataClasses !== undefined) params.set('dataClasses', request.dataClasses.join(','));
  if (request.notExposed !== undefined && request.notExposed.length > 0) params.set('notExposed', request.notExposed.join(','));
  if (request.answers !== undefined && request.answers.length > 0) params.set('answers', request.answers.join(','));
  params.set('lang', request.lang ?? 'ja');
  return params.toString();
}

const FILE_HEADERS = { 'Cache-Control': 'no-store' } as const;

export function createPlanApp(deps: PlanAppDeps): Hono {
  const app = new Hono();
  const today = deps.today ?? (() => localToday());
  let pdfsRendering = 0;

  const fail = (c: Context, error: unknown) => {
    if (error instanceof RequestError) return c.json({ error: error.message }, error.status);
    if (error instanceof PlanInputError || error instanceof IcsError) return c.json({ error: error.message }, 400);
    throw error;
  };

  /** Builds the plan a GET describes, with the browser's progress. */
  const planFromQuery = async (c: Context) => {
    const { request, done } = fromQuery(c);
    const plan = buildPlan(await inputFor(request, deps));
    const date = today();
    return { plan, lang: (request.lang ?? 'ja') as PlanLang, progress: progressFrom(plan, done, date), date };
  };

  app.post('/api/plan', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'the body must be JSON like {"dataClasses": ["Phone numbers"], "answers": []}' }, 400);
    }
    try {
      const parsed = planRequest.safeParse(body);
      if (!parsed.success) throw new RequestError(describe(parsed.error), 400);
      const plan = buildPlan(await inputFor(parsed.data, deps));
      const query = queryFor(parsed.data);
      return c.json({
        ...plan,
        downloads: { markdown: `/api/plan.md?${query}`, pdf: `/api/plan.pdf?${query}`, ics: `/api/plan.ics?${query}` },
      });
    } catch (error) {
      return fail(c, error);
    }
  });

  app.get('/api/plan.md', async (c) => {
    try {
      const { plan, lang, progress, date } = await planFromQuery(c);
      return c.body(planToMarkdown(plan, { lang, progress, today: date }), 200, {
        ...FILE_HEADERS,
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': 'attachment; filename="leakaid-plan.md"',
      });
    } catch (error) {
      return fail(c, error);
    }
  });

  app.get('/api/plan.pdf', async (c) => {
    if (pdfsRendering >= MAX_CONCURRENT_PDFS) {
      return c.json({ error: 'Busy making other PDFs; please try again in a moment.' }, 503, { 'Retry-After': '2' });
    }
    pdfsRendering += 1;
    try {
      const { plan, lang, progress, date } = await planFromQuery(c);
      const pdf = await planToPdf(plan, { lang, progress, today: date });
      return c.body(new Uint8Array(pdf), 200, {
        ...FILE_HEADERS,
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="leakaid-plan.pdf"',
      });
    } catch (error) {
      return fail(c, error);
    } finally {
      pdfsRendering -= 1;
    }
  });

  app.get('/api/plan.ics', async (c) => {
    try {
      const { plan, lang, date } = await planFromQuery(c);
      // The same plan downloaded again gets the same event UIDs, so a calendar updates them.
      const uidPrefix = createHash('sha256').update(JSON.stringify(plan.input)).digest('hex').slice(0, 12);
      return c.body(planToIcs(plan, { lang, start: date, uidPrefix }), 200, {
        ...FILE_HEADERS,
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'attachment; filename="leakaid-plan.ics"',
      });
    } catch (error) {
      return fail(c, error);
    }
  });

  return app;
}
