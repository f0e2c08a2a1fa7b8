// A worker thread of `leakaid notices issue`: signs batches of rows for the issuing thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createRowIssuer, type RecipientRow, type RunContext } from './issue-rows.js';

const issuer = createRowIssuer(workerData as RunContext);
parentPort!.on('message', ({ seq, rows }: { seq: number; rows: RecipientRow[] }) => {
  parentPort!.postMessage({ seq, batch: issuer.batch(rows) });
});
