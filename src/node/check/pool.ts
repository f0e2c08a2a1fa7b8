import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckInput } from '../../core/check.js';
import type { Incident } from '../../core/registry/types.js';
import { noticeCodeVerifierForChecks } from '../notices/check-codes.js';
import { incidentsForChecks } from '../store/check-incidents.js';
import { checkAllToOutcomes, systemAuthVerifier, type Outcome } from './outcome.js';

/** Checks inputs in this thread, or spread over worker threads. */
export interface Checker {
  /** Outcomes in the order of `inputs`. */
  checkAll(inputs: CheckInput[]): Promise<Outcome[]>;
  close(): Promise<void>;
}

/** More workers than cores only adds contention; this caps `--workers`. */
export const MAX_WORKERS = Math.max(1, availableParallelism() * 2);

/** `verifyAuth`: also verify DKIM, DMARC and ARC of emails with the system's DNS. */
export async function createChecker(workers: number, verifyAuth: boolean): Promise<Checker> {
  // Workers get the incidents as data (a loader cannot cross threads); in this thread
  // they are loaded only if a message needs them.
  if (workers > 1) return new WorkerPool(workers, verifyAuth, await incidentsForChecks());
  const incidents = (): Promise<readonly Incident[]> => incidentsForChecks();
  const checkOptions = { incidents, verifyNoticeCode: noticeCodeVerifierForChecks() };
  const options = verifyAuth ? { verifyAuth: await systemAuthVerifier(), ...checkOptions } : checkOptions;
  return { checkAll: (inputs) => checkAllToOutcomes(inputs, options), close: async () => {} };
}

class WorkerPool implements Checker {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { inputs: CheckInput[]; resolve: (outcomes: Outcome[]) => void }>();
  private readonly load: number[] = [];
  private seq = 0;

  constructor(size: number, verifyAuth: boolean, incidents: readonly Incident[]) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { verifyAuth, incidents } });
      worker.on('message', ({ seq, outcomes }: { seq: number; outcomes: Outcome[] }) => {
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
  }

  checkAll(inputs: CheckInput[]): Promise<Outcome[]> {
    const seq = this.seq++;
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[target]!) target = i;
    this.load[target]!++;
    return new Promise((resolve) => {
      this.waiting.set(seq, { inputs, resolve });
      this.workers[target]!.postMessage({ seq, inputs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
