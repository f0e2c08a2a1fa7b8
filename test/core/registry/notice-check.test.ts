// Checking a breach notice against the registry: the NTT West postcard is matched and
// consistent; a fake that claims card numbers leaked and asks for a call to claim
// compensation is matched, inconsistent and high risk, with each difference named.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput, type CheckResult } from '../../../src/core/check.js';
import { readNoticeItems, announcementDates } from '../../../src/core/registry/notice-terms.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';

const SEED = join(import.meta.dirname, '../../../../shared/seed/ntt-west-notice-article.ja.txt');
const seedPresent = existsSync(SEED);
if (!seedPresent) console.warn(`notice-check.test.ts: skipping the postcard test, ${SEED} is absent`);

const letter = (text: string): Promise<CheckResult> => checkInput({ id: 't', text, channel: 'letter' });
const codes = (r: CheckResult): string[] => r.reasons.map((x) => x.code);
const summary = (r: CheckResult): string => `${r.risk} ${r.score}: ${r.reasons.map((x) => `${x.code}[${x.evidence}]`).join(' ')}`;

describe('the notice check', () => {
  it.skipIf(!seedPresent)('matches the NTT West postcard (謹啓 … 敬白) to the NTT incident and NTT West, consistent', async () => {
    const lines = readFileSync(SEED, 'utf8').split(/\r?\n/);
    const start = lines.findIndex((l) => l.trim().startsWith('謹啓'));
    const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('敬白'));
    const result = await letter(lines.slice(start, end + 1).join('\n'));
    expect(result.incident, summary(result)).toMatchObject({ id: NTT_INCIDENT_ID, organizationId: 'ntt-west', consistent: true, differences: [] });
    expect(result.kind).toBe('breach-notice');
    expect(result.risk, summary(result)).toBe('low');
    expect(codes(result)).toContain('incident.consistent');
  });

  it('a fake claiming NTT West leaked card numbers and asking for a call to get compensation is inconsistent and high risk', async () => {
    const fake = [
      '【NTT西日本】お客さま情報の流出に関するお詫び',
      'このたび、弊社の委託先から、お客さまの氏名、住所、電話番号、クレジットカード番号が流出いたしました。深くお詫び申し上げます。',
      '対象のお客さまには補償金1万円をお支払いいたします。補償金のお受け取りには、お客さま相談窓口 0120-961-742 までお電話ください。',
      '西日本電信電話株式会社',
    ].join('\n');
    const result = await letter(fake);
    expect(result.incident?.id).toBe(NTT_INCIDENT_ID);
    expect(result.incident?.organizationId).toBe('ntt-west');
    expect(result.incident?.consistent).toBe(false);
    expect(result.risk, summary(result)).toBe('high');
    const differences = result.incident?.differences.map((d) => [d.code, d.evidence]);
    expect(differences).toEqual(
      expect.arrayContaining([
        ['data-not-exposed', 'Credit cards'],
        ['asks-for', '補償金のお受け取り'],
        ['phone-not-on-record', '0120-961-742'],
      ]),
    );
    for (const d of result.incident?.differences ?? []) {
      expect(d.message.ja).not.toMatch(/\{|\}/);
      expect(d.message.en).not.toMatch(/\{|\}/);
    }
    expect(result.incident?.differences.find((d) => d.code === 'data-not-exposed')?.message.ja).toContain('クレジットカード番号');
    expect(codes(result)).toEqual(expect.arrayContaining(['incident.data-not-exposed', 'incident.asks-for', 'incident.phone-not-on-record']));
  });

  it('reads an English notice too', async () => {
    const result = await checkInput({
      id: 'en',
      channel: 'sms',
      text: '[NTT West] We apologize: customer personal information was leaked through unauthorized access. The leaked data includes your name, address and credit card number.',
    });
    expect(result.incident?.differences.map((d) => d.code) ?? [], summary(result)).toEqual(['data-not-exposed']);
  });

  it('a notice from an organization with no incident on record says so and tells how to check', async () => {
    const result = await letter('【ヤマト運輸】お客さま情報の漏えいについて、深くお詫び申し上げます。');
    expect(result.incident).toBeNull();
    const reason = result.reasons.find((r) => r.code === 'incident.none-on-record');
    expect(reason?.message.ja).toContain('ヤマト運輸');
    expect(reason?.message.en).toMatch(/official website/);
  });

  it('a follow-up that refers to the leak is compared with the record too', async () => {
    const result = await checkInput({
      id: 'f',
      channel: 'sms',
      text: 'NTT西日本お客さま窓口です。お客様の情報が流出した件で、手続きが必要です。本日中に 0120-000-752 までお電話ください。',
    });
    expect(result.incident?.differences.map((d) => [d.code, d.evidence])).toContainEqual(['phone-not-on-record', '0120-000-752']);
  });

  it('a warning that only names a company with a leak on record is compared with it, but not called consistent', async () => {
    const warning = await checkInput({
      id: 'w',
      channel: 'web',
      text: 'さくら村からのお知らせです。村の名前をかたる不審なメールが確認されました。LINEで友だち追加を求めることや、個人情報の漏えいを理由に連絡を求めることはありません。',
    });
    expect(warning.kind).toBe('message');
    expect(warning.incident?.id).toBe('line-2021');
    expect(codes(warning)).not.toContain('incident.consistent');
    const notice = await letter('LINEヤフー株式会社より、お客様情報の漏えいに関するお詫び。漏えいした情報は氏名です。');
    expect(notice.kind).toBe('breach-notice');
    expect(notice.incident).not.toBeNull();
  });

  it('a message that is not a breach notice is not matched', async () => {
    const result = await checkInput({ id: 's', channel: 'sms', text: '【NTT西日本】工事日のご案内です。10月3日に伺います。' });
    expect(result.incident).toBeNull();
  });

  it('uses the incidents it is given, not the seed, when given some', async () => {
    const text = '【NTT西日本】お客さま情報の漏えいについて、深くお詫び申し上げます。漏えいした情報は氏名です。';
    expect((await checkInput({ id: 'a', text, channel: 'sms' })).incident?.id).toBe(NTT_INCIDENT_ID);
    expect((await checkInput({ id: 'b', text, channel: 'sms' }, { incidents: [] })).incident).toBeNull();
    expect(SEED_INCIDENTS.length).toBeGreaterThan(0);
  });
});

