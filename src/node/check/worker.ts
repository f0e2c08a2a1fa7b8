// Runs checks for the pool in pool.ts, one worker thread per core.
import { parentPort } from 'node:worker_threads';
import type { CheckInput } from '../../core/check.js';
import { checkToOutcome } from './outcome.js';

const port = parentPort;
if (port === null) throw new Error('check worker must run in a worker thread');
port.on('message', (job: { seq: number; input: CheckInput }) => {
  void checkToOutcome(job.input).then((outcome) => port.postMessage({ seq: job.seq, outcome }));
});
