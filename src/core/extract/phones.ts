// Phone numbers in one normalized string (NFKC, invisible characters removed).
//
// Ordinary numbers are found by libphonenumber-js (a port of Google's
// PhoneNumberMatcher, "max" metadata so number types are known) with JP as the
// default region, then classified by their Japanese prefix. Short numbers (110,
// 118, 119, 188, #9110) are not phone numbers to libphonenumber; a small scanner
// below finds them, conservatively, because "188" is just as often part of a
// price, a postal code or a count.
import { findPhoneNumbersInText, type NumberType } from 'libphonenumber-js/max';
import { MAX_ITEMS_PER_KIND, MAX_SCAN_CHARS } from '../limits.js';
import type { ExtractedPhone, PhoneType } from './types.js';

export type FoundPhone = Omit<ExtractedPhone, 'location'> & { span: [number, number] };

/** Japanese prefixes (national number without the trunk 0), checked in this order:
 * "800" before "80" because 0800 is toll-free while 080 is mobile. */
const JP_PREFIX_TYPES: [string, PhoneType][] = [
  ['120', 'toll-free'],
  ['800', 'toll-free'],
  ['570', 'navi-dial'],
  ['990', 'premium'],
  ['50', 'ip-phone'],
  ['70', 'mobile'],
  ['80', 'mobile'],
  ['90', 'mobile'],
  ['20', 'pager'],
];

function typeFromLibrary(t: NumberType): PhoneType {
  switch (t) {
    case 'FIXED_LINE':
      return 'fixed-line';
    case 'MOBILE':
      return 'mobile';
    case 'TOLL_FREE':
      return 'toll-free';
    case 'PREMIUM_RATE':
      return 'premium';
    case 'SHARED_COST':
      return 'shared-cost';
    case 'VOIP':
      return 'ip-phone';
    case 'PAGER':
      return 'pager';
    // FIXED_LINE_OR_MOBILE (US/CA and others cannot be told apart), UAN,
    // PERSONAL_NUMBER, VOICEMAIL, undefined: we do not guess.
    default:
      return 'unknown';
  }
}

function japaneseType(nationalNumber: string, libraryType: NumberType): PhoneType {
  for (const [prefix, type] of JP_PREFIX_TYPES) if (nationalNumber.startsWith(prefix)) return type;
  return typeFromLibrary(libraryType);
}

// A number written as bare digits right after one of these labels is an order,
// tracking or account number that happens to have a phone number's length
// ("注文番号 0312345678"). Numbers written with separators or "+" keep phone shape
// and are kept. A phone label in the same window wins (電話番号, TEL, フリーダイヤル).
const NUMBER_LABEL =
  /(?:注文|伝票|追跡|問い?合わ?せ|受付|会員|口座|お客様|お客さま|顧客|管理|契約|予約|整理|認証|確認|請求|取引|送り状|荷物|貨物|商品|申込|カード)(?:番号|No\.?|ナンバー|ID)?[\s:]*$|(?:No\.?|ID|#|番号|Order|Tracking|Account|Ref\.?)[\s:]*$/i;
const PHONE_LABEL = /電話|TEL|Phone|携帯|FAX|ダイヤル|dial|call/i;
const LABEL_WINDOW = 16;

/** Characters that, right before a number, show it is part of a URL, an email
 * address or an identifier rather than a phone number. */
const BAD_BEFORE = /[/=?&_%@]/;
const BAD_AFTER = /[@_]/;

function isBareDigits(raw: string): boolean {
  return /^\d+$/.test(raw);
}

// libphonenumber's matcher costs tens of microseconds per candidate it looks at
// (every date, price and count), so it only sees windows around runs that could be
// a phone number: a digit or "+" or "(" followed by digits and separators, holding
// at least 10 digits (a Japanese number with its trunk 0) or, with "+", at least 7.
// Windows keep a few characters of context on each side because the matcher looks
// at the neighbours of a candidate.
//
// A run is what the global regex /[\d+(][RUN_CHAR]*/ matched: in each stretch of run
// characters, from its first digit, "+" or "(" to the stretch's end. Most runs are
// short numbers, so stretches are first found by their seventh digit: SEVEN_DIGITS
// is a digit and six more, each after separators only. It is linear: each repetition
// takes separators (never a digit) and then one digit, so it can only split a stretch
// one way, and an attempt that fails (a stretch with fewer than seven digits left)
// reads to the stretch's end at most, which happens for at most six digits per stretch.
const RUN_SEPARATORS = String.raw`+()\-\u2010-\u2015\u2212\u30fc. \t/`;
const SEVEN_DIGITS = new RegExp(String.raw`\d(?:[${RUN_SEPARATORS}]*\d){6}`, 'g');
const WINDOW_CONTEXT = 8;

function isRunChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b || c === 0x28 || c === 0x29 || c === 0x2d || c === 0x2e || c === 0x20 || c === 0x09 || c === 0x2f ||
    (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0x30fc
  );
}

function isRunStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x28;
}

/** Windows of `text` for libphonenumber, merged where they touch (exported for tests). */
export function candidateWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  SEVEN_DIGITS.lastIndex = 0;
  while (SEVEN_DIGITS.test(text)) {
    // The stretch of run characters around the seventh digit, and its run.
    let stretchStart = SEVEN_DIGITS.lastIndex - 1;
    while (stretchStart > 0 && isRunChar(text.charCodeAt(stretchStart - 1))) stretchStart--;
    let end = SEVEN_DIGITS.lastIndex;
    while (end < text.length && isRunChar(text.charCodeAt(end))) end++;
    SEVEN_DIGITS.lastIndex = end;
    let start = stretchStart;
    while (!isRunStart(text.charCodeAt(start))) start++;
    let digits = 0;
    let plus = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) digits++;
      else if (c === 0x2b) plus = true;
    }
    if (digits < 7 || (digits < 10 && !plus)) continue;
    const windowStart = Math.max(0, start - WINDOW_CONTEXT);
    const windowEnd = Math.min(text.length, end + WINDOW_CONTEXT);
    const last = windows[windows.length - 1];
    if (last !== undefined && windowStart <= last[1]) last[1] = windowEnd;
    else windows.push([windowStart, windowEnd]);
  }
  return windows;
}

// toPhone keeps a number only with "+" or with 0 as its first digit, and about half
// the windows of English mail hold neither (1-800-555-0199, dates, IDs): they are not
// given to the library. A window without "+" yields a kept number only if some "0" has
// no ASCII digit right before it: before the number's first digit stands a character
// of the number (not a digit) or, when the number starts with that digit, what
// precedes a libphonenumber match (PhoneNumberMatcher, libphonenumber-js 1.13): a
// separator it split a candidate at, or the end of its previous candidate, which
// stops inside a run of digits only at a limit of its pattern (a block of 20 digits,
// an extension of 9, 15 or 20), so only in a run of at least 10 digits.
const MAY_HOLD_KEPT_NUMBER = /\+|(?<![0-9])0|[0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]{10}/;

/** Whether libphonenumber may find a number in `window` that toPhone keeps (exported for tests). */
export function mayHoldKeptNumber(window: string): boolean {
  return MAY_HOLD_KEPT_NUMBER.test(window);
}

function libraryPhones(text: string): FoundPhone[] {
  const out: FoundPhone[] = [];
  for (const [windowStart, windowEnd] of candidateWindows(text)) {
    const window = text.slice(windowStart, windowEnd);
    if (!mayHoldKeptNumber(window)) continue;
    for (const found of findPhoneNumbersInText(window, 'JP')) {
      if (out.length >= MAX_ITEMS_PER_KIND) return out;
      const phone = toPhone(text, found, windowStart);
      if (phone !== null) out.push(phone);
    }
  }
  return out;
}

function toPhone(text: string, found: ReturnType<typeof findPhoneNumbersInText>[number], offset: number): FoundPhone | null {
  const start = found.startsAt + offset;
  const end = found.endsAt + offset;
  const raw = text.slice(start, end);
  const before = start > 0 ? text[start - 1]! : '';
  const after = end < text.length ? text[end]! : '';
  if ((before && BAD_BEFORE.test(before)) || (after && BAD_AFTER.test(after))) return null;
  // Without "+", a number is read as Japanese, and a Japanese number is always
  // written with its trunk 0 (03-…, 090-…, 0120-…). libphonenumber also accepts
  // "484568407" as +81 48-456-8407; in text that is a count or an ID, not a phone.
  if (!raw.includes('+') && raw.match(/\d/)?.[0] !== '0') return null;
  if (isBareDigits(raw)) {
    const window = text.slice(Math.max(0, start - LABEL_WINDOW), start);
    if (NUMBER_LABEL.test(window) && !PHONE_LABEL.test(window)) return null;
  }
  const n = found.number;
  const japanese = n.countryCallingCode === '81';
  const libraryType = n.getType();
  return {
    raw,
    e164: n.number,
    national: n.formatNational(),
    country: n.country ?? null,
    international: !japanese,
    type: japanese ? japaneseType(n.nationalNumber, libraryType) : typeFromLibrary(libraryType),
    span: [start, end],
  };
}

