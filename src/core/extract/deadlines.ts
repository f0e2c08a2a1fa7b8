// Deadlines and urgency in one normalized string (NFKC: "（金）" is "(金)", "：" is ":").
//
// A date alone is not a deadline: "2023年10月17日に公表" is an announcement date.
// A date counts only with a deadline marker before it (期限, 有効期限, 締切, by,
// before, until, expires, deadline, due) or after it (まで, までに, 迄, 限り, 必着).
// "X から Y まで" is a period, not a deadline, and is skipped.
//
// Every regex here is built from literals, character classes and bounded
// repetition ({1,2}, {4}); the only unbounded pieces are `\s+` between an English
// marker and a date, which is followed by a non-space token so it cannot be split
// two ways, and `\d+` behind a (?<!\d) lookbehind. None nests a quantifier inside a
// repeated group, so matching is linear in the input.
import { MAX_ITEMS_PER_KIND, MAX_SCAN_CHARS } from '../limits.js';
import type { DeadlineKind, ExtractedDeadline } from './types.js';

export type FoundDeadline = Omit<ExtractedDeadline, 'location'> & { span: [number, number] };

const TIME_JA = String.raw`(?:午前|午後)?[ ]?\d{1,2}(?::\d{2}|時(?:\d{1,2}分|半)?)`;

// 本日中, 今日中, 本日まで, 本日23:59まで, 今夜中 / 明日まで, 明日中, 明日の正午まで
// (not 本日中止 "cancelled today" or 本日中継 "broadcast today")
const JA_DAY = new RegExp(
  String.raw`(本日|今日|今夜|明日)(?:中(?![止継])|限り|(?:の)?(?:[ ]?(?:${TIME_JA}|正午))?[ ]?(?:までに|まで|迄))`,
  'g',
);

// 24時間以内, 3日以内, 7営業日以内, 1週間以内, 30分以内, 三日以内, 48時間内に
const JA_WITHIN = new RegExp(
  String.raw`(?<![\d.])(\d{1,4}|[一二三四五六七八九十]{1,3})[ ]?(時間|営業日|日間|日|週間|か月|ヶ月|ヵ月|カ月|ケ月|分)[ ]?(?:以内|内に)`,
  'g',
);

const JA_IMMEDIATE = /大至急|至急|直ちに|ただちに|速やかに|すみやかに|早急に|今すぐ|即刻/g;

// Dates with a marker. Groups: 1 pre-marker; 2 year; 3 era; 4 era year; 5 month;
// 6 day; 7 numeric year; 8 numeric month; 9 numeric day; 10 post-marker.
const PRE_JA = String.raw`有効期限|お支払い?期限|支払い?期限|納付期限|納期限|支払い?期日|お支払い?期日|期限|期日|締め?切り?日?|〆切`;
const DATE_KANJI = String.raw`(?:(?<!\d)(\d{4})年[ ]?|(令和|平成|昭和)[ ]?(\d{1,2}|元)年[ ]?)?(?<!\d)(\d{1,2})月[ ]?(\d{1,2})日`;
const DATE_NUMERIC = String.raw`(?<![\d/.\-])(?:(\d{4})[/.\-])?(\d{1,2})[/.\-](\d{1,2})(?![\d/])`;
const WEEKDAY = String.raw`(?:[ ]?\((?:[月火水木金土日](?:曜日?)?|祝日?)\))?`;
const POST_JA = String.raw`までに|まで|迄に|迄|限り|必着|締め?切り?|[がを]期限|を過ぎ`;
const JA_DATE = new RegExp(
  String.raw`(?:(${PRE_JA})(?:は|:)?[、 ]?)?(?:${DATE_KANJI}|${DATE_NUMERIC})${WEEKDAY}(?:[ ]?(?:${TIME_JA}|正午))?(?:[ ]?(${POST_JA}))?`,
  'g',
);

