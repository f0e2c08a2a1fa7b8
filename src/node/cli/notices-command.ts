// `leakaid notices issue | revoke`: issuing verifiable notices for a recipients file, and
// withdrawing one notice. Issuing streams the file in constant memory, shows a progress
// bar on a terminal, and resumes an interrupted run when run again with the same input.
import { InvalidArgumentError, type Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { NOTICE_CHANNELS, type NoticeChannel } from '../../core/notices/statement.js';
import { IssueError, issueNotices, DEFAULT_WORKERS } from '../notices/issue.js';
import { ISSUER_KEY_ENV, IssuerKeyError, loadIssuerKey } from '../notices/issuer-key.js';
import { checkDate, today } from '../notices/issuers.js';
import { RecipientsError } from '../notices/recipients.js';
import { defaultStoreLocation, openStore } from '../store/index.js';
import { NoticeStoreError, revokeNotice } from '../store/notices.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './serve-command.js';
import { UsageError } from './errors.js';

const DB_HELP = 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)';
/** The verification page's origin printed in QR codes when neither option nor env says: the default server. */
const DEFAULT_PUBLIC_ORIGIN = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;
const MAX_WORKERS = 64;

function workers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_WORKERS) throw new InvalidArgumentError(`must be a number from 0 to ${MAX_WORKERS}`);
  return n;
}

function publicOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`the public origin "${value.slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('the public origin must be an http(s) URL');
  return url.origin;
}

interface IssueCommandOptions {
  incident: string;
  org: string;
  recipients: string;
  out: string;
  key?: string;
  channel: NoticeChannel;
  publicOrigin?: string;
  workers: number;
  db?: string;
}

export function registerNoticesCommand(program: Command): void {
  const notices = program.command('notices').description('Issue verifiable notices, or withdraw one.');

  notices
    .command('issue')
    .description('Issue a notice per recipient row: serial, short code and signed QR code. Writes OUT/RUN.csv for the print house and OUT/RUN-proof.pdf; run again to resume.')
    .requiredOption('--incident <id>', 'incident id on record')
    .requiredOption('--org <id>', 'the issuing organization id (its key must be registered)')
    .requiredOption('--recipients <file.csv>', 'CSV with a header: recipient_id, and optionally postal_code (other columns are ignored)')
    .requiredOption('--out <dir>', 'folder for the print-house CSV and the PDF proof')
    .option('--key <file>', `the private key (PEM, mode 600); default env ${ISSUER_KEY_ENV}`)
    .addOption(new Option('--channel <channel>', 'how the notices are sent').choices([...NOTICE_CHANNELS]).default('postcard'))
    .option('--public-origin <url>', `the verification server's public URL printed in QR codes (env LEAKAID_PUBLIC_ORIGIN; default ${DEFAULT_PUBLIC_ORIGIN})`)
    .option('--workers <n>', 'signing threads (0: none)', workers, DEFAULT_WORKERS)
    .option('--db <path>', DB_HELP)
    .action(async (options: IssueCommandOptions) => {
      const origin = publicOrigin(options.publicOrigin ?? process.env['LEAKAID_PUBLIC_ORIGIN'] ?? DEFAULT_PUBLIC_ORIGIN);
      let key;
      try {
        key = loadIssuerKey(options.key);
      } catch (error) {
        if (error instanceof IssuerKeyError) throw new UsageError(error.message);
        throw error;
      }
      const location = options.db ?? defaultStoreLocation();
      const store = await openStore(location);
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'issuing [{bar}] {percentage}% {value}/{total} rows, {eta_formatted} left', stream: process.stderr, hideCursor: true }) : undefined;
      let started = false;
      // Stopping is safe at any moment (whole chunks are committed, the CSV is cut back to
      // them on the next run); say how to go on rather than leave a half-drawn bar.
      const onInterrupt = (): void => {
        bar?.stop();
        process.stderr.write('leakaid: interrupted; run the same command again to resume where it stopped\n');
        process.exit(130);
      };
      process.once('SIGINT', onInterrupt);
      try {
        const report = await issueNotices({
          store,
          location,
          key,
          incidentId: options.incident,
          organizationId: options.org,
          channel: options.channel,
          recipientsFile: options.recipients,
          outDir: options.out,
          publicOrigin: origin,
          today: today(),
          workers: options.workers,
          onProgress: (done, total) => {
            if (bar === undefined) return;
            if (!started) bar.start(total, done);
            started = true;
            bar.update(done);
          },
        });
        bar?.stop();
        const what = report.alreadyComplete
          ? `run ${report.runId} was already complete: ${report.rows} notices`
          : report.resumedAt > 0
            ? `run ${report.runId} resumed at row ${report.resumedAt + 1}: ${report.rows} notices`
            : `run ${report.runId}: ${report.rows} notices`;
        process.stdout.write(`${what}, issued ${report.issued}\nprint-house CSV: ${report.csvPath}\nproof: ${report.proofPath}\n`);
      } catch (error) {
        bar?.stop();
        if (error instanceof IssueError || error instanceof RecipientsError || error instanceof NoticeStoreError) throw new UsageError(error.message);
        throw error;
      } finally {
        process.off('SIGINT', onInterrupt);
        await store.close();
      }
    });

  notices
    .command('revoke')
    .description('Withdraw one notice (misprinted, sent to the wrong person): it then verifies as withdrawn.')
    .argument('<serial>', 'the notice serial, as in the print-house CSV (RUNID-ROW)')
    .option('--on <date>', 'withdrawal date (YYYY-MM-DD; default today)')
    .option('--db <path>', DB_HELP)
    .action(async (serial: string, options: { on?: string; db?: string }) => {
      let on: string;
      try {
        on = checkDate(options.on ?? today(), '--on');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const store = await openStore(options.db ?? defaultStoreLocation());
      try {
        if (!(await revokeNotice(store.db, serial.trim(), on))) throw new UsageError(`no notice with serial ${serial.slice(0, 40)}`);
      } finally {
        await store.close();
      }
      process.stdout.write(`withdrew ${serial.trim()}\n`);
    });
}
