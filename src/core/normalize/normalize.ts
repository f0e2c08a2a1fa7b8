import { MappedText, MappedTextBuilder } from './mapped-text.js';

// Characters that render as nothing (or only reorder text) and are used to split
// words so filters miss them ("Ama\u200Bzon") or to reverse a file extension
// ("invoice\u202Egpj.exe"). They are removed for matching and recorded as evidence.
const ZERO_WIDTH = new Set([
  0x00ad, // soft hyphen
  0x034f, // combining grapheme joiner
  0x061c, // Arabic letter mark
  0x115f, // Hangul choseong filler
  0x1160, // Hangul jungseong filler
  0x17b4, // Khmer vowel inherent aq
  0x17b5, // Khmer vowel inherent aa
  0x180e, // Mongolian vowel separator
  0x200b, // zero width space
  0x200c, // zero width non-joiner
  0x200d, // zero width joiner (removed everywhere, reported only outside emoji sequences)
  0x2060, // word joiner
  0x2061, // function application
  0x2062, // invisible times
  0x2063, // invisible separator
  0x2064, // invisible plus
  0x3164, // Hangul filler
  0xfeff, // zero width no-break space / BOM
  0xffa0, // half-width Hangul filler
]);

function isBidiControl(cp: number): boolean {
  return cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** Unicode tag characters: invisible ASCII look-alikes used to smuggle hidden text. */
function isTagCharacter(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/** Variation selectors change a glyph's style, never its meaning; dropped silently
 * for matching because emoji carry them in ordinary messages. */
function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

const EMOJI = /\p{Extended_Pictographic}/u;
const COMBINING = /\p{M}/u;

/** Half-width katakana voiced marks are not combining marks (they are Lm), yet NFKC
 * composes them with the preceding kana: ｶﾞ → ガ. They must stay in one cluster. */
function continuesCluster(cp: number): boolean {
  return cp === 0xff9e || cp === 0xff9f || (cp >= 0x0300 && COMBINING.test(String.fromCodePoint(cp)));
}

/** Removed for matching: zero-width, bidirectional-control, tag characters and variation selectors. */
function isHidden(cp: number): boolean {
  return ZERO_WIDTH.has(cp) || isBidiControl(cp) || isTagCharacter(cp) || isVariationSelector(cp);
}

// What normalizeForMatching asks of every non-ASCII code point, per BMP code unit, so a
// Japanese text costs a table look-up per character instead of a Set look-up, a
// one-character string and a \p{M} test (twice: as a cluster's start and as the
// character after one). Filled lazily; surrogates go the general way.
const UNIT_KNOWN = 1;
const UNIT_HIDDEN = 2;
const UNIT_CONTINUES = 4;
/** A character that ends the cluster before it although it may continue one (zero-width, variation selector). */
const UNIT_BREAKS = 8;
const UNIT_CLASS = new Uint8Array(0x10000);

/** The UNIT_* bits of a code point. */
function classOf(cp: number): number {
  if (cp < 0xd800 || (cp > 0xdfff && cp <= 0xffff)) {
    let bits = UNIT_CLASS[cp]!;
    if (bits === 0) {
      bits = classify(cp);
      UNIT_CLASS[cp] = bits;
    }
    return bits;
  }
  return classify(cp);
}

function classify(cp: number): number {
  return (
    UNIT_KNOWN |
    (isHidden(cp) ? UNIT_HIDDEN : 0) |
    (continuesCluster(cp) ? UNIT_CONTINUES : 0) |
    (ZERO_WIDTH.has(cp) || isVariationSelector(cp) ? UNIT_BREAKS : 0)
  );
}

export interface InvisibleFinding {
  /** U+XXXX */
  codePoint: string;
  /** Offset in the source. */
  index: number;
}

export interface NormalizedText {
  mapped: MappedText;
  invisible: InvisibleFinding[];
}

function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Per BMP code unit: 0 not yet known, 1 NFKC leaves it alone, 2 it changes it (or
 * it is a surrogate). Filled lazily. */
const NFKC_FLAGS = new Uint8Array(0x10000);

function keptByNfkc(unit: number): boolean {
  let flag = NFKC_FLAGS[unit]!;
  if (flag === 0) {
    const ch = String.fromCharCode(unit);
    flag = unit >= 0xd800 && unit <= 0xdfff ? 2 : ch.normalize('NFKC') === ch ? 1 : 2;
    NFKC_FLAGS[unit] = flag;
  }
  return flag === 1;
}

// Strings that need no work at all: printable ASCII plus newlines and tabs.
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * NFKC for matching — full-width letters, digits and punctuation become ASCII,
 * half-width katakana becomes full-width, "①" becomes "1" — with zero-width,
 * bidirectional-control and tag characters removed and recorded. The original
 * stays untouched; the result maps back to it.
 */
export function normalizeForMatching(source: string): NormalizedText {
  const base = MappedText.identity(source);
  if (PLAIN_ASCII.test(source)) return { mapped: base, invisible: [] };

  const builder = new MappedTextBuilder(base);
  const invisible: InvisibleFinding[] = [];
  let i = 0;
  let plainFrom = 0;
  const n = source.length;
  while (i < n) {
    const unit = source.charCodeAt(i);
    if (unit < 0x80) {
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const bits = classOf(cp);
    const hidden = (bits & UNIT_HIDDEN) !== 0;
    // A combining mark right after an ASCII character composes with it (e + U+0301 → é):
    // start the cluster at that character, which the ASCII fast path has not copied yet.
    const start = !hidden && i > plainFrom && (bits & UNIT_CONTINUES) !== 0 ? i - 1 : i;
    if (hidden) {
      builder.copy(plainFrom, start);
      const joinsEmoji =
        cp === 0x200d && EMOJI.test(previousCodePoint(source, i)) && EMOJI.test(nextCodePoint(source, i + 1));
      if (!isVariationSelector(cp) && !joinsEmoji) invisible.push({ codePoint: codePointLabel(cp), index: i });
      builder.drop(i, i + width);
      i += width;
      plainFrom = i;
      continue;
    }
    let end = i + width;
    while (end < n) {
      const next = source.codePointAt(end)!;
      if ((classOf(next) & (UNIT_CONTINUES | UNIT_BREAKS)) !== UNIT_CONTINUES) break;
      end += next > 0xffff ? 2 : 1;
    }
    // A cluster of one code unit that NFKC leaves alone (most kana, kanji, accented
    // letters) would be pushed unchanged, which maps exactly like a copy: leave it
    // in the plain stretch that the next copy takes.
    if (start === i && end === i + 1 && keptByNfkc(unit)) {
      i = end;
      continue;
    }
    builder.copy(plainFrom, start);
    const cluster = source.slice(start, end);
    builder.push(cluster.normalize('NFKC'), start, end);
    i = end;
    plainFrom = i;
  }
  builder.copy(plainFrom, n);
  return { mapped: builder.build(), invisible };
}

function previousCodePoint(s: string, index: number): string {
  if (index === 0) return '';
  const low = s.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(s.codePointAt(start)!);
}

function nextCodePoint(s: string, index: number): string {
  return index < s.length ? String.fromCodePoint(s.codePointAt(index)!) : '';
}

/** NFKC plus lower case: the form names and aliases are compared in. */
export function foldForMatching(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Kana (U+3041–U+30FF) and the common kanji (U+4E00–U+9FFF), as a regex class body. */
const KANA_OR_KANJI = '\\u3041-\\u30ff\\u4e00-\\u9fff';
const IS_KANA_OR_KANJI = new RegExp(`[${KANA_OR_KANJI}]`);
/** A space with kana or kanji on both sides. One character each side, no quantifier: linear. */
const SPACE_IN_JAPANESE = new RegExp(`(?<=[${KANA_OR_KANJI}]) (?=[${KANA_OR_KANJI}])`, 'g');

/** The code units a hidden character (isHidden) starts with: ZERO_WIDTH, the
 * bidirectional controls, the variation selectors, and the high surrogate of the tag
 * characters and the supplementary variation selectors (U+E0000–U+E01EF). One native scan
 * for them settles most texts, which have none. */
const MAY_START_HIDDEN = new RegExp(
  `[${[...ZERO_WIDTH].map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('')}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufe00-\\ufe0f\\udb40]`,
);

/** `s` without the characters normalizeForMatching removes (isHidden). */
function withoutHidden(s: string): string {
  if (!MAY_START_HIDDEN.test(s)) return s;
  let kept = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if ((classOf(cp) & UNIT_HIDDEN) !== 0) {
      kept += s.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? s : kept + s.slice(from);
}

/**
 * foldForMatching for reading what a message says (its requests, lures and scam
 * patterns): the characters normalizeForMatching removes (zero-width, bidirectional
 * controls …) are removed first, and each space between two kana or kanji is dropped.
 * Both split words so that filters miss them (「暗証\u200b番号」「未加 算ポイント」), and
 * Japanese is written without spaces: one there is otherwise a line a web page or PDF
 * wrapped when the text was copied (「起算し て」). Spaces between Latin words stay. Both
 * steps first ask whether there is anything to do, in one native scan: a text held one
 * byte per character (most English mail) is ruled out of kana and kanji without being read.
 */
export function foldForReading(s: string): string {
  const folded = foldForMatching(withoutHidden(s));
  return IS_KANA_OR_KANJI.test(folded) && folded.includes(' ') ? folded.replace(SPACE_IN_JAPANESE, '') : folded;
}

/**
 * foldForReading of `source` as a MappedText that maps back to it, for showing where the
 * words read stand in the text as given: per character cluster rather than over the whole
 * string (as normalizeForMatching), which comes to the same text but where invisible
 * characters split a cluster (「ｶ\u200bﾞ」).
 */
export function mappedForReading(source: string): MappedText {
  const matching = normalizeForMatching(source).mapped;
  const text = matching.text;
  const builder = new MappedTextBuilder(matching);
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i]!;
    const japaneseSpace = unit === ' ' && IS_KANA_OR_KANJI.test(text.charAt(i - 1)) && IS_KANA_OR_KANJI.test(text.charAt(i + 1));
    const lower = japaneseSpace ? '' : unit.toLowerCase();
    if (lower === unit) continue;
    builder.copy(copied, i);
    if (japaneseSpace) builder.drop(i, i + 1);
    else builder.push(lower, i, i + 1);
    copied = i + 1;
  }
  builder.copy(copied, text.length);
  return builder.build();
}

/**
 * Finds the checker's evidence in the text the reader gave: the reasons and requests quote
 * the text as the checker read it (foldForReading: NFKC, lower case, no invisible
 * characters, no spaces inside Japanese), which is often not a substring of the text
 * itself (「ＡＴＭ」, 「ｶｰﾄﾞ」, 「カード情 報」). Returns a function from evidence to its
 * [start, end) in `source`, or null where it is not there. `mapped` is
 * mappedForReading(source) when the caller has it; otherwise it is built once, when first
 * needed.
 */
export function evidenceLocator(source: string, mapped?: MappedText): (evidence: string) => [number, number] | null {
  let reading = mapped ?? null;
  return (evidence) => {
    if (evidence === '') return null;
    const exact = source.indexOf(evidence);
    if (exact >= 0) return [exact, exact + evidence.length];
    reading ??= mappedForReading(source);
    const at = reading.text.indexOf(evidence);
    return at < 0 ? null : reading.toSource(at, at + evidence.length);
  };
}

/** foldForMatching with hiragana as katakana: what people type into a search box
 * (やまと, ヤマト and ﾔﾏﾄ are one word). */
export function foldForSearch(s: string): string {
  return foldForMatching(s).replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
