// Repository functions for incidents. One code path for SQLite and PostgreSQL; only
// the search index differs (FTS5 trigram vs pg_trgm), chosen by the store's dialect.
import { createHash } from 'node:crypto';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { compactName } from '../../core/knowledge/organizations.js';
import { incidentDate, lastChanged } from '../../core/registry/incident-index.js';
import { parseIncident } from '../../core/registry/schema.js';
import type { Incident, IncidentSummary } from '../../core/registry/types.js';
import type { Database, StoreDialect } from './database.js';
import { searchForm, searchText } from './search-text.js';

/** At most this many results from one search: a page for a person, not a dump of the table. */
export const SEARCH_LIMIT = 50;
/** Longer queries are cut here: nobody types a 200-character name, and it bounds the LIKE/MATCH work. */
export const SEARCH_MAX_QUERY_CHARS = 200;
/** At most this many words in one query are matched (each adds a condition). */
export const SEARCH_MAX_TERMS = 8;
/** The FTS5 trigram index matches only terms of at least three characters. */
const TRIGRAM = 3;

export type ImportOutcome = 'added' | 'updated' | 'unchanged';

export interface StoreContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
}

/** What an incident says, independent of the order its fields were written in: two
 * imports of the same record hash the same even when a merge reordered its fields. */
export function contentHash(incident: Incident): string {
  return createHash('sha256').update(JSON.stringify(incident, sortedKeys)).digest('hex');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What the store derives from an incident besides its body: these change when the code
 * or data/organizations.json changes (a new name for an organization), not the record. */
function derivedColumns(incident: Incident): { search_text: string; published: string; updated: string } {
  return { search_text: searchText(incident), published: incidentDate(incident) ?? '', updated: lastChanged(incident) ?? '' };
}

/** The version of a seed incident as written to the store: its content and what is
 * derived from it, so that seeded rows follow new organization names and date rules too. */
export function seedVersion(incident: Incident): string {
  const derived = createHash('sha256').update(JSON.stringify(derivedColumns(incident))).digest('hex');
  return `${contentHash(incident)}:${derived}`;
}

/** The content hash a seed version was made from ("" for none). Older stores kept the content hash alone. */
export function seedContentHash(version: string | undefined): string {
  return version?.split(':')[0] ?? '';
}

function nameKey(incident: Incident): string {
  return (incident.hibp?.Name ?? incident.id).toLowerCase();
}

/** Inserts or replaces one incident; an identical incident is left alone. */
export async function upsertIncident(ctx: StoreContext, incident: Incident): Promise<ImportOutcome> {
  return ctx.db.transaction().execute((trx) => upsertIn(trx, ctx.dialect, incident));
}

/** Writes many incidents in one transaction (an import); counts what changed. */
export async function upsertIncidents(
  ctx: StoreContext,
  incidents: readonly Incident[],
): Promise<Record<ImportOutcome, number>> {
  const counts: Record<ImportOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const incident of incidents) counts[await upsertIn(trx, ctx.dialect, incident)] += 1;
  });
  return counts;
}

export async function upsertIn(trx: Kysely<Database>, dialect: StoreDialect, incident: Incident): Promise<ImportOutcome> {
  const body = JSON.stringify(incident);
  const hash = contentHash(incident);
  const derived = derivedColumns(incident);
  const existing = await trx
    .selectFrom('incidents')
    .select(['content_hash', 'search_text', 'published', 'updated'])
    .where('id', '=', incident.id)
    .executeTakeFirst();
  if (existing?.content_hash === hash) {
    // The same record: only what is derived from it may be out of date (new organization names).
    if (existing.search_text !== derived.search_text || existing.published !== derived.published || existing.updated !== derived.updated) {
      await trx.updateTable('incidents').set(derived).where('id', '=', incident.id).execute();
      if (dialect === 'sqlite') await writeFts(trx, incident.id, derived.search_text);
    }
    return 'unchanged';
  }
  const row = {
    id: incident.id,
    origin: incident.hibp === undefined ? ('registry' as const) : ('hibp' as const),
    name_key: nameKey(incident),
    domain: (incident.hibp?.Domain ?? '').toLowerCase(),
    ...derived,
    body,
    content_hash: hash,
  };
  if (existing === undefined) {
    await trx.insertInto('incidents').values(row).execute();
  } else {
    await trx.updateTable('incidents').set(row).where('id', '=', incident.id).execute();
    await trx.deleteFrom('incident_organizations').where('incident_id', '=', incident.id).execute();
  }
  const organizationIds = [
    ...new Set([...incident.affected, ...(incident.involved ?? [])].map((o) => o.organizationId)),
  ];
  if (organizationIds.length > 0) {
    await trx
      .insertInto('incident_organizations')
      .values(organizationIds.map((organization_id) => ({ incident_id: incident.id, organization_id })))
      .execute();
  }
  if (dialect === 'sqlite') await writeFts(trx, incident.id, row.search_text);
  return existing === undefined ? 'added' : 'updated';
}

