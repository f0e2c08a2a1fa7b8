import { describe, expect, it } from 'vitest';
import { extractDeadlines, formatDate } from '../../../src/core/extract/deadlines.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';

function only(text: string) {
  const found = extractDeadlines(text);
  expect(found).toHaveLength(1);
  const d = found[0]!;
  expect(text.slice(d.span[0], d.span[1])).toBe(d.raw);
  return d;
}

describe('extractDeadlines: Japanese', () => {
  it.each([
    ['本日中にご確認ください', '本日中', 'today'],
    ['今日中', '今日中', 'today'],
    ['本日までにお支払いください', '本日までに', 'today'],
    ['本日23:59までに', '本日23:59までに', 'today'],
    ['本日の18時までに', '本日の18時までに', 'today'],
    ['明日までに手続きを', '明日までに', 'tomorrow'],
    ['明日中', '明日中', 'tomorrow'],
  ])('%s', (text, raw, kind) => {
    const d = only(text);
    expect(d.raw).toBe(raw);
    expect(d.kind).toBe(kind);
    expect(d.hours).toBeUndefined();
    expect(d.date).toBeUndefined();
  });

  it.each([
    ['24時間以内にご対応ください', '24時間以内', 24],
    ['48時間以内', '48時間以内', 48],
    ['3日以内', '3日以内', 72],
    ['三日以内', '三日以内', 72],
    ['7営業日以内', '7営業日以内', 168],
    ['1週間以内', '1週間以内', 168],
    ['30分以内', '30分以内', 0.5],
  ])('%s', (text, raw, hours) => {
    const d = only(text);
    expect(d.raw).toBe(raw);
    expect(d.kind).toBe('within');
    expect(d.hours).toBe(hours);
  });

  it.each(['至急', '大至急', '直ちに', 'ただちに', '速やかに', 'すみやかに', '早急に', '今すぐ'])('%s', (word) => {
    const d = only(`【${word}】ご確認ください`);
    expect(d.raw).toBe(word);
    expect(d.kind).toBe('immediately');
  });

  it.each([
    ['10月31日までにお支払いください', '10月31日までに', '--10-31'],
    ['10/31まで', '10/31まで', '--10-31'],
    ['2024年1月5日まで', '2024年1月5日まで', '2024-01-05'],
    ['令和6年1月5日まで', '令和6年1月5日まで', '2024-01-05'],
    ['平成元年1月8日まで', '平成元年1月8日まで', '1989-01-08'],
    ['期限:2024/01/05', '期限:2024/01/05', '2024-01-05'], // 期限：２０２４／０１／０５ after NFKC
    ['有効期限:2024年1月5日(金)23:59', '有効期限:2024年1月5日(金)23:59', '2024-01-05'],
    ['お支払い期限は、2024年1月5日です', 'お支払い期限は、2024年1月5日', '2024-01-05'],
    ['1月5日(金)必着', '1月5日(金)必着', '--01-05'],
    ['2024-01-05までにログイン', '2024-01-05までに', '2024-01-05'],
  ])('%s', (text, raw, date) => {
    const d = only(text);
    expect(d.raw).toBe(raw);
    expect(d.kind).toBe('date');
    expect(d.date).toBe(date);
  });

  it('reads a typical smishing text', () => {
    const text = '【国税庁】未払いの税金があります。本日中に納付がない場合、差し押さえとなります。期限:2024/10/31 至急ご確認ください。';
    expect(extractDeadlines(text).map((d) => [d.raw, d.kind, d.date])).toEqual([
      ['本日中', 'today', undefined],
      ['期限:2024/10/31', 'date', '2024-10-31'],
      ['至急', 'immediately', undefined],
    ]);
  });
});

