import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CheckInput } from '../../core/check.js';
import type { Incident } from '../../core/registry/types.js';
import type { BatchOutcome } from './outcome.js';

/** Checks inputs in this thread, or spread over worker threads. */
export interface Checker {
  /** Outcomes in the order of `inputs`. */
  checkAll(inputs: CheckInput[]): Promise<BatchOutcome[]>;
  close(): Promise<void>;
}

/** What the pool sends a worker: the incidents once, then jobs. */
export type WorkerRequest = { incidents: readonly Incident[] } | { seq: number; inputs: CheckInput[] };

/** The incidents checks compare notices with, by the module that loads them: loaded
 * itself only when they are (for a pool, or for a message that needs them), as it holds
 * the bundled seed it falls back on, half a megabyte to parse. */
async function incidentsForChecks(): Promise<readonly Incident[]> {
  return (await import('../store/check-incidents.js')).incidentsForChecks();
}

/** More workers than cores only adds contention; this caps `--workers`. */
export const MAX_WORKERS = Math.max(1, availableParallelism() * 2);

/** `verifyAuth`: also verify DKIM, DMARC and ARC of emails with the system's DNS. */
export async function createChecker(workers: number, verifyAuth: boolean): Promise<Checker> {
  // node:worker_threads, with the two dozen internal modules it loads, only for a pool.
  if (workers > 1) return new WorkerPool((await import('node:worker_threads')).Worker, workers, verifyAuth, incidentsForChecks());
  // In this thread the checker is loaded here, not at start: with workers, this thread
  // only reads and writes, and loading the checker would only delay the workers.
  const [{ checkAllForBatch, systemAuthVerifier }, { noticeCodeVerifierForChecks }] = await Promise.all([
    import('./outcome.js'),
    import('../notices/check-codes.js'),
  ]);
  // The incidents are loaded only if a message needs them.
  const incidents = (): Promise<readonly Incident[]> => incidentsForChecks();
  const checkOptions = { incidents, verifyNoticeCode: noticeCodeVerifierForChecks() };
  const options = verifyAuth ? { verifyAuth: await systemAuthVerifier(), ...checkOptions } : checkOptions;
  return { checkAll: (inputs) => checkAllForBatch(inputs, options), close: async () => {} };
}

class WorkerPool implements Checker {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { inputs: CheckInput[]; resolve: (outcomes: BatchOutcome[]) => void }>();
  private readonly load: number[] = [];
  private seq = 0;
  /** Settles once every worker has been sent the incidents: jobs are sent after them. */
  private readonly ready: Promise<void>;

  /** The workers start at once and load the checker while this thread loads the
   * incidents; they get them as data (a loader cannot cross threads) before any job. */
  constructor(WorkerClass: typeof Worker, size: number, verifyAuth: boolean, incidents: Promise<readonly Incident[]>) {
    for (let i = 0; i < size; i++) {
      const worker = new WorkerClass(new URL('./worker.js', import.meta.url), { workerData: { verifyAuth } });
      worker.on('message', ({ seq, outcomes }: { seq: number; outcomes: BatchOutcome[] }) => {
        this.load[i]!--;
        this.waiting.get(seq)?.resolve(outcomes);
        this.waiting.delete(seq);
      });
      worker.on('error', (error) => {
        // A crashed worker fails the jobs it had rather than hanging the batch.
        for (const { inputs, resolve } of this.waiting.values()) {
          resolve(inputs.map((input) => ({ ok: false, id: input.id, error: error.message })));
        }
        this.waiting.clear();
      });
      this.workers.push(worker);
      this.load.push(0);
    }
    this.ready = incidents.then((list) => {
      for (const worker of this.workers) worker.postMessage({ incidents: list } satisfies WorkerRequest);
    });
  }

  async checkAll(inputs: CheckInput[]): Promise<BatchOutcome[]> {
    await this.ready;
    const seq = this.seq++;
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[target]!) target = i;
    this.load[target]!++;
    return new Promise((resolve) => {
      this.waiting.set(seq, { inputs, resolve });
      this.workers[target]!.postMessage({ seq, inputs } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