async function writeFts(trx: Kysely<Database>, id: string, searchText: string): Promise<void> {
  await sql`DELETE FROM incidents_fts WHERE id = ${id}`.execute(trx);
  await sql`INSERT INTO incidents_fts (id, search_text) VALUES (${id}, ${searchText})`.execute(trx);
}

function readBody(row: { id: string; body: string }): Incident {
  return parseIncident(JSON.parse(row.body), `stored incident ${row.id}`);
}

export async function getIncident(ctx: StoreContext, id: string): Promise<Incident | undefined> {
  const row = await ctx.db.selectFrom('incidents').select(['id', 'body']).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : readBody(row);
}

/** HIBP's GET /api/v3/breach/:name: the Name, case-insensitive. */
export async function getIncidentByName(ctx: StoreContext, name: string): Promise<Incident | undefined> {
  const row = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'body'])
    .where('name_key', '=', name.toLowerCase())
    .executeTakeFirst();
  return row === undefined ? undefined : readBody(row);
}

/** All incidents in HIBP's order (by Name), optionally only those of one domain. */
export async function listIncidents(ctx: StoreContext, options: { domain?: string } = {}): Promise<Incident[]> {
  let query = ctx.db.selectFrom('incidents').select(['id', 'body']).orderBy('name_key');
  if (options.domain !== undefined) query = query.where('domain', '=', options.domain.trim().toLowerCase());
  return (await query.execute()).map(readBody);
}

/** The newest incidents first (by last change), for the Atom feed; only ours or only
 * imported ones when `origin` says so. */
export async function recentIncidents(ctx: StoreContext, limit: number, origin?: 'registry' | 'hibp'): Promise<Incident[]> {
  let query = ctx.db.selectFrom('incidents').select(['id', 'body']);
  if (origin !== undefined) query = query.where('origin', '=', origin);
  const rows = await query
    .orderBy('updated', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(readBody);
}

/** Incidents that touched any of the given organizations (the checker's candidates). */
export async function incidentsForOrganizations(ctx: StoreContext, organizationIds: readonly string[]): Promise<Incident[]> {
  if (organizationIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'body'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('incident_organizations').select('incident_id').where('organization_id', 'in', [...organizationIds]),
    )
    .orderBy('published', 'desc')
    .execute();
  return rows.map(readBody);
}

export async function countIncidents(ctx: StoreContext, origin?: 'registry' | 'hibp'): Promise<number> {
  let query = ctx.db.selectFrom('incidents').select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (origin !== undefined) query = query.where('origin', '=', origin);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export function summarize(incident: Incident): IncidentSummary {
  return {
    id: incident.id,
    title: incident.title,
    ...(incident.announcedDate === undefined ? {} : { announcedDate: incident.announcedDate }),
    ...(incident.totalRecords === undefined ? {} : { totalRecords: incident.totalRecords }),
    status: incident.status,
    organizationIds: [...new Set(incident.affected.map((a) => a.organizationId))],
    ...(incident.attribution === undefined ? {} : { attribution: incident.attribution }),
  };
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Incidents whose names, titles or summaries contain every word of the query (or the
 * query with its spaces and dots removed). Our own incidents come before imported ones,
 * newest first. Words of three or more characters use the trigram index; shorter ones
 * (福岡, au) fall back to LIKE, which the trigram index cannot serve.
 */
export async function searchIncidents(ctx: StoreContext, query: string): Promise<IncidentSummary[]> {
  const folded = searchForm(query.slice(0, SEARCH_MAX_QUERY_CHARS));
  const terms = [...new Set(folded.split(' ').filter((t) => t !== ''))].slice(0, SEARCH_MAX_TERMS);
  if (terms.length === 0) return [];
  const compact = compactName(folded);
  const rows = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'body'])
    .where((eb) => {
      const allTerms = eb.and(terms.map((t) => contains(ctx.dialect, t)));
      return compact !== '' && compact !== terms.join('') && terms.length > 1
        ? eb.or([allTerms, contains(ctx.dialect, compact)])
        : allTerms;
    })
    .orderBy(sql`CASE WHEN origin = 'registry' THEN 0 ELSE 1 END`)
    .orderBy('published', 'desc')
    .orderBy('id')
    .limit(SEARCH_LIMIT)
    .execute();
  return rows.map((row) => summarize(readBody(row)));
}

function contains(dialect: StoreDialect, term: string): Expression<SqlBool> {
  if (dialect === 'sqlite' && [...term].length >= TRIGRAM) {
    const phrase = `"${term.replace(/"/g, '""')}"`;
    return sql<SqlBool>`id IN (SELECT id FROM incidents_fts WHERE incidents_fts MATCH ${phrase})`;
  }
  // On PostgreSQL the pg_trgm GIN index serves LIKE '%…%' for terms of three or more characters.
  return sql<SqlBool>`search_text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`;
}
