// openStore(): the registry's database. SQLite (better-sqlite3, WAL) by default, or
// PostgreSQL when the location is a postgres:// URL, so several app servers can share
// one database. Opening migrates the schema and seeds the registry's own incidents.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Pool as PostgresPool } from 'pg';
import { SEED_INCIDENTS } from '../../core/registry/seed.js';
import type { Incident, IncidentSummary } from '../../core/registry/types.js';
import type { Database, StoreDialect } from './database.js';
import * as incidents from './incidents.js';
import { defaultStoreLocation, isPostgresLocation } from './location.js';
import { MIGRATIONS } from './migrations/index.js';

export { DEFAULT_DB_FILE, defaultStoreLocation, isPostgresLocation } from './location.js';

/** Connections per process to PostgreSQL: enough for a busy app server, small enough for many of them. */
const POSTGRES_POOL_SIZE = 10;
/** An unreachable database server fails the command after this long instead of hanging it (pg waits forever by default). */
const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
/** Any fixed number shared by all app servers: the advisory lock taken while seeding. */
const POSTGRES_SEED_LOCK = 4_2023_1017;
/** How long SQLite waits for another process's write lock before failing (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface Store {
  readonly dialect: StoreDialect;
  /** For features that add their own tables through a migration (plan progress). */
  readonly db: Kysely<Database>;
  /** PostgreSQL's connection pool (undefined on SQLite), for the few hot queries that
   * should be planned once per connection as named prepared statements, which Kysely
   * does not make: a code look-up costs a third as much that way. */
  readonly postgresPool: PostgresPool | undefined;
  getIncident(id: string): Promise<Incident | undefined>;
  getIncidentByName(name: string): Promise<Incident | undefined>;
  searchIncidents(query: string): Promise<IncidentSummary[]>;
  listIncidents(options?: { domain?: string }): Promise<Incident[]>;
  recentIncidents(limit: number, origin?: 'registry' | 'hibp'): Promise<Incident[]>;
  incidentsForOrganizations(organizationIds: readonly string[]): Promise<Incident[]>;
  upsertIncident(incident: Incident): Promise<incidents.ImportOutcome>;
  upsertIncidents(list: readonly Incident[]): Promise<Record<incidents.ImportOutcome, number>>;
  countIncidents(origin?: 'registry' | 'hibp'): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the store at `location`: a SQLite file path, ':memory:',
 * or a postgres:// URL. Runs pending migrations and seeds the registry.
 */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  const dialect: StoreDialect = isPostgresLocation(location) ? 'postgres' : 'sqlite';
  const sqlite = dialect === 'sqlite' ? openSqlite(location) : undefined;
  const postgresPool = sqlite === undefined ? await postgresPoolFor(location) : undefined;
  const db = new Kysely<Database>({
    dialect: postgresPool === undefined ? new SqliteDialect({ database: sqlite! }) : new PostgresDialect({ pool: postgresPool }),
  });
  const ctx: incidents.StoreContext = { db, dialect };
  try {
    if (sqlite !== undefined) {
      // Kysely takes no lock for SQLite migrations; two processes opening a new file at
      // once (a server and a CLI) would both create the tables. BEGIN IMMEDIATE makes the
      // second wait, then find everything done.
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        await migrate(db);
        await seed(ctx, db);
        sqlite.exec('COMMIT');
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    } else {
      await migrate(db);
      await db.transaction().execute(async (trx) => {
        // One app server seeds at a time (Kysely's migrator locks only the migrations).
        await sql`SELECT pg_advisory_xact_lock(${POSTGRES_SEED_LOCK})`.execute(trx);
        await seed(ctx, trx);
      });
    }
    return {
      dialect,
      db,
      postgresPool,
      getIncident: (id) => incidents.getIncident(ctx, id),
      getIncidentByName: (name) => incidents.getIncidentByName(ctx, name),
      searchIncidents: (query) => incidents.searchIncidents(ctx, query),
      listIncidents: (options) => incidents.listIncidents(ctx, options),
      recentIncidents: (limit, origin) => incidents.recentIncidents(ctx, limit, origin),
      incidentsForOrganizations: (ids) => incidents.incidentsForOrganizations(ctx, ids),
      upsertIncident: (incident) => incidents.upsertIncident(ctx, incident),
      upsertIncidents: (list) => incidents.upsertIncidents(ctx, list),
      countIncidents: (origin) => incidents.countIncidents(ctx, origin),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function openSqlite(location: string): SqliteDatabase.Database {
  if (location !== ':memory:') mkdirSync(dirname(resolve(location)), { recursive: true });
  const database = new SqliteDatabase(location, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return database;
}

/** The PostgreSQL driver is loaded only for a postgres:// store: it takes longer to load
 * than a check of the embedded store's incidents. */
async function postgresPoolFor(location: string): Promise<PostgresPool> {
  const { default: pg } = await import('pg');
  return new pg.Pool({ connectionString: location, max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrations: Record<string, Migration> = Object.fromEntries(MIGRATIONS);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`store migration${failed === undefined ? '' : ` ${failed}`} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Writes the seed incidents that are missing, and brings a seeded row up to a newer seed
 * file — or to what is derived from it, such as new organization names to search by —
 * unless someone has edited the row since (its content no longer matches what was seeded).
 */
async function seed(ctx: incidents.StoreContext, db: Kysely<Database>): Promise<void> {
  for (const incident of SEED_INCIDENTS) {
    const version = incidents.seedVersion(incident);
    const applied = await db
      .selectFrom('seed_applied')
      .select('content_hash')
      .where('incident_id', '=', incident.id)
      .executeTakeFirst();
    if (applied?.content_hash === version) continue;
    const stored = await db.selectFrom('incidents').select('content_hash').where('id', '=', incident.id).executeTakeFirst();
    const editedSinceSeed =
      stored !== undefined && applied !== undefined && stored.content_hash !== incidents.seedContentHash(applied.content_hash);
    if (editedSinceSeed) continue;
    await incidents.upsertIn(db, ctx.dialect, incident);
    await db
      .insertInto('seed_applied')
      .values({ incident_id: incident.id, content_hash: version })
      .onConflict((oc) => oc.column('incident_id').doUpdateSet({ content_hash: version }))
      .execute();
  }
}
