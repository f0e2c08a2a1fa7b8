// `leakaid serve`: the web app and the HTTP API on one port.
import { InvalidArgumentError, type Command } from 'commander';
import { createLogger } from '../server/logging.js';
import { closeOnSignals, startServer } from '../server/serve.js';
import { UsageError } from './errors.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
const MAX_PORT = 65_535;

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n > MAX_PORT) {
    throw new InvalidArgumentError(`must be a port number from 0 to ${MAX_PORT}`);
  }
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and the HTTP API (http://127.0.0.1:8787 by default).')
    .option('--port <port>', `port to listen on (env PORT; default ${DEFAULT_PORT}; 0 picks a free one)`, port)
    .option('--host <host>', `address to listen on (default ${DEFAULT_HOST}, this computer only)`, DEFAULT_HOST)
    .option('--db <path>', 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)')
    .action(async (options: { port?: number; host: string; db?: string }) => {
      const envPort = process.env.PORT;
      let chosenPort = options.port ?? DEFAULT_PORT;
      if (options.port === undefined && envPort !== undefined && envPort !== '') {
        try {
          chosenPort = port(envPort);
        } catch (error) {
          throw new UsageError(`PORT ${(error as Error).message}`);
        }
      }
      const logger = createLogger();
      const server = await startServer({ port: chosenPort, host: options.host, logger, ...(options.db ? { db: options.db } : {}) }).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UsageError(`port ${chosenPort} on ${options.host} is already in use`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${options.host}`);
        throw error;
      });
      closeOnSignals(server, logger);
      process.stderr.write(`leakaid: serving on ${server.url}\n`);
    });
}
