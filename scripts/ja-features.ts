// Features of the small Japanese text model (train-ja-model.ts): the distinct character
// 1–3-grams of a message. Links are cut out (the rules judge links; the model, wording), digits
// fold to 0 (an amount or a number is a shape, not a value), whitespace collapses.
import { foldForMatching } from '../src/core/normalize/index.js';

/** Longest character n-gram. */
export const JA_MAX_GRAM = 3;
/** Characters read (longer text is cut): bounds the work on huge input. */
export const JA_MAX_CHARS = 20_000;

/** Links (and the bare or masked schemes pages leave: "https://~", "http:〇〇"). */
const LINK = /(?:h?[tｔ]{2}[pｐ][sｓ]?|hxxps?)[:：][^\s「」『』（）()<>＜＞、。]*|www\.[^\s「」『』（）()<>＜＞、。]*/giu;

/** The text as the model reads it: NFKC lower case, links cut, digits as 0, whitespace collapsed. */
export function jaModelText(text: string): string {
  return foldForMatching(text.slice(0, JA_MAX_CHARS))
    .replace(LINK, ' ')
    .replace(/[0-9]/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The distinct character 1–3-grams of `text` (subject, a line break, then the body),
 * a lone space excepted. Training and scoring both use exactly this. */
export function jaGrams(text: string): Set<string> {
  const chars = [...jaModelText(text)];
  const grams = new Set<string>();
  for (let n = 1; n <= JA_MAX_GRAM; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = n === 1 ? chars[i]! : chars.slice(i, i + n).join('');
      if (gram !== ' ') grams.add(gram);
    }
  }
  return grams;
}

/** Fewest hiragana and katakana characters for the model's opinion to count: it was
 * trained on Japanese only, and text with little Japanese (English, a number, an empty
 * message) scores near its bias, which says nothing. */
export const JA_MIN_KANA = 10;

/** Whether `text` holds enough Japanese for the model to read it. */
export function jaReadable(text: string): boolean {
  let kana = 0;
  for (const c of text.slice(0, JA_MAX_CHARS)) {
    const code = c.charCodeAt(0);
    if ((code >= 0x3041 && code <= 0x30ff) || (code >= 0xff66 && code <= 0xff9d)) {
      if (++kana >= JA_MIN_KANA) return true;
    }
  }
  return false;
}