describe('reading data items', () => {
  it('reads the postcard line and its bracket of what was not included', () => {
    const items = readNoticeItems(
      '氏名/住所/電話番号/生年月日/メールアドレス/サービス種別・回線ID 等(クレジットカード情報および金融機関口座情報等の決済関連情報、 各種パスワードは含まれておりません)',
    );
    expect([...items.leaked].sort()).toEqual(['Dates of birth', 'Email addresses', 'Line IDs', 'Names', 'Phone numbers', 'Physical addresses', 'Service types']);
    expect([...items.denied].sort()).toEqual(['Bank account numbers', 'Credit cards', 'Passwords', 'Payment methods']);
  });

  it('tells requests and advice apart from what leaked', () => {
    expect([...readNoticeItems('カード番号とセキュリティコードをご入力ください。').requested].sort()).toEqual(['Credit card CVV', 'Credit cards']);
    const advice = readNoticeItems('念のため、パスワードを変更してください。');
    expect([advice.leaked.size, advice.denied.size, advice.requested.size]).toEqual([0, 0, 0]);
    expect([...readNoticeItems('氏名、住所が流出しましたが、カード情報は含まれておりません。').leaked].sort()).toEqual(['Names', 'Physical addresses']);
  });

  it('longest term wins: 契約住所 is not also 住所, "email address" is not also "address"', () => {
    expect([...readNoticeItems('契約住所が漏えいしました').leaked]).toEqual(['Contract addresses']);
    expect([...readNoticeItems('Your email address was exposed.').leaked]).toEqual(['Email addresses']);
  });

  it('reads the items Japanese notices name that HIBP has no class for: pension, policy numbers, vaccination and call records', () => {
    expect([...readNoticeItems('基礎年金番号と氏名が流出しました').leaked].sort()).toEqual(['Names', 'Pension numbers']);
    expect([...readNoticeItems('お客様の氏名、証券番号が漏えいしました').leaked].sort()).toEqual(['Insurance policy numbers', 'Names']);
    expect([...readNoticeItems('住所、予防接種歴が流出した可能性があります').leaked].sort()).toEqual(['Physical addresses', 'Vaccination records']);
    expect([...readNoticeItems('通話履歴が閲覧された可能性があります').leaked]).toEqual(['Call and SMS records']);
  });

  it('takes the meaning of a plain list from the heading above it', () => {
    const items = readNoticeItems('【流出した情報】\n氏名、住所、電話番号\n\n【流出していない情報】\nクレジットカード情報、金融機関の口座情報、各種パスワード');
    expect([...items.leaked].sort()).toEqual(['Names', 'Phone numbers', 'Physical addresses']);
    expect([...items.denied].sort()).toEqual(['Bank account numbers', 'Credit cards', 'Passwords']);
    const numbered = readNoticeItems('1．持ち出された情報\n　お名前、ご住所\n2．含まれていない情報\n　クレジットカード番号');
    expect([...numbered.leaked].sort()).toEqual(['Names', 'Physical addresses']);
    expect([...numbered.denied]).toEqual(['Credit cards']);
  });

  it('finds announcement dates', () => {
    expect(announcementDates('2023年10月17日に弊社ホームページにて公表をしております。')).toEqual(['2023-10-17']);
    expect(announcementDates('受付期限：2025年12月15日まで')).toEqual([]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        readNoticeItems(text);
        announcementDates(text);
      }),
      { numRuns: 300 },
    );
  });
});
