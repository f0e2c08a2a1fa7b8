// `leakaid pwned import FILE|DIR [--mode sha1|ntlm]` and `leakaid pwned check`: build the
// password range store from a Pwned Passwords download, and look a password up in it.
// The password is read from standard input (without echo on a terminal), hashed at
// once, and never printed, logged or kept.
import { createHash } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { defaultStoreRoot, modeName, type PwnedMode } from '../pwned/format.js';
import { ImportError, ImportInterrupted, importPwned, type ImportProgress } from '../pwned/import.js';
import { ntlmHex } from '../pwned/ntlm.js';
import { RangeStore, StoreError } from '../pwned/store.js';
import { UsageError } from './errors.js';

type Lang = 'ja' | 'en';

/** Exit status after Ctrl-C, as shells report a SIGINT. */
const EXIT_INTERRUPTED = 130;

/** Longest password read from standard input. Stops a huge pipe from filling memory;
 * no password manager makes passwords anywhere near this long. */
const MAX_PASSWORD_BYTES = 64 * 1024;

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

function progressBar(lang: Lang): ((p: ImportProgress) => void) & { stop(): void } {
  if (!process.stderr.isTTY) return Object.assign(() => {}, { stop: () => {} });
  const labels = lang === 'ja' ? { read: '読み込み', sort: '並べ替え' } : { read: 'reading', sort: 'sorting' };
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{phase} {bar} {percentage}% | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let phase: ImportProgress['phase'] | null = null;
  const update = (p: ImportProgress) => {
    if (p.phase !== phase) {
      if (phase) bar.stop();
      phase = p.phase;
      bar.start(Math.max(p.total, 1), p.done, { phase: labels[p.phase] });
    } else {
      bar.update(p.done);
    }
  };
  return Object.assign(update, { stop: () => phase && bar.stop() });
}

async function runImport(input: string, options: { mode: PwnedMode; lang: Lang }): Promise<number> {
  const root = defaultStoreRoot();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = progressBar(options.lang);
  try {
    const result = await importPwned(input, { root, mode: options.mode, onProgress: bar, signal: controller.signal });
    bar.stop();
    const count = number(result.records, options.lang);
    const kind = modeName(options.mode);
    process.stdout.write(
      options.lang === 'ja'
        ? `${count} 件のパスワード（${kind}）を取り込みました${result.resumed ? '（中断したところから再開）' : ''}: ${result.dir}\n`
        : `Imported ${count} password hashes (${kind})${result.resumed ? ', continuing an interrupted import' : ''}: ${result.dir}\n`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof ImportInterrupted) {
      process.stderr.write(
        options.lang === 'ja'
          ? 'leakaid: 取り込みを中断しました。同じコマンドをもう一度実行すると、続きから再開します。\n'
          : 'leakaid: import interrupted. Run the same command again to continue where it stopped.\n',
      );
      return EXIT_INTERRUPTED;
    }
    if (error instanceof ImportError) throw new UsageError(error.message);
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Reads one line from a terminal with echo off (raw mode); Ctrl-C and Ctrl-D give up. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo off before the prompt shows, so nothing typed after it is ever echoed.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new UsageError('no password given'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
        if (typed.length > MAX_PASSWORD_BYTES) return done(new UsageError('the password is too long'));
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The first line of piped input, without its line break. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > MAX_PASSWORD_BYTES) throw new UsageError('the input is too long for a password');
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const newline = text.search(/\r?\n/);
  return newline < 0 ? text : text.slice(0, newline);
}

async function runCheck(options: { mode: PwnedMode; lang: Lang; json?: boolean }): Promise<number> {
  const password = process.stdin.isTTY
    ? await readHidden(
        options.lang === 'ja' ? 'パスワードを入力してください（画面には表示されません）: ' : 'Password (it will not be shown): ',
      )
    : await readPiped();
  if (password === '') throw new UsageError('no password given on standard input');
  const hash = options.mode === 'ntlm' ? ntlmHex(password) : createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
  let store: RangeStore;
  try {
    store = await RangeStore.open(defaultStoreRoot(), options.mode);
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.message);
    throw error;
  }
  try {
    const count = await store.count(hash);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ mode: options.mode, count, storeRecords: store.size })}\n`);
    } else if (options.lang === 'ja') {
      process.stdout.write(
        count > 0
          ? `⛔ このパスワードは、漏えいしたパスワードの一覧に ${number(count, 'ja')} 回 出てきます。\n` +
              'このパスワードは使わないでください。使っているサービスがあれば、すべて別々の新しいパスワードに変えてください。\n'
          : `✅ このパスワードは、漏えいしたパスワードの一覧（${number(store.size, 'ja')} 件）には見つかりませんでした。\n` +
              '見つからなくても安全とは限りません。ほかのサービスと同じパスワードは使わないでください。\n',
      );
    } else {
      process.stdout.write(
        count > 0
          ? `⛔ This password appears ${number(count, 'en')} times in the list of leaked passwords.\n` +
              'Do not use it. Wherever you use it, change it to a new password that is different for each service.\n'
          : `✅ This password was not found in the list of leaked passwords (${number(store.size, 'en')} entries).\n` +
              'That does not make it safe: still use a different password for each service.\n',
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

const modeOption = () => new Option('--mode <mode>', 'hash type of the store').choices(['sha1', 'ntlm']).default('sha1');
const langOption = () => new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja');

export function registerPwnedCommand(program: Command): void {
  const pwned = program
    .command('pwned')
    .description('Leaked-password check: import Pwned Passwords downloads, check a password (store: env LEAKAID_PWNED, default ./var/pwned/).');
  pwned
    .command('import')
    .description('Import a Pwned Passwords file (HASH:COUNT lines) or folder of range files; run again to resume an interrupted import.')
    .argument('<source>', 'a file of HASH:COUNT lines, or a folder of files named by 5-hex prefix')
    .addOption(modeOption())
    .addOption(langOption())
    .action(async (source: string, options: { mode: PwnedMode; lang: Lang }) => {
      process.exitCode = await runImport(source, options);
    });
  pwned
    .command('check')
    .description('Read a password from standard input (not shown on screen) and print how often it appears in the store.')
    .addOption(modeOption())
    .addOption(langOption())
    .option('--json', 'print {"mode","count","storeRecords"}')
    .action(async (options: { mode: PwnedMode; lang: Lang; json?: boolean }) => {
      process.exitCode = await runCheck(options);
    });
}
