// ゆうちょ銀行 and NHK (data/organizations.json) through the whole pipeline (checkInput).
// ゆうちょ銀行 shares the registrable domain japanpost.jp with 日本郵便 (both list it,
// marked sharedWithinGroup): a message claiming either company that links to its own
// site under japanpost.jp is all-official, one that links elsewhere is not.
import { describe, expect, it } from 'vitest';
import { checkInput, type CheckResult } from '../../../src/core/check.js';

const sms = (text: string): Promise<CheckResult> => checkInput({ id: 'test', text, channel: 'sms' });
const codesOf = (result: CheckResult): string[] => result.reasons.map((r) => r.code);
const summary = (result: CheckResult): string =>
  `${result.risk} ${result.score} [${result.claimed.organizations.join(', ')}]: ${result.reasons.map((r) => `${r.code}[${r.evidence}]`).join(' ')}`;

describe('ゆうちょ銀行 (japan-post-bank)', () => {
  it('a phishing SMS signed 【ゆうちょ銀行】 with a shortened link is claimed and flagged', async () => {
    const result = await sms(
      '【ゆうちょ銀行】お客様の口座はセキュリティ上の理由によりロックされました。本日中にロック解除のお手続きをお願いします。cutt.ly/yucho-unlock',
    );
    expect(result.claimed.organizations[0], summary(result)).toBe('japan-post-bank');
    expect(codesOf(result), summary(result)).toContain('link.not-official');
    expect(result.risk, summary(result)).toBe('high');
  });

  it('a link to its own site on the shared domain japanpost.jp is official for it', async () => {
    const result = await sms('【ゆうちょ銀行】ご登録内容をご確認ください。https://www.jp-bank.japanpost.jp/crime/crm_antiphishing.html');
    expect(result.claimed.organizations[0], summary(result)).toBe('japan-post-bank');
    expect(codesOf(result), summary(result)).not.toContain('link.not-official');
    expect(codesOf(result), summary(result)).toContain('link.all-official');
  });

  it('日本郵便 linking to its own site on the same domain is still official, and is not taken for the bank', async () => {
    const result = await sms('【日本郵便】ご不在のため持ち帰りました。https://www.post.japanpost.jp/notification/');
    expect(result.claimed.organizations, summary(result)).toEqual(['japan-post']);
    expect(codesOf(result), summary(result)).toContain('link.all-official');
  });
});

describe('NHK (nhk)', () => {
  it('a 受信料 phishing SMS signed 【NHK】 with a link elsewhere is claimed and flagged', async () => {
    const result = await sms('【NHK】受信料のお支払いが確認できておりません。https://nhk-jushinryo-pay.top/login');
    expect(result.claimed.organizations[0], summary(result)).toBe('nhk');
    expect(codesOf(result), summary(result)).toContain('link.not-official');
    expect(result.risk, summary(result)).toBe('high');
  });

  it.each(['https://www.nhk.or.jp/', 'https://www.nhk-cs.jp/jushinryo/'])('a link to %s is official', async (link) => {
    const result = await sms(`【NHK】受信料のお手続きはこちら ${link}`);
    expect(result.claimed.organizations[0], summary(result)).toBe('nhk');
    expect(codesOf(result), summary(result)).toContain('link.all-official');
  });

  it('the NHKふれあいセンター number is an official number', async () => {
    const result = await sms('【NHK】受信料についてのお問い合わせは 0570-077-077 まで');
    expect(codesOf(result), summary(result)).toContain('phone.official');
  });
});
