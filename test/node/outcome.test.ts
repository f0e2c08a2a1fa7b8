// The Node check path: signature verification is added to email results when asked,
// through the injected resolver, and never for text.
import { describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../src/core/registry/seed.js';
import { checkToOutcome } from '../../src/node/check/outcome.js';
import { type DnsResolver, verifyMailAuth } from '../../src/node/mail-auth.js';
import { DOMAIN, fakeZone, SELECTOR, signMessage } from './signed-mail.js';

const verifierWith = (resolver: DnsResolver) => (raw: string | Uint8Array) => verifyMailAuth(raw, {}, resolver);

describe('checkToOutcome', () => {
  it('adds DKIM and DMARC results for an email when a resolver is given', async () => {
    const { signed, zone } = await signMessage();
    const { resolver, queries } = fakeZone(zone);
    const outcome = await checkToOutcome({ id: 'm', bytes: new TextEncoder().encode(signed) }, { verifyAuth: verifierWith(resolver) });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.message.from?.address).toBe(`info@${DOMAIN}`);
    expect(outcome.result.authentication?.dkim).toEqual([
      { result: 'pass', comment: null, domain: DOMAIN, selector: SELECTOR, alignedTo: DOMAIN },
    ]);
    expect(outcome.result.authentication?.dmarc).toEqual({ result: 'pass', domain: DOMAIN, policy: 'reject' });
    expect(queries.length).toBeGreaterThan(0);
  });

  it('does not verify without a resolver, nor for text', async () => {
    const { signed, zone } = await signMessage();
    const plain = await checkToOutcome({ id: 'm', eml: signed });
    expect(plain.ok && plain.result.authentication).toBe(undefined);
    const { resolver, queries } = fakeZone(zone);
    const sms = await checkToOutcome({ id: 's', text: 'お荷物のお届け https://example.com/' }, { verifyAuth: verifierWith(resolver) });
    expect(sms.ok && sms.result.authentication).toBe(undefined);
    expect(queries).toEqual([]);
  });

  it('turns an input over the size limit into a one-line error', async () => {
    const outcome = await checkToOutcome({ id: 'big', text: 'a'.repeat(26 * 1024 * 1024) });
    expect(outcome).toEqual({ ok: false, id: 'big', error: expect.stringContaining('too large') });
  });

  it('loads the incidents on record only for a message that reads as a breach notice or mentions a leak', async () => {
    let loads = 0;
    const incidents = async () => {
      loads++;
      return SEED_INCIDENTS;
    };
    const ordinary = await checkToOutcome({ id: 'sms', text: '明日の会議は10時からです。資料を持ってきてください。' }, { incidents });
    expect(ordinary.ok).toBe(true);
    expect(loads).toBe(0);
    const notice = await checkToOutcome(
      { id: 'notice', text: 'NTT西日本より お客さま情報の不正流出に関するお詫び。氏名・住所・電話番号が流出しました。クレジットカード情報は含まれておりません。' },
      { incidents },
    );
    expect(loads).toBe(1);
    expect(notice.ok && notice.result.incident?.id).toBe(NTT_INCIDENT_ID);
  });
});
