// Verifiable notices: issuers' public keys, issuance runs, the notices themselves (only
// what verification needs: a hash of the code, the run and row it came from, a check
// value for the postal code), withdrawn notices, and the per-client count of code
// look-ups that the rate limit shares between app servers.
import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../database.js';

export const noticesMigration: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('notice_keys')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull().unique())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .execute();
    await db.schema
      .createTable('notice_runs')
      .addColumn('run_id', 'text', (c) => c.primaryKey())
      .addColumn('key_id', 'text', (c) => c.notNull().references('notice_keys.key_id'))
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipients_sha256', 'text', (c) => c.notNull())
      .addColumn('issued', 'text', (c) => c.notNull())
      .addColumn('rows_committed', 'bigint', (c) => c.notNull())
      .addColumn('output_bytes', 'bigint', (c) => c.notNull())
      .addColumn('finished', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('notices')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('row_number', 'bigint', (c) => c.notNull())
      .addColumn('postal_check', 'text')
      .execute();
    // No index by serial on 9 million rows: a serial is never issued twice because its
    // code (derived from key and serial) is the primary key, and withdrawn notices are few
    // enough for a table of their own.
    await db.schema
      .createTable('notice_revocations')
      .addColumn('run_id', 'text', (c) => c.notNull().references('notice_runs.run_id'))
      .addColumn('row_number', 'bigint', (c) => c.notNull())
      .addColumn('revoked_on', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('notice_revocations_pk', ['run_id', 'row_number'])
      .execute();
    // On PostgreSQL the counts are UNLOGGED: they change many times a second, and a count
    // that lasts minutes is not worth the write-ahead log (a crash forgets them, which
    // only lets clients start their window afresh).
    await db.schema
      .createTable('notice_lookup_limits')
      .$call((table) => (dialectOf(db) === 'postgres' ? table.modifyFront(sql`unlogged`) : table))
      .addColumn('client_key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
};
