// `leakaid notices issue`: one run of notices for a recipients file. Each row gets a
// serial (run id + row number), a short code and a signed QR payload; the print house
// gets a CSV and a PDF proof of the postcard; the store keeps only what verification
// needs. Codes come from the key and the serial, so a run interrupted anywhere resumes
// where its last committed chunk ended and produces byte for byte the output an
// uninterrupted run would have: the CSV is cut back to what the store committed (or
// rewritten when it was lost), and a serial's row can be written only once.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { base32crockford } from '@scure/base';
import type { NoticeChannel } from '../../core/notices/statement.js';
import { organizationProfile } from '../../core/registry/organization-directory.js';
import type { Store } from '../store/index.js';
import { finishRun, getKey, startRun } from '../store/notices.js';
import { openChunkWriter } from './chunk-writer.js';
import type { IssuerKey } from './issuer-key.js';
import { createRowIssuer, type IssuedBatch, type IssuedRow, PRINT_CSV_HEADER, type RecipientRow, type RunContext } from './issue-rows.js';
import { type ProofFacts, writeProof } from './proof.js';
import { checkRecipients, readRecipients } from './recipients.js';

/** Rows committed to the store in one transaction (with the CSV synced before it): big
 * enough that COPY's per-transaction cost vanishes, small enough that a resume redoes
 * little and memory stays flat (a chunk's text is a few megabytes). */
export const CHUNK_ROWS = 20_000;
/** Rows sent to a worker at once: large enough to amortize the message, small enough to keep workers evenly busy. */
const BATCH_ROWS = 1_000;
/** Batches signed ahead of what the store has taken: bounds memory while the store writes. */
const MAX_BATCHES_IN_FLIGHT = 64;

export class IssueError extends Error {
  override name = 'IssueError';
}

