// Structured request logs. A request's body, its query string and its headers can hold
// the message someone is checking (or a search for their own name), so only the
// method, the path, the status and the time are logged.
import type { MiddlewareHandler } from 'hono';
import { pino, type Logger } from 'pino';

export function createLogger(): Logger {
  return pino({ base: { service: 'leakaid' } });
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 },
      'request',
    );
  };
}

/** An unexpected error without its message, which may quote the input that caused it. */
export function errorForLog(error: unknown): { name: string; frames: string[] } {
  if (!(error instanceof Error)) return { name: typeof error, frames: [] };
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return { name: error.name, frames: frames.slice(0, 8).map((line) => line.trim()) };
}
