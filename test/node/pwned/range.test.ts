import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInRange, pwnedCount } from '../../../src/core/password/index.js';
import { BAD_PREFIX_MESSAGE, createRangeApp, PADDED_MAX_LINES, PADDED_MIN_LINES, RANGE_CACHE_CONTROL } from '../../../src/node/http/range.js';
import { importPwned } from '../../../src/node/pwned/import.js';
import { ntlmHex } from '../../../src/node/pwned/ntlm.js';
import { RangeStores } from '../../../src/node/pwned/store.js';
import { tempDir, removeTempDirs } from './fixtures.js';

// HIBP's documented sample answer for prefix 21BD1 (https://haveibeenpwned.com/API/v3#SearchingPwnedPasswordsByRange),
// given here out of order, as a downloader range file would never be but a merged one might.
const HIBP_SAMPLE_21BD1 = [
  '0136E006E24E7D152139815FB0FC6A50B15:2',
  '0018A45C4D1DEF81644B54AB7F969B88D65:1',
  '012A7CA357541F0AC487871FEEC1891C49C:2',
  '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2',
  '011053FD0102E94D6AE2F8B83D76FAF94F6:1',
];
const EXPECTED_21BD1 =
  '0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n' +
  '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n' +
  '011053FD0102E94D6AE2F8B83D76FAF94F6:1\r\n' +
  '012A7CA357541F0AC487871FEEC1891C49C:2\r\n' +
  '0136E006E24E7D152139815FB0FC6A50B15:2';

// A SHA-1 entry for "password" and an NTLM entry for a Japanese password; the counts are made up.
const PASSWORD_SHA1 = createHash('sha1').update('password').digest('hex').toUpperCase();
const PASSWORD_NTLM = ntlmHex('パスワード123');

let root: string;
let stores: RangeStores;

beforeAll(async () => {
  const dir = tempDir('range');
  root = join(dir, 'store');
  const folder = join(dir, 'ranges');
  mkdirSync(folder);
  writeFileSync(join(folder, '21BD1.txt'), HIBP_SAMPLE_21BD1.join('\r\n'));
  writeFileSync(join(folder, `${PASSWORD_SHA1.slice(0, 5)}.txt`), `${PASSWORD_SHA1.slice(5)}:9659365\r\n`);
  await importPwned(folder, { root });
  writeFileSync(join(dir, 'ntlm.txt'), `${PASSWORD_NTLM}:42\n${'0'.repeat(32)}:7\n`);
  await importPwned(join(dir, 'ntlm.txt'), { root, mode: 'ntlm' });
  stores = new RangeStores(root);
});

const get = (path: string, headers: Record<string, string> = {}) => createRangeApp({ stores }).request(path, { headers });

afterAll(async () => {
  await stores.close();
  removeTempDirs();
});

describe('GET /range/:prefix', () => {
  it('answers byte for byte like HIBP: sorted SUFFIX:COUNT lines, CRLF between, none after the last', async () => {
    const response = await get('/range/21BD1');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(EXPECTED_21BD1);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('cache-control')).toBe(RANGE_CACHE_CONTROL);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('accepts a lower-case prefix and answers an empty range with an empty body', async () => {
    expect(await (await get('/range/21bd1')).text()).toBe(EXPECTED_21BD1);
    const empty = await get('/range/ABCDE');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
  });

  it('pads with random zero-count suffixes to 800–1,000 lines when asked, keeping every real line', async () => {
    for (let run = 0; run < 5; run++) {
      const body = await (await get('/range/21BD1', { 'Add-Padding': 'true' })).text();
      const lines = body.split('\r\n');
      expect(lines.length).toBeGreaterThanOrEqual(PADDED_MIN_LINES);
      expect(lines.length).toBeLessThanOrEqual(PADDED_MAX_LINES);
      expect(body.endsWith('\r\n')).toBe(false);
      for (const line of lines) expect(line).toMatch(/^[0-9A-F]{35}:\d+$/);
      for (const line of HIBP_SAMPLE_21BD1) expect(lines).toContain(line);
      expect(lines.filter((l) => !l.endsWith(':0')).sort()).toEqual([...HIBP_SAMPLE_21BD1].sort());
      expect([...lines].sort()).toEqual(lines);
      expect(new Set(lines.map((l) => l.split(':')[0])).size).toBe(lines.length);
    }
    const lengths = new Set<number>();
    for (let run = 0; run < 10; run++) lengths.add((await (await get('/range/ABCDE', { 'add-padding': 'TRUE' })).text()).split('\r\n').length);
    expect(lengths.size).toBeGreaterThan(1);
  });

  it('answers from the NTLM store with ?mode=ntlm (27-character suffixes, padded too)', async () => {
    const body = await (await get(`/range/${PASSWORD_NTLM.slice(0, 5)}?mode=ntlm`)).text();
    expect(body).toBe(`${PASSWORD_NTLM.slice(5)}:42`);
    const padded = (await (await get('/range/00000?mode=ntlm', { 'Add-Padding': 'true' })).text()).split('\r\n');
    expect(padded).toContain(`${'0'.repeat(27)}:7`);
    for (const line of padded) expect(line).toMatch(/^[0-9A-F]{27}:\d+$/);
  });

  it('refuses prefixes that are not 5 hex characters with 400 and a clear message', async () => {
    for (const prefix of ['21BD', '21BD12', 'XYZ12', '21BD%20', '%2E%2E%2F1']) {
      const response = await get(`/range/${prefix}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe(BAD_PREFIX_MESSAGE);
    }
  });

  it('says 503 when the store for a mode is not imported', async () => {
    const response = await createRangeApp({ stores: new RangeStores(join(tempDir('none'), 'store')) }).request('/range/21BD1');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/SHA-1 password range store is not available/);
  });

  it('answers the CORS preflight for the Add-Padding header', async () => {
    const response = await createRangeApp({ stores }).request('/range/21BD1', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('Add-Padding');
  });

  it('works end to end with the browser client, which sends only the prefix', async () => {
    const app = createRangeApp({ stores });
    const seen: string[] = [];
    const viaApp = (async (url: string, init?: RequestInit) => {
      seen.push(url);
      return app.request(url, init);
    }) as typeof fetch;
    expect(await pwnedCount('password', { endpoint: '/range/', fetch: viaApp })).toBe(9659365);
    expect(await pwnedCount('a password nobody used', { endpoint: '/range/', fetch: viaApp })).toBe(0);
    expect(seen[0]).toBe(`/range/${PASSWORD_SHA1.slice(0, 5)}`);
    expect(countInRange(EXPECTED_21BD1, '00D4F6E8FA6EECAD2A3AA415EEC418D38EC')).toBe(2);
  });
});
