// Organizations added because Japanese scam messages imitate them (data/organizations.json):
// there are at least 200, and a handful of the new ones are found by name in a text and
// own their official domains. The texts are written for this test.
import { describe, expect, it } from 'vitest';
import { extractOrganizations } from '../../../src/core/extract/organizations.js';
import {
  getOrganization,
  isOfficialPhone,
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

  it('has at least 215 organizations, with the utilities, brokers and services added later', () => {
    expect(ORGANIZATIONS.length).toBeGreaterThanOrEqual(215);
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
    ['【九州電力】電気料金のお支払いが確認できないため送電を停止します。', 'kyushu-epco'],
    ['東邦ガスの保安点検の者ですが、明日お伺いしてもよろしいでしょうか。', 'toho-gas'],
    ['東京電力パワーグリッドです。メーター交換の費用をお振込みください。', 'tepco-pg'],
    ['【野村證券】お取引の安全のため本人認証を完了してください', 'nomura-securities'],
    ['SMBC日興証券より配当金入金のお知らせ', 'smbc-nikko'],
    ['金融庁の者です。あなたの口座が不正に使われています。', 'fsa'],
    ['法テラスから弁護士費用の返金についてのご案内です。', 'houterasu'],
    ['J:COMのご利用料金が未払いです。本日中にご連絡ください。', 'jcom'],
    ['U-NEXTの有料会員登録が完了しました。キャンセルはこちら', 'unext'],
    ['ワイモバイルの料金プラン変更のお手続きが未完了です', 'ymobile'],
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
    ['www.rikuden.co.jp', 'hokuriku-epco'],
    ['www.kyuden.co.jp', 'kyushu-epco'],
    ['miraiz.chuden.co.jp', 'chubu-miraiz'],
    ['www.smbcnikko.co.jp', 'smbc-nikko'],
    ['www.houterasu.or.jp', 'houterasu'],
    ['www.fsa.go.jp', 'fsa'],
    ['notices.jcom.co.jp', 'jcom'],
    ['povo.jp', 'povo'],
  ])('%s belongs to %s', (host, id) => {
    expect(organizationForDomain(host)?.id).toBe(id);
  });

  it('shares tokyo.lg.jp between 東京都 and 警視庁, and mufg.jp between 三菱UFJ銀行 and 三菱UFJニコス', () => {
    expect(organizationsListing('tokyo.lg.jp').map((o) => o.id).sort()).toEqual(['keishicho', 'tokyo-metro']);
    expect(organizationsListing('mufg.jp').map((o) => o.id).sort()).toEqual(['mufg-bank', 'mufg-nicos']);
    expect(officialDomain('keishicho', 'www.keishicho.metro.tokyo.lg.jp')?.sharedWithinGroup).toBe(true);
    expect(officialDomain('mufg-nicos', 'cr.mufg.jp')?.sharedWithinGroup).toBe(true);
  });

  it('shares tepco.co.jp between the two TEPCO companies; a host under it belongs to 東京電力エナジーパートナー first', () => {
    expect(organizationsListing('tepco.co.jp').map((o) => o.id).sort()).toEqual(['tepco-ep', 'tepco-pg']);
    expect(organizationForDomain('www.tepco.co.jp')?.id).toBe('tepco-ep');
    expect(officialDomain('tepco-pg', 'www.tepco.co.jp')?.sharedWithinGroup).toBe(true);
  });

  it('a nearby look-alike of a new official domain is not official', () => {
    expect(organizationForDomain('smbcnikko.example-login.top')?.id).not.toBe('smbc-nikko');
    expect(officialDomain('nomura-securities', 'nomura-security.com')).toBeUndefined();
  });

  it('knows the sourced enquiry numbers of SMBC日興証券 and 法テラス, however they are hyphenated', () => {
    expect(isOfficialPhone(getOrganization('smbc-nikko')!, '0120285250')).toBe(true);
    expect(isOfficialPhone(getOrganization('houterasu')!, '0570-078374')).toBe(true);
    expect(isOfficialPhone(getOrganization('houterasu')!, '0570-000-000')).toBe(false);
  });

  it('finds services written as aliases of their companies', () => {
    expect(mentioned('ヤフオク!の落札代金のお支払い期限が過ぎています')).toContain('yahoo-japan');
    expect(mentioned('楽天ペイの残高が失効します')).toContain('rakuten');
  });
});
