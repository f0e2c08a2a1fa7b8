// k-anonymity breach check, as Have I Been Pwned's Pwned Passwords range API defines it
// (https://haveibeenpwned.com/API/v3#PwnedPasswords): the password is hashed here (SHA-1,
// WebCrypto), only the first 5 hex characters of the hash are sent, and the answer —
// every known suffix under that prefix — is searched here. Neither the password nor its
// full hash leaves the device.

/** Have I Been Pwned's own range endpoint, for deployments configured to use it. */
export const HIBP_RANGE_ENDPOINT = 'https://api.pwnedpasswords.com/range/';

/** Our own range service (same server as the web app). */
export const DEFAULT_RANGE_ENDPOINT = '/range/';

/** Hex characters of the hash that are sent: 5, as in the HIBP API (2^20 buckets). */
export const RANGE_PREFIX_LENGTH = 5;

/** Largest range answer read. Real answers are ~40 KB (about 1,000 lines at the full
 * corpus); this stops a broken or hostile server from making the page read gigabytes. */
export const MAX_RANGE_RESPONSE_CHARS = 4 * 1024 * 1024;

export interface PwnedOptions {
  /** Base URL the 5-character prefix is appended to; default: our service, `/range/`. */
  endpoint?: string;
  /** fetch to use (tests, or a server-side caller); default: the global fetch. */
  fetch?: typeof fetch;
  /** Ask the server to pad the answer with fake entries so its size says nothing; default true. */
  padding?: boolean;
  signal?: AbortSignal;
}

export class RangeServiceError extends Error {
  override name = 'RangeServiceError';
}

/** Upper-case hex SHA-1 of the UTF-8 password, as HIBP indexes passwords. */
export async function sha1Hex(password: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

/** The count for `suffix` in a range answer (`SUFFIX:COUNT` lines), 0 when absent. */
export function countInRange(body: string, suffix: string): number {
  const wanted = suffix.toUpperCase();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (line.slice(0, colon).trim().toUpperCase() !== wanted) continue;
    const count = Number.parseInt(line.slice(colon + 1).trim(), 10);
    return Number.isFinite(count) ? count : 0;
  }
  return 0;
}

/**
 * How many times `password` appears in the breach corpus (0 when never seen).
 * Only the first 5 hex characters of its SHA-1 are sent to `options.endpoint`.
 */
export async function pwnedCount(password: string, options: PwnedOptions = {}): Promise<number> {
  const hash = await sha1Hex(password);
  const prefix = hash.slice(0, RANGE_PREFIX_LENGTH);
  const base = options.endpoint ?? DEFAULT_RANGE_ENDPOINT;
  const url = (base.endsWith('/') ? base : `${base}/`) + prefix;
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = options.padding === false ? {} : { 'Add-Padding': 'true' };
  const response = await doFetch(url, { headers, ...(options.signal ? { signal: options.signal } : {}) });
  if (!response.ok) throw new RangeServiceError(`range service answered ${response.status}`);
  const body = await response.text();
  if (body.length > MAX_RANGE_RESPONSE_CHARS) throw new RangeServiceError('range service answer is too large');
  return countInRange(body, hash.slice(RANGE_PREFIX_LENGTH));
}
