// The HTTP server's application: every feature's sub-app from src/node/http, the web
// app's files, and what applies to all of them (security headers, size and rate
// limits, request logs without content). Dependencies come in as arguments so tests
// can run it with in-memory stores and `app.request()`.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { ORGANIZATIONS } from '../../core/knowledge/organizations.js';
import type { Incident } from '../../core/registry/types.js';
import { createCheckApp } from '../http/check.js';
import { createNoticeLintApp } from '../http/notice-lint.js';
import { createPlanApp } from '../http/plan.js';
import { createRangeApp } from '../http/range.js';
import type { RangeStores } from '../pwned/store.js';
import { createNoticesApp } from '../http/notices.js';
import { createLookupCounter, type LookupCounter } from '../notices/lookup-counter.js';
import { countedCodeVerifier, createNoticeVerifier } from '../notices/verifier.js';
import { adminTokenFromEnv, createRegistryApp } from '../http/registry.js';
import { HIBP_IMPORT_MAX_BYTES } from '../store/hibp-import.js';
import type { Store } from '../store/index.js';
import {
  INCIDENT_CACHE_MS,
  MAX_CHECK_BODY_BYTES,
  MAX_INCIDENT_BODY_BYTES,
  MAX_NOTICE_LINT_BODY_BYTES,
  MAX_OTHER_BODY_BYTES,
  NOTICE_LOOKUP_WINDOW_MS,
  NOTICE_LOOKUPS_PER_WINDOW,
  WRITE_REQUESTS_PER_WINDOW,
  RATE_WINDOW_MS,
} from './limits.js';
import { errorForLog, requestLog } from './logging.js';
import { openApiDocument } from './openapi.js';
import { writeRateLimit } from './rate-limit.js';
import { mountWebApp } from './static.js';

export interface AppDeps {
  logger: Logger;
  /** The incident registry (tests pass an in-memory one). */
  store: Store;
  /** The password range stores (the caller closes them). A store not imported yet makes
   * /range answer 503; the rest of the app works. */
  pwned: RangeStores;
  /** The built web app (index.html and assets/); null serves the API alone. */
  webRoot: string | null;
  rateLimit?: { requestsPerWindow: number; windowMs: number };
  /** Who a request comes from, for rate limits. Defaults to the socket's address. */
  clientKey?: (c: Context) => string;
  /** Short-code look-ups per client and window, counted in the store. */
  noticeLookupLimit?: { perWindow: number; windowMs: number };
  /** The count behind noticeLookupLimit (with its window); the server closes it before the
   * store. Without one the app makes its own. */
  lookupCounter?: LookupCounter;
  /** Admin token for write routes; default env LEAKAID_ADMIN_TOKEN. */
  adminToken?: string;
}

/** The socket's address. Forwarded-for headers are not trusted: anyone can set them. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/** The registry's incidents for organizations the checker knows, re-read now and then so
 * an import shows up without a restart, and not once per request. */
function cachedIncidents(store: Store): () => Promise<readonly Incident[]> {
  let cached: { at: number; incidents: Promise<readonly Incident[]> } | null = null;
  return () => {
    const now = Date.now();
    if (cached === null || now - cached.at > INCIDENT_CACHE_MS) {
      const incidents = store.incidentsForOrganizations(ORGANIZATIONS.map((o) => o.id));
      cached = { at: now, incidents };
      incidents.catch(() => {
        cached = null;
      });
    }
    return cached.incidents;
  };
}

function bodyLimitFor(path: string): number {
  if (path === '/api/check') return MAX_CHECK_BODY_BYTES;
  if (path === '/api/notice/lint') return MAX_NOTICE_LINT_BODY_BYTES;
  // Only an administrator with the token gets past the registry's check, which runs
  // before the body is read.
  if (path === '/api/admin/import') return HIBP_IMPORT_MAX_BYTES;
  if (path.startsWith('/api/admin/incidents/')) return MAX_INCIDENT_BODY_BYTES;
  return MAX_OTHER_BODY_BYTES;
}

function tooLarge(limit: number) {
  return (c: Context) =>
    c.json(
      {
        error: `The request is too large: the limit is ${Math.round(limit / 1024)} KB.`,
        message: {
          ja: `送られた内容が大きすぎます（上限 ${Math.round(limit / 1024)} KB）。`,
          en: `The request is too large (limit ${Math.round(limit / 1024)} KB).`,
        },
      },
      413,
    );
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const { logger } = deps;

  app.use('*', requestLog(logger));
  app.use(
    '*',
    writeRateLimit({
      requestsPerWindow: deps.rateLimit?.requestsPerWindow ?? WRITE_REQUESTS_PER_WINDOW,
      windowMs: deps.rateLimit?.windowMs ?? RATE_WINDOW_MS,
      clientKey: deps.clientKey ?? socketAddress,
    }),
  );
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const limit = bodyLimitFor(c.req.path);
    // A declared length is checked without touching the body: hono's bodyLimit reads
    // `body` first, which makes the Node adapter build a whole Fetch Request (streams, an
    // AbortController), costing more than checking an SMS. Node's parser reads no more
    // than Content-Length bytes as the body, so the declared length bounds it.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(declared, 10) > limit ? tooLarge(limit)(c) : next();
    }
    return bodyLimit({ maxSize: limit, onError: tooLarge(limit) })(c, next);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  const incidents = cachedIncidents(deps.store);
  const clientKey = deps.clientKey ?? socketAddress;
  const lookupLimit = deps.noticeLookupLimit ?? { perWindow: NOTICE_LOOKUPS_PER_WINDOW, windowMs: NOTICE_LOOKUP_WINDOW_MS };
  const lookupCounter = deps.lookupCounter ?? createLookupCounter(deps.store, { windowMs: lookupLimit.windowMs });
  const codeVerifier = createNoticeVerifier(deps.store);
  app.route('/', createCheckApp({ incidents, noticeCodes: (c) => countedCodeVerifier(codeVerifier, lookupCounter, lookupLimit.perWindow, clientKey(c)) }));
  app.route('/', createNoticeLintApp({ incidents }));
  app.route('/', createPlanApp({ getIncident: (id) => deps.store.getIncident(id) }));
  const adminToken = deps.adminToken ?? adminTokenFromEnv();
  app.route('/', createRegistryApp({ store: deps.store, adminToken }));
  app.route(
    '/',
    createNoticesApp({
      store: deps.store,
      adminToken,
      clientKey,
      lookupLimit,
      lookupCounter,
    }),
  );
  app.route('/', createRangeApp({ stores: deps.pwned }));

  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.onError((error, c) => {
    logger.error({ err: errorForLog(error), method: c.req.method, path: c.req.path }, 'request failed');
    return c.json({ error: 'Something went wrong on the server. Please try again.' }, 500);
  });

  mountWebApp(app, deps.webRoot);
  return app;
}
