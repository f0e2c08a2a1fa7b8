// Verifiable notices at the scale of the NTT leak: a synthetic recipients file of
// 9,280,000 rows (made in a temporary folder, never kept) issued by `leakaid notices
// issue` into a throw-away PostgreSQL, then POST /api/verify look-ups of typed codes
// against that store, and the QR check (WebCrypto Ed25519) as the browser runs it.
// `node --import tsx bench/notices.ts [--notices N]` runs it alone; bench/run.ts runs it
// with the default size. Needs PostgreSQL's binaries (apt-get install -y postgresql).
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { build } from 'esbuild';
import { sql } from 'kysely';
import type { NoticeKey } from '../src/core/notices/keys.js';
import { verifyPayload } from '../src/core/notices/verify.js';
import { NTT_INCIDENT_ID } from '../src/core/registry/seed.js';
import { issuerKeyFromPem } from '../src/node/notices/issuer-key.js';
import { registerTestKey } from '../test/node/notices/issued-notices.js';
import { openStore } from '../src/node/store/index.js';
import { listKeys } from '../src/node/store/notices.js';
import { launchBrowser } from '../test/web/harness.js';
import { postgresBinaries, startPostgres } from '../test/node/store/postgres-server.js';
import { rssMb } from './cli.js';
import { autocannon, pacedLoadInChild, startServerProcess } from './loopback.js';

const REPO = join(import.meta.dirname, '..');
const BIN = join(REPO, 'bin/leakaid.js');
/** The NTT Business Solutions leak: 9.28 million records. */
export const DEFAULT_NOTICES = 9_280_000;
/** Codes sampled from the print-house CSV for the look-up runs. */
const SAMPLE_CODES = 20_000;
const CONNECTIONS = 10;
/** The issue's throughput target: latency is also measured with look-ups sent at this
 * rate, as a service sized for it would see them (pacedLoad in loopback.ts). */
const TARGET_LOOKUPS_PER_SECOND = 5_000;
/** PostgreSQL's own cache, sized as for a service holding this many notices: the table
 * of 9.28 million notices (about 820 MB) and its code index (about 480 MB) fit in it, as
 * they would on a server set up for that store. */
const POSTGRES_SETTINGS = { shared_buffers: '2GB' };
const RUN_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export interface NoticesBench {
  notices: number;
  markdown: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Look-ups/s and latencies (ms) of the timed autocannon runs at one load. */
interface LoadRuns {
  perSecond: number[];
  p50s: number[];
  p99s: number[];
}

function loadRow(load: string, runs: LoadRuns): string {
  const perRun = runs.perSecond.map((r) => Math.round(r)).join(', ');
  return `| ${load} | ${Math.round(median(runs.perSecond))} | ${median(runs.p50s)} ms | ${median(runs.p99s)} ms | ${perRun} |`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** recipient_id plus a name, an address and a postal code, as a print house's file has them. */
async function writeRecipients(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('recipient_id,name,address,postal_code\n');
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const postal = String(random() % 10_000_000).padStart(7, '0');
    buffer += `N${String(i).padStart(8, '0')},架空 太郎${i % 1000},架空県幻市夢見町${i % 97}-${i % 13},${postal.slice(0, 3)}-${postal.slice(3)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** CPU seconds (user + system, all threads) a live process has used, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU time the whole machine has spent busy and in all, in seconds of one core (/proc/stat, Linux). */
function machineCpuSeconds(): { busy: number; all: number } {
  // user, nice, system, idle, iowait, irq, softirq, steal (guest time is counted in user).
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const all = ticks.reduce((sum, t) => sum + t, 0);
  return { busy: (all - ticks[3]! - ticks[4]!) / 100, all: all / 100 };
}

/** Cores in use on the machine while look-ups were held at the target rate. */
interface HeldCpu {
  cores: number;
  busy: number;
  server: number | null;
}

/** At the target rate the server, PostgreSQL and the load generator keep about one of the
 * two cores busy, so the p99 depends on what else the machine runs: look-ups sent while
 * every core is busy queue for a free connection, while answers on the wire stay near a
 * millisecond. */
function heldCpuSentence(held: HeldCpu): string {
  const server = held.server === null ? '' : `, the server ${held.server.toFixed(2)} of them`;
  return `During the warm-up and runs at that rate ${held.busy.toFixed(2)} of the machine's ${held.cores.toFixed(1)} cores were busy on average${server} (PostgreSQL, the load generator and any other work on the machine the rest): the p99 at this rate grows with the other work, as look-ups sent while every core is busy queue for a free connection.`;
}

function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(1)).join(', ');
}