describe('extractDeadlines: English', () => {
  it.each([
    ['Pay by today', 'by today', 'today', undefined, undefined],
    ['Offer ends today.', 'ends today', 'today', undefined, undefined],
    ['Please verify by end of day', 'by end of day', 'today', undefined, undefined],
    ['Respond by tomorrow', 'by tomorrow', 'tomorrow', undefined, undefined],
    ['Pay the fee by 5 pm today or lose access', 'by 5 pm today', 'today', undefined, undefined],
    ['Confirm before 11:59 p.m. EST tonight.', 'before 11:59 p.m. EST tonight', 'today', undefined, undefined],
    ['Reply by noon tomorrow', 'by noon tomorrow', 'tomorrow', undefined, undefined],
    ['within 24 hours', 'within 24 hours', 'within', 24, undefined],
    ['within 3 days', 'within 3 days', 'within', 72, undefined],
    ['within the next 48 hours', 'within the next 48 hours', 'within', 48, undefined],
    ['within an hour', 'within an hour', 'within', 1, undefined],
    ['within twenty-four hours', 'within twenty-four hours', 'within', 24, undefined],
    ['Act immediately', 'immediately', 'immediately', undefined, undefined],
    ['URGENT: account locked', 'URGENT', 'immediately', undefined, undefined],
    ['Please respond urgently', 'urgently', 'immediately', undefined, undefined],
    ['by October 31', 'by October 31', 'date', undefined, '--10-31'],
    ['by Oct. 31st', 'by Oct. 31st', 'date', undefined, '--10-31'],
    ['by 31 October 2024', 'by 31 October 2024', 'date', undefined, '2024-10-31'],
    ['before 2024-01-05', 'before 2024-01-05', 'date', undefined, '2024-01-05'],
    ['expires on January 5, 2024', 'expires on January 5, 2024', 'date', undefined, '2024-01-05'],
    ['Deadline: 2024-01-05', 'Deadline: 2024-01-05', 'date', undefined, '2024-01-05'],
    ['due by Friday, March 3, 2025', 'due by Friday, March 3, 2025', 'date', undefined, '2025-03-03'],
    ['until 12/31/2024', 'until 12/31/2024', 'date', undefined, '2024-12-31'],
  ])('%s', (text, raw, kind, hours, date) => {
    const d = only(text);
    expect(d.raw).toBe(raw);
    expect(d.kind).toBe(kind);
    expect(d.hours).toBe(hours);
    expect(d.date).toBe(date);
  });
});

describe('extractDeadlines: not deadlines', () => {
  it.each([
    ['an announcement date', '2023年10月17日に公表しました'],
    ['an announcement date (numeric)', '2023/10/17 公表'],
    ['a period', '2023年10月1日から10月31日まで実施'],
    ['a period with a tilde', '10月1日~10月31日まで'],
    ['a bare English date', 'On October 17, 2023 we announced'],
    ['"today" without a marker', 'Today we are announcing changes'],
    ['a fraction after "by"', 'reduced by 1/3'],
    ['an impossible date', '2月30日まで'],
    ['a time only', '受付時間 9:00-18:00'],
    ['24時間 without 以内', '24時間365日受付'],
    ['本日中止 (cancelled today)', '本日中止となりました'],
  ])('%s', (_label, text) => {
    expect(extractDeadlines(text)).toEqual([]);
  });
});

describe('formatDate', () => {
  it('pads and validates', () => {
    expect(formatDate(2024, 1, 5)).toBe('2024-01-05');
    expect(formatDate(null, 2, 29)).toBe('--02-29');
    expect(formatDate(2024, 2, 29)).toBe('2024-02-29');
    expect(formatDate(2023, 2, 29)).toBeNull();
    expect(formatDate(2024, 13, 1)).toBeNull();
    expect(formatDate(null, 4, 31)).toBeNull();
  });
});

describe('extractDeadlines: limits', () => {
  it(`returns at most ${MAX_ITEMS_PER_KIND} items`, () => {
    expect(extractDeadlines('至急 '.repeat(MAX_ITEMS_PER_KIND * 2))).toHaveLength(MAX_ITEMS_PER_KIND);
  });
});
