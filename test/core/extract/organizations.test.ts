import { describe, expect, it } from 'vitest';
import { extractOrganizations } from '../../../src/core/extract/organizations.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';
import { normalizeForMatching } from '../../../src/core/normalize/index.js';

/** As the lead calls it: on the normalized text. */
function mentions(original: string) {
  const text = normalizeForMatching(original).mapped.text;
  const found = extractOrganizations(text);
  for (const m of found) expect(text.slice(m.span[0], m.span[1])).toBe(m.raw);
  return found.map((m) => ({ id: m.organizationId, raw: m.raw, via: m.via, disguise: m.disguise }));
}

describe('extractOrganizations: plain names', () => {
  it.each([
    ['ヤマト運輸よりお荷物のお知らせ', 'yamato', 'ヤマト運輸', 'name'],
    ['ヤマト運輸株式会社', 'yamato', 'ヤマト運輸株式会社', 'name'],
    ['クロネコヤマトです', 'yamato', 'クロネコヤマト', 'alias'],
    ['佐川急便 不在通知', 'sagawa', '佐川急便', 'name'],
    ['【日本郵便】再配達のご案内', 'japan-post', '日本郵便', 'name'],
    ['郵便局からのお知らせ', 'japan-post', '郵便局', 'alias'],
    ['ＮＴＴ西日本からのお知らせ', 'ntt-west', 'NTT西日本', 'name'],
    ['西日本電信電話株式会社', 'ntt-west', '西日本電信電話株式会社', 'name'],
    ['エヌ・ティ・ティ西日本', 'ntt-west', 'エヌ・ティ・ティ西日本', 'alias'],
    ['NTT East customer center', 'ntt-east', 'NTT East', 'english'],
    ['株式会社NTTドコモ', 'ntt-docomo', '株式会社NTTドコモ', 'name'],
    ['ドコモをご利用のお客様', 'ntt-docomo', 'ドコモ', 'alias'],
    ['KDDIからの重要なお知らせ', 'kddi', 'KDDI', 'name'],
    ['au PAYをご利用いただき', 'kddi', 'au', 'alias'],
    ['auからのお知らせ', 'kddi', 'au', 'alias'],
    ['My SoftBank にログイン', 'softbank', 'SoftBank', 'english'],
    ['【Amazon】お支払い方法の更新', 'amazon-jp', 'Amazon', 'english'],
    ['amazonでのご注文', 'amazon-jp', 'amazon', 'english'],
    ['AmazonPayの決済', 'amazon-jp', 'Amazon', 'english'],
    ['Amazon Prime会員', 'amazon-jp', 'Amazon Prime', 'alias'],
    ['アマゾンプライム', 'amazon-jp', 'アマゾン', 'kana'],
    ['楽天市場でのお買い物', 'rakuten', '楽天市場', 'alias'],
    ['Rakuten ID', 'rakuten', 'Rakuten', 'english'],
    ['国税庁からのお知らせ', 'nta', '国税庁', 'name'],
    ['税務署からの【未払い税金のお知らせ】', 'nta', '税務署', 'alias'],
    ['e-Tax(国税電子申告・納税システム)', 'nta', 'e-Tax', 'alias'],
    ['三井住友カードをご利用のお客様', 'smbc-card', '三井住友カード', 'name'],
    ['Vpassにログイン', 'smbc-card', 'Vpass', 'alias'],
  ])('%s', (text, id, raw, via) => {
    expect(mentions(text)).toEqual([{ id, raw, via, disguise: null }]);
  });

  it('finds domains in links and lookalike hosts', () => {
    expect(mentions('https://www.amazon.co.jp.evil.top/signin')).toEqual([
      { id: 'amazon-jp', raw: 'amazon.co.jp', via: 'domain', disguise: null },
    ]);
    expect(mentions('送信元: info@sagawa-exp.co.jp')).toEqual([
      { id: 'sagawa', raw: 'sagawa-exp.co.jp', via: 'domain', disguise: null },
    ]);
  });

  it('finds several organizations in order', () => {
    expect(mentions('NTT西日本とNTTドコモ、ヤマト運輸を名乗る').map((m) => m.id)).toEqual([
      'ntt-west',
      'ntt-docomo',
      'yamato',
    ]);
  });

  it('reports each occurrence', () => {
    expect(mentions('Amazon からのお知らせ。Amazon アカウント').map((m) => m.raw)).toEqual(['Amazon', 'Amazon']);
  });
});