function issue(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRssMb: number; cpuSeconds: number; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let peak = 0;
    let cpu = 0;
    const sampler = setInterval(() => {
      const rss = child.pid === undefined ? null : rssMb(child.pid);
      if (rss !== null) peak = Math.max(peak, rss);
      cpu = (child.pid === undefined ? null : cpuSeconds(child.pid)) ?? cpu;
    }, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: peak, cpuSeconds: cpu, status, stdout, stderr });
    });
  });
}

/** How long the QR check takes in Chromium: core/notices bundled for the browser as the web
 * app bundles it, on a page of the verify server (WebCrypto needs a secure context, and
 * 127.0.0.1 is one). The first check includes importing the key. */
async function qrInBrowser(origin: string, payloads: string[], keys: NoticeKey[]): Promise<number[]> {
  const bundle = await build({
    stdin: { contents: `import { verifyPayload } from './src/core/notices/verify.ts'; globalThis.verifyPayload = verifyPayload;`, resolveDir: REPO, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const url = `${origin}/bench-qr.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${bundle.outputFiles[0]!.text}</script>` }));
    await page.goto(url);
    return await page.evaluate(
      async ({ payloads, keys }) => {
        const verify = (globalThis as unknown as { verifyPayload: typeof verifyPayload }).verifyPayload;
        const times: number[] = [];
        for (const payload of payloads) {
          const started = performance.now();
          const check = await verify(payload, keys);
          times.push(performance.now() - started);
          if (check.status !== 'genuine') throw new Error(`QR check said ${check.status}`);
        }
        return times;
      },
      { payloads, keys },
    );
  } finally {
    await browser.close();
  }
}

/** Every k-th row's short code and QR URL from the print-house CSV. */
async function sample(csvPath: string, rows: number): Promise<{ codes: string[]; payloads: string[] }> {
  const step = Math.max(1, Math.floor(rows / SAMPLE_CODES));
  const codes: string[] = [];
  const payloads: string[] = [];
  let n = -1;
  for await (const line of createInterface({ input: createReadStream(csvPath) })) {
    n++;
    if (n === 0 || n % step !== 0) continue;
    const [, , code, url] = line.split(',');
    codes.push(code!);
    payloads.push(url!);
  }
  return { codes, payloads };
}

