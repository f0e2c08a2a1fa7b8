// GET /range/:prefix — the Pwned Passwords range API (https://haveibeenpwned.com/API/v3#PwnedPasswords),
// answered from our own store so it works offline and on a private network:
// `SUFFIX:COUNT` lines joined with CRLF (no line break after the last), upper-case hex;
// `Add-Padding: true` adds random suffixes with count 0 so that every answer has
// 800–1,000 lines and its size says nothing about the prefix; `?mode=ntlm` answers from
// the NTLM store; cached like HIBP's (public, 31 days). Only the 5-character prefix
// reaches the server, never a password or a full hash.
import { randomBytes, randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { PREFIX_HEX, defaultStoreRoot, modeName, parsePrefix, suffixHex, type PwnedMode } from '../pwned/format.js';
import { RangeStore, StoreError } from '../pwned/store.js';

/** HIBP's Cache-Control for range answers: the corpus changes rarely, so 31 days. */
export const RANGE_CACHE_CONTROL = 'public, max-age=2678400';

/** A padded answer has between this many lines… */
export const PADDED_MIN_LINES = 800;
/** …and this many (HIBP's documented range). Longer real answers are not cut. */
export const PADDED_MAX_LINES = 1000;

export const BAD_PREFIX_MESSAGE = 'The hash prefix was not in a valid format';

export interface RangeAppOptions {
  /** Store root; default LEAKAID_PWNED or ./var/pwned/. */
  root?: string;
}

function randomSuffix(mode: PwnedMode): string {
  const digits = suffixHex(mode);
  return randomBytes(Math.ceil(digits / 2)).toString('hex').slice(0, digits).toUpperCase();
}

/** The answer's lines, with zero-count padding up to a random total in [800, 1000]. */
export function rangeBody(entries: { suffix: string; count: number }[], mode: PwnedMode, pad: boolean): string {
  const lines = entries.map((e) => `${e.suffix}:${e.count}`);
  if (pad) {
    const target = randomInt(PADDED_MIN_LINES, PADDED_MAX_LINES + 1);
    const taken = new Set(entries.map((e) => e.suffix));
    while (lines.length < target) {
      const suffix = randomSuffix(mode);
      if (taken.has(suffix)) continue;
      taken.add(suffix);
      lines.push(`${suffix}:0`);
    }
    // Sorted like real answers, so padding is not told apart by its place.
    lines.sort();
  }
  return lines.join('\r\n');
}

export function createRangeApp(options: RangeAppOptions = {}): Hono {
  const app = new Hono();
  const opened = new Map<PwnedMode, Promise<RangeStore>>();

  // Opened on first use and kept; a failed open (no store yet) is retried next time.
  const store = (mode: PwnedMode): Promise<RangeStore> => {
    let pending = opened.get(mode);
    if (!pending) {
      pending = RangeStore.open(options.root ?? defaultStoreRoot(), mode);
      pending.catch(() => opened.delete(mode));
      opened.set(mode, pending);
    }
    return pending;
  };

  const corsHeaders = (c: Context) => {
    c.header('Access-Control-Allow-Origin', '*');
  };

  app.options('/range/:prefix', (c) => {
    corsHeaders(c);
    c.header('Access-Control-Allow-Methods', 'GET');
    c.header('Access-Control-Allow-Headers', 'Add-Padding');
    c.header('Access-Control-Max-Age', '1728000');
    return c.body(null, 204);
  });

  app.get('/range/:prefix', async (c) => {
    corsHeaders(c);
    const prefix = c.req.param('prefix');
    if (prefix.length !== PREFIX_HEX || parsePrefix(prefix) === null) {
      return c.text(BAD_PREFIX_MESSAGE, 400);
    }
    // As HIBP: "ntlm" selects NTLM, anything else SHA-1.
    const mode: PwnedMode = c.req.query('mode') === 'ntlm' ? 'ntlm' : 'sha1';
    let entries;
    try {
      entries = await (await store(mode)).range(prefix);
    } catch (error) {
      if (error instanceof StoreError) {
        return c.text(`The ${modeName(mode)} password range store is not available on this server.`, 503);
      }
      throw error;
    }
    const pad = c.req.header('Add-Padding')?.toLowerCase() === 'true';
    c.header('Cache-Control', RANGE_CACHE_CONTROL);
    c.header('Vary', 'Add-Padding');
    c.header('Content-Type', 'text/plain');
    return c.body(rangeBody(entries, mode, pad));
  });

  return app;
}
