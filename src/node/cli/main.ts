#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { InputError } from '../input/read.js';
import { EXIT_USAGE, UsageError } from './errors.js';

// Output piped into a program that stops reading early (`leakaid … | head`) is not an
// error of ours: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const program = new Command()
  .name('leakaid')
  .description('Help for people whose personal data has leaked: check notices and messages, look up incidents, make a plan, check passwords, verify signed notices; for organizations, check a draft notice and issue signed notices.')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });

// Each command's module is loaded only when that command runs: the server, PDF making
// and the database drivers take several times longer to load than a check takes.
const COMMANDS = {
  check: async () => (await import('./check-command.js')).registerCheckCommand,
  serve: async () => (await import('./serve-command.js')).registerServeCommand,
  incidents: async () => (await import('./incidents-command.js')).registerIncidentsCommand,
  org: async () => (await import('./org-command.js')).registerOrgCommand,
  pwned: async () => (await import('./pwned-command.js')).registerPwnedCommand,
  plan: async () => (await import('./plan-command.js')).registerPlanCommand,
  notice: async () => (await import('./notice-command.js')).registerNoticeCommand,
  verify: async () => (await import('./verify-command.js')).registerVerifyCommand,
  issuer: async () => (await import('./issuer-command.js')).registerIssuerCommand,
  notices: async () => (await import('./notices-command.js')).registerNoticesCommand,
} satisfies Record<string, () => Promise<(program: Command) => void>>;

// Help, and a mistyped command, need them all.
const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named as keyof typeof COMMANDS]] : Object.values(COMMANDS);
for (const load of wanted) (await load())(program);

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
