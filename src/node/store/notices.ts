// Repository functions for verifiable notices: issuers' keys, issuance runs, notices and
// the shared count of code look-ups. One code path for SQLite and PostgreSQL, except the
// bulk write of an issuance chunk (COPY on PostgreSQL, see notices/chunk-writer.ts).
import { type Kysely, sql } from 'kysely';
import { MAX_REVOKED_SERIALS_PER_KEY, type NoticeKey } from '../../core/notices/keys.js';
import type { NoticeChannel } from '../../core/notices/statement.js';
import type { Database, NoticeRunsTable, StoreDialect } from './database.js';
import type { Store } from './index.js';

export class NoticeStoreError extends Error {
  override name = 'NoticeStoreError';
}

export interface NewNoticeKey {
  keyId: string;
  organizationId: string;
  publicKey: string;
  domain: string;
  validFrom: string;
}

export async function registerKey(db: Kysely<Database>, key: NewNoticeKey, now = new Date()): Promise<NoticeKey> {
  const existing = await db.selectFrom('notice_keys').select('key_id').where('key_id', '=', key.keyId).executeTakeFirst();
  if (existing !== undefined) throw new NoticeStoreError(`key ${key.keyId} is already registered`);
  await db
    .insertInto('notice_keys')
    .values({
      key_id: key.keyId,
      organization_id: key.organizationId,
      public_key: key.publicKey,
      domain: key.domain,
      valid_from: key.validFrom,
      registered_at: now.toISOString(),
      revoked_on: null,
    })
    .execute();
  return { ...key, algorithm: 'Ed25519', status: 'active' };
}

/** Revokes a key from `on` (YYYY-MM-DD); false when no such key. Revoking twice keeps the first date. */
export async function revokeKey(db: Kysely<Database>, keyId: string, on: string): Promise<boolean> {
  const found = await db.selectFrom('notice_keys').select('revoked_on').where('key_id', '=', keyId).executeTakeFirst();
  if (found === undefined) return false;
  if (found.revoked_on === null) await db.updateTable('notice_keys').set({ revoked_on: on }).where('key_id', '=', keyId).execute();
  return true;
}

type KeyRow = Database['notice_keys'];

function toNoticeKey(row: KeyRow, revokedSerials: string[]): NoticeKey {
  return {
    keyId: row.key_id,
    algorithm: 'Ed25519',
    publicKey: row.public_key,
    organizationId: row.organization_id,
    domain: row.domain,
    validFrom: row.valid_from,
    status: row.revoked_on === null ? 'active' : 'revoked',
    ...(row.revoked_on === null ? {} : { revokedOn: row.revoked_on }),
    ...(revokedSerials.length === 0 ? {} : { revokedSerials }),
  };
}