// --- Short numbers ---------------------------------------------------------
//
// Rule (conservative on purpose):
// - "#9110" (also written "♯9110") is always taken: the "#" makes it unambiguous.
// - 110, 118, 119 and 188 are taken only when they stand as a number of their own
//   (no digit, and no ",", ".", "-", "/" or ":" joined to a digit on either side; not
//   after 〒 or a currency sign) AND one of:
//     a. "番" follows (110番, 188番), but not 番地/番目/番線/番号/番台;
//     b. a phone word is within 12 characters before: 電話, TEL, call, dial,
//        ダイヤル, 局番, ホットライン, hotline, 通報;
//     c. a call phrase follows: に電話, へ電話, に通報, にお電話, に連絡, に相談, まで;
//     d. the number stands alone on its line, possibly in brackets or quotes.
//   A unit right after the number (円, 件, 人, 年, 号, %, cm, …) rules it out even
//   with context ("電話代188円").
const SHORT = /(?<![\d#♯])(?:[#♯]9110|11[089]|188)(?!\d)/g;
const SHORT_JOINED_BEFORE = /[\d〒¥$€£]$|[\d][,.\-/:]$/;
const SHORT_JOINED_AFTER = /^[,.\-/:]\d/;
const SHORT_UNIT_AFTER =
  /^\s?(?:円|万|千|百|億|件|人|名|年|月|日|時|分|秒|個|回|%|号|歳|才|位|台|枚|本|頁|ページ|点|条|丁目|階|系|型|番地|番目|番線|番号|番台|ポイント|ドル|ユーロ|pt|yen|cm|mm|km|kg|g\b|m\b|kb|mb|gb)/i;
const SHORT_BAN = /^\s?番/;
const SHORT_CONTEXT_BEFORE = /電話|tel|call|dial|ダイヤル|局番|ホットライン|hotline|通報/i;
const SHORT_CONTEXT_AFTER = /^\s?(?:に電話|へ電話|にお電話|に通報|へ通報|に連絡|に相談|へ相談|まで)/;
const BRACKETS = /^[\s「」『』()\[\]【】〈〉《》"'“”‘’:・\-]*$/;
const SHORT_CONTEXT_WINDOW = 12;

function standsAlone(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  // Bounded look: a very long line cannot "stand alone" anyway.
  if (start - lineStart > 8 || lineEnd - end > 8) return false;
  return BRACKETS.test(text.slice(lineStart, start)) && BRACKETS.test(text.slice(end, lineEnd));
}

function shortNumbers(text: string, limit: number): FoundPhone[] {
  const out: FoundPhone[] = [];
  if (limit <= 0) return out;
  SHORT.lastIndex = 0;
  for (let m = SHORT.exec(text); m !== null; m = SHORT.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    let code = raw;
    if (raw.length === 5) {
      code = '#9110';
    } else {
      const before = text.slice(Math.max(0, start - SHORT_CONTEXT_WINDOW), start);
      const after = text.slice(end, end + 8);
      if (SHORT_JOINED_BEFORE.test(before) || SHORT_JOINED_AFTER.test(after)) continue;
      if (SHORT_UNIT_AFTER.test(after)) continue;
      const accepted =
        SHORT_BAN.test(after) ||
        SHORT_CONTEXT_BEFORE.test(before) ||
        SHORT_CONTEXT_AFTER.test(after) ||
        standsAlone(text, start, end);
      if (!accepted) continue;
    }
    out.push({
      raw,
      e164: code,
      national: code,
      country: 'JP',
      international: false,
      type: 'emergency-or-short',
      span: [start, end],
    });
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Phone numbers in `text` (already NFKC-normalized), in text order, each with its
 * span in `text`. At most MAX_ITEMS_PER_KIND; only the first MAX_SCAN_CHARS
 * characters are scanned.
 */
export function extractPhones(text: string): FoundPhone[] {
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const phones = libraryPhones(scanned);
  const shorts = shortNumbers(scanned, MAX_ITEMS_PER_KIND - phones.length);
  const all = phones.concat(shorts).sort((a, b) => a.span[0] - b.span[0]);
  // A short number inside a longer match (never expected, but cheap to guard).
  const result: FoundPhone[] = [];
  let lastEnd = -1;
  for (const p of all) {
    if (p.span[0] < lastEnd) continue;
    result.push(p);
    lastEnd = p.span[1];
  }
  return result;
}
