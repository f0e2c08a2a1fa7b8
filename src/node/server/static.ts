// Serves the built web app: hashed assets with a long cache, everything else revalidated,
// and index.html for the app's own routes (/check, /incidents/…) so reloading works.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Vite puts content-hashed files here; a changed file gets a new name. */
const HASHED_ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Paths that belong to the server, never to the app's client routes. */
const SERVER_PATH = /^\/(?:api|range|healthz|feed\.atom)(?:\/|$)/;

export function mountWebApp(app: Hono, webRoot: string | null): void {
  if (webRoot === null || !existsSync(join(webRoot, 'index.html'))) {
    app.get('/', (c) =>
      c.text('The web app is not built yet. Run `npm run build:web`, then start the server again.\n', 503),
    );
    return;
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200 || SERVER_PATH.test(c.req.path)) return;
    c.res.headers.set('Cache-Control', c.req.path.startsWith(HASHED_ASSETS_PREFIX) ? IMMUTABLE : REVALIDATE);
  });
  app.use('*', serveStatic({ root: webRoot }));
  app.get('*', async (c, next) => {
    if (SERVER_PATH.test(c.req.path) || c.req.path.startsWith(HASHED_ASSETS_PREFIX)) return next();
    return c.html(await readFile(join(webRoot, 'index.html'), 'utf8'));
  });
}
