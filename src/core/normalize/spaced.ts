import { type MappedText, MappedTextBuilder } from './mapped-text.js';

/** Fewest single letters in a row before we treat them as one spaced-out word.
 * Three keeps "ヤ マ ト" while leaving "a I" and initials like "J K" alone. */
const MIN_SPACED_LETTERS = 3;

const LETTER = /[\p{L}\p{N}]/u;
const ALPHABETIC = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const HAN = /\p{Script=Han}/u;

/** Letters of different classes do not form one word: in "ア マ ゾ ンより" the kana ン
 * ends the spaced word even though a kana follows, and "Ａ ｍ ａ ｚ ｏ ｎより" ends at
 * "n" because Latin and kana never belong to one word. Cyrillic and Greek count as
 * Latin so a homoglyph inside a spaced word does not split it. */
const ALPHABETIC_CLASS = 1;

function wordClass(ch: string): number {
  if (ALPHABETIC.test(ch)) return ALPHABETIC_CLASS;
  if (KANA.test(ch)) return 2;
  if (HAN.test(ch)) return 3;
  return LETTER.test(ch) ? 4 : 0;
}

// Spaces where a run can start: a possible letter before it and a possible second
// letter, a space and a possible third letter after it (an ASCII letter or digit, or
// any non-ASCII unit, which the caller classifies exactly; the second letter may be a
// surrogate pair), since a run has MIN_SPACED_LETTERS single letters ("a b c", also
// "ア マ ゾン"); and an ASCII letter or digit before the space only when no ASCII letter
// or digit precedes it ("a b c", not "ab c d"; a non-ASCII letter before it may still
// start a run of another class). The look-ahead spares the caller "a house" and "I am",
// which English has at every other line. Single characters with look-arounds of at
// most four: linear.
const POSSIBLE_LETTER = '[A-Za-z0-9\\u0080-\\uffff]';
const SECOND_AND_THIRD = `(?=${POSSIBLE_LETTER}[\\udc00-\\udfff]? ${POSSIBLE_LETTER})`;
const CANDIDATE_SPACE = new RegExp(`(?<![A-Za-z0-9])[A-Za-z0-9] ${SECOND_AND_THIRD}|[\\u0080-\\uffff] ${SECOND_AND_THIRD}`, 'g');

/** The first space at or after `from` where a run may start, or -1; with `everySpace`
 * (tests: what the candidates must agree with), the first space. */
function nextCandidateSpace(text: string, from: number, everySpace: boolean): number {
  if (everySpace) return text.indexOf(' ', from);
  CANDIDATE_SPACE.lastIndex = Math.max(0, from - 1);
  return CANDIDATE_SPACE.test(text) ? CANDIDATE_SPACE.lastIndex - 1 : -1;
}

/** Scratch for joinSpacedLetters: [start, end) of the letters of the current candidate. */
const LETTER_STARTS: number[] = [];
const LETTER_ENDS: number[] = [];
/** Longer scratch (from a very long run) is let go after use. */
const SCRATCH_KEPT = 1024;

export interface SpacedRun {
  /** The letters joined: "Amazon". */
  joined: string;
  /** [start, end) in the original source. */
  sourceSpan: [number, number];
}

function classAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return 0;
  const unit = text.charCodeAt(index);
  // ASCII fast path: most text scanned is English mail.
  if (unit < 0x80) {
    const lower = unit | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (unit >= 0x30 && unit <= 0x39) ? ALPHABETIC_CLASS : 0;
  }
  return wordClass(String.fromCodePoint(text.codePointAt(index)!));
}

/** Whether the character at `index` is a letter of word class `cls` (0: any letter). */
function isLetterAt(text: string, index: number, cls = 0): boolean {
  const at = classAt(text, index);
  return at !== 0 && (cls === 0 || at === cls);
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Start index of the code point that ends just before `index`. */
function previousStart(text: string, index: number): number {
  return index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) ? index - 2 : index - 1;
}

/**
 * Joins words written with a space between every letter ("A m a z o n",
 * "ア マ ゾ ン") so names hidden that way still match. Linear: one pass over the
 * spaces, each character looked at a bounded number of times. `everySpace` (tests)
 * tries a run at every space instead of the candidates CANDIDATE_SPACE picks.
 */
export function joinSpacedLetters(input: MappedText, everySpace = false): { mapped: MappedText; runs: SpacedRun[] } {
  const text = input.text;
  // Made at the first run: without one the result is `input` itself.
  let builder: MappedTextBuilder | null = null;
  const runs: SpacedRun[] = [];
  let copiedTo = 0;
  // Every run has a single letter right before a space: jump from candidate space to
  // candidate space instead of classifying every character.
  for (let space = nextCandidateSpace(text, 0, everySpace); space !== -1; ) {
    const i = previousStart(text, space);
    const cls = classAt(text, i);
    const startsRun =
      i >= copiedTo && cls !== 0 && !isLetterAt(text, previousStart(text, i), cls) && isLetterAt(text, space + 1, cls);
    if (!startsRun) {
      space = nextCandidateSpace(text, space + 1, everySpace);
      continue;
    }
    // The letters' [start, end) go to reused arrays: most candidates ("a house",
    // "I am") end after one letter and are dropped.
    let count = 0;
    let j = i;
    for (;;) {
      const width = text.codePointAt(j)! > 0xffff ? 2 : 1;
      const afterLetter = j + width;
      LETTER_STARTS[count] = j;
      LETTER_ENDS[count] = afterLetter;
      count++;
      // Continue over exactly one space followed by a letter of the same class.
      if (text[afterLetter] !== ' ' || !isLetterAt(text, afterLetter + 1, cls)) break;
      const nextWidth = text.codePointAt(afterLetter + 1)! > 0xffff ? 2 : 1;
      if (isLetterAt(text, afterLetter + 1 + nextWidth, cls)) {
        // Japanese has no spaces between words, so the last spaced letter is often
        // glued to the words that follow ("ア マ ゾ ンより"): it still ends the spaced
        // word. In Latin text a glued letter starts the next word ("A m a z o n account").
        if (cls !== ALPHABETIC_CLASS && count + 1 >= MIN_SPACED_LETTERS) {
          LETTER_STARTS[count] = afterLetter + 1;
          LETTER_ENDS[count] = afterLetter + 1 + nextWidth;
          count++;
        }
        break;
      }
      j = afterLetter + 1;
    }
    const runEnd = LETTER_ENDS[count - 1]!;
    if (count >= MIN_SPACED_LETTERS) {
      builder ??= new MappedTextBuilder(input);
      builder.copy(copiedTo, i);
      const parts: string[] = [];
      for (let k = 0; k < count; k++) {
        builder.copy(LETTER_STARTS[k]!, LETTER_ENDS[k]!);
        parts.push(text.slice(LETTER_STARTS[k]!, LETTER_ENDS[k]!));
      }
      for (let k = 1; k < count; k++) builder.drop(LETTER_ENDS[k - 1]!, LETTER_STARTS[k]!);
      copiedTo = runEnd;
      runs.push({ joined: parts.join(''), sourceSpan: input.toSource(i, runEnd) });
    }
    space = nextCandidateSpace(text, Math.max(space + 1, runEnd), everySpace);
  }
  if (LETTER_STARTS.length > SCRATCH_KEPT) LETTER_STARTS.length = LETTER_ENDS.length = 0;
  if (builder === null) return { mapped: input, runs };
  builder.copy(copiedTo, text.length);
  return { mapped: builder.build(), runs };
}
