// The store's tables as Kysely sees them. The same queries run on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

export interface IncidentsTable {
  id: string;
  /** 'registry' for our own incidents (seed, edits), 'hibp' for imported HIBP records. */
  origin: 'registry' | 'hibp';
  /** Lower-cased HIBP Name (or our id): GET /api/v3/breach/:name is case-insensitive, as on HIBP. */
  name_key: string;
  /** Lower-cased HIBP Domain, '' when none: GET /api/v3/breaches?domain=. */
  domain: string;
  /** When it became known (incidentDate: announcement, else HIBP AddedDate, discovery, start): newest-first lists. */
  published: string;
  /** Last change (lastChanged: HIBP ModifiedDate, else the newest dated event): the Atom feed's <updated>. */
  updated: string;
  /** NFKC, lower-cased titles, names and summary, plus names without spaces or dots. */
  search_text: string;
  /** The whole incident as JSON, validated again whenever it is read. */
  body: string;
  /** SHA-256 of body: an import that brings nothing new changes nothing. */
  content_hash: string;
}

export interface IncidentOrganizationsTable {
  incident_id: string;
  organization_id: string;
}

/** Which version of each seed incident was last written, so an unedited seed row follows a newer seed file. */
export interface SeedAppliedTable {
  incident_id: string;
  /** seedVersion(): the seeded content's hash and a hash of what was derived from it, "content:derived". */
  content_hash: string;
}

export interface Database {
  incidents: IncidentsTable;
  incident_organizations: IncidentOrganizationsTable;
  seed_applied: SeedAppliedTable;
}

export type StoreDialect = 'sqlite' | 'postgres';

// Kysely<any>: migrations receive a database whose tables they are still creating.
export function dialectOf(db: Kysely<any>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
