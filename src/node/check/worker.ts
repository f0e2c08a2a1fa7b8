// Runs checks for the pool in pool.ts, one worker thread per core.
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckInput } from '../../core/check.js';
import type { Incident } from '../../core/registry/types.js';
import { noticeCodeVerifierForChecks } from '../notices/check-codes.js';
import { checkAllToOutcomes, systemAuthVerifier, type CheckOptions } from './outcome.js';

const port = parentPort;
if (port === null) throw new Error('check worker must run in a worker thread');
// A verifier is a function and cannot cross threads: each worker makes its own. The
// incidents were loaded once by the main thread and arrive as data.
const { verifyAuth, incidents } = workerData as { verifyAuth: boolean; incidents: readonly Incident[] };
const checkOptions: CheckOptions = { incidents, verifyNoticeCode: noticeCodeVerifierForChecks() };
const options: CheckOptions = verifyAuth ? { verifyAuth: await systemAuthVerifier(), ...checkOptions } : checkOptions;
port.on('message', (job: { seq: number; inputs: CheckInput[] }) => {
  void checkAllToOutcomes(job.inputs, options).then((outcomes) => port.postMessage({ seq: job.seq, outcomes }));
});
