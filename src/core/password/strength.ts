// Password strength: zxcvbn-ts (core 4) with the common, English and Japanese
// dictionaries (language packs 3.0.2), two Japanese-habit matchers (era dates, phone
// numbers) that lower the guess count of passwords built on them, and feedback in
// Japanese and English together (the page shows one, the CLI and tests use both).
import { MatcherBaseClass, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { FeedbackType, Matcher, MatchExtended, MatchOptions, Score } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as ja from '@zxcvbn-ts/language-ja';
import type { LocalizedText } from '../verdict/types.js';
import {
  HABIT_MESSAGES,
  findKeyboardRuns,
  findPhoneNumbers,
  findRomajiWords,
  findWarekiDates,
  phoneGuesses,
  warekiGuesses,
  type JapaneseHabit,
  type JapaneseHabitKind,
} from './japanese-habits.js';

/** Characters of a password that are scored. zxcvbn's matching grows faster than
 * linearly with length; anything longer than this is strong on length alone. */
export const MAX_SCORED_PASSWORD_CHARS = 256;

export interface StrengthResult {
  /** 0 (guessed at once) … 4 (very hard to guess), zxcvbn's scale. */
  score: Score;
  /** log10 of the guesses an attacker needs. */
  guessesLog10: number;
  /** One plain sentence about the score. */
  summary: LocalizedText;
  /** The main weakness, if any. */
  warning: LocalizedText | null;
  suggestions: LocalizedText[];
  /** Japanese habits found (era or western dates, phone numbers, romaji words, keyboard walks). */
  japaneseHabits: JapaneseHabit[];
  /** True when only the first MAX_SCORED_PASSWORD_CHARS characters were scored. */
  truncated: boolean;
}

// The 3.0.2 packs expose the keyboard graphs as a JSON module namespace ({ default: … })
// in both their CommonJS and ES builds; core 4's option check wants the graphs themselves.
type Graphs = Record<string, Record<string, (string | null)[]>>;
const commonGraphs = common.adjacencyGraphs as unknown as Graphs | { default: Graphs };
const GRAPHS: Graphs = 'default' in commonGraphs ? (commonGraphs.default as Graphs) : (commonGraphs as Graphs);


class WarekiMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    return findWarekiDates(password).map((m) => ({ pattern: 'wareki', i: m.start, j: m.end - 1, token: m.token, hasDay: m.hasDay }));
  }
}

class PhoneMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    return findPhoneNumbers(password).map((m) => ({ pattern: 'phone', i: m.start, j: m.end - 1, token: m.token, mobile: m.mobile }));
  }
}

// Feedback keys are zxcvbn's own, so the language packs' sentences apply to them.
const warekiMatcher: Matcher = {
  Matching: WarekiMatching,
  scoring: (match) => warekiGuesses({ hasDay: match['hasDay'] === true }),
  feedback: () => ({ warning: 'dates', suggestions: ['dates'] }),
};
const phoneMatcher: Matcher = {
  Matching: PhoneMatching,
  scoring: (match) => phoneGuesses({ mobile: match['mobile'] === true }),
  feedback: () => ({ warning: 'userInputs', suggestions: ['anotherWord'] }),
};

const JA_DICTIONARIES = {
  jaCommonWords: ja.dictionary.commonWords,
  jaFirstnames: ja.dictionary.firstnames,
  jaLastnames: ja.dictionary.lastnames,
  jaWikipedia: ja.dictionary.wikipedia,
};

let factory: ZxcvbnFactory | undefined;
let romajiWords: Set<string> | undefined;

/** Built on first use: ranking ~250,000 dictionary words takes a moment. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory(
    {
      graphs: GRAPHS,
      dictionary: { ...common.dictionary, ...en.dictionary, ...JA_DICTIONARIES },
      maxLength: MAX_SCORED_PASSWORD_CHARS,
      // No translations: feedback comes back as keys, translated into both languages below.
    },
    { wareki: warekiMatcher, phone: phoneMatcher },
  );
  return factory;
}

/** English words this common are not called romaji even when a Japanese list has them ("love", "game"). */
const EVERYDAY_ENGLISH_RANK = 5000;

