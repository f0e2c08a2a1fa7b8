// The incident registry over HTTP: search and incident pages as JSON, Have I Been
// Pwned's breach model (/api/v3/breaches, /api/v3/breach/:name) for tools that speak
// it, the registry in brief for the "which of my companies leaked?" page, organization
// pages, the incident format as JSON Schema, and an Atom feed. The public API only
// reads; writing needs the admin token (env LEAKAID_ADMIN_TOKEN), compared in constant
// time, and is off when none is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { toHibpModel, HIBP_ATTRIBUTION } from '../../core/registry/hibp.js';
import { lastChanged, toIndexEntry, type IncidentIndexEntry } from '../../core/registry/incident-index.js';
import { organizationProfile } from '../../core/registry/organization-directory.js';
import { incidentJsonSchema } from '../../core/registry/schema.js';
import type { Incident } from '../../core/registry/types.js';
import { formatProblems, validateIncident } from '../../core/registry/validate.js';
import { importHibpText, ImportError } from '../store/hibp-import.js';
import { importRegistryText, problemLine, RegistryImportError } from '../store/registry-import.js';
import type { Store } from '../store/index.js';
import { summarize } from '../store/incidents.js';

/** Entries in /feed.atom: a feed reader wants what is new, not the whole registry. The
 * registry's own (Japanese) incidents come first; records imported from Have I Been
 * Pwned only fill the places left, since HIBP has feeds of its own. */
export const FEED_ENTRIES = 100;
/** How long GET /api/incident-index is reused before the store is read again: every
 * record is parsed to build it, and an import from the CLI shows up within this time
 * (writes through this server clear it at once). */
export const INDEX_CACHE_MS = 60_000;
/** Summaries in GET /api/incidents without ?q=. */
export const RECENT_INCIDENTS = 50;

export interface RegistryAppDeps {
  store: Store;
  /** Token for write routes; default env LEAKAID_ADMIN_TOKEN. Empty or absent turns writes off. */
  adminToken?: string;
}

const ATTRIBUTION_NOTICE = `Breach data from ${HIBP_ATTRIBUTION.name} (${HIBP_ATTRIBUTION.url}), ${HIBP_ATTRIBUTION.license} (${HIBP_ATTRIBUTION.licenseUrl})`;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests so that neither the token's length nor its prefix leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function error(c: Context, status: 400 | 401 | 403 | 404, en: string, ja: string) {
  return c.json({ error: en, message: { ja, en } }, status);
}

