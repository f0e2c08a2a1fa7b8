// `npm run bench` (HTTP part): POST /api/check throughput on loopback with autocannon,
// and the gzipped size of the JavaScript the web app's first screen loads. The server
// runs in its own process (as `leakaid serve` does) so the load generator does not share
// its event loop; its rate limit is lifted for the run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { autocannon, startServerProcess, type ServerProcess } from './loopback.js';

const REPO = join(import.meta.dirname, '..');
const WEB_ROOT = join(REPO, 'dist', 'web');

/** An SMS-sized text (about 120 characters), a typical fake delivery notice. */
const SMS_TEXT =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。本日中に下記よりご確認ください https://sagawa-exp.redeliver-jp.top/c?id=8412';
/** Seconds per autocannon run, and concurrent connections (autocannon's default). */
const RUN_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export interface HttpBench {
  requestsPerSecond: number[];
  medianRequestsPerSecond: number;
  medianLatencyMs: number;
  /** Median over the runs of each run's 99th-percentile latency. */
  p99LatencyMs: number;
  firstScreenJsGzipBytes: number;
  firstScreenFiles: string[];
  markdown: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Scripts index.html loads before anything else: its module entry and modulepreloads. */
export function firstScreenScripts(indexHtml: string): string[] {
  const sources = [...indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return [...new Set(sources.map((m) => m[1]!))];
}

function firstScreenJs(): { bytes: number; files: string[] } {
  const files = firstScreenScripts(readFileSync(join(WEB_ROOT, 'index.html'), 'utf8'));
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB_ROOT, file)), { level: 9 }).length, 0);
  return { bytes, files };
}

async function startServer(): Promise<ServerProcess> {
  const scratch = mkdtempSync(join(tmpdir(), 'leakaid-bench-http-'));
  const script = `
    import { startServer } from ${JSON.stringify(join(REPO, 'dist/src/node/server/serve.js'))};
    import { createLogger } from ${JSON.stringify(join(REPO, 'dist/src/node/server/logging.js'))};
    const server = await startServer({
      port: 0, host: '127.0.0.1', db: ${JSON.stringify(join(scratch, 'bench.sqlite'))},
      // The server's own request log, as in production, written to /dev/null.
      logger: createLogger('/dev/null'),
      rateLimit: { requestsPerWindow: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
    });
    process.stdout.write(server.url + '\\n');
    process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
  const server = await startServerProcess('bench server', script, REPO);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export async function benchHttp(): Promise<HttpBench> {
  const server = await startServer();
  const requestsPerSecond: number[] = [];
  const latencies: number[] = [];
  const p99s: number[] = [];
  try {
    const options = {
      url: `${server.url}/api/check`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: SMS_TEXT, channel: 'sms' }),
      connections: CONNECTIONS,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT and the checker's lazily built tables
    for (let i = 0; i < RUNS; i++) {
      const result = await autocannon({ ...options, duration: RUN_SECONDS });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`POST /api/check failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
      requestsPerSecond.push(result.requests.average);
      latencies.push(result.latency.p50);
      p99s.push(result.latency.p99);
    }
  } finally {
    await server.stop();
  }
  const js = firstScreenJs();
  const medianRequestsPerSecond = median(requestsPerSecond);
  const medianLatencyMs = median(latencies);
  const p99LatencyMs = median(p99s);
  const markdown = `## The HTTP server and the web app

\`POST /api/check\` with an SMS-sized text (${SMS_TEXT.length} characters), autocannon with
${CONNECTIONS} connections against \`leakaid serve\`'s server in its own process on loopback,
request logs on (to /dev/null), ${RUNS} runs of ${RUN_SECONDS} s after a warm-up; the median
is reported.

| requests/s (median) | median latency | p99 latency (median of runs) | runs (requests/s) |
|---:|---:|---:|---|
| ${Math.round(medianRequestsPerSecond)} | ${medianLatencyMs} ms | ${p99LatencyMs} ms | ${requestsPerSecond.map((r) => Math.round(r)).join(', ')} |

Targets: at least 2,000 requests/s (issue 6); 5,000 requests/s with p99 at most 10 ms (issue 16).
autocannon runs on the same two cores as the server.

The web app's first screen loads ${(js.bytes / 1024).toFixed(1)} KB of JavaScript, gzipped
(${js.files.join(', ')}; target at most 200 KB). The checker, the password dictionaries
and the plan engine load only when their pages open.
`;
  return { requestsPerSecond, medianRequestsPerSecond, medianLatencyMs, p99LatencyMs, firstScreenJsGzipBytes: js.bytes, firstScreenFiles: js.files, markdown };
}
