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

/** An issuer's Ed25519 public key, registered by an administrator. */
export interface NoticeKeysTable {
  /** First 8 bytes of SHA-256 of the raw public key, hex. */
  key_id: string;
  organization_id: string;
  /** Raw 32-byte public key, base64url. */
  public_key: string;
  /** Where the organization publishes the key (/.well-known/leakaid-notice-keys.json). */
  domain: string;
  valid_from: string;
  registered_at: string;
  revoked_on: string | null;
}

/** One issuance: an incident, organization, key, channel and recipients file. */
export interface NoticeRunsTable {
  /** 8 base32 symbols from a hash of what identifies the run; the first part of every serial. */
  run_id: string;
  key_id: string;
  incident_id: string;
  organization_id: string;
  channel: string;
  recipients_sha256: string;
  /** The issue date printed in every statement of the run, fixed when it started. */
  issued: string;
  /** Rows written so far, committed together with them. */
  rows_committed: string | number;
  /** Length of the print-house CSV after rows_committed rows: a resumed run cuts it back to this. */
  output_bytes: string | number;
  finished: number;
  started_at: string;
}

/** One notice: nothing about the recipient, and not the code itself. */
export interface NoticesTable {
  /** base64url of the first 16 bytes of SHA-256 of the code's 80 bits (with a context string). */
  code_hash: string;
  run_id: string;
  /** Its row in the recipients file, from 1: the serial is run_id-row_number. */
  row_number: string | number;
  /** A hash of the code's bits with the postal code: checkable only by someone holding the code. */
  postal_check: string | null;
}

/** A notice the organization withdrew (misprinted, sent to the wrong person). */
export interface NoticeRevocationsTable {
  run_id: string;
  row_number: string | number;
  revoked_on: string;
}

/** Code look-ups per client in the current window, shared by every app server. */
export interface NoticeLookupLimitsTable {
  /** A hash of the client's address, not the address. */
  client_key: string;
  window_start: string | number;
  count: number;
}

export interface Database {
  incidents: IncidentsTable;
  incident_organizations: IncidentOrganizationsTable;
  seed_applied: SeedAppliedTable;
  notice_keys: NoticeKeysTable;
  notice_runs: NoticeRunsTable;
  notices: NoticesTable;
  notice_revocations: NoticeRevocationsTable;
  notice_lookup_limits: NoticeLookupLimitsTable;
}

export type StoreDialect = 'sqlite' | 'postgres';

// Kysely<any>: migrations receive a database whose tables they are still creating.
export function dialectOf(db: Kysely<any>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