/** RFC 3339 for Atom: dates known only to the month or day start at midnight UTC. */
export function atomDate(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-01-01T00:00:00Z`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function lastChange(incident: Incident): string {
  return atomDate(lastChanged(incident) ?? '1970-01-01');
}

export function atomFeed(incidents: readonly Incident[], origin: string): string {
  const entries = [...incidents].sort((a, b) => (lastChange(a) < lastChange(b) ? 1 : lastChange(a) > lastChange(b) ? -1 : 0));
  const updated = entries[0] === undefined ? atomDate('1970-01-01') : lastChange(entries[0]);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${escapeXml(`${origin}/feed.atom`)}</id>`,
    '  <title>leakaid 情報漏えいの記録 / incident registry</title>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}/feed.atom`)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>leakaid</name></author>',
  ];
  for (const incident of entries) {
    const url = `${origin}/api/incidents/${encodeURIComponent(incident.id)}`;
    const page = `${origin}/incidents/${encodeURIComponent(incident.id)}`;
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(incident.title.ja === incident.title.en ? incident.title.en : `${incident.title.ja} / ${incident.title.en}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
      `    <link rel="alternate" type="application/json" href="${escapeXml(url)}"/>`,
      `    <updated>${lastChange(incident)}</updated>`,
      `    <summary>${escapeXml(incident.summary.ja === incident.summary.en ? incident.summary.en : `${incident.summary.ja}\n\n${incident.summary.en}`)}</summary>`,
    );
    if (incident.attribution !== undefined) lines.push(`    <rights>${escapeXml(ATTRIBUTION_NOTICE)}</rights>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function adminTokenFromEnv(): string {
  return process.env['LEAKAID_ADMIN_TOKEN'] ?? '';
}

/** Writes need the admin token as "Authorization: Bearer <token>"; with no token set they are off. */
export function requireAdminToken(adminToken: string): MiddlewareHandler {
  return async (c, next) => {
    if (adminToken === '') return error(c, 403, 'Writing is turned off on this server.', 'このサーバーでは記録の変更はできません。');
    const header = c.req.header('Authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!tokenMatches(given, adminToken)) return error(c, 401, 'A valid admin token is needed.', '管理用のトークンが必要です。');
    return next();
  };
}

export function createRegistryApp(deps: RegistryAppDeps): Hono {
  const { store } = deps;
  const adminToken = deps.adminToken ?? adminTokenFromEnv();
  const app = new Hono();
  let index: { at: number; entries: Promise<IncidentIndexEntry[]> } | null = null;
  const incidentIndex = (): Promise<IncidentIndexEntry[]> => {
    const now = Date.now();
    if (index === null || now - index.at > INDEX_CACHE_MS) {
      const entries = store.listIncidents().then((list) => list.map(toIndexEntry));
      index = { at: now, entries };
      entries.catch(() => {
        index = null;
      });
    }
    return index.entries;
  };

  const hibpHeaders = (c: Context): void => {
    c.header('Link', `<${HIBP_ATTRIBUTION.url}>; rel="author", <${HIBP_ATTRIBUTION.licenseUrl}>; rel="license"`);
    c.header('X-Attribution', ATTRIBUTION_NOTICE);
  };

  app.get('/api/incidents', async (c) => {
    const q = c.req.query('q')?.trim() ?? '';
    const results =
      q === ''
        ? (await store.recentIncidents(RECENT_INCIDENTS)).map(summarize)
        : await store.searchIncidents(q);
    if (results.some((r) => r.attribution !== undefined)) hibpHeaders(c);
    return c.json({ query: q, results });
  });

  app.get('/api/incidents/:id', async (c) => {
    const incident = await store.getIncident(c.req.param('id'));
    if (incident === undefined) return error(c, 404, 'No incident with this id.', 'この番号の記録はありません。');
    if (incident.attribution !== undefined) hibpHeaders(c);
    return c.json(incident);
  });

  // The registry in brief, whole: the /mine page picks organizations against it in the
  // browser, so the request says nothing of which companies a person deals with.
  app.get('/api/incident-index', async (c) => {
    const entries = await incidentIndex();
    if (entries.some((e) => e.fromHibp === true)) hibpHeaders(c);
    return c.json({ incidents: entries });
  });

  app.get('/api/organizations/:id', async (c) => {
    const id = c.req.param('id');
    const profile = organizationProfile(id, await store.incidentsForOrganizations([id]));
    if (profile === undefined) return error(c, 404, 'No organization with this id.', 'この会社・団体は記録にありません。');
    if (profile.incidents.some((i) => i.fromHibp === true)) hibpHeaders(c);
    return c.json(profile);
  });

  app.get('/api/schema/incident.json', (c) => {
    c.header('Content-Type', 'application/schema+json; charset=utf-8');
    return c.body(JSON.stringify(incidentJsonSchema(), null, 2));
  });

  app.get('/api/v3/breaches', async (c) => {
    const domain = c.req.query('domain');
    const list = await store.listIncidents(domain === undefined || domain.trim() === '' ? {} : { domain });
    hibpHeaders(c);
    return c.json(list.map(toHibpModel));
  });

  app.get('/api/v3/breach/:name', async (c) => {
    const incident = await store.getIncidentByName(c.req.param('name'));
    if (incident === undefined) return c.body(null, 404);
    hibpHeaders(c);
    return c.json(toHibpModel(incident));
  });

  app.get('/feed.atom', async (c) => {
    const origin = new URL(c.req.url).origin;
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    const own = await store.recentIncidents(FEED_ENTRIES, 'registry');
    const imported = own.length < FEED_ENTRIES ? await store.recentIncidents(FEED_ENTRIES - own.length, 'hibp') : [];
    return c.body(atomFeed([...own, ...imported], origin));
  });

  app.use('/api/admin/*', requireAdminToken(adminToken));

  app.put('/api/admin/incidents/:id', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return error(c, 400, 'The body is not JSON.', '本文が JSON ではありません。');
    }
    const checked = validateIncident(body);
    if (!checked.ok) {
      const problems = formatProblems(checked.problems);
      return c.json({ error: `Bad incident: ${problems.join('; ')}`, message: { ja: '記録の形式が正しくありません。', en: 'The record is not in the registry format.' }, problems: checked.problems }, 400);
    }
    const incident = checked.incident;
    if (incident.id !== c.req.param('id')) return error(c, 400, 'The id in the body differs from the URL.', '本文と URL の番号が違います。');
    const outcome = await store.upsertIncident(incident);
    index = null;
    return c.json({ id: incident.id, outcome });
  });

  app.post('/api/admin/import', async (c) => {
    const format = c.req.query('format') ?? 'hibp';
    if (format === 'registry') {
      try {
        const report = await importRegistryText(store, await c.req.text());
        index = null;
        return c.json(report);
      } catch (e) {
        if (!(e instanceof RegistryImportError)) throw e;
        return c.json(
          {
            error: `Nothing was imported: ${e.problems.map(problemLine).join('; ')}`,
            message: { ja: '記録に問題があるため、何も取り込んでいません。', en: 'The records have problems, so nothing was imported.' },
            problems: e.problems,
          },
          400,
        );
      }
    }
    if (format !== 'hibp') return error(c, 400, 'format must be hibp or registry.', '形式（format）は hibp か registry です。');
    try {
      const report = await importHibpText(store, await c.req.text());
      index = null;
      return c.json(report);
    } catch (e) {
      if (e instanceof ImportError) return error(c, 400, e.message, '取り込めませんでした: ' + e.message);
      throw e;
    }
  });

  return app;
}
