// Runs checks for the pool in pool.ts, one worker thread per core.
import { parentPort, workerData } from 'node:worker_threads';
import type { Incident } from '../../core/registry/types.js';
import { noticeCodeVerifierForChecks } from '../notices/check-codes.js';
import { checkAllForBatch, systemAuthVerifier, type CheckOptions } from './outcome.js';
import type { WorkerRequest } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('check worker must run in a worker thread');
// A verifier is a function and cannot cross threads: each worker makes its own.
const { verifyAuth } = workerData as { verifyAuth: boolean };
const auth: Pick<CheckOptions, 'verifyAuth'> = verifyAuth ? { verifyAuth: await systemAuthVerifier() } : {};
const verifyNoticeCode = noticeCodeVerifierForChecks();
// The incidents arrive as data, loaded once by the main thread, before the first job.
let incidents: readonly Incident[] | undefined;
port.on('message', (request: WorkerRequest) => {
  if ('incidents' in request) {
    incidents = request.incidents;
    return;
  }
  if (incidents === undefined) throw new Error('a check job reached the worker before the incidents');
  void checkAllForBatch(request.inputs, { ...auth, incidents, verifyNoticeCode }).then((outcomes) => port.postMessage({ seq: request.seq, outcomes }));
});
