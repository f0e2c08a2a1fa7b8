import { describe, expect, it } from 'vitest';
import { extractMoney, parseJapaneseNumber } from '../../../src/core/extract/money.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';

function only(text: string) {
  const found = extractMoney(text);
  expect(found).toHaveLength(1);
  const m = found[0]!;
  expect(text.slice(m.span[0], m.span[1])).toBe(m.raw);
  return m;
}

describe('extractMoney: yen', () => {
  it.each([
    ['1,000円', '1,000円', 1000],
    ['1000円', '1000円', 1000],
    ['1000 円', '1000 円', 1000],
    ['3万円', '3万円', 30000],
    ['3万5千円', '3万5千円', 35000],
    ['1億2000万円', '1億2000万円', 120000000],
    ['1億2,000万円', '1億2,000万円', 120000000],
    ['3.5万円', '3.5万円', 35000],
    ['1.1万円', '1.1万円', 11000],
    ['1万5000円', '1万5000円', 15000],
    ['五千円', '五千円', 5000],
    ['一万五千円', '一万五千円', 15000],
    ['千円札', '千円', 1000],
    ['¥1,000', '¥1,000', 1000], // ￥１，０００ after NFKC
    ['¥1000', '¥1000', 1000],
    ['¥ 1,000', '¥ 1,000', 1000],
    ['\\1,000', '\\1,000', 1000], // Shift_JIS yen sign decoded as a backslash
    ['1,000 yen', '1,000 yen', 1000],
    ['1,000 Yen', '1,000 Yen', 1000],
    ['JPY 1000', 'JPY 1000', 1000],
    ['1000 JPY', '1000 JPY', 1000],
  ])('%s', (text, raw, amount) => {
    const m = only(text);
    expect(m.raw).toBe(raw);
    expect(m.amount).toBe(amount);
    expect(m.currency).toBe('JPY');
  });

  it('finds amounts inside Japanese sentences', () => {
    const text = 'ご利用料金3,980円が未払いです。延滞金として別途1万2千円が発生します(税込)。';
    const found = extractMoney(text);
    expect(found.map((m) => [m.raw, m.amount, m.currency])).toEqual([
      ['3,980円', 3980, 'JPY'],
      ['1万2千円', 12000, 'JPY'],
    ]);
    for (const m of found) expect(text.slice(m.span[0], m.span[1])).toBe(m.raw);
  });

  it('leaves the full stop out of "¥1,000."', () => {
    const m = only('請求額は¥1,000.');
    expect(m.raw).toBe('¥1,000');
  });
});

describe('extractMoney: other currencies', () => {
  it.each([
    ['$100', '$100', 100, 'USD'],
    ['$1,234.56', '$1,234.56', 1234.56, 'USD'],
    ['US$99.99', 'US$99.99', 99.99, 'USD'],
    ['USD 100', 'USD 100', 100, 'USD'],
    ['100 USD', '100 USD', 100, 'USD'],
    ['100 dollars', '100 dollars', 100, 'USD'],
    ['1 dollar', '1 dollar', 1, 'USD'],
    ['100ドル', '100ドル', 100, 'USD'],
    ['500米ドル', '500米ドル', 500, 'USD'],
    ['€50', '€50', 50, 'EUR'],
    ['50€', '50€', 50, 'EUR'],
    ['EUR 20', 'EUR 20', 20, 'EUR'],
    ['20 euros', '20 euros', 20, 'EUR'],
    ['30ユーロ', '30ユーロ', 30, 'EUR'],
    ['£30', '£30', 30, 'GBP'],
    ['GBP 1,500', 'GBP 1,500', 1500, 'GBP'],
    ['10 pounds', '10 pounds', 10, 'GBP'],
    ['10ポンド', '10ポンド', 10, 'GBP'],
  ])('%s', (text, raw, amount, currency) => {
    const m = only(text);
    expect(m.raw).toBe(raw);
    expect(m.amount).toBe(amount);
    expect(m.currency).toBe(currency);
  });

  it('keeps "$100 $200" as two amounts', () => {
    expect(extractMoney('$100 $200').map((m) => m.amount)).toEqual([100, 200]);
  });

  it('finds an English invoice amount', () => {
    const text = 'Your subscription of $9.99 could not be charged. Pay USD 9.99 within 24 hours.';
    expect(extractMoney(text).map((m) => [m.raw, m.amount, m.currency])).toEqual([
      ['$9.99', 9.99, 'USD'],
      ['USD 9.99', 9.99, 'USD'],
    ]);
  });
});

describe('extractMoney: not money', () => {
  it.each([
    ['a bare number', '1000'],
    ['a year', '2023年10月17日'],
    ['a phone number', '0120-123-456'],
    ['関東一円 (throughout Kanto)', '関東一円に配送'],
    ['数千円 (several thousand yen)', '数千円程度'],
    ['数万円', '数万円の被害'],
    ['malformed grouping', '1,00円'],
    ['a count', '1000万人'],
    ['a backslash before letters', 'C:\\Users\\1000'],
  ])('%s', (_label, text) => {
    expect(extractMoney(text)).toEqual([]);
  });
});

describe('parseJapaneseNumber', () => {
  it.each([
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['3万5千', 35000],
    ['1億2000万', 120000000],
    ['1兆', 1e12],
    ['百二十三', 123],
    ['二〇二四', 2024],
    ['十万', 100000],
  ])('%s → %d', (run, value) => {
    expect(parseJapaneseNumber(run)).toBe(value);
  });

  it.each(['1,00', '3五', '千千', '万', '1.2.3', '万3', '3万4万'])('rejects %s', (run) => {
    expect(parseJapaneseNumber(run)).toBeNull();
  });
});

describe('extractMoney: limits', () => {
  it(`returns at most ${MAX_ITEMS_PER_KIND} amounts`, () => {
    expect(extractMoney('100円 '.repeat(MAX_ITEMS_PER_KIND * 2))).toHaveLength(MAX_ITEMS_PER_KIND);
  });
});