/** Japanese words and names that are not also everyday English. */
function isRomaji(word: string): boolean {
  if (!romajiWords) {
    const english = new Set(en.dictionary.commonWords.slice(0, EVERYDAY_ENGLISH_RANK).map((w) => String(w).toLowerCase()));
    romajiWords = new Set(
      Object.values(JA_DICTIONARIES)
        .flat()
        .map((w) => String(w).toLowerCase())
        .filter((w) => !english.has(w)),
    );
  }
  return romajiWords.has(word);
}

const qwerty = GRAPHS['qwerty'] ?? {};
function adjacentOnKeyboard(a: string, b: string): boolean {
  return (qwerty[a] ?? []).some((keys) => keys !== null && keys.includes(b));
}

type FeedbackSection = 'warnings' | 'suggestions';
function translate(section: FeedbackSection, key: string): LocalizedText | null {
  const jaText = (ja.translations[section] as Record<string, string>)[key];
  const enText = (en.translations[section] as Record<string, string>)[key];
  return jaText && enText ? { ja: jaText, en: enText } : null;
}

const SUMMARIES: Record<Score, LocalizedText> = {
  0: { ja: 'とても弱いパスワードです。すぐに当てられてしまいます。', en: 'Very weak: it can be guessed almost at once.' },
  1: { ja: '弱いパスワードです。短い時間で当てられてしまいます。', en: 'Weak: it can be guessed quickly.' },
  2: { ja: 'まだ弱めです。もう少し長く、推測しにくくしましょう。', en: 'Fair, but still guessable. Make it longer and less predictable.' },
  3: { ja: 'まずまず強いパスワードです。', en: 'Fairly strong.' },
  4: { ja: '強いパスワードです。', en: 'Strong.' },
};

/** Every habit worth telling the person about, whether or not zxcvbn's cheapest reading used it. */
function japaneseHabits(password: string, sequence: MatchExtended[]): JapaneseHabit[] {
  const habits: JapaneseHabit[] = [];
  const add = (kind: JapaneseHabitKind, start: number, end: number) =>
    habits.push({ kind, start, end, message: HABIT_MESSAGES[kind](password.slice(start, end)) });
  for (const m of findWarekiDates(password)) add('wareki-date', m.start, m.end);
  for (const m of findPhoneNumbers(password)) add('phone-number', m.start, m.end);
  const inHabit = (i: number) => habits.some((h) => i >= h.start && i < h.end);
  for (const m of sequence) {
    const isDate = m.pattern === 'date' || (m.pattern === 'regex' && m['regexName'] === 'recentYear');
    if (isDate && !inHabit(m.i)) add('seireki-date', m.i, m.j + 1);
  }
  // A romaji word inside a longer non-Japanese dictionary word ("atte" in "battery") is a coincidence.
  const inForeignWord = (start: number, end: number) =>
    sequence.some(
      (m) => m.pattern === 'dictionary' && !String(m['dictionaryName']).startsWith('ja') && m.i <= start && m.j + 1 >= end && m.j + 1 - m.i > end - start,
    );
  for (const m of findRomajiWords(password, isRomaji)) {
    if (!inHabit(m.start) && !inForeignWord(m.start, m.end)) add('romaji-word', m.start, m.end);
  }
  for (const m of findKeyboardRuns(password, adjacentOnKeyboard)) {
    if (!habits.some((h) => m.start < h.end && h.start < m.end)) add('keyboard-pattern', m.start, m.end);
  }
  return habits.sort((a, b) => a.start - b.start);
}

/**
 * How hard `password` is to guess, with advice in Japanese and English.
 * `userInputs`: things about the person (name, email, birthday) that make it weaker if used.
 */
export function strength(password: string, userInputs: string[] = []): StrengthResult {
  const scored = password.slice(0, MAX_SCORED_PASSWORD_CHARS);
  const result = zxcvbn().check(scored, userInputs);
  const feedback: FeedbackType = result.feedback;
  return {
    score: result.score,
    guessesLog10: result.guessesLog10,
    summary: SUMMARIES[result.score],
    warning: feedback.warning ? translate('warnings', feedback.warning) : null,
    suggestions: feedback.suggestions.flatMap((key) => translate('suggestions', key) ?? []),
    japaneseHabits: japaneseHabits(scored, result.sequence),
    truncated: password.length > MAX_SCORED_PASSWORD_CHARS,
  };
}
