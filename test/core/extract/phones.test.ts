import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../../src/core/extract/phones.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';

function only(text: string) {
  const found = extractPhones(text);
  expect(found).toHaveLength(1);
  const p = found[0]!;
  expect(text.slice(p.span[0], p.span[1])).toBe(p.raw);
  return p;
}

describe('extractPhones: Japanese numbers', () => {
  it.each([
    ['0120-123-456', '0120-123-456', '+81120123456', 'toll-free', '0120-123-456'],
    ['0120 123 456', '0120 123 456', '+81120123456', 'toll-free', '0120-123-456'],
    ['0800-123-4567', '0800-123-4567', '+818001234567', 'toll-free', '0800-123-4567'],
    ['(03)1234-5678', '(03)1234-5678', '+81312345678', 'fixed-line', '03-1234-5678'],
    ['03-1234-5678', '03-1234-5678', '+81312345678', 'fixed-line', '03-1234-5678'],
    ['06-6123-4567', '06-6123-4567', '+81661234567', 'fixed-line', '06-6123-4567'],
    ['090-1234-5678', '090-1234-5678', '+819012345678', 'mobile', '090-1234-5678'],
    ['080-1234-5678', '080-1234-5678', '+818012345678', 'mobile', '080-1234-5678'],
    ['070-1234-5678', '070-1234-5678', '+817012345678', 'mobile', '070-1234-5678'],
    ['050-1234-5678', '050-1234-5678', '+815012345678', 'ip-phone', '050-1234-5678'],
    ['0570-064-000', '0570-064-000', '+81570064000', 'navi-dial', '0570-064-000'],
    ['0990-123-456', '0990-123-456', '+81990123456', 'premium', '0990-123-456'],
    ['+81 90 1234 5678', '+81 90 1234 5678', '+819012345678', 'mobile', '090-1234-5678'],
    ['+81-3-1234-5678', '+81-3-1234-5678', '+81312345678', 'fixed-line', '03-1234-5678'],
    ['+81 (0)3-1234-5678', '+81 (0)3-1234-5678', '+81312345678', 'fixed-line', '03-1234-5678'],
  ])('%s', (text, raw, e164, type, national) => {
    const p = only(text);
    expect(p.raw).toBe(raw);
    expect(p.e164).toBe(e164);
    expect(p.type).toBe(type);
    expect(p.national).toBe(national);
    expect(p.country).toBe('JP');
    expect(p.international).toBe(false);
  });

  it('finds a number right after Japanese labels (full-width input after NFKC)', () => {
    // 電話：０３－１２３４－５６７８ after NFKC
    const text = '電話:03-1234-5678';
    const p = only(text);
    expect(p.raw).toBe('03-1234-5678');
    expect(p.span).toEqual([3, 15]);
    expect(p.e164).toBe('+81312345678');
  });

  it('finds TEL.0570-000-000 and classifies it as navi-dial', () => {
    const p = only('TEL.0570-000-000');
    expect(p.raw).toBe('0570-000-000');
    expect(p.type).toBe('navi-dial');
    expect(p.e164).toBe('+81570000000');
  });

  it('finds several numbers in a message, in order', () => {
    const text =
      '【重要】お客様のアカウントが停止されました。至急0120-999-999へお電話ください。' +
      '携帯からは0570-000-111（有料）。TEL:03-1234-5678/FAX:03-1234-5679';
    const found = extractPhones(text);
    expect(found.map((p) => p.e164)).toEqual(['+81120999999', '+81570000111', '+81312345678', '+81312345679']);
    expect(found.map((p) => p.type)).toEqual(['toll-free', 'navi-dial', 'fixed-line', 'fixed-line']);
    for (const p of found) expect(text.slice(p.span[0], p.span[1])).toBe(p.raw);
  });

  it('keeps a bare 10-digit number after a phone label', () => {
    const p = only('電話番号 0312345678');
    expect(p.raw).toBe('0312345678');
    expect(p.national).toBe('03-1234-5678');
  });
});

describe('extractPhones: international numbers', () => {
  it('marks a US number as international with the type libphonenumber gives', () => {
    const p = only('Call +1 202 555 0143 now');
    expect(p.e164).toBe('+12025550143');
    expect(p.country).toBe('US');
    expect(p.international).toBe(true);
    // US numbers cannot be told apart (FIXED_LINE_OR_MOBILE): we do not guess.
    expect(p.type).toBe('unknown');
    expect(p.national).toBe('(202) 555-0143');
  });

  it('types a UK fixed line', () => {
    const p = only('ロンドン窓口 +44 20 7946 0958');
    expect(p.e164).toBe('+442079460958');
    expect(p.country).toBe('GB');
    expect(p.international).toBe(true);
    expect(p.type).toBe('fixed-line');
  });
});

describe('extractPhones: short numbers', () => {
  it.each([
    ['警察相談専用電話 #9110', '#9110', '#9110'],
    ['警察相談 ♯9110 へ', '♯9110', '#9110'],
    ['消費者ホットライン188', '188', '188'],
    ['消費者ホットライン「188」(いやや!)', '188', '188'],
    ['すぐに110番してください', '110', '110'],
    ['火事は119番', '119', '119'],
    ['局番なしの188', '188', '188'],
    ['困ったら188に電話', '188', '188'],
    ['Call 110 in an emergency', '110', '110'],
    ['天気予報\n118\n', '118', '118'],
  ])('%s', (text, raw, code) => {
    const p = only(text);
    expect(p.raw).toBe(raw);
    expect(p.e164).toBe(code);
    expect(p.national).toBe(code);
    expect(p.type).toBe('emergency-or-short');
    expect(p.international).toBe(false);
    expect(p.country).toBe('JP');
  });
});

describe('extractPhones: things that are not phone numbers', () => {
  it.each([
    ['a date', '2023年10月17日(2023-10-17)に公表しました'],
    ['a slash date', '2023/10/17 10:00-18:00'],
    ['money', '請求額 1,000,000円 をお支払いください'],
    ['a postal code', '〒100-0001 東京都千代田区'],
    ['a postal code with 188', '〒188-0001 東京都西東京市'],
    ['a price containing 188', '送料1880円'],
    ['188 yen', '電話代188円'],
    ['a count', '188人が参加'],
    ['110 items', '合計 110 件'],
    ['a bare 110 in a sentence', '第110回の会合'],
    ['a long order number', '注文番号 1234567890123'],
    ['an order number with phone length', '注文番号:0312345678'],
    ['a tracking number', '伝票番号 0901234567'],
    ['an Amazon order number', '注文番号: 250-1234567-1234567'],
    ['a number inside a URL', 'https://example.jp/item/0312345678'],
    ['a number inside an email address', '0312345678@example.jp'],
    ['digits without a trunk 0', 'ID 484568407 と 8729832299'],
    ['a time range', '受付時間 9:00-18:00'],
  ])('%s', (_label, text) => {
    expect(extractPhones(text)).toEqual([]);
  });
});

describe('extractPhones: limits', () => {
  it(`returns at most ${MAX_ITEMS_PER_KIND} numbers`, () => {
    const text = Array.from({ length: MAX_ITEMS_PER_KIND + 50 }, (_, i) => `03-1234-${String(1000 + i)}`).join(' / ');
    expect(extractPhones(text)).toHaveLength(MAX_ITEMS_PER_KIND);
  });
});
