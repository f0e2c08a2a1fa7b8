// Writes one chunk of an issuance — its notices and the run's new counters — in one
// transaction, so a run interrupted anywhere (Ctrl-C, kill -9, power loss) has committed
// whole chunks only. PostgreSQL gets COPY (one round trip for thousands of rows); SQLite
// gets multi-row inserts through Kysely in one transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Store } from '../store/index.js';
import { NoticeStoreError } from '../store/notices.js';

/** Rows per INSERT on SQLite: 4 values each stays under SQLite's 32,766 bound parameters. */
const SQLITE_ROWS_PER_INSERT = 500;

export interface ChunkCommit {
  runId: string;
  /** The chunk's notices as COPY text lines: code_hash, run_id, row_number, postal_check (\N for none). */
  records: string;
  /** The run's committed rows before this chunk; the commit fails if another process moved them. */
  fromRows: number;
  toRows: number;
  /** The print-house CSV's length once this chunk's lines are in it. */
  outputBytes: number;
}

export interface ChunkWriter {
  commit(chunk: ChunkCommit): Promise<void>;
  /** After the last chunk. A bulk load leaves the table for autovacuum to visit later,
   * in the middle of the first look-ups (on PostgreSQL, a pass over millions of rows and
   * fresh planner statistics): done here instead, as part of the issuance's own time. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function movedByOther(runId: string): NoticeStoreError {
  return new NoticeStoreError(`run ${runId} was moved on by another process; run one issuance of a file at a time`);
}

export async function openChunkWriter(store: Store, location: string): Promise<ChunkWriter> {
  return store.dialect === 'postgres' ? postgresWriter(location) : sqliteWriter(store);
}

async function postgresWriter(location: string): Promise<ChunkWriter> {
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  return {
    async commit(chunk) {
      await client.query('BEGIN');
      try {
        await pipeline(Readable.from([chunk.records]), client.query(copyFrom('COPY notices (code_hash, run_id, row_number, postal_check) FROM STDIN')));
        const moved = await client.query('UPDATE notice_runs SET rows_committed = $1, output_bytes = $2 WHERE run_id = $3 AND rows_committed = $4', [
          chunk.toRows,
          chunk.outputBytes,
          chunk.runId,
          chunk.fromRows,
        ]);
        if (moved.rowCount !== 1) throw movedByOther(chunk.runId);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async settle() {
      await client.query('VACUUM (ANALYZE) notices');
    },
    close: () => client.end(),
  };
}

function sqliteWriter(store: Store): ChunkWriter {
  return {
    async commit(chunk) {
      const lines = chunk.records.split('\n').filter((line) => line !== '');
      const rows = lines.map((line) => {
        const [code_hash, run_id, row_number, postal_check] = line.split('\t') as [string, string, string, string];
        return { code_hash, run_id, row_number: Number(row_number), postal_check: postal_check === '\\N' ? null : postal_check };
      });
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
          await trx.insertInto('notices').values(rows.slice(i, i + SQLITE_ROWS_PER_INSERT)).execute();
        }
        const moved = await trx
          .updateTable('notice_runs')
          .set({ rows_committed: chunk.toRows, output_bytes: chunk.outputBytes })
          .where('run_id', '=', chunk.runId)
          .where('rows_committed', '=', chunk.fromRows)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw movedByOther(chunk.runId);
      });
    },
    // SQLite has no background vacuum, and its planner needs no statistics for a primary-key look-up.
    settle: async () => {},
    close: async () => {},
  };
}
