// What the HTTP benchmarks share: a server in its own process on loopback (so the load
// generator does not compete with it for the event loop), autocannon for the most a
// server answers, and a paced open-loop load for its latency at a set rate.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { Pool } from 'undici';

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

export const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface ServerProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Runs `script` (an ES module that prints the server's URL on its first line and stops
 * on SIGTERM) in a new Node process. */
export async function startServerProcess(name: string, script: string, cwd: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  /** Requests answered per second, over the run. */
  perSecond: number;
  /** Latencies in ms, each from the moment its request was due, sorted. */
  latencies: number[];
  failed: number;
}

/**
 * POSTs at a steady rate, whether or not answers keep up (an open loop, as many
 * independent users would), over `connections` keep-alive connections, and times each
 * answer from the moment its request was due, so time spent waiting for a free
 * connection or a late timer counts too (no coordinated omission). autocannon's rate
 * option cannot stand in: each connection sends its share of a second back to back as
 * fast as answers come, then waits for the next second.
 */
export async function pacedLoad(options: { origin: string; rate: number; seconds: number; connections: number; request: (i: number) => PacedRequest }): Promise<PacedResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  let settled = 0;
  const start = performance.now();
  try {
    await new Promise<void>((resolve) => {
      const send = (i: number): void => {
        const due = start + i * interval;
        const { path, headers, body } = options.request(i);
        pool
          .request({ path, method: 'POST', headers, body })
          .then(async (response) => {
            await response.body.dump();
            if (response.statusCode === 200) latencies.push(performance.now() - due);
            else failed++;
          })
          .catch(() => failed++)
          .finally(() => {
            if (++settled === total) resolve();
          });
      };
      let next = 0;
      // Node's timers fire at most every millisecond: each wake sends what fell due since.
      const wake = (): void => {
        const now = performance.now();
        while (next < total && start + next * interval <= now) send(next++);
        if (next < total) setTimeout(wake, 1);
      };
      wake();
    });
  } finally {
    await pool.close();
  }
  return { perSecond: (total - failed) / ((performance.now() - start) / 1000), latencies: latencies.sort((a, b) => a - b), failed };
}
