// Per-client rate limit for requests that send data (POST, PUT, PATCH, DELETE): a fixed window per client key, in memory.
// The server is one process, so a shared store is not needed.
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_TRACKED_CLIENTS } from './limits.js';

export interface RateLimitOptions {
  requestsPerWindow: number;
  windowMs: number;
  /** Who is asking. The Node server uses the socket's remote address. */
  clientKey: (c: Context) => string;
  /** For tests: the current time in ms. */
  now?: () => number;
}

interface Window {
  startedAt: number;
  count: number;
}

/** Methods that read only; everything else is limited. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function writeRateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, Window>();
  const now = options.now ?? Date.now;
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    const key = options.clientKey(c);
    const time = now();
    let window = windows.get(key);
    if (window === undefined || time - window.startedAt >= options.windowMs) {
      // Re-inserting moves the key to the end, so the Map's first key is the stalest.
      windows.delete(key);
      window = { startedAt: time, count: 0 };
      windows.set(key, window);
      if (windows.size > MAX_TRACKED_CLIENTS) {
        const stalest = windows.keys().next().value;
        if (stalest !== undefined) windows.delete(stalest);
      }
    }
    window.count++;
    if (window.count > options.requestsPerWindow) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - time) / 1000));
      c.header('Retry-After', String(retryAfter));
      return c.json(
        {
          error: 'Too many requests from this address. Please wait a minute and try again.',
          message: {
            ja: '短い時間にたくさんの確認がありました。1分ほど待ってから、もう一度お試しください。',
            en: 'Too many requests in a short time. Please wait about a minute and try again.',
          },
        },
        429,
      );
    }
    return next();
  };
}
