// Habits Japanese speakers use when they choose a password, which a generic English
// strength meter misses or misnames: dates in the Japanese era calendar (和暦), phone
// numbers, Japanese words and names written in romaji, keyboard walks. The era-date
// and phone-number finders also feed zxcvbn as custom matchers, so a password built on
// them gets the (small) number of guesses an attacker really needs.
import type { LocalizedText } from '../verdict/types.js';

export type JapaneseHabitKind = 'wareki-date' | 'seireki-date' | 'phone-number' | 'romaji-word' | 'keyboard-pattern';

/** One habit found in a password: what it is, where, and what to say about it. */
export interface JapaneseHabit {
  kind: JapaneseHabitKind;
  /** Start and end (exclusive) of the part of the password, in UTF-16 code units. */
  start: number;
  end: number;
  message: LocalizedText;
}

interface Era {
  names: string[];
  firstYear: number;
  /** Last year number of the era; null while the era goes on. */
  lastYear: number | null;
}

// Heisei and Reiwa as the Cabinet Office gives them (元号について,
// https://www.cao.go.jp/others/soumu/gengou/index.html); Meiji, Taisho and Showa by the
// last year each reached (45, 15, 64).
const ERAS: Era[] = [
  { names: ['m', 'meiji', '明治'], firstYear: 1868, lastYear: 45 },
  { names: ['t', 'taisho', 'taishou', 'taisyo', '大正'], firstYear: 1912, lastYear: 15 },
  { names: ['s', 'showa', 'shouwa', 'syowa', '昭和'], firstYear: 1926, lastYear: 64 },
  { names: ['h', 'heisei', '平成'], firstYear: 1989, lastYear: 31 },
  { names: ['r', 'reiwa', '令和'], firstYear: 2019, lastYear: null },
];

function eraYears(era: Era): number {
  return era.lastYear ?? new Date().getFullYear() - era.firstYear + 1;
}

/** Every year an attacker would try with the era letter or name in front. */
const ERA_YEAR_SPACE = ERAS.reduce((sum, era) => sum + eraYears(era), 0);

const ERA_BY_NAME = new Map(ERAS.flatMap((era) => era.names.map((name) => [name, era] as const)));

