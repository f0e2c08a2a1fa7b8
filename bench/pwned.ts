// `npm run bench` (password range part): builds a range store from 100 million random
// SHA-1 hashes (SHA-1 output is uniform, so random hashes stand in fairly for the real
// corpus), then measures GET /range/:prefix through the HTTP service on loopback with
// autocannon and random prefixes. The input is generated as a real unsorted
// `HASH:COUNT` text file and imported the way `leakaid pwned import` does; the server
// runs in its own process and reads ranges from disk per request (its memory is
// reported to show the store is not loaded). Everything lives in a temp folder that is
// deleted afterwards. BENCH_PWNED_COUNT changes the number of hashes.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPwned } from '../src/node/pwned/import.js';
import { rssMb } from './cli.js';
import { autocannon, startServerProcess, type AutocannonResult, type ServerProcess } from './loopback.js';

const REPO = join(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_PWNED_COUNT ?? 100_000_000);
const RUN_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 10;
/** Lines generated per write (~4.6 MB). */
const LINES_PER_BLOCK = 100_000;

export interface PwnedBench {
  hashes: number;
  inputBytes: number;
  generateSeconds: number;
  importSeconds: number;
  importPeakRssMb: number;
  storeBytes: number;
  plain: AutocannonResult;
  padded: AutocannonResult;
  serverRssMb: number | null;
  markdown: string;
}

const HEX = Buffer.from('0123456789ABCDEF');

/** Writes `count` random `HASH:COUNT\r\n` lines (counts 1–256) without holding them. */
function generateInput(path: string, count: number): number {
  const fd = openSync(path, 'w');
  const lineBytes = 40 + 1 + 3 + 2;
  const block = Buffer.allocUnsafe(LINES_PER_BLOCK * lineBytes);
  let written = 0;
  try {
    for (let done = 0; done < count; ) {
      const lines = Math.min(LINES_PER_BLOCK, count - done);
      const random = randomBytes(lines * 21);
      let at = 0;
      for (let i = 0; i < lines; i++) {
        const r = i * 21;
        for (let k = 0; k < 20; k++) {
          const byte = random[r + k]!;
          block[at++] = HEX[byte >> 4]!;
          block[at++] = HEX[byte & 15]!;
        }
        block[at++] = 0x3a;
        const n = String(random[r + 20]! + 1);
        at += block.write(n, at, 'latin1');
        block[at++] = 0x0d;
        block[at++] = 0x0a;
      }
      writeSync(fd, block, 0, at);
      written += at;
      done += lines;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

function startRangeServer(root: string): Promise<ServerProcess> {
  const script = `
    import { serve } from '@hono/node-server';
    import { createRangeApp } from ${JSON.stringify(join(REPO, 'dist/src/node/http/range.js'))};
    import { RangeStores } from ${JSON.stringify(join(REPO, 'dist/src/node/pwned/store.js'))};
    const stores = new RangeStores(${JSON.stringify(root)});
    const server = serve({ fetch: createRangeApp({ stores }).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      process.stdout.write('http://127.0.0.1:' + info.port + '\\n');
    });
    process.once('SIGTERM', () => server.close(() => void stores.close().then(() => process.exit(0))));
  `;
  return startServerProcess('range server', script, REPO);
}

const randomPrefix = () => Math.floor(Math.random() * 0x100000).toString(16).toUpperCase().padStart(5, '0');

export async function benchPwned(): Promise<PwnedBench> {
  const scratch = mkdtempSync(join(tmpdir(), 'leakaid-bench-pwned-'));
  try {
    const input = join(scratch, 'pwned.txt');
    let started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const inputBytes = generateInput(input, COUNT);
    const generateSeconds = seconds();
    process.stderr.write(`pwned bench: ${COUNT} hashes generated (${(inputBytes / 1e9).toFixed(2)} GB) in ${generateSeconds.toFixed(1)} s; importing…\n`);

    const root = join(scratch, 'store');
    started = process.hrtime.bigint();
    let reported = 0;
    await importPwned(input, {
      root,
      onProgress: (p) => {
        const share = Math.floor((p.done / p.total) * 10);
        if (p.phase === 'read' && share > reported) {
          reported = share;
          process.stderr.write(`pwned bench: import read ${share * 10}%\n`);
        }
      },
    });
    const importSeconds = seconds();
    const importPeakRssMb = process.resourceUsage().maxRSS / 1024;
    rmSync(input);
    const storeBytes = ['records.bin', 'index.bin'].reduce((sum, f) => sum + statSync(join(root, 'sha1', f)).size, 0);
    process.stderr.write(`pwned bench: imported in ${importSeconds.toFixed(1)} s; serving…\n`);

    const server = await startRangeServer(root);
    let plain: AutocannonResult;
    let padded: AutocannonResult;
    let serverRssMb: number | null;
    try {
      const run = (headers: Record<string, string>, duration: number) =>
        autocannon({
          url: server.url,
          connections: CONNECTIONS,
          duration,
          requests: [{ method: 'GET', headers, setupRequest: (request: { path: string }) => ({ ...request, path: `/range/${randomPrefix()}` }) }],
        });
      await run({}, 2); // warm-up
      plain = await run({}, RUN_SECONDS);
      padded = await run({ 'Add-Padding': 'true' }, RUN_SECONDS);
      serverRssMb = rssMb(server.pid);
    } finally {
      await server.stop();
    }
    for (const [name, result] of [['plain', plain], ['padded', padded]] as const) {
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`GET /range (${name}) failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }

    const gb = (bytes: number) => (bytes / 1e9).toFixed(2);
    const markdown = `## Password range store (Pwned Passwords)

${COUNT.toLocaleString('en-US')} random SHA-1 hashes (uniform, like real SHA-1 output) written as an unsorted
\`HASH:COUNT\` text file of ${gb(inputBytes)} GB (generated in ${generateSeconds.toFixed(1)} s), imported
with \`importPwned\` (what \`leakaid pwned import\` runs), then served by the range sub-app
(\`GET /range/:prefix\`) in its own process on loopback; autocannon, ${CONNECTIONS} connections,
${RUN_SECONDS} s per run after a warm-up, a random prefix per request.

| measure | value |
|---|---:|
| import time (read + bucket, sort + write) | ${importSeconds.toFixed(1)} s (${Math.round(COUNT / importSeconds).toLocaleString('en-US')} hashes/s) |
| importer peak memory (RSS, whole bench process) | ${importPeakRssMb.toFixed(0)} MB |
| store size (records + 8 MB prefix index) | ${gb(storeBytes)} GB (${(storeBytes / COUNT).toFixed(1)} bytes/hash) |
| range lookups/s, no padding | ${Math.round(plain.requests.average).toLocaleString('en-US')} (p50 ${plain.latency.p50} ms, p99 ${plain.latency.p99} ms) |
| range lookups/s, \`Add-Padding: true\` | ${Math.round(padded.requests.average).toLocaleString('en-US')} (p50 ${padded.latency.p50} ms, p99 ${padded.latency.p99} ms) |
| server memory after the runs (RSS) | ${serverRssMb === null ? 'n/a' : `${serverRssMb.toFixed(0)} MB`} |

The server reads each range from disk (one positioned read after an 8 MB index lookup),
so its memory does not grow with the store; the full 2-billion-hash corpus (~44 GB as a
store) is served the same way.`;
    return { hashes: COUNT, inputBytes, generateSeconds, importSeconds, importPeakRssMb, storeBytes, plain, padded, serverRssMb, markdown };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
