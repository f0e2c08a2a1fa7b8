// Every extractor, on any input: never throws, returns items whose `raw` is exactly
// the text at `span`, in text order, within MAX_ITEMS_PER_KIND, and finishes in
// bounded time on large hostile inputs (the regexes must stay linear).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDeadlines } from '../../../src/core/extract/deadlines.js';
import { extractMoney } from '../../../src/core/extract/money.js';
import { extractOrganizations } from '../../../src/core/extract/organizations.js';
import { extractPhones } from '../../../src/core/extract/phones.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

type Extractor = (text: string) => { raw: string; span: [number, number] }[];

const EXTRACTORS: [string, Extractor][] = [
  ['phones', extractPhones],
  ['money', extractMoney],
  ['deadlines', extractDeadlines],
  ['organizations', extractOrganizations],
];

/** Pieces that reach the interesting code paths far more often than random text. */
const TOKENS = [
  ...'0123456789',
  ...'0123456789',
  ' ', ' ', '-', ',', '.', '/', ':', '+', '(', ')', '#', '♯', '〒', '\n',
  '¥', '$', '€', '£', '\\', '円', '万', '千', '億', '兆', '百', '十', '一', '五', '数',
  'yen', 'USD', 'dollars', 'ドル',
  '年', '月', '日', '時', '分', 'まで', 'までに', '期限', '有効期限', '以内', '時間', '本日中', '明日', '至急', 'から', '~',
  '令和', '平成', '元', '(金)',
  'by ', 'before ', 'within ', 'until ', 'expires on ', 'Oct', 'October ', 'hours', 'days', 'today', 'tomorrow', 'urgent',
  '電話', 'TEL', '番', '110', '188', '9110', '0120', '03', '090', '+81', '+1',
  'Amazon', 'amazon', 'a m a z o n', 'А', 'а', 'о', 'rn', 'm', 'au', 'ヤマト', 'ヤ マ ト', '卜', '楽天', '的', 'アマゾン', '川',
  'NTT', '西日本', 'docomo', 'ドコモ', 'e-Tax', '.co.jp', 'sagawa-exp', '株式会社', '・',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));
const unicodeText = fc.string({ unit: 'binary', maxLength: 400 });

function checkItems(name: string, text: string, items: { raw: string; span: [number, number] }[]): void {
  expect(items.length, name).toBeLessThanOrEqual(MAX_ITEMS_PER_KIND);
  let lastStart = -1;
  for (const item of items) {
    const [start, end] = item.span;
    expect(start, name).toBeGreaterThanOrEqual(0);
    expect(end, name).toBeLessThanOrEqual(text.length);
    expect(start, name).toBeLessThan(end);
    expect(text.slice(start, end), name).toBe(item.raw);
    expect(start, name).toBeGreaterThanOrEqual(lastStart);
    lastStart = start;
  }
}

describe.each(EXTRACTORS)('%s on arbitrary input', (name, extract) => {
  it('never throws and reports exact spans (random Unicode)', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        checkItems(name, text, extract(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and reports exact spans (text made of meaningful pieces)', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        checkItems(name, text, extract(text));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic (no regex state leaks between calls)', () => {
    fc.assert(
      fc.property(tokenText, tokenText, (a, b) => {
        const first = extract(a);
        extract(b);
        expect(extract(a)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});

const SIZE = 50_000;

function repeatTo(piece: string): string {
  return piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE);
}

const HOSTILE: [string, string][] = [
  ['digits', repeatTo('1')],
  ['zeros', repeatTo('0')],
  ['digit groups', repeatTo('1,')],
  ['phone-like runs', repeatTo('03-1234-')],
  ['separators', repeatTo('0 - ( ) . / ')],
  ['plus signs', repeatTo('+8')],
  ['kanji numerals', repeatTo('一')],
  ['mixed numerals', repeatTo('1万2千')],
  ['currency signs', repeatTo('$¥€£\\')],
  ['dates', repeatTo('2024年1月5日')],
  ['date markers', repeatTo('期限:')],
  ['numeric dates', repeatTo('10/31/')],
  ['english markers', repeatTo('by by within ')],
  ['short numbers', repeatTo('188 ')],
  ['names', repeatTo('amazon ')],
  ['spaced letters', repeatTo('a m ')],
  ['katakana', repeatTo('ヤマトアマゾン')],
  ['confusables', repeatTo('аrnаz0n')],
  ['long line of Japanese', repeatTo('お客様のアカウントで異常なログインが検出されました。')],
];

describe.each(EXTRACTORS)('%s finishes on hostile input', (name, extract) => {
  it.each(HOSTILE)(`on 50K characters of %s (< ${HANG_GUARD_MS} ms)`, (_label, text) => {
    const started = performance.now();
    const items = extract(text);
    const elapsed = performance.now() - started;
    expect(elapsed, name).toBeLessThan(HANG_GUARD_MS);
    checkItems(name, text, items);
  });

  it(`on 50K characters of random Unicode (< ${HANG_GUARD_MS} ms)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: SIZE, maxLength: SIZE }), (text) => {
        const started = performance.now();
        extract(text);
        expect(performance.now() - started, name).toBeLessThan(HANG_GUARD_MS);
      }),
      { numRuns: 5 },
    );
  });
});
