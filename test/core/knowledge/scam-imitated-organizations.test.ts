// Organizations added because Japanese scam messages imitate them (data/organizations.json):
// there are at least 200, and a handful of the new ones are found by name in a text and
// own their official domains. The texts are written for this test.
import { describe, expect, it } from 'vitest';
import { extractOrganizations } from '../../../src/core/extract/organizations.js';
import {
  getOrganization,
  officialDomain,
  ORGANIZATIONS,
  organizationForDomain,
  organizationsListing,
} from '../../../src/core/knowledge/organizations.js';

const mentioned = (text: string): string[] => extractOrganizations(text).map((m) => m.organizationId);

describe('organizations that Japanese scams imitate', () => {
  it('has at least 200 organizations', () => {
    expect(ORGANIZATIONS.length).toBeGreaterThanOrEqual(200);
  });

  it.each([
    ['【千葉銀行】お客さまの口座を一時的に制限しました。', 'chiba-bank'],
    ['こちらは検察庁です。あなたの口座が犯罪に使われています。', 'kensatsu'],
    ['法務省管轄支局より訴訟のお知らせです。', 'moj'],
    ['警視庁捜査2課の者ですが、至急お電話ください。', 'keishicho'],
    ['東京簡易裁判所から訴状が届いています。', 'courts'],
    ['【SBI証券】不正アクセス補償のお手続き', 'sbi-securities'],
    ['三菱UFJニコスからのご請求確定のお知らせ', 'mufg-nicos'],
    ['NEXCO中日本よりETC料金未払いのお知らせ', 'nexco-central'],
    ['親和銀行の者です。合併に伴い口座番号を確認しています。', 'juhachi-shinwa-bank'],
    ['【JAネットバンク】利用停止のお知らせ', 'ja-bank'],
    ['牧之原市役所の保険年金課です。還付金があります。', 'makinohara-city'],
  ])('finds the organization in %s', (text, id) => {
    expect(getOrganization(id), id).toBeDefined();
    expect(mentioned(text)).toContain(id);
  });

  it('a town name shared by several prefectures is matched only with its prefecture', () => {
    expect(mentioned('南部町役場からのお知らせ')).not.toContain('nanbu-town-tottori');
    expect(mentioned('鳥取県南部町役場からのお知らせ')).toContain('nanbu-town-tottori');
  });

  it.each([
    ['www.courts.go.jp', 'courts'],
    ['www.kensatsu.go.jp', 'kensatsu'],
    ['www.chibabank.co.jp', 'chiba-bank'],
    ['site2.sbisec.co.jp', 'sbi-securities'],
    ['www.c-nexco.co.jp', 'nexco-central'],
    ['moneykit.net', 'sony-bank'],
  ])('%s belongs to %s', (host, id) => {
    expect(organizationForDomain(host)?.id).toBe(id);
  });

  it('shares tokyo.lg.jp between 東京都 and 警視庁, and mufg.jp between 三菱UFJ銀行 and 三菱UFJニコス', () => {
    expect(organizationsListing('tokyo.lg.jp').map((o) => o.id).sort()).toEqual(['keishicho', 'tokyo-metro']);
    expect(organizationsListing('mufg.jp').map((o) => o.id).sort()).toEqual(['mufg-bank', 'mufg-nicos']);
    expect(officialDomain('keishicho', 'www.keishicho.metro.tokyo.lg.jp')?.sharedWithinGroup).toBe(true);
    expect(officialDomain('mufg-nicos', 'cr.mufg.jp')?.sharedWithinGroup).toBe(true);
  });
});
