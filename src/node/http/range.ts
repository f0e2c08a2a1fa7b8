// GET /range/:prefix — the Pwned Passwords range API (https://haveibeenpwned.com/API/v3#PwnedPasswords),
// answered from our own store so it works offline and on a private network:
// `SUFFIX:COUNT` lines joined with CRLF (no line break after the last), upper-case hex;
// `Add-Padding: true` adds random suffixes with count 0 so that every answer has
// 800–1,000 lines and its size says nothing about the prefix; `?mode=ntlm` answers from
// the NTLM store; cached like HIBP's (public, 31 days). Only the 5-character prefix
// reaches the server, never a password or a full hash.
import { randomBytes, randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { PREFIX_HEX, modeName, parsePrefix, suffixHex, type PwnedMode } from '../pwned/format.js';
import { StoreError, type RangeStores } from '../pwned/store.js';

/** HIBP's Cache-Control for range answers: the corpus changes rarely, so 31 days. */
export const RANGE_CACHE_CONTROL = 'public, max-age=2678400';

/** A padded answer has between this many lines… */
export const PADDED_MIN_LINES = 800;
/** …and this many (HIBP's documented range). Longer real answers are not cut. */
export const PADDED_MAX_LINES = 1000;

export const BAD_PREFIX_MESSAGE = 'The hash prefix was not in a valid format';

export interface RangeAppOptions {
  /** Where the answers come from; the caller closes them when it is done. */
  stores: RangeStores;
}

/** Hex digits of a padding suffix drawn as a sortable number (48 bits, exact in a double). */
const KEY_HEX = 12;

/**
 * The answer: real lines in hash order; with `pad`, random zero-count suffixes up to a
 * random total in [800, 1000], in order among them so their place gives nothing away.
 * The random suffixes are drawn as sorted numbers and merged in (sorting strings
 * instead costs ~10× more per request).
 */
export function rangeBody(entries: { suffix: string; count: number }[], mode: PwnedMode, pad: boolean): string {
  const real = entries.map((e) => `${e.suffix}:${e.count}`);
  const missing = pad ? randomInt(PADDED_MIN_LINES, PADDED_MAX_LINES + 1) - entries.length : 0;
  if (missing <= 0) return real.join('\r\n');
  const restHex = suffixHex(mode) - KEY_HEX;
  const keyBytes = randomBytes(missing * (KEY_HEX / 2));
  const keys = new Float64Array(missing);
  for (let i = 0; i < missing; i++) keys[i] = keyBytes.readUIntBE(i * (KEY_HEX / 2), KEY_HEX / 2);
  keys.sort();
  // Back to bytes and hex in one go (Number#toString(16) per key is ~10× slower).
  for (let i = 0; i < missing; i++) keyBytes.writeUIntBE(keys[i]!, i * (KEY_HEX / 2), KEY_HEX / 2);
  const keyHex = keyBytes.toString('hex').toUpperCase();
  const rest = randomBytes(missing * Math.ceil(restHex / 2)).toString('hex').toUpperCase();
  const lines: string[] = [];
  let r = 0;
  for (let i = 0; i < missing; i++) {
    const at = i * 2 * Math.ceil(restHex / 2);
    const padding = keyHex.slice(i * KEY_HEX, (i + 1) * KEY_HEX) + rest.slice(at, at + restHex);
    while (r < real.length && real[r]! < padding) lines.push(real[r++]!);
    // A random suffix equal to a real one (odds about 1 in 2^100) would contradict it.
    if (r < real.length && real[r]!.startsWith(`${padding}:`)) continue;
    lines.push(`${padding}:0`);
  }
  while (r < real.length) lines.push(real[r++]!);
  return lines.join('\r\n');
}

export function createRangeApp({ stores }: RangeAppOptions): Hono {
  const app = new Hono();

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
      entries = await (await stores.get(mode)).range(prefix);
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