export async function benchNotices(notices = DEFAULT_NOTICES): Promise<NoticesBench> {
  const bin = postgresBinaries();
  if (bin === null) {
    return { notices, markdown: '## Verifiable notices\n\nNot measured: PostgreSQL binaries are absent (apt-get install -y postgresql).\n' };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'leakaid-bench-notices-'));
  const postgres = await startPostgres(bin, POSTGRES_SETTINGS);
  try {
    const recipients = join(scratch, 'recipients.csv');
    const generated = process.hrtime.bigint();
    await writeRecipients(recipients, notices);
    const generateSeconds = Number(process.hrtime.bigint() - generated) / 1e9;

    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const key = issuerKeyFromPem(pem);
    const store = await openStore(postgres.url);
    try {
      await registerTestKey(store, key);
    } finally {
      await store.close();
    }
    const out = join(scratch, 'out');
    const args = ['notices', 'issue', '--incident', NTT_INCIDENT_ID, '--org', 'ntt-west', '--recipients', recipients, '--out', out, '--db', postgres.url, '--public-origin', 'https://verify.example.jp'];
    const loadBefore = loadAverage();
    const run = await issue(args, { ...process.env, LEAKAID_ISSUER_KEY: pem });
    const loadAfter = loadAverage();
    if (run.status !== 0) throw new Error(`notices issue failed (${run.status}): ${run.stderr}`);
    const runId = /run (\w+)/.exec(run.stdout)![1]!;
    const csvPath = join(out, `${runId}.csv`);
    const csvBytes = statSync(csvPath).size;
    const { codes, payloads } = await sample(csvPath, notices);

    // The QR check as the browser runs it: decode, then WebCrypto Ed25519 against the registered keys.
    const keysStore = await openStore(postgres.url);
    const keys = await listKeys(keysStore.db);
    const sizes = await sql<{ table: string; indexes: string }>`SELECT pg_size_pretty(pg_table_size('notices')) AS table, pg_size_pretty(pg_indexes_size('notices')) AS indexes`.execute(keysStore.db);
    const storeSize = sizes.rows[0]!;
    await keysStore.close();
    const qrTimes: number[] = [];
    for (const payload of payloads.slice(0, 2_000)) {
      const started = performance.now();
      const check = await verifyPayload(payload, keys);
      qrTimes.push(performance.now() - started);
      if (check.status !== 'genuine') throw new Error(`QR check said ${check.status}`);
    }
    const firstQrMs = qrTimes[0]!;
    const qrP99 = percentile(qrTimes, 0.99);

    const script = `
      import { startServer } from ${JSON.stringify(join(REPO, 'dist/src/node/server/serve.js'))};
      import { createLogger } from ${JSON.stringify(join(REPO, 'dist/src/node/server/logging.js'))};
      const server = await startServer({
        port: 0, host: '127.0.0.1', db: ${JSON.stringify(postgres.url)}, webRoot: null,
        logger: createLogger('/dev/null'),
        rateLimit: { requestsPerWindow: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
        // Each load-generator connection is its own client, and none is limited: every
        // look-up is still counted and the counts written to the store.
        noticeLookupLimit: { perWindow: Number.MAX_SAFE_INTEGER, windowMs: 600_000 },
        clientKey: (c) => c.req.header('x-bench-client') ?? 'unknown',
      });
      process.stdout.write(server.url + '\\n');
      process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
    `;
    const server = await startServerProcess('verify server', script, REPO);
    const loadBeforeLookups = loadAverage();
    const saturated: LoadRuns = { perSecond: [], p50s: [], p99s: [] };
    const atTarget: LoadRuns = { perSecond: [], p50s: [], p99s: [] };
    let serverRss: number | null = null;
    let heldCpu: HeldCpu | null = null;
    let browserTimes: number[] = [];
    try {
      let next = 0;
      let connection = 0;
      const options = {
        url: `${server.url}/api/verify`,
        connections: CONNECTIONS,
        setupClient: (client: { setHeaders: (h: Record<string, string>) => void }) => {
          client.setHeaders({ 'content-type': 'application/json', 'x-bench-client': `client-${connection++}` });
        },
        requests: [
          {
            method: 'POST',
            setupRequest: (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify({ code: codes[next++ % codes.length] }) }),
          },
        ],
      };
      await autocannon({ ...options, duration: 3 });
      for (let i = 0; i < RUNS; i++) {
        const result = await autocannon({ ...options, duration: RUN_SECONDS });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`POST /api/verify failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
        saturated.perSecond.push(result.requests.average);
        saturated.p50s.push(result.latency.p50);
        saturated.p99s.push(result.latency.p99);
      }
      const lookups = codes.map((code, i) => ({
        path: '/api/verify',
        headers: { 'content-type': 'application/json', 'x-bench-client': `client-${i % CONNECTIONS}` },
        body: JSON.stringify({ code }),
      }));
      const heldStarted = performance.now();
      const machineBefore = machineCpuSeconds();
      const serverBefore = cpuSeconds(server.pid);
      const paced = await pacedLoadInChild({
        origin: server.url,
        rate: TARGET_LOOKUPS_PER_SECOND,
        seconds: RUN_SECONDS,
        connections: CONNECTIONS,
        requests: lookups,
        warmUpSeconds: 3,
        runs: RUNS,
      });
      const heldSeconds = (performance.now() - heldStarted) / 1000;
      const machineAfter = machineCpuSeconds();
      const serverAfter = cpuSeconds(server.pid);
      heldCpu = {
        cores: (machineAfter.all - machineBefore.all) / heldSeconds,
        busy: (machineAfter.busy - machineBefore.busy) / heldSeconds,
        server: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / heldSeconds,
      };
      for (const result of paced) {
        if (result.failed > 0) throw new Error(`POST /api/verify failed ${result.failed} times`);
        atTarget.perSecond.push(result.perSecond);
        atTarget.p50s.push(Number(percentile(result.latencies, 0.5).toFixed(1)));
        atTarget.p99s.push(Number(percentile(result.latencies, 0.99).toFixed(1)));
      }
      serverRss = rssMb(server.pid);
      browserTimes = await qrInBrowser(server.url, payloads.slice(0, 500), keys);
    } finally {
      await server.stop();
    }
    const markdown = `## Verifiable notices

\`leakaid notices issue\` on a synthetic recipients file of ${notices.toLocaleString('en-US')} rows
(recipient id, name, address, postal code; ${(statSync(recipients).size / 1e6).toFixed(0)} MB, generated in ${generateSeconds.toFixed(1)} s),
into a fresh PostgreSQL on this machine (started for the run, fsync off, shared_buffers ${POSTGRES_SETTINGS.shared_buffers}), signing in the
default number of worker threads; whole process, one run.

| measure | value |
|---|---:|
| issuance wall time | ${run.seconds.toFixed(1)} s (${Math.round(notices / run.seconds).toLocaleString('en-US')} notices/s) |
| CPU time of the issuing process (all threads; PostgreSQL not counted) | ${run.cpuSeconds.toFixed(0)} s (${Math.round(notices / run.cpuSeconds).toLocaleString('en-US')} notices per CPU-second) |
| peak memory of the issuing process (RSS, sampled every 100 ms) | ${run.peakRssMb.toFixed(0)} MB |
| print-house CSV | ${(csvBytes / 1e6).toFixed(0)} MB |
| notices table in PostgreSQL, and its code index | ${storeSize.table}, ${storeSize.indexes} |

Target (issue): ${DEFAULT_NOTICES.toLocaleString('en-US')} notices in at most 10 minutes on this 2-core machine, memory flat.
The machine is shared: its load average (1, 5, 15 minutes) was ${loadBefore} when the run started and ${loadAfter} when it ended.

\`POST /api/verify\` with typed codes (${codes.length.toLocaleString('en-US')} sampled from the run, in turn) against that store,
${CONNECTIONS} connections, ${CONNECTIONS} clients for the look-up limit (every look-up counted and the
counts added to the shared count in PostgreSQL every 100 ms, but set not to refuse), the
server in its own process on loopback, request logs on (to /dev/null); ${RUNS} runs of
${RUN_SECONDS} s after a warm-up, at each load.

| load | look-ups/s (median) | median latency | p99 latency (median of runs) | runs (look-ups/s) |
|---|---:|---:|---:|---|
${loadRow('as fast as it answers', saturated)}
${loadRow(`held at ${TARGET_LOOKUPS_PER_SECOND.toLocaleString('en-US')}/s`, atTarget)}

Server RSS after the runs: ${serverRss === null ? 'n/a' : `${serverRss.toFixed(0)} MB`}.
Target (issue): at least 5,000 look-ups/s with p99 at most 5 ms. The first row is the most the
server answers, every connection sending its next look-up as soon as the last is answered:
there the p99 is mostly time spent queued behind the other connections on two cores shared
with autocannon and PostgreSQL. The second row sends look-ups at the target rate whether
or not answers keep up (an open loop over the same ${CONNECTIONS} keep-alive connections: pacedLoad in
bench/loopback.ts), and times each from the millisecond tick at which the client had it ready,
so waiting for a free connection counts too. The load average was ${loadBeforeLookups} before the runs.
${heldCpu === null ? '' : heldCpuSentence(heldCpu)}

The QR check (\`verifyPayload\` from src/core/notices: decode, then WebCrypto Ed25519 against
the registered keys), on payloads from the run:

| where | payloads | first (imports the key) | median | p99 |
|---|---:|---:|---:|---:|
| Chromium (headless, the module bundled for the browser) | ${browserTimes.length} | ${browserTimes[0]?.toFixed(1)} ms | ${median(browserTimes).toFixed(2)} ms | ${percentile(browserTimes, 0.99).toFixed(2)} ms |
| Node | ${qrTimes.length} | ${firstQrMs.toFixed(1)} ms | ${median(qrTimes).toFixed(2)} ms | ${qrP99.toFixed(2)} ms |

Target (issue): at most 50 ms in the browser.
`;
    return { notices, markdown };
  } finally {
    postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--notices');
  const notices = at < 0 ? DEFAULT_NOTICES : Number(process.argv[at + 1]);
  if (!Number.isInteger(notices) || notices < 1) throw new Error('--notices must be a positive whole number');
  console.log((await benchNotices(notices)).markdown);
}