// English.
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const EN_MARKER = String.raw`no later than|on or before|by|before|until|till|due(?: by| on| date:?)?|deadline:?|expires?(?: on)?|expiring(?: on)?|expiry(?: date)?:?|expiration(?: date)?:?|valid (?:until|through|thru)`;
const WEEKDAY_EN = String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?`;
// Groups: 1 marker; 2-4 ISO y/m/d; 5 month name, 6 day, 7 year; 8 day, 9 month name,
// 10 year; 11-13 numeric a/b/year. A numeric English date needs its year: "by 1/3"
// is far more often a fraction ("reduced by 1/3") than a date.
const EN_DATE = new RegExp(
  String.raw`\b(${EN_MARKER})\s+(?:the\s)?${WEEKDAY_EN}(?:the\s)?(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(${MONTH})\.?\s(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s(\d{4})\b)?|(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(${MONTH})\b\.?(?:,?\s(\d{4})\b)?|(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/]))`,
  'iy',
);
// "by 5 pm today", "before 11:59 p.m. EST tonight", "by noon tomorrow" (group 6) too.
const EN_DAY =
  /\b(?:by|before|until|till|due|expires?|expiring|ends?)\s(?:the\s)?(?:end\sof\s)?(today|tonight|tomorrow)\b|\b(today) only\b|\bby (?:the )?end of (?:the )?(?:business )?(day)\b|\bby (EOD)\b|\bwithin (today)\b|\b(?:by|before|until|till)\s(?:\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?|noon|midnight)\s(?:[a-z]{2,4}\s)?(today|tonight|tomorrow)\b/iy;
const EN_NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  'twenty-four': 24,
  'twenty four': 24,
  'forty-eight': 48,
  'forty eight': 48,
  'seventy-two': 72,
  'seventy two': 72,
};
const EN_WITHIN = new RegExp(
  String.raw`\b(?:within|in the next)\s(?:the\s)?(?:next\s)?(\d{1,4}|${Object.keys(EN_NUMBER_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})[ -]?(business days?|hours?|hrs?|days?|weeks?|months?|minutes?|mins?)\b`,
  'iy',
);
const EN_IMMEDIATE = /\b(?:immediately|urgent(?:ly)?|right away|as soon as possible|asap|without delay)\b/iy;

// Where the English patterns can match: every alternative of EN_DAY, EN_WITHIN,
// EN_IMMEDIATE and EN_DATE begins at a word start with one of these words (the
// first word only, the rest as a look-ahead, so a match never covers the start of
// another). The four are sticky (flag y) and tried only at these positions, in
// order: each finds what its own global scan would (its leftmost match at or after
// where its previous match ended), while the text is scanned once instead of four
// times. Keep this list in step with the patterns above.
// Linear: literal alternatives after \b, each look-ahead a literal of at most 19
// characters.
export const EN_START =
  /\b(?:by|before|until|till|due|expir|end|today|within|in(?= the next)|immediately|urgent|right(?= away)|as(?=ap| soon as possible)|without(?= delay)|no(?= later than)|on(?= or before)|deadline|valid(?= ))/gi;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

function monthFromName(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD, or --MM-DD without a year; null for an impossible date. */
export function formatDate(year: number | null, month: number, day: number): string | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  if (year === null) return `--${mm}-${dd}`;
  if (year < 1900 || year > 2200) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2 && day === 29 && !leap) return null;
  return `${year}-${mm}-${dd}`;
}

const KANJI_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 1–99 written in digits or kanji (三, 十, 二十四). */
function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let value = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '十') {
      value += (current || 1) * 10;
      current = 0;
    } else {
      const d = KANJI_NUM[ch];
      if (d === undefined) return null;
      current = d;
    }
  }
  return value + current || null;
}

function hoursFor(n: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u === '時間' || u.startsWith('h')) return n;
  if (u === '分' || u.startsWith('min')) return Math.round((n / 60) * 1000) / 1000;
  if (u.startsWith('週') || u.startsWith('week')) return n * 168;
  if (u.endsWith('月') || u.startsWith('month')) return n * 720; // a month counted as 30 days
  return n * 24; // 日, 日間, 営業日, day(s), business day(s)
}

/** Kana, kanji, 々 and 〆: every Japanese pattern needs one (JA_DATE finds dates
 * without, but keeps only those with a marker, and every marker has one). One
 * character class, no repetition: cannot backtrack. */
const JAPANESE = /[\u3005-\u30ff\u4e00-\u9fff]/;

/** What JA_DATE cannot match without: a digit before 月 (DATE_KANJI) or a digit, a
 * separator and a digit (DATE_NUMERIC). Two short alternatives: linear. JA_WITHIN
 * likewise needs a 内 (以内, 内に). Most texts have neither, and a test for them is a
 * tenth of the cost of those long patterns. */
const JA_DATE_NEEDS = /\d月|\d[/.\-]\d/;

/** Range starts before a date: "10月1日から10月31日まで" is a period. */
const RANGE_BEFORE = /(?:から|より|~|〜|-|–|—|ー)[ ]?$/;

function pushAll(out: FoundDeadline[], re: RegExp, text: string, make: (m: RegExpExecArray) => FoundDeadline | null): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const item = make(m);
    if (item) out.push(item);
  }
}

/** The sticky English patterns, exported for the test that EN_START covers them. */
export const EN_PATTERNS: readonly RegExp[] = [EN_DAY, EN_WITHIN, EN_IMMEDIATE, EN_DATE];

type Make = (m: RegExpExecArray) => FoundDeadline | null;

/**
 * What pushAll(out, re, text, make) does for each sticky [re, make] of `rules`, in
 * that order, trying each only at the EN_START positions (a superset of where any
 * can match; see there).
 */
function pushEnglish(out: FoundDeadline[], text: string, rules: readonly (readonly [RegExp, Make])[]): void {
  const results: FoundDeadline[][] = rules.map(() => []);
  const searchFrom: number[] = rules.map(() => 0);
  EN_START.lastIndex = 0;
  for (let start = EN_START.exec(text); start !== null; start = EN_START.exec(text)) {
    const at = start.index;
    for (let k = 0; k < rules.length; k++) {
      if (at < searchFrom[k]!) continue;
      const [re, make] = rules[k]!;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) continue;
      searchFrom[k] = at + Math.max(1, m[0].length);
      if (m[0].length === 0) continue;
      const found = make(m);
      if (found) results[k]!.push(found);
    }
  }
  for (const list of results) out.push(...list);
}

function item(m: RegExpExecArray, kind: DeadlineKind, extra: { hours?: number; date?: string } = {}): FoundDeadline {
  return { raw: m[0], kind, ...extra, span: [m.index, m.index + m[0].length] };
}

/** The English patterns and what each match means, in the order they are reported. */
const ENGLISH_RULES: readonly (readonly [RegExp, Make])[] = [
  [
    EN_DAY,
    (m) => {
      const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').toLowerCase();
      return item(m, word === 'tomorrow' ? 'tomorrow' : 'today');
    },
  ],
  [
    EN_WITHIN,
    (m) => {
      const w = m[1]!.toLowerCase();
      const n = /^\d+$/.test(w) ? Number(w) : EN_NUMBER_WORDS[w];
      if (n === undefined || n === 0) return null;
      return item(m, 'within', { hours: hoursFor(n, m[2]!) });
    },
  ],
  [EN_IMMEDIATE, (m) => item(m, 'immediately')],
  [
    EN_DATE,
    (m) => {
      let date: string | null = null;
      if (m[2] !== undefined) date = formatDate(Number(m[2]), Number(m[3]), Number(m[4]));
      else if (m[5] !== undefined) date = formatDate(m[7] ? Number(m[7]) : null, monthFromName(m[5]), Number(m[6]));
      else if (m[8] !== undefined) date = formatDate(m[10] ? Number(m[10]) : null, monthFromName(m[9]!), Number(m[8]));
      else if (m[11] !== undefined) {
        // US order (month/day) unless the first number cannot be a month (31/10).
        let a = Number(m[11]);
        let b = Number(m[12]);
        if (a > 12 && b <= 12) [a, b] = [b, a];
        date = formatDate(Number(m[13]), a, b);
      }
      return date === null ? null : item(m, 'date', { date });
    },
  ],
];

/**
 * Deadlines and urgency markers in `text` (already NFKC-normalized), in text order,
 * non-overlapping, each with its span in `text`. At most MAX_ITEMS_PER_KIND.
 */
export function extractDeadlines(text: string): FoundDeadline[] {
  const t = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const found: FoundDeadline[] = [];
  // Each Japanese pattern needs a kana or kanji; most mail has none, so one test
  // saves four scans of it.
  const hasJapanese = JAPANESE.test(t);

  if (hasJapanese) {
    pushAll(found, JA_DAY, t, (m) => item(m, m[1] === '明日' ? 'tomorrow' : 'today'));
    if (t.includes('内')) {
      pushAll(found, JA_WITHIN, t, (m) => {
        const n = smallNumber(m[1]!);
        if (n === null || n === 0) return null;
        return item(m, 'within', { hours: hoursFor(n, m[2]!) });
      });
    }
    pushAll(found, JA_IMMEDIATE, t, (m) => item(m, 'immediately'));
    if (JA_DATE_NEEDS.test(t)) {
      pushAll(found, JA_DATE, t, (m) => {
        const pre = m[1];
        const post = m[10];
        if (pre === undefined && post === undefined) return null;
        let date: string | null;
        if (m[5] !== undefined) {
          let year: number | null = m[2] !== undefined ? Number(m[2]) : null;
          if (m[3] !== undefined) year = ERA_START[m[3]]! + (m[4] === '元' ? 1 : Number(m[4]));
          date = formatDate(year, Number(m[5]), Number(m[6]));
        } else {
          // Yearless numeric dates need "/" (10/31); "10-31" or "10.31" could be anything.
          const sep = m[0].slice(m[0].search(/\d/)).match(/\d[/.\-]/)?.[0]?.[1];
          if (m[7] === undefined && sep !== '/') return null;
          date = formatDate(m[7] !== undefined ? Number(m[7]) : null, Number(m[8]), Number(m[9]));
        }
        if (date === null) return null;
        if (pre === undefined && RANGE_BEFORE.test(t.slice(Math.max(0, m.index - 3), m.index))) return null;
        return item(m, 'date', { date });
      });
    }
  }

  pushEnglish(found, t, ENGLISH_RULES);

  found.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: FoundDeadline[] = [];
  let lastEnd = -1;
  for (const d of found) {
    if (d.span[0] < lastEnd) continue;
    out.push(d);
    lastEnd = d.span[1];
    if (out.length >= MAX_ITEMS_PER_KIND) break;
  }
  return out;
}