export async function getKey(db: Kysely<Database>, keyId: string): Promise<NoticeKey | undefined> {
  const row = await db.selectFrom('notice_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
  return row === undefined ? undefined : toNoticeKey(row, []);
}

/** Every registered key with the serials revoked under it: what the browser checks a QR code against. */
export async function listKeys(db: Kysely<Database>, organizationId?: string): Promise<NoticeKey[]> {
  let query = db.selectFrom('notice_keys').selectAll().orderBy('organization_id').orderBy('valid_from').orderBy('key_id');
  if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
  const keys = await query.execute();
  const revoked = await db
    .selectFrom('notice_revocations')
    .innerJoin('notice_runs', 'notice_runs.run_id', 'notice_revocations.run_id')
    .select(['notice_runs.key_id', 'notice_revocations.run_id', 'notice_revocations.row_number'])
    .orderBy('notice_revocations.run_id')
    .orderBy('notice_revocations.row_number')
    .execute();
  const byKey = new Map<string, string[]>();
  for (const r of revoked) {
    const list = byKey.get(r.key_id) ?? [];
    if (list.length < MAX_REVOKED_SERIALS_PER_KEY) list.push(serialOf(r.run_id, r.row_number));
    byKey.set(r.key_id, list);
  }
  return keys.map((row) => toNoticeKey(row, byKey.get(row.key_id) ?? []));
}

export function serialOf(runId: string, row: string | number): string {
  return `${runId}-${row}`;
}

/** The run id and row of a serial, or undefined when it is not one of ours. */
export function parseSerial(serial: string): { runId: string; row: number } | undefined {
  const match = /^([0-9A-Z]{8})-([1-9]\d{0,11})$/.exec(serial);
  return match === null ? undefined : { runId: match[1]!, row: Number(match[2]) };
}

export interface NoticeRun {
  runId: string;
  keyId: string;
  incidentId: string;
  organizationId: string;
  channel: NoticeChannel;
  recipientsSha256: string;
  issued: string;
  rowsCommitted: number;
  outputBytes: number;
  finished: boolean;
}

function toRun(row: NoticeRunsTable): NoticeRun {
  return {
    runId: row.run_id,
    keyId: row.key_id,
    incidentId: row.incident_id,
    organizationId: row.organization_id,
    channel: row.channel as NoticeChannel,
    recipientsSha256: row.recipients_sha256,
    issued: row.issued,
    rowsCommitted: Number(row.rows_committed),
    outputBytes: Number(row.output_bytes),
    finished: row.finished === 1,
  };
}

export async function getRun(db: Kysely<Database>, runId: string): Promise<NoticeRun | undefined> {
  const row = await db.selectFrom('notice_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return row === undefined ? undefined : toRun(row);
}

/** Starts a run, or returns the one already started with this id (a resume). */
export async function startRun(db: Kysely<Database>, run: Omit<NoticeRun, 'rowsCommitted' | 'finished'>, now = new Date()): Promise<NoticeRun> {
  await db
    .insertInto('notice_runs')
    .values({
      run_id: run.runId,
      key_id: run.keyId,
      incident_id: run.incidentId,
      organization_id: run.organizationId,
      channel: run.channel,
      recipients_sha256: run.recipientsSha256,
      issued: run.issued,
      rows_committed: 0,
      output_bytes: run.outputBytes,
      finished: 0,
      started_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('run_id').doNothing())
    .execute();
  return (await getRun(db, run.runId))!;
}

export async function finishRun(db: Kysely<Database>, runId: string): Promise<void> {
  await db.updateTable('notice_runs').set({ finished: 1 }).where('run_id', '=', runId).execute();
}

export interface FoundNotice {
  runId: string;
  row: number;
  postalCheck: string | null;
  /** When the organization withdrew it; null when it stands. */
  revokedOn: string | null;
}

interface NoticeRow {
  code_hash: string;
  run_id: string;
  row_number: string | number;
  postal_check: string | null;
  revoked_on: string | null;
}

/** On PostgreSQL a named prepared statement, planned once per connection (measured with
 * pgbench on this 2-core machine: 23,000 look-ups a second prepared against 8,500 planned
 * each time). */
const FIND_BY_CODE_HASHES = `SELECT n.code_hash, n.run_id, n.row_number, n.postal_check, r.revoked_on
  FROM notices n LEFT JOIN notice_revocations r ON r.run_id = n.run_id AND r.row_number = n.row_number
  WHERE n.code_hash = ANY($1)`;

/** Code hashes in one query at most. */
const CODE_HASHES_PER_QUERY = 100;

/** The notices with these code hashes, by hash. */
async function findNoticesByCodeHashes(store: Store, codeHashes: string[]): Promise<Map<string, FoundNotice>> {
  const { rows } =
    store.postgresPool !== undefined
      ? await store.postgresPool.query<NoticeRow>({ name: 'leakaid-find-notices', text: FIND_BY_CODE_HASHES, values: [codeHashes] })
      : await sql<NoticeRow>`SELECT n.code_hash, n.run_id, n.row_number, n.postal_check, r.revoked_on
          FROM notices n LEFT JOIN notice_revocations r ON r.run_id = n.run_id AND r.row_number = n.row_number
          WHERE n.code_hash IN (${sql.join(codeHashes)})`.execute(store.db);
  return new Map(rows.map((row) => [row.code_hash, { runId: row.run_id, row: Number(row.row_number), postalCheck: row.postal_check, revokedOn: row.revoked_on }]));
}

/** The notice with a code hash; undefined when none. */
export type NoticeFinder = (codeHash: string) => Promise<FoundNotice | undefined>;

interface Waiter {
  resolve: (found: FoundNotice | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Finds notices by code hash, the look-ups asked for in one turn of the event loop in one
 * query. A look-up waits for no timer, only for the turn to end; when the server falls
 * behind (its cores taken by other work), the requests that piled up meanwhile cost the
 * server and the store one round trip together instead of one each.
 */
export function createNoticeFinder(store: Store): NoticeFinder {
  let waiting = new Map<string, Waiter[]>();

  function send(): void {
    const batch = [...waiting];
    waiting = new Map();
    for (let at = 0; at < batch.length; at += CODE_HASHES_PER_QUERY) {
      const part = batch.slice(at, at + CODE_HASHES_PER_QUERY);
      findNoticesByCodeHashes(
        store,
        part.map(([codeHash]) => codeHash),
      ).then(
        (found) => {
          for (const [codeHash, waiters] of part) for (const waiter of waiters) waiter.resolve(found.get(codeHash));
        },
        (error: unknown) => {
          for (const [, waiters] of part) for (const waiter of waiters) waiter.reject(error);
        },
      );
    }
  }

  return (codeHash) =>
    new Promise((resolve, reject) => {
      if (waiting.size === 0) setImmediate(send);
      const waiters = waiting.get(codeHash);
      if (waiters === undefined) waiting.set(codeHash, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
    });
}

/** When the notice with this serial was withdrawn; undefined when it was not (or no such serial). */
export async function revokedOn(db: Kysely<Database>, serial: string): Promise<string | undefined> {
  const parsed = parseSerial(serial);
  if (parsed === undefined) return undefined;
  const row = await db
    .selectFrom('notice_revocations')
    .select('revoked_on')
    .where('run_id', '=', parsed.runId)
    .where('row_number', '=', parsed.row)
    .executeTakeFirst();
  return row?.revoked_on;
}

/** Withdraws one notice; false when no notice has this serial. Withdrawing twice keeps the first date. */
export async function revokeNotice(db: Kysely<Database>, serial: string, on: string): Promise<boolean> {
  const parsed = parseSerial(serial);
  if (parsed === undefined) return false;
  const run = await getRun(db, parsed.runId);
  if (run === undefined || parsed.row > run.rowsCommitted) return false;
  await db
    .insertInto('notice_revocations')
    .values({ run_id: parsed.runId, row_number: parsed.row, revoked_on: on })
    .onConflict((oc) => oc.columns(['run_id', 'row_number']).doNothing())
    .execute();
  return true;
}

/** Look-ups a client made in the window that starts at `windowStart`, to add to the shared count. */
export interface LookupTally {
  clientKey: string;
  windowStart: number;
  count: number;
}

/** Rows per statement when adding tallies: well under PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const TALLIES_PER_STATEMENT = 1_000;

/**
 * Adds each client's look-ups to the count shared by every app server on the store, and
 * returns each client's count now, atomically. A tally stamped with an older window (a
 * server whose clock lags) counts in the newer one; a newer window starts the count afresh.
 */
export async function addLookups(db: Kysely<Database>, dialect: StoreDialect, tallies: readonly LookupTally[]): Promise<Map<string, number>> {
  const newer = dialect === 'postgres' ? sql`greatest` : sql`max`;
  const counts = new Map<string, number>();
  for (let at = 0; at < tallies.length; at += TALLIES_PER_STATEMENT) {
    const rows = await db
      .insertInto('notice_lookup_limits')
      .values(tallies.slice(at, at + TALLIES_PER_STATEMENT).map((t) => ({ client_key: t.clientKey, window_start: t.windowStart, count: t.count })))
      .onConflict((oc) =>
        oc.column('client_key').doUpdateSet({
          count: sql<number>`case when excluded.window_start > notice_lookup_limits.window_start then excluded.count else notice_lookup_limits.count + excluded.count end`,
          window_start: sql<number>`${newer}(excluded.window_start, notice_lookup_limits.window_start)`,
        }),
      )
      .returning(['client_key', 'count'])
      .execute();
    for (const row of rows) counts.set(row.client_key, Number(row.count));
  }
  return counts;
}

/** Forgets counts of windows that ended before `before`. */
export async function pruneLookups(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('notice_lookup_limits').where('window_start', '<', before).execute();
}

/** How many notices the store holds (the bench reports it). */
export async function countNotices(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('notices').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
