// Money amounts in one normalized string (NFKC: "￥１，０００" is already "¥1,000").
//
// Two regexes find a run of number characters with a currency marker before it
// (¥ $ € £ US$ JPY USD EUR GBP, and "\" which Shift_JIS mail shows as a yen sign)
// and an optional one after it, or with a marker only after it (円 yen JPY ドル
// dollars € …); a hand parser then reads the run, which may mix Arabic digits with
// Japanese numerals and multipliers (3万5千円, 1億2000万円, 五千円). A run with no
// currency marker on either side is not money.
import { MAX_ITEMS_PER_KIND, MAX_SCAN_CHARS } from '../limits.js';
import type { ExtractedMoney } from './types.js';

export type FoundMoney = Omit<ExtractedMoney, 'location'> & { span: [number, number] };
type Currency = ExtractedMoney['currency'];

const KANJI_DIGITS = '〇一二三四五六七八九';
/** Characters that can make up one written amount. */
const RUN_CLASS = `0-9,.${KANJI_DIGITS}十百千万億兆`;
/** An amount starts with a digit, a Japanese digit or 十/百/千 ("千円" is 1,000 yen),
 * never with 万/億/兆 or punctuation. */
const RUN_START = `0-9${KANJI_DIGITS}十百千`;
/** Before a run: no number character (so a run is only ever matched from its first
 * character) and not 数/何/幾 ("数千円" is "several thousand yen", not 1,000). */
const NOT_BEFORE_RUN = `${RUN_CLASS}数何幾`;

// "\" stands for ¥ only where a yen sign could stand: not inside a path or an
// escape sequence (C:\Users\1000), so not after a letter, digit, "\", ":" or "/".
// Each lookbehind comes after the characters it guards and looks back over them
// ("\\(?<!X\\)" is "\" not preceded by X): an alternative that starts with a
// concrete character lets V8 skip positions that cannot start it, where a leading
// lookbehind would be tried at every position.
const PREFIX = String.raw`US\$|\$|¥|\\(?<![A-Za-z0-9\\:/]\\)|€|£|(?:JPY|USD|EUR|GBP)(?<![A-Za-z]...)`;
// A sign after the number ("100€") is a suffix only when no number follows, so in
// "$100 $200" the second "$" stays the prefix of 200.
const SUFFIX = String.raw`円|米ドル|ドル|ユーロ|ポンド|(?:€|£|\$)(?![ \t]?\d)|yen|JPY|USD|EUR|GBP|dollars?|euros?|pounds?`;

// A run of number characters. It may begin only at the first character of a run of
// number characters (the lookbehind), so each run is read from one position only.
const RUN = String.raw`(?<![${NOT_BEFORE_RUN}])([${RUN_START}][${RUN_CLASS}]*)`;
/** The same, with the lookbehind after the first character (see PREFIX). */
const RUN_FIRST = String.raw`([${RUN_START}](?<![${NOT_BEFORE_RUN}][${RUN_START}])[${RUN_CLASS}]*)`;
const SUFFIX_AFTER_RUN = String.raw`[ \t]?(${SUFFIX})(?![A-Za-z])`;

// An amount is
//   1. a prefix, the run, an optional suffix  (WITH_PREFIX: groups 1, 2, 3), or
//   2. the run and a suffix                   (WITH_SUFFIX: groups 1, 2).
// extractMoney walks both as one global regex `1|2` would (the leftmost match, and
// from its end on), so that a bare number (a date, a count: most runs in a message)
// is never a match at all. This finds the same amounts as the single regex
// `(?:prefix[ \t]?)?run(?:suffix)?` did: at a run start with no prefix before it,
// that regex matched the bare run and went on after it; here nothing matches there,
// nor inside the run (the lookbehind; no prefix is a number character), so the
// search resumes after the run all the same. No position can start both 1 and 2.
//
// Why these regexes are linear: every part but the run is a bounded literal or an
// optional single character. The run `[START][CLASS]*` is one character class
// repeated, and the lookbehind lets it begin only at the first character of a run
// of number characters. In 1 the suffix group is optional and greedy, so a missing
// suffix ends the match without backtracking into the run. In 2 a missing suffix
// backtracks through the run once, one character at a time (no suffix starts with
// a number character), which is O(run length) for the one position the run can
// start at. Attempts at positions inside a run fail at the lookbehind in O(1).
const WITH_PREFIX = new RegExp(String.raw`(${PREFIX})[ \t]?${RUN}(?:${SUFFIX_AFTER_RUN})?`, 'gi');
const WITH_SUFFIX = new RegExp(`${RUN_FIRST}${SUFFIX_AFTER_RUN}`, 'gi');