// Longest names first so "showa" wins over "s". Bounded quantifiers only: no backtracking blow-up.
const ERA_NAMES = [...ERA_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
// Month and day: "0412", or with separators "4.12" / "04-12".
const WAREKI_PATTERN = new RegExp(`(${ERA_NAMES})(\\d{1,2})(?:年)?(?:([-./_])(\\d{1,2})\\3(\\d{1,2})|(\\d{2})(\\d{2}))?`, 'gi');

/** An era date or year found in a password (for zxcvbn and for the habit list). */
export interface WarekiMatch {
  start: number;
  end: number;
  token: string;
  hasDay: boolean;
}

export function findWarekiDates(password: string): WarekiMatch[] {
  const found: WarekiMatch[] = [];
  for (const m of password.matchAll(WAREKI_PATTERN)) {
    const era = ERA_BY_NAME.get(m[1]!.toLowerCase());
    const year = Number(m[2]);
    if (!era || year < 1 || year > eraYears(era)) continue;
    // A one-letter era glued to letters on its left is part of a word ("hs60" is, "this1" is not a date).
    const start = m.index;
    if (m[1]!.length === 1 && start > 0 && /[a-z]/i.test(password[start - 1]!)) continue;
    const monthText = m[4] ?? m[6];
    const month = Number(monthText);
    const day = Number(m[5] ?? m[7]);
    const validDay = monthText !== undefined && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    const yearEnd = m[1]!.length + m[2]!.length;
    const token = validDay ? m[0] : m[0].slice(0, m[0][yearEnd] === '年' ? yearEnd + 1 : yearEnd);
    found.push({ start, end: start + token.length, token, hasDay: validDay });
  }
  return found;
}

/** Guesses for an era date: every era year, times every day of the year when a day is given. */
export function warekiGuesses(match: { hasDay: boolean }): number {
  return ERA_YEAR_SPACE * (match.hasDay ? 366 : 1);
}

export interface PhoneMatch {
  start: number;
  end: number;
  token: string;
  mobile: boolean;
}

// Japanese numbers: mobiles 060/070/080/090 + 8 digits (060: the new mobile range proposed by 総務省 in October 2024);
// landlines 0 + 9 digits; with or without hyphens. Numbering plan (総務省 電気通信番号):
// https://www.soumu.go.jp/main_sosiki/joho_tsusin/top/tel_number/
const MOBILE_PATTERN = /0[6789]0-?\d{4}-?\d{4}/g;
const LANDLINE_PATTERN = /0[1-9]\d{0,3}-?\d{1,4}-?\d{4}/g;
const LANDLINE_DIGITS = 10;

export function findPhoneNumbers(password: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  const taken = new Set<number>();
  for (const m of password.matchAll(MOBILE_PATTERN)) {
    found.push({ start: m.index, end: m.index + m[0].length, token: m[0], mobile: true });
    for (let i = m.index; i < m.index + m[0].length; i++) taken.add(i);
  }
  for (const m of password.matchAll(LANDLINE_PATTERN)) {
    if (taken.has(m.index)) continue;
    if (m[0].replaceAll('-', '').length !== LANDLINE_DIGITS) continue;
    if (/\d/.test(password[m.index + m[0].length] ?? '')) continue;
    found.push({ start: m.index, end: m.index + m[0].length, token: m[0], mobile: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Guesses for a phone number: all mobile numbers (4 prefixes × 10^8), or all ten-digit landlines. */
export function phoneGuesses(match: { mobile: boolean }): number {
  return match.mobile ? 4e8 : 1e9;
}

/** Shortest keyboard walk reported; three-key runs ("qwe") happen by chance in real words. */
const MIN_KEYBOARD_RUN = 4;

/** Runs of keys next to each other on the keyboard (qwerty; the JIS layout has the same letters and digits). */
export function findKeyboardRuns(password: string, adjacent: (a: string, b: string) => boolean): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 1; i <= password.length; i++) {
    if (i < password.length && adjacent(password[i - 1]!, password[i]!)) continue;
    const run = password.slice(start, i);
    // Digit-only runs ("1234") are number sequences; zxcvbn already names them.
    if (i - start >= MIN_KEYBOARD_RUN && /[^0-9]/.test(run)) {
      // Walks that continue on another row ("1qaz" + "2wsx") are one pattern.
      const previous = runs.at(-1);
      if (previous?.end === start) previous.end = i;
      else runs.push({ start, end: i });
    }
    start = i;
  }
  return runs;
}

/** Shortest romaji word reported: shorter ones ("ai", "ki") turn up inside any random letters. */
const MIN_ROMAJI_WORD = 4;
/** Longest romaji word looked up; the dictionaries have nothing longer that matters. */
const MAX_ROMAJI_WORD = 20;

/** Japanese words and names in romaji, longest first, not overlapping. */
export function findRomajiWords(password: string, isRomaji: (word: string) => boolean): { start: number; end: number }[] {
  const lower = password.toLowerCase();
  const found: { start: number; end: number }[] = [];
  let i = 0;
  while (i < lower.length) {
    let end = 0;
    for (let len = Math.min(MAX_ROMAJI_WORD, lower.length - i); len >= MIN_ROMAJI_WORD; len--) {
      const word = lower.slice(i, i + len);
      if (/^[a-z]+$/.test(word) && isRomaji(word)) {
        end = i + len;
        break;
      }
    }
    if (end) {
      found.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

export const HABIT_MESSAGES: Record<JapaneseHabitKind, (token: string) => LocalizedText> = {
  'wareki-date': (token) => ({
    ja: `「${token}」は和暦の年や日付のようです。誕生日や記念日は、知り合いや名簿から推測されやすいので避けましょう。`,
    en: `"${token}" looks like a year or date in the Japanese era calendar. Birthdays and anniversaries are easy to guess from a leaked list, so avoid them.`,
  }),
  'seireki-date': (token) => ({
    ja: `「${token}」は西暦の年や日付のようです。誕生日や記念日は推測されやすいので避けましょう。`,
    en: `"${token}" looks like a year or date. Birthdays and anniversaries are easy to guess, so avoid them.`,
  }),
  'phone-number': (token) => ({
    ja: `「${token}」は電話番号のようです。電話番号は名簿と一緒に漏れることが多いので、パスワードに使わないでください。`,
    en: `"${token}" looks like a phone number. Phone numbers often leak together with names, so do not use them in a password.`,
  }),
  'romaji-word': (token) => ({
    ja: `「${token}」はローマ字の日本語の言葉か名前です。よく使われる言葉や名前は最初に試されます。`,
    en: `"${token}" is a Japanese word or name written in romaji. Common words and names are among the first things tried.`,
  }),
  'keyboard-pattern': (token) => ({
    ja: `「${token}」はキーボードの並びどおりに打った文字です。この並びはよく知られていて、すぐに試されます。`,
    en: `"${token}" follows keys next to each other on the keyboard. Such patterns are well known and tried early.`,
  }),
};
