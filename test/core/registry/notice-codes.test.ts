// A notice's verification code as evidence (issue 14, item 4): an incident can record
// that an organization's notices carry a code; a notice for it without one says so; a
// code the registry knows is strong evidence, unless the notice beside it gives numbers
// or links the genuine notices do not; a code it does not know counts against.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput, type CheckResult } from '../../../src/core/check.js';
import { findNoticeCodes, MAX_CODES_PER_MESSAGE, type NoticeCodeVerifier } from '../../../src/core/notices/in-message.js';
import { formatShortCode, parseShortCode } from '../../../src/core/notices/short-code.js';
import { NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';
import { incidentsWithCodes, nttPostcard } from './ntt-notice-fixtures.js';

const CODE = formatShortCode(new Uint8Array([7, 1, 4, 2, 8, 5, 7, 1, 4, 2]));

const verifier =
  (status: 'genuine' | 'unknown' | 'revoked'): NoticeCodeVerifier =>
  async () => ({ status, organizationId: status === 'unknown' ? null : 'ntt-west', incidentId: status === 'unknown' ? null : NTT_INCIDENT_ID });

const check = (text: string, verify?: NoticeCodeVerifier): Promise<CheckResult> =>
  checkInput({ id: 't', text, channel: 'letter' }, { incidents: incidentsWithCodes(), ...(verify === undefined ? {} : { verifyNoticeCode: verify }) });
const codes = (r: CheckResult): string[] => r.reasons.map((x) => x.code);
const summary = (r: CheckResult): string => `${r.risk} ${r.score}: ${r.reasons.map((x) => `${x.code}[${x.evidence}]`).join(' ')}`;

describe('verification codes in a notice', () => {
  it('finds a printed code in any width and case, with its groups apart, and a QR content as a link', () => {
    const fullWidth = CODE.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(findNoticeCodes([`確認コード：${fullWidth}`])).toEqual([{ code: CODE }]);
    expect(findNoticeCodes([CODE.replace(/-/g, ' ').toLowerCase()])).toEqual([{ code: CODE }]);
    // Seventeen symbols in a row are a number of some other kind (a customer number), even
    // when the last one happens to pass the check.
    expect(findNoticeCodes([`お客様番号 ${CODE.replace(/-/g, '')}`])).toEqual([]);
    expect(findNoticeCodes(['https://verify.example.jp/verify#AQIDBAUGBwgJCgsMDQ4PEA'])).toEqual([{ payload: 'AQIDBAUGBwgJCgsMDQ4PEA' }]);
    // A wrong check symbol, or a longer run of letters, is not a code.
    const wrongCheck = CODE.slice(0, -1) + (CODE.endsWith('0') ? '1' : '0');
    expect(findNoticeCodes([wrongCheck, `X${CODE}`])).toEqual([]);
  });

  it('never throws, returns few codes, each one that parses; and finds any code set apart in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const found = findNoticeCodes([text]);
        expect(found.length).toBeLessThanOrEqual(MAX_CODES_PER_MESSAGE);
        for (const f of found) if ('code' in f) expect(parseShortCode(f.code).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (bytes, before, after) => {
        const code = formatShortCode(bytes);
        expect(findNoticeCodes([`${before}\n${code}\n${after}`]).some((f) => 'code' in f && f.code === code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a notice for an incident whose notices carry codes, without one, is most likely not theirs', async () => {
    const result = await check(nttPostcard('お問い合わせは弊社ホームページをご覧ください。'));
    expect(result.incident?.id, summary(result)).toBe(NTT_INCIDENT_ID);
    expect(codes(result), summary(result)).toContain('incident.code-missing');
    expect(result.incident?.consistent).toBe(false);
    expect(result.risk, summary(result)).not.toBe('low');
  });

  it('a code the registry knows is strong evidence the notice is genuine', async () => {
    const result = await check(nttPostcard(`確認コード：${CODE}`), verifier('genuine'));
    expect(codes(result), summary(result)).toContain('incident.code-genuine');
    expect(codes(result)).not.toContain('incident.code-missing');
    expect(result.risk, summary(result)).toBe('low');
  });

  it('a genuine code beside a phone number the genuine notices do not give was copied onto a fake', async () => {
    const result = await check(nttPostcard(`確認コード：${CODE}\n補償のお手続きは 03-5555-0142 までお電話ください。`), verifier('genuine'));
    expect(codes(result), summary(result)).toEqual(expect.arrayContaining(['incident.code-copied', 'incident.phone-not-on-record']));
    expect(codes(result)).not.toContain('incident.code-genuine');
    expect(result.risk, summary(result)).toBe('high');
  });

  it.each(['unknown', 'revoked'] as const)('a code the registry answers %s for counts against the notice', async (status) => {
    const result = await check(nttPostcard(`確認コード：${CODE}`), verifier(status));
    expect(codes(result), summary(result)).toContain('incident.code-not-genuine');
    expect(result.incident?.differences.map((d) => d.code)).toContain('code-not-genuine');
    expect(result.risk, summary(result)).not.toBe('low');
  });

  it('a "/verify#…" link that is no payload is an ordinary link, not a forged code', async () => {
    const notPayload: NoticeCodeVerifier = async () => ({ status: 'invalid-format', organizationId: null, incidentId: null });
    const result = await check(nttPostcard('詳しくは https://www.ntt-west.co.jp/verify#about-this-notice-and-more をご覧ください。'), notPayload);
    expect(codes(result).filter((c) => c.startsWith('incident.code-') && c !== 'incident.code-missing'), summary(result)).toEqual([]);
  });

  it('without a registry to ask (the check page in the browser) the code is pointed out, not judged', async () => {
    const result = await check(nttPostcard(`確認コード：${CODE}`));
    expect(codes(result), summary(result)).toContain('incident.code-unchecked');
    expect(codes(result)).not.toContain('incident.code-missing');
    for (const reason of result.reasons) expect(`${reason.message.ja}${reason.message.en}`).not.toMatch(/\{\w+\}/);
  });

  it('an ordinary message is not searched for codes, and the verifier is not asked', async () => {
    let asked = 0;
    const result = await checkInput({ id: 't', text: `注文番号 ${CODE} の商品を発送しました。`, channel: 'sms' }, {
      verifyNoticeCode: async () => {
        asked++;
        return { status: 'genuine', organizationId: null, incidentId: null };
      },
    });
    expect(asked).toBe(0);
    expect(codes(result).filter((c) => c.startsWith('incident.code'))).toEqual([]);
  });
});