function currencyOf(marker: string | undefined): Currency | null {
  if (marker === undefined) return null;
  const m = marker.toLowerCase();
  if (m === '¥' || m === '\\' || m === '円' || m === 'yen' || m === 'jpy') return 'JPY';
  if (m === '$' || m === 'us$' || m === 'usd' || m === 'ドル' || m === '米ドル' || m.startsWith('dollar')) return 'USD';
  if (m === '€' || m === 'eur' || m === 'ユーロ' || m.startsWith('euro')) return 'EUR';
  if (m === '£' || m === 'gbp' || m === 'ポンド' || m.startsWith('pound')) return 'GBP';
  return null;
}

// Anchored, on one short token; no nested quantifiers.
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const TOKEN = /\d[\d,]*(?:\.\d+)?|[〇一二三四五六七八九]|[十百千]|[万億兆]/g;
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

/**
 * Reads "3万5千", "1億2,000万", "3.5万", "五千", "一万五千", "二〇〇〇", "1,234.56".
 * Returns null for anything malformed ("1,00", "3五", "千千", "万").
 */
export function parseJapaneseNumber(run: string): number | null {
  let total = 0;
  let section = 0;
  let current: number | null = null;
  let currentIsArabic = false;
  let lastBig = Infinity;
  let lastSmall = Infinity;
  let covered = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(run); m !== null; m = TOKEN.exec(run)) {
    if (m.index !== covered) return null;
    covered = m.index + m[0].length;
    const tok = m[0];
    const ch = tok[0]!;
    if (ch >= '0' && ch <= '9') {
      if (current !== null || !ARABIC.test(tok)) return null;
      current = Number(tok.replace(/,/g, ''));
      currentIsArabic = true;
    } else if (KANJI_DIGITS.includes(ch)) {
      if (currentIsArabic) return null;
      current = (current ?? 0) * 10 + KANJI_DIGITS.indexOf(ch);
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!;
      if (unit >= lastSmall) return null;
      section += (current ?? 1) * unit;
      current = null;
      currentIsArabic = false;
      lastSmall = unit;
    } else {
      const unit = BIG_UNITS[ch]!;
      if (unit >= lastBig) return null;
      section += current ?? 0;
      if (section === 0) return null;
      total += section * unit;
      section = 0;
      current = null;
      currentIsArabic = false;
      lastBig = unit;
      lastSmall = Infinity;
    }
  }
  if (covered !== run.length) return null;
  const value = total + section + (current ?? 0);
  // Round away binary noise (1.1 × 10,000 = 11000.000000000002).
  return Math.round(value * 100) / 100;
}

const KANJI_ONLY = /^[〇一二三四五六七八九十百千万億兆]+$/;
const HAS_MULTIPLIER = /[十百千万億兆]/;

/**
 * Money amounts in `text` (already NFKC-normalized), in text order, each with its
 * span in `text`. At most MAX_ITEMS_PER_KIND.
 */
export function extractMoney(text: string): FoundMoney[] {
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const out: FoundMoney[] = [];
  let from = 0;
  WITH_PREFIX.lastIndex = 0;
  WITH_SUFFIX.lastIndex = 0;
  let withPrefix = WITH_PREFIX.exec(scanned);
  let withSuffix = WITH_SUFFIX.exec(scanned);
  for (;;) {
    // Each regex's next match at or after `from` (a match found earlier that starts
    // there still is its leftmost one).
    if (withPrefix !== null && withPrefix.index < from) {
      WITH_PREFIX.lastIndex = from;
      withPrefix = WITH_PREFIX.exec(scanned);
    }
    if (withSuffix !== null && withSuffix.index < from) {
      WITH_SUFFIX.lastIndex = from;
      withSuffix = WITH_SUFFIX.exec(scanned);
    }
    const m = withPrefix !== null && (withSuffix === null || withPrefix.index <= withSuffix.index) ? withPrefix : withSuffix;
    if (m === null) break;
    from = m.index + m[0].length;
    const prefix = m === withPrefix ? m[1] : undefined;
    const suffix = m === withPrefix ? m[3] : m[2];
    let run = (m === withPrefix ? m[2] : m[1])!;
    let end = m.index + m[0].length;
    if (suffix === undefined) {
      // "¥1,000." — the sentence's full stop is not part of the amount.
      const trimmed = run.replace(/[.,]+$/, '');
      end -= run.length - trimmed.length;
      run = trimmed;
    }
    const fromPrefix = currencyOf(prefix);
    const fromSuffix = currencyOf(suffix);
    if (fromPrefix && fromSuffix && fromPrefix !== fromSuffix) continue;
    const currency = fromPrefix ?? fromSuffix;
    if (currency === null) continue;
    // "\" means yen only before Arabic digits; "\n" or "\u" never reach here.
    if (prefix === '\\' && !/^\d/.test(run)) continue;
    if (KANJI_ONLY.test(run) && run.length === 1 && !HAS_MULTIPLIER.test(run)) continue; // 関東一円
    const amount = parseJapaneseNumber(run);
    if (amount === null) continue;
    out.push({ raw: scanned.slice(m.index, end), amount, currency, span: [m.index, end] });
    if (out.length >= MAX_ITEMS_PER_KIND) break;
  }
  return out;
}
