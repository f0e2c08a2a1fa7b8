#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../input/read.js';
import { runCheckCommand } from './check-command.js';
import { EXIT_USAGE, UsageError } from './errors.js';
import { registerIncidentsCommand } from './incidents-command.js';
import { registerOrgCommand } from './org-command.js';
import { registerPlanCommand } from './plan-command.js';
import { registerPwnedCommand } from './pwned-command.js';
import { registerServeCommand } from './serve-command.js';

// Output piped into a program that stops reading early (`leakaid … | head`) is not an
// error of ours: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

const program = new Command()
  .name('leakaid')
  .description('Help for people whose personal data has leaked: check notices and messages, look up incidents, make a plan, check passwords.')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });

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
  .option('--workers <n>', 'check with this many worker threads (batches)', positiveInteger, 1)
  .option(
    '--verify-auth',
    "verify emails' DKIM, DMARC and ARC signatures with DNS lookups of the sender's domain (nothing of the message is sent)",
  )
  .action(async (files: string[], options) => {
    process.exitCode = await runCheckCommand(files, options);
  });

registerServeCommand(program);
registerIncidentsCommand(program);
registerOrgCommand(program);
registerPwnedCommand(program);
registerPlanCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (error instanceof UsageError || error instanceof InputError) {
    process.stderr.write(`leakaid: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    throw error;
  }
}
