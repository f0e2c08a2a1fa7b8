import { describe, expect, it } from 'vitest';
import { countInRange, pwnedCount, RangeServiceError, sha1Hex } from '../../../src/core/password/index.js';

// SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8 (a well-known test vector).
const PASSWORD_SUFFIX = '1E4C9B93F3F0682250B6CF8331B7EE68FD8';

describe('k-anonymity client', () => {
  it('hashes with WebCrypto as HIBP does (upper-case SHA-1 of UTF-8)', async () => {
    expect(await sha1Hex('password')).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
    expect(await sha1Hex('')).toBe('DA39A3EE5E6B4B0D3255BFEF95601890AFD80709');
  });

  it('sends only the 5-character prefix, asks for padding, and finds the suffix in the answer', async () => {
    const requests: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      requests.push({ url, headers: init?.headers as Record<string, string> });
      return new Response(`0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n${PASSWORD_SUFFIX}:9659365\r\n011053FD0102E94D6AE2F8B83D76FAF94F6:0`);
    }) as typeof fetch;
    expect(await pwnedCount('password', { endpoint: 'https://range.example/range', fetch: fakeFetch })).toBe(9659365);
    expect(requests).toEqual([{ url: 'https://range.example/range/5BAA6', headers: { 'Add-Padding': 'true' } }]);
    expect(JSON.stringify(requests)).not.toContain(PASSWORD_SUFFIX);
    expect(JSON.stringify(requests)).not.toContain('password');
  });

  it('answers 0 for a suffix that is absent or padded with count 0, and fails clearly on a server error', async () => {
    expect(countInRange(`${PASSWORD_SUFFIX}:0\r\n`, PASSWORD_SUFFIX)).toBe(0);
    expect(countInRange('ABC:3', PASSWORD_SUFFIX)).toBe(0);
    expect(countInRange(`abc:1\n${PASSWORD_SUFFIX.toLowerCase()}:42\n`, PASSWORD_SUFFIX)).toBe(42);
    const failing = (async () => new Response('nope', { status: 503 })) as typeof fetch;
    await expect(pwnedCount('x', { fetch: failing })).rejects.toThrow(RangeServiceError);
  });
});