describe('extractOrganizations: word boundaries and false friends', () => {
  it.each([
    ['because', 'because of the weather'],
    ['AUTHENTICATION', 'AUTHENTICATION FAILED'],
    ['aurora', 'aurora borealis'],
    ['upper-case AU', 'AU$100'],
    ['xamazon', 'xamazon'],
    ['amazonprime (one word)', 'amazonprime'],
    ['楽天的 (optimistic)', '楽天的な人です'],
    ['楽天家', '彼は楽天家だ'],
    ['the Amazon river', 'アマゾン川の流域'],
    ['宇宙戦艦ヤマト', '宇宙戦艦ヤマトの再放送'],
    ['a mention of nothing', 'お客様のアカウントが停止されました'],
  ])('%s', (_label, text) => {
    expect(mentions(text)).toEqual([]);
  });
});

describe('extractOrganizations: disguised names', () => {
  it.each([
    ['A m a z o n からのお知らせ', 'amazon-jp', 'A m a z o n', 'english'],
    ['Ａ ｍ ａ ｚ ｏ ｎ', 'amazon-jp', 'A m a z o n', 'english'],
    ['D O C O M O', 'ntt-docomo', 'D O C O M O', 'alias'],
    ['ヤ マ ト 運輸', 'yamato', 'ヤ マ ト', 'alias'],
    ['ア マ ゾ ン からのお知らせ', 'amazon-jp', 'ア マ ゾ ン', 'kana'],
    ['ア マ ゾ ンより', 'amazon-jp', 'ア マ ゾ ン', 'kana'],
  ])('spaced: %s', (text, id, raw, via) => {
    expect(mentions(text)).toEqual([{ id, raw, via, disguise: 'spaced' }]);
  });

  it.each([
    ['Аmazon アカウント', 'amazon-jp', 'Аmazon', 'english'], // Cyrillic А
    ['аmаzоn', 'amazon-jp', 'аmаzоn', 'english'], // Cyrillic а and о
    ['amaz0n security', 'amazon-jp', 'amaz0n', 'english'],
    ['arnazon', 'amazon-jp', 'arnazon', 'english'], // rn for m
    ['https://arnazon.co.jp/', 'amazon-jp', 'arnazon.co.jp', 'domain'],
    ['ヤマ卜運輸', 'yamato', 'ヤマ卜運輸', 'name'], // 卜 is a Han character, not katakana ト
    ['Rakuten', 'rakuten', 'Rakuten', 'english'], // control: plain
  ])('confusable: %s', (text, id, raw, via) => {
    const found = mentions(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id, raw, via });
    expect(found[0]!.disguise).toBe(raw === 'Rakuten' ? null : 'confusable');
  });

  it('finds a name both spaced and written with look-alikes', () => {
    const found = mentions('А m a z o n');
    expect(found).toEqual([{ id: 'amazon-jp', raw: 'А m a z o n', via: 'english', disguise: 'confusable' }]);
  });
});

describe('extractOrganizations: spans', () => {
  it('reports spans in the text it was given', () => {
    const text = 'お知らせ:Ａｍａｚｏｎ';
    const normalized = normalizeForMatching(text).mapped.text;
    const [m] = extractOrganizations(normalized);
    expect(m!.span).toEqual([5, 11]);
    expect(normalized.slice(5, 11)).toBe('Amazon');
  });
});

describe('extractOrganizations: limits', () => {
  it(`returns at most ${MAX_ITEMS_PER_KIND} mentions`, () => {
    expect(extractOrganizations('Amazon '.repeat(MAX_ITEMS_PER_KIND * 3))).toHaveLength(MAX_ITEMS_PER_KIND);
  });
});

describe('extractOrganizations: names that are everyday words (matchCase)', () => {
  it.each([
    ['LINEで友だち追加してください', ['line']],
    ['Apple IDがロックされました', ['apple']],
    ['Outlookのパスワードを更新', ['microsoft']],
    ['the line is busy, an apple a day, outlook is good, meta data', []],
  ])('%s', (text, ids) => {
    expect(extractOrganizations(text).map((m) => m.organizationId)).toEqual(ids);
  });
});
