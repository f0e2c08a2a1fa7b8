// Starts the HTTP server on a port, every response with the security headers
// (security-headers.ts), and stops it gracefully: on SIGINT or SIGTERM it
// stops accepting connections, lets open requests finish (up to SHUTDOWN_GRACE_MS),
// closes the stores and exits.
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { defaultStoreRoot } from '../pwned/format.js';
import { createLookupCounter } from '../notices/lookup-counter.js';
import { RangeStores } from '../pwned/store.js';
import { defaultStoreLocation, openStore } from '../store/index.js';
import { createApp, type AppDeps } from './app.js';
import { setSecurityHeaders } from './security-headers.js';
import { NOTICE_LOOKUP_WINDOW_MS, SHUTDOWN_GRACE_MS } from './limits.js';
import { createLogger } from './logging.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** The registry store: SQLite file or postgres:// URL; default LEAKAID_DB or ./var/. */
  db?: string;
  logger?: Logger;
  webRoot?: string | null;
  rateLimit?: AppDeps['rateLimit'];
  noticeLookupLimit?: AppDeps['noticeLookupLimit'];
  /** Who a request comes from, for rate limits; default the socket's address. */
  clientKey?: AppDeps['clientKey'];
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** The package root, found from this file whether it runs from src/ (tsx) or dist/src/. */
function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + import.meta.dirname);
    dir = parent;
  }
  return dir;
}

export const DEFAULT_WEB_ROOT = join(packageRoot(), 'dist', 'web');

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  // Opening migrates the schema and seeds the registry (the NTT incident) on first start.
  const store = await openStore(options.db ?? defaultStoreLocation());
  const pwned = new RangeStores(defaultStoreRoot());
  const lookupCounter = createLookupCounter(store, { windowMs: options.noticeLookupLimit?.windowMs ?? NOTICE_LOOKUP_WINDOW_MS });
  const closeStores = async (): Promise<void> => {
    await lookupCounter.close();
    await Promise.all([store.close(), pwned.close()]);
  };
  const app = createApp({
    logger,
    store,
    pwned,
    webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.noticeLookupLimit ? { noticeLookupLimit: options.noticeLookupLimit } : {}),
    lookupCounter,
    ...(options.clientKey ? { clientKey: options.clientKey } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(started as Server));
    started.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => setSecurityHeaders(response));
    started.once('error', reject);
  }).catch(async (error: unknown) => {
    await closeStores();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, 'listening');

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        void closeStores().then(resolve);
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, close };
}

/** Closes the server on SIGINT/SIGTERM, then lets the process end. */
export function closeOnSignals(server: RunningServer, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    void server.close().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
