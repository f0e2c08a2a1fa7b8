import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ChannelHint } from '../../core/check.js';
import { organizationName } from '../../core/knowledge/organizations.js';
import { runBatch, type BatchItem } from '../check/batch.js';
import { fileItems, jsonlItems } from '../check/sources.js';
import type { BatchOutcome, NodeCheckResult } from '../check/outcome.js';
import { createChecker, MAX_WORKERS } from '../check/pool.js';
import { EXIT_OK, EXIT_RISK, EXIT_USAGE, UsageError } from './errors.js';
import { formatResult, type Lang } from './format.js';

export interface CheckCommandOptions {
  text?: string;
  jsonl?: string;
  channel: ChannelHint;
  lang: Lang;
  json?: boolean;
  workers: number;
  verifyAuth?: boolean;
  failOn?: 'medium' | 'high';
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('Say how risky a message or notice is, why, and what to do; and show what it contains: links and where they really go, phone numbers, money, deadlines, attachments.')
    .argument('[files...]', 'files to check (.eml, mbox, or text); "-" reads standard input')
    .option('--text <text>', 'check this text instead of a file')
    .option('--jsonl <file>', 'batch: one JSON object per line, {"id","text"} or {"id","eml"}; "-" reads standard input')
    .addOption(
      new Option('--channel <channel>', 'how it was received').choices(['auto', 'email', 'sms', 'letter', 'call', 'web']).default('auto'),
    )
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print one JSON result object per input')
    .addOption(new Option('--fail-on <risk>', 'exit with status 3 when any input reaches this risk').choices(['medium', 'high']))
    .option('--workers <n>', 'check with this many worker threads (batches); each one first warms up on its own, so more than one pays off only for long batches', positiveInteger, 1)
    .option(
      '--verify-auth',
      "verify emails' DKIM, DMARC and ARC signatures with DNS lookups of the sender's domain (nothing of the message is sent)",
    )
    .action(async (files: string[], options) => {
      process.exitCode = await runCheckCommand(files, options);
    });
}

export async function runCheckCommand(files: string[], options: CheckCommandOptions): Promise<number> {
  if (options.workers > MAX_WORKERS) throw new UsageError(`--workers can be at most ${MAX_WORKERS} on this machine`);
  const sources = [options.text !== undefined, options.jsonl !== undefined, files.length > 0].filter(Boolean).length;
  if (sources > 1) throw new UsageError('give files, --text or --jsonl, not more than one of them');
  const readsStdin = files.includes('-') || options.jsonl === '-' || (sources === 0 && !process.stdin.isTTY);
  if (sources === 0 && process.stdin.isTTY) {
    throw new UsageError('nothing to check: give a file, --text "...", --jsonl FILE, or pipe text in');
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');

  const json = options.json === true || options.jsonl !== undefined;
  const progress = await startProgress(files, options, readsStdin);
  const items = itemsFor(files, options, (bytes) => progress?.read(bytes));
  const checker = await createChecker(options.workers, options.verifyAuth === true);
  // Writes to a pipe are queued in memory when the reader is slower than the checker:
  // past the stream's buffer, the batch waits for it to drain.
  const write = async (text: string): Promise<void> => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  // NO_COLOR (no-color.org) and pipes get plain text.
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  let first = true;
  let reachedRisk = false;
  const emit = (outcome: BatchOutcome): Promise<void> | undefined => {
    progress?.checked();
    if (outcome.ok && options.failOn !== undefined) {
      const risk = outcome.risk;
      if (risk === 'high' || (risk === 'medium' && options.failOn === 'medium')) reachedRisk = true;
    }
    if (!outcome.ok) {
      process.stderr.write(`leakaid: ${outcome.id}: ${outcome.error}\n`);
      return json ? write(JSON.stringify({ id: outcome.id, error: outcome.error }) + '\n') : undefined;
    }
    if (json) return write(outcome.json + '\n');
    const block = formatResult(JSON.parse(outcome.json) as NodeCheckResult, options.lang, (id) => organizationName(id, options.lang), color);
    const written = write((first ? '' : '\n') + block + '\n');
    first = false;
    return written;
  };

  let summary: { checked: number; failed: number };
  try {
    summary = await runBatch(items, checker, options.workers, emit);
  } finally {
    progress?.bar.stop();
    await checker.close();
  }
  if (summary.failed > 0) {
    const total = summary.checked + summary.failed;
    if (total > 1) process.stderr.write(`leakaid: ${summary.failed} of ${total} inputs could not be checked\n`);
    return EXIT_USAGE;
  }
  return reachedRisk ? EXIT_RISK : EXIT_OK;
}

const CHECKED: Record<Lang, string> = { ja: '{checked} 件を確認', en: '{checked} checked' };

interface Progress {
  bar: SingleBar;
  checked(): void;
  read(bytes: number): void;
}

/**
 * A progress bar on stderr for batches, only when a person is watching a terminal:
 * the share of input bytes read when the inputs are files of known size, and always
 * the number of inputs checked.
 */
async function startProgress(files: string[], options: CheckCommandOptions, readsStdin: boolean): Promise<Progress | null> {
  const batch = options.jsonl !== undefined || files.length > 1;
  // With results printing to the same terminal, the results themselves show progress.
  if (!batch || !process.stderr.isTTY || process.stdout.isTTY) return null;
  const paths = options.jsonl !== undefined ? [options.jsonl] : files;
  let total = 0;
  if (!readsStdin) {
    for (const path of paths) total += await stat(path).then((info) => info.size, () => 0);
  }
  // Loaded only when a bar is shown: cli-progress and the node:readline it needs took a
  // twentieth of a short check's start. A CommonJS package: its exports are `default`
  // (bundled, esbuild gives a dynamic import of one no named exports).
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    stream: process.stderr,
    format: (total > 0 ? '{bar} {percentage}% | ' : '') + CHECKED[options.lang],
    hideCursor: true,
    clearOnComplete: true,
  });
  let checked = 0;
  let read = 0;
  bar.start(Math.max(total, 1), 0, { checked: '0' });
  return {
    bar,
    checked: () => bar.update(read, { checked: `${++checked}` }),
    read: (bytes) => {
      read += bytes;
    },
  };
}

function itemsFor(files: string[], options: CheckCommandOptions, onBytes: (n: number) => void): AsyncIterable<BatchItem> {
  const channel = options.channel;
  if (options.text !== undefined) return single({ id: 'text', text: options.text, channel });
  if (options.jsonl !== undefined) {
    const stream: Readable = options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl);
    return jsonlItems(stream, options.jsonl === '-' ? 'stdin' : options.jsonl, channel, onBytes);
  }
  if (files.length === 0) return fileItems(['-'], process.stdin, channel, onBytes);
  return fileItems(files, process.stdin, channel, onBytes);
}

async function* single(item: BatchItem): AsyncGenerator<BatchItem> {
  yield item;
}
