// Weak evidence from how the text is written: characters of simplified Chinese that
// Japanese does not use (machine-translated or foreign-run phishing), words hidden from
// filters with spaces, look-alike letters or invisible characters. None of it is enough
// alone; it adds to other evidence.
import type { Location } from '../extract/types.js';
import type { Message } from '../message/types.js';
import type { Finding, SignalContext } from './types.js';

/** Simplified Chinese forms whose Japanese counterparts differ (这/這, 帐/帳, 户/戸, 邮/郵,
 * 录/録, 确/確 …). Characters shared with Japanese (的, 号, 点, 系) are left out. */
const SIMPLIFIED_ONLY_CHARACTERS =
  '这们说为对时发现进过还应该请问账帐户码务确认银邮录网联线电话单费货运输递您吗呢亲爱贵证验实钱开关门间买卖让设击页详动无续处签订阅览';

/** SIMPLIFIED_ONLY_CHARACTERS (all CJK unified ideographs) marked by code unit from
 * U+4E00: a text is read with one look-up per character, several times faster than
 * through a regex class of so many scattered characters. */
const CJK_START = 0x4e00;
const SIMPLIFIED_ONLY = new Uint8Array(0xa000 - CJK_START);
for (const ch of SIMPLIFIED_ONLY_CHARACTERS) SIMPLIFIED_ONLY[ch.charCodeAt(0) - CJK_START] = 1;

/** Any CJK unified ideograph. A text of Latin-1 characters only (most mail) is held by
 * the engine in one byte per character, and this class is ruled out without reading it. */
const CJK = /[\u4e00-\u9fff]/;

/** The simplified-only characters of `text`, each once, in order of first appearance. */
function simplifiedOnly(text: string): Set<string> {
  const found = new Set<string>();
  if (!CJK.test(text)) return found;
  for (let i = 0; i < text.length; i++) {
    const index = text.charCodeAt(i) - CJK_START;
    if (index >= 0 && index < SIMPLIFIED_ONLY.length && SIMPLIFIED_ONLY[index] === 1) found.add(text[i]!);
  }
  return found;
}

/** Fewest distinct simplified-only characters before the text counts as written with
 * them: one can be a typo or a name. */
const MIN_SIMPLIFIED = 2;

/** Phrases of Chinese-made Japanese phishing ("尊敬的", a doubled 様). Literals only. */
const TRANSLATION_TELLS = /尊敬的|お客様様|様様|親愛なるお客様/;

/** A letter of the alphabets a homoglyph hides in (Latin, Cyrillic, Greek)… */
const ALPHABETIC = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
/** …outside ASCII: only a word holding one can mix scripts. Any character outside ASCII
 * and outside U+3000–U+9FFF (CJK punctuation, kana, kanji: no letter of those scripts
 * there) first, its script only then: ASCII and Japanese text are passed over by one
 * cheap class test per character instead of a look-behind and a Unicode property test. */
const FOREIGN_LETTER = /[^\x00-\x7f\u3000-\u9fff](?<=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])/gu;
/** A code unit where FOREIGN_LETTER may start (a surrogate too). Without the u flag the
 * engine reads unit by unit, several times faster than through the code points: a text
 * without one (most Japanese and ASCII text) is passed over by this test alone. */
const MAY_BE_FOREIGN = /[^\x00-\x7f\u3000-\u9fff]/;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];


/**
 * The first word — a run of Latin, Cyrillic and Greek letters — that mixes those
 * scripts. Only words around a non-ASCII letter are read: most text has none, and
 * cutting every word out of a long English mail cost more than the rest of this module.
 */
export function firstMixedScriptWord(text: string): string | null {
  if (!MAY_BE_FOREIGN.test(text)) return null;
  let examinedTo = 0;
  for (const hit of text.matchAll(FOREIGN_LETTER)) {
    if (hit.index < examinedTo) continue;
    let start = hit.index;
    while (start > 0 && ALPHABETIC.test(codePointBefore(text, start))) start -= codePointBefore(text, start).length;
    let end = hit.index + hit[0].length;
    while (end < text.length && ALPHABETIC.test(codePointAt(text, end))) end += codePointAt(text, end).length;
    examinedTo = end;
    const word = text.slice(start, end);
    if (SCRIPTS.filter((re) => re.test(word)).length > 1) return word;
  }
  return null;
}

/** The character (one or two code units) at `index`. */
function codePointAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

/** The character (one or two code units) that ends at `index`. */
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff && /[\ud800-\udbff]/.test(text[index - 2]!);
  return pair ? text.slice(index - 2, index) : text[index - 1]!;
}

/** Fewest letters (not digits) a spaced-out run needs to be a word: "5 x 5" and "8 N 1" are a size and a setting. */
const MIN_SPACED_WORD_LETTERS = 2;

const LETTERS = /\p{L}/gu;

function countLetters(text: string): number {
  return text.match(LETTERS)?.length ?? 0;
}

/** A line of capital Latin letters, digits, spaces and punctuation only. */
const CAPITALS_LINE = /^[A-Z0-9\s\p{P}\p{S}]*$/u;

/** Whether a spaced word stands on a line of spaced capitals of its own: a heading. */
function isSpacedHeading(message: Message, location: Location): boolean {
  const field = location.field;
  const text = field === 'subject' ? message.subject : field === 'text' ? message.text : field === 'htmlText' ? message.htmlText : null;
  if (text === null) return false;
  const [start, end] = location.span;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline);
  return /[A-Z]/.test(line) && CAPITALS_LINE.test(line);
}

export function languageFindings({ message, extracted }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const text = `${message.subject ?? ''}\n${message.from?.name ?? ''}\n${message.text}`;
  const simplified = simplifiedOnly(text);
  if (simplified.size >= MIN_SIMPLIFIED) {
    findings.push({ code: 'lang.simplified-chinese', evidence: [...simplified].slice(0, 8).join(' ') });
  }
  const tell = TRANSLATION_TELLS.exec(text);
  if (tell !== null) findings.push({ code: 'lang.translation-tell', evidence: tell[0] });
  const mixed = firstMixedScriptWord(text);
  if (mixed !== null) findings.push({ code: 'lang.mixed-script', evidence: mixed });
  // Spaced digits ("easy as 1 2 3", "Steps 1 2 3 4") are counting, not a word pulled
  // apart to slip past filters, and neither are sizes and settings with one letter
  // ("5 x 5", "8 N 1"): only runs of two letters or more count. A line of spaced
  // capitals and nothing else ("M E D I A  U N S P U N") is a newsletter's heading,
  // set wide to be seen, not a word hidden inside a sentence.
  for (const spaced of extracted.spacedWords) {
    if (countLetters(spaced.joined) < MIN_SPACED_WORD_LETTERS || isSpacedHeading(message, spaced.location)) continue;
    findings.push({ code: 'lang.spaced-word', evidence: spaced.joined, location: spaced.location });
  }
  if (extracted.invisible.total > 0) {
    findings.push({
      code: 'lang.invisible',
      evidence: extracted.invisible.codePoints.map((c) => `${c.codePoint}×${c.count}`).join(', '),
    });
  }
  return findings;
}
