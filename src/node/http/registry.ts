// The incident registry over HTTP: search and incident pages as JSON, Have I Been
// Pwned's breach model (/api/v3/breaches, /api/v3/breach/:name) for tools that speak
// it, and an Atom feed. The public API only reads; writing needs the admin token
// (env LEAKAID_ADMIN_TOKEN), compared in constant time, and is off when none is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { toHibpModel, HIBP_ATTRIBUTION } from '../../core/registry/hibp.js';
import { parseIncident } from '../../core/registry/schema.js';
import type { Incident } from '../../core/registry/types.js';
import { importHibpText, ImportError } from '../store/hibp-import.js';
import type { Store } from '../store/index.js';
import { summarize } from '../store/incidents.js';

/** Entries in /feed.atom: a feed reader wants what is new, not the whole registry. */
export const FEED_ENTRIES = 50;
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
  const modified = incident.hibp?.ModifiedDate;
  const value =
    modified !== undefined && modified !== '' ? modified : (incident.announcedDate ?? incident.hibp?.AddedDate ?? incident.period?.start);
  return atomDate(value ?? '1970-01-01');
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
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(incident.title.ja === incident.title.en ? incident.title.en : `${incident.title.ja} / ${incident.title.en}`)}</title>`,
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

export function createRegistryApp(deps: RegistryAppDeps): Hono {
  const { store } = deps;
  const adminToken = deps.adminToken ?? process.env['LEAKAID_ADMIN_TOKEN'] ?? '';
  const app = new Hono();

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
    return c.body(atomFeed(await store.recentIncidents(FEED_ENTRIES), origin));
  });

  // Writes: the admin token as "Authorization: Bearer <token>".
  app.use('/api/admin/*', async (c, next) => {
    if (adminToken === '') return error(c, 403, 'Writing is turned off on this server.', 'このサーバーでは記録の変更はできません。');
    const header = c.req.header('Authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!tokenMatches(given, adminToken)) return error(c, 401, 'A valid admin token is needed.', '管理用のトークンが必要です。');
    return next();
  });

  app.put('/api/admin/incidents/:id', async (c) => {
    let incident: Incident;
    try {
      incident = parseIncident(await c.req.json(), 'incident');
    } catch (e) {
      return error(c, 400, `Bad incident: ${(e as Error).message}`, '記録の形式が正しくありません。');
    }
    if (incident.id !== c.req.param('id')) return error(c, 400, 'The id in the body differs from the URL.', '本文と URL の番号が違います。');
    return c.json({ id: incident.id, outcome: await store.upsertIncident(incident) });
  });

  app.post('/api/admin/import', async (c) => {
    if ((c.req.query('format') ?? 'hibp') !== 'hibp') return error(c, 400, 'Only format=hibp is supported.', '対応している形式は hibp だけです。');
    try {
      return c.json(await importHibpText(store, await c.req.text()));
    } catch (e) {
      if (e instanceof ImportError) return error(c, 400, e.message, '取り込めませんでした: ' + e.message);
      throw e;
    }
  });

  return app;
}
