// `npm run bench` (notice linter part), or alone: `node --import tsx bench/notice-lint.ts`.
// Times lintNotice on the drafts of the tests (a complete Japanese notice, one that looks
// like a scam, a complete English one), on drafts at the size limit (a long notice, and
// one word repeated to the limit, the worst case for the term scans), and POST
// /api/notice/lint through the application in process. Medians, as the machine is shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { lintNotice, MAX_NOTICE_DRAFT_CHARS } from '../src/core/notice-lint/index.js';
import { RangeStores } from '../src/node/pwned/store.js';
import { createApp } from '../src/node/server/app.js';
import { openStore } from '../src/node/store/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'notices');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Drafts linted per timed run of the short drafts. */
const REPEAT = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds per call of `run`, over RUNS runs of `repeat` calls after a warm-up. */
async function msPerCall(repeat: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) await run();
    runs.push((performance.now() - started) / repeat);
  }
  return median(runs);
}

export async function benchNoticeLint(): Promise<{ markdown: string }> {
  const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
  const complete = read('ja-complete.txt');
  const rows: [string, number, number][] = [];
  for (const [name, draft, channel] of [
    ['complete Japanese notice (ja-complete.txt)', complete, 'letter'],
    ['Japanese draft that looks like a scam (ja-scam-lookalike.txt)', read('ja-scam-lookalike.txt'), 'letter'],
    ['complete English notice (en-complete.txt)', read('en-complete.txt'), 'email'],
  ] as const) {
    rows.push([name, draft.length, await msPerCall(REPEAT, () => lintNotice(draft, { channel }))]);
  }
  const long = complete.repeat(Math.ceil(MAX_NOTICE_DRAFT_CHARS / complete.length)).slice(0, MAX_NOTICE_DRAFT_CHARS);
  rows.push(['the complete notice repeated to the size limit', long.length, await msPerCall(3, () => lintNotice(long))]);
  // One sentence repeating a lure word: the checker's slowest input found (its time grows
  // faster than the length), which is what MAX_NOTICE_DRAFT_CHARS is set by.
  for (const word of ['流出', '至急', '補償金']) {
    const repeated = word.repeat(Math.ceil(MAX_NOTICE_DRAFT_CHARS / word.length)).slice(0, MAX_NOTICE_DRAFT_CHARS);
    rows.push([`「${word}」 repeated to the size limit`, repeated.length, await msPerCall(3, () => lintNotice(repeated))]);
  }

  const store = await openStore(':memory:');
  const app = createApp({ logger: pino({ level: 'silent' }), store, pwned: new RangeStores(join(FIXTURES, 'no-pwned-store')), webRoot: null, rateLimit: { requestsPerWindow: 1e9, windowMs: 60_000 } });
  const body = JSON.stringify({ text: complete });
  const httpMs = await msPerCall(REPEAT, async () => {
    const response = await app.request('/api/notice/lint', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    if (response.status !== 200) throw new Error(`POST /api/notice/lint answered ${response.status}`);
    await response.arrayBuffer();
  });
  await store.close();

  const lines = ['| draft | characters | median ms per draft |', '|---|---:|---:|'];
  for (const [name, chars, ms] of rows) lines.push(`| ${name} | ${chars} | ${ms.toFixed(2)} |`);
  lines.push(`| POST /api/notice/lint with the complete notice (in process, JSON in and out) | ${complete.length} | ${httpMs.toFixed(2)} |`);
  const markdown = `## The notice linter

\`lintNotice\` (the checker included) on one core, ${RUNS} timed runs after a warm-up, median
per draft. Targets: a postcard-length draft in under 20 ms, so the page answers at once; a
draft at the ${MAX_NOTICE_DRAFT_CHARS}-character limit in under 1 s.

${lines.join('\n')}`;
  return { markdown };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log((await benchNoticeLint()).markdown);
}
