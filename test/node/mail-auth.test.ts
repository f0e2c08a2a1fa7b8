// DKIM, SPF and DMARC against a fake DNS zone: a key made here, a message signed here,
// records served by an in-memory resolver that also records every query, so the test
// proves that no real DNS was used.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAuthenticationResults } from '../../src/core/message/auth-results.js';
import { InputTooLargeError } from '../../src/core/message/errors.js';
import { verifyMailAuth } from '../../src/node/mail-auth.js';
import { CLIENT_IP, DOMAIN, fakeZone, MESSAGE, SELECTOR, signMessage } from './signed-mail.js';
import type { MailConnection } from '../../src/node/mail-auth.js';

const CONNECTION: MailConnection = { ip: CLIENT_IP, helo: `mail.${DOMAIN}`, sender: `info@${DOMAIN}`, mta: 'mx.test.example' };

let signed = '';
let zone: Record<string, string[][]> = {};

beforeAll(async () => {
  ({ signed, zone } = await signMessage());
});

describe('verifyMailAuth', () => {
  it('passes DKIM, SPF and DMARC for a correctly signed message from an allowed IP', async () => {
    const { resolver, queries } = fakeZone(zone);
    const summary = await verifyMailAuth(signed, CONNECTION, resolver);
    expect(summary.dkim).toEqual([{ result: 'pass', comment: null, domain: DOMAIN, selector: SELECTOR, alignedTo: DOMAIN }]);
    expect(summary.spf).toEqual({ result: 'pass', domain: DOMAIN, alignedTo: DOMAIN });
    expect(summary.dmarc).toEqual({ result: 'pass', domain: DOMAIN, policy: 'reject' });
    expect(summary.arc).toEqual({ result: 'none' });
    expect([...queries].sort()).toEqual(
      [`${SELECTOR}._domainkey.${DOMAIN} TXT`, `${DOMAIN} TXT`, `_dmarc.${DOMAIN} TXT`].sort(),
    );
  });

  it('writes an Authentication-Results header that our own parser reads back', async () => {
    const { resolver } = fakeZone(zone);
    const summary = await verifyMailAuth(new TextEncoder().encode(signed), CONNECTION, resolver);
    expect(summary.authenticationResults.startsWith('Authentication-Results: mx.test.example;\r\n ')).toBe(true);
    const value = summary.authenticationResults.slice('Authentication-Results:'.length).replace(/\r\n/g, '');
    const results = parseAuthenticationResults(value);
    expect(results.map((r) => [r.authservId, r.methodName, r.result])).toEqual([
      ['mx.test.example', 'dkim', 'pass'],
      ['mx.test.example', 'spf', 'pass'],
      ['mx.test.example', 'dmarc', 'pass'],
    ]);
    expect(results[0]?.properties['header.s']).toBe(SELECTOR);
    expect(results[1]?.properties['smtp.mailfrom']).toBe(`info@${DOMAIN}`);
    expect(results[2]?.properties['header.from']).toBe(DOMAIN);
  });

  it('does not pass DKIM once the body is changed', async () => {
    const { resolver } = fakeZone(zone);
    const tampered = signed.replace('ありがとうございます', 'を取り消しました');
    const summary = await verifyMailAuth(tampered, CONNECTION, resolver);
    // mailauth reports a body hash mismatch as neutral (RFC 6376 calls it a permanent failure).
    expect(summary.dkim).toEqual([
      { result: 'neutral', comment: 'body hash did not verify', domain: DOMAIN, selector: SELECTOR, alignedTo: null },
    ]);
    // SPF still passes and aligns, so DMARC passes on SPF alone.
    expect(summary.dmarc.result).toBe('pass');
  });

  it('fails DKIM when a signed header is changed, and DMARC with it when SPF fails too', async () => {
    const { resolver } = fakeZone(zone);
    const tampered = signed.replace('Subject: =?UTF-8?B?5rOo5paH44Gu44GU56K66KqN?=', 'Subject: urgent');
    const summary = await verifyMailAuth(tampered, { ...CONNECTION, ip: '203.0.113.66' }, resolver);
    expect(summary.dkim.map((d) => [d.result, d.alignedTo])).toEqual([['fail', null]]);
    expect(summary.spf).toEqual({ result: 'fail', domain: DOMAIN, alignedTo: null });
    expect(summary.dmarc).toEqual({ result: 'fail', domain: DOMAIN, policy: 'reject' });
  });

  it('reports no key, no SPF record and no DMARC record when the zone is empty', async () => {
    const { resolver, queries } = fakeZone({});
    const summary = await verifyMailAuth(signed, CONNECTION, resolver);
    expect(summary.dkim.map((d) => [d.result, d.comment])).toEqual([['neutral', 'no key']]);
    expect(summary.spf.result).toBe('none');
    expect(summary.dmarc.result).toBe('none');
    expect(queries.every((q) => q.endsWith(' TXT'))).toBe(true);
  });

  it('lists no DKIM signature for an unsigned message and no SPF result without a client IP', async () => {
    const { resolver, queries } = fakeZone(zone);
    const summary = await verifyMailAuth(MESSAGE, { mta: 'mx.test.example' }, resolver);
    expect(summary.dkim).toEqual([]);
    expect(summary.spf).toEqual({ result: 'none', domain: null, alignedTo: null });
    expect(summary.dmarc).toEqual({ result: 'fail', domain: DOMAIN, policy: 'reject' });
    expect(queries).toEqual([`_dmarc.${DOMAIN} TXT`]);
  });

  it('rejects input over MAX_INPUT_BYTES before calling the resolver', async () => {
    const { resolver, queries } = fakeZone(zone);
    await expect(verifyMailAuth(new Uint8Array(26 * 1024 * 1024), CONNECTION, resolver)).rejects.toBeInstanceOf(
      InputTooLargeError,
    );
    expect(queries).toEqual([]);
  });
});