export interface IssueOptions {
  store: Store;
  /** The store's location (a postgres:// URL gets its own connection for COPY). */
  location: string;
  key: IssuerKey;
  incidentId: string;
  organizationId: string;
  channel: NoticeChannel;
  recipientsFile: string;
  outDir: string;
  /** The public origin of the verification page, e.g. https://verify.example.jp. */
  publicOrigin: string;
  /** The issue date of a run that starts now (YYYY-MM-DD); a resumed run keeps its own. */
  today: string;
  /** Signing threads; 0 signs in this thread. */
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export interface IssueReport {
  runId: string;
  rows: number;
  /** Rows the store already had when this command started (a resumed run). */
  resumedAt: number;
  /** Nothing was left to issue: the run had finished and its CSV was whole. */
  alreadyComplete: boolean;
  issued: string;
  csvPath: string;
  proofPath: string;
}

export const DEFAULT_WORKERS = Math.max(1, availableParallelism());

/** The run id: 8 base32 symbols (40 bits) of a hash of what makes a run the same run. */
export function runIdFor(parts: { incidentId: string; organizationId: string; keyId: string; channel: NoticeChannel; recipientsSha256: string }): string {
  const identity = ['leakaid-run/1', parts.incidentId, parts.organizationId, parts.keyId, parts.channel, parts.recipientsSha256].join('\n');
  return base32crockford.encode(createHash('sha256').update(identity).digest().subarray(0, 5));
}

async function checkIssuer(options: IssueOptions): Promise<ProofFacts> {
  const registered = await getKey(options.store.db, options.key.keyId);
  if (registered === undefined) throw new IssueError(`key ${options.key.keyId} is not registered; an administrator registers it first (leakaid issuer register)`);
  if (registered.organizationId !== options.organizationId) {
    throw new IssueError(`key ${options.key.keyId} is registered for ${registered.organizationId}, not ${options.organizationId}`);
  }
  if (registered.status === 'revoked') throw new IssueError(`key ${options.key.keyId} was revoked on ${registered.revokedOn}; make and register a new key`);
  const incident = await options.store.getIncident(options.incidentId);
  if (incident === undefined) throw new IssueError(`no incident "${options.incidentId}" on record (leakaid incidents search NAME)`);
  const named = [...incident.affected, ...(incident.involved ?? [])].some((o) => o.organizationId === options.organizationId);
  if (!named) throw new IssueError(`the incident ${options.incidentId} does not name ${options.organizationId} as an affected or involved organization`);
  const profile = organizationProfile(options.organizationId, [incident]);
  return { organizationName: profile?.display ?? { ja: options.organizationId, en: options.organizationId }, incidentTitle: incident.title, publicOrigin: options.publicOrigin, issued: options.today };
}

interface Signer {
  sign(rows: RecipientRow[]): Promise<IssuedBatch>;
  close(): Promise<void>;
}

function createSigner(context: RunContext, workers: number): Signer {
  if (workers === 0) {
    const issuer = createRowIssuer(context);
    return { sign: async (rows) => issuer.batch(rows), close: async () => {} };
  }
  const pending = new Map<number, { resolve: (batch: IssuedBatch) => void; reject: (error: Error) => void }>();
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('./issue-worker.js', import.meta.url), { workerData: context });
    worker.on('message', ({ seq, batch }: { seq: number; batch: IssuedBatch }) => {
      pending.get(seq)?.resolve(batch);
      pending.delete(seq);
    });
    worker.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    return worker;
  });
  let seq = 0;
  return {
    sign(rows) {
      const id = seq++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        pool[id % pool.length]!.postMessage({ seq: id, rows });
      });
    },
    close: async () => {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

export async function issueNotices(options: IssueOptions): Promise<IssueReport> {
  const proofFacts = await checkIssuer(options);
  const recipients = await checkRecipients(options.recipientsFile);
  const runId = runIdFor({ ...options, keyId: options.key.keyId, recipientsSha256: recipients.sha256 });
  const header = Buffer.byteLength(PRINT_CSV_HEADER);
  const run = await startRun(options.store.db, {
    runId,
    keyId: options.key.keyId,
    incidentId: options.incidentId,
    organizationId: options.organizationId,
    channel: options.channel,
    recipientsSha256: recipients.sha256,
    issued: options.today,
    outputBytes: header,
  });
  mkdirSync(options.outDir, { recursive: true });
  const csvPath = join(options.outDir, `${runId}.csv`);
  const proofPath = join(options.outDir, `${runId}-proof.pdf`);
  const context: RunContext = {
    keyPem: options.key.pem,
    runId,
    incidentId: options.incidentId,
    organizationId: options.organizationId,
    issued: run.issued,
    channel: options.channel,
    verifyUrl: `${options.publicOrigin.replace(/\/+$/, '')}/verify#`,
  };
  const report = { runId, rows: recipients.rows, resumedAt: run.rowsCommitted, issued: run.issued, csvPath, proofPath };

  const fd = openSync(csvPath, 'a+');
  try {
    // What the store committed is the truth: a longer CSV is cut back to it; a shorter
    // one (lost, or not synced before a power cut) is written again from the first row.
    const size = fstatSync(fd).size;
    let csvFrom: number;
    let bytes: number;
    if (size >= run.outputBytes && run.outputBytes >= header) {
      ftruncateSync(fd, run.outputBytes);
      csvFrom = run.rowsCommitted + 1;
      bytes = run.outputBytes;
    } else {
      ftruncateSync(fd, 0);
      writeSync(fd, PRINT_CSV_HEADER);
      csvFrom = 1;
      bytes = header;
    }
    const first = createRowIssuer(context);
    let proofRow: IssuedRow | undefined;
    if (run.finished && csvFrom > recipients.rows) {
      for await (const row of readRecipients(options.recipientsFile)) {
        proofRow = first.issue(row);
        break;
      }
      await writeProof(proofPath, proofRow!, { ...proofFacts, issued: run.issued });
      return { ...report, alreadyComplete: true };
    }
    const writer = await openChunkWriter(options.store, options.location);
    const signer = createSigner(context, options.workers);
    try {
      let committed = run.rowsCommitted;
      let committing: Promise<void> = Promise.resolve();
      let chunkCsv: string[] = [];
      let chunkRecords: string[] = [];
      let chunkLastRow = csvFrom - 1;
      const flush = async (): Promise<void> => {
        if (chunkCsv.length === 0) return;
        const text = chunkCsv.join('');
        writeSync(fd, text);
        bytes += Buffer.byteLength(text);
        if (chunkLastRow <= committed) {
          // Rewriting a lost CSV: these rows are in the store already.
          if (chunkLastRow === committed && bytes !== run.outputBytes) {
            throw new IssueError(`the rewritten CSV of run ${runId} differs from the one committed; was the key changed?`);
          }
        } else {
          fsyncSync(fd);
          await committing;
          const from = committed;
          committed = chunkLastRow;
          committing = writer.commit({ runId, records: chunkRecords.join(''), fromRows: from, toRows: chunkLastRow, outputBytes: bytes });
          // A failed commit is reported when the next chunk (or the end) awaits it.
          committing.catch(() => undefined);
        }
        chunkCsv = [];
        chunkRecords = [];
        options.onProgress?.(chunkLastRow, recipients.rows);
      };
      const inFlight: Promise<IssuedBatch>[] = [];
      const inFlightLastRow: number[] = [];
      const takeOldest = async (): Promise<void> => {
        const batch = await inFlight.shift()!;
        const lastRow = inFlightLastRow.shift()!;
        chunkCsv.push(batch.csv);
        chunkRecords.push(batch.records);
        chunkLastRow = lastRow;
        if (lastRow % CHUNK_ROWS === 0 || lastRow === run.rowsCommitted) await flush();
      };
      let batch: RecipientRow[] = [];
      const send = async (): Promise<void> => {
        const signed = signer.sign(batch);
        // A failed batch is reported when its turn comes, not as an unhandled rejection before.
        signed.catch(() => undefined);
        inFlight.push(signed);
        inFlightLastRow.push(batch[batch.length - 1]!.row);
        batch = [];
        if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await takeOldest();
      };
      for await (const row of readRecipients(options.recipientsFile)) {
        if (row.row === 1) proofRow = first.issue(row);
        if (row.row < csvFrom) continue;
        batch.push(row);
        // Batches end on chunk boundaries and where the committed rows end, so chunks do too.
        if (batch.length === BATCH_ROWS || row.row % CHUNK_ROWS === 0 || row.row === run.rowsCommitted) await send();
      }
      if (batch.length > 0) await send();
      while (inFlight.length > 0) await takeOldest();
      await flush();
      await committing;
      await writer.settle();
      await finishRun(options.store.db, runId);
    } finally {
      await signer.close();
      await writer.close();
    }
    await writeProof(proofPath, proofRow!, { ...proofFacts, issued: run.issued });
    return { ...report, alreadyComplete: false };
  } finally {
    closeSync(fd);
  }
}
