// Shared preparation for URL and email extraction:
//
// 1. `refang` turns defanged forms back into working ones (hxxps → https, [.] → .)
//    through a MappedTextBuilder, so every position still maps to the original.
// 2. `buildScanText` derives a same-length string in which everything that cannot be
//    part of a link in a Japanese message is replaced by a space. linkify-it (and the
//    email scanner) then see clean word boundaries: a URL glued to 「」。、 or to kana
//    and kanji ends there, and a scheme glued after Japanese text starts there. Same
//    length means an offset in the scan text is an offset in the refanged text.
//
// Decision: Japanese letters (kana, kanji) end a URL path or query. Japanese inside a
// URL path is rare in messages (it arrives percent-encoded), while a URL glued to the
// following sentence (…/abcをご確認ください) is common. Japanese letters are kept only
// where they form a host label directly in front of a public suffix (日本郵便.jp,
// www.日本郵便.jp, 例え.コム), and only in host position (not after a single "/",
// "?", "=", "#" …). A consequence: Japanese text glued in front of a Japanese IDN
// label is taken as part of it (こちら日本郵便.jp → host こちら日本郵便.jp); nothing
// short of a dictionary could tell them apart, and phishing hosts are almost always ASCII.
import type { MappedText } from '../normalize/index.js';
import { MappedTextBuilder } from '../normalize/index.js';
import { isExactPublicSuffix, isKnownTld } from './host.js';

export const SPACE = 0x20;

// ---------------------------------------------------------------------------
// Refanging

// Alternatives are fixed strings, plus one scheme word of 3–5 letters with a
// one-character lookbehind and a fixed-length lookahead. Every attempt at a position
// reads at most 11 characters and nothing is repeated or nested, so a global scan is
// linear in the input (no catastrophic backtracking possible). A working http or https
// is not matched (its "ttp" follows a letter): most texts with a link have nothing to
// repair, and one failed test then settles it, where every link's scheme was matched,
// looked at and left alone.
const DEFANG = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\[:\]|\[:\/\/\]|\[@\]|\(@\)|\[at\]|(?<![a-z0-9])(?:h(?:xx|\*\*)|tt)ps?(?=:\/\/|\[:\]\/\/|\[:\/\/\])/gi;

export interface Refanged {
  /** The input with defanged forms repaired; maps back to the original source. */
  text: MappedText;
  /** Flat [start, end) pairs, ascending, of repaired stretches in `text.text`. */
  repairs: number[];
}

function isAsciiAlnum(u: number): boolean {
  return (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
}

function isAsciiLetter(u: number): boolean {
  return (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
}

// One character class, tested against a single code point: nothing to backtrack.
const LETTER_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;

/** LETTER_OR_NUMBER per BMP code unit: 0 not yet known, 1 yes, 2 no. */
const LETTER_FLAGS = new Uint8Array(0x10000);

function isLetterOrNumber(cp: number): boolean {
  if (cp > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  let flag = LETTER_FLAGS[cp]!;
  if (flag === 0) {
    flag = LETTER_OR_NUMBER.test(String.fromCharCode(cp)) ? 1 : 2;
    LETTER_FLAGS[cp] = flag;
  }
  return flag === 1;
}

/** A character that can sit next to a dot inside a host name. */
function isLabelChar(s: string, index: number): boolean {
  if (index < 0 || index >= s.length) return false;
  const u = s.charCodeAt(index);
  if (u < 0x80) return isAsciiAlnum(u) || u === 0x2d;
  // Low surrogate: look at the whole code point.
  const start = u >= 0xdc00 && u <= 0xdfff && index > 0 ? index - 1 : index;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(s.codePointAt(start)!));
}

function isLocalPartChar(u: number): boolean {
  return isAsciiAlnum(u) || u === 0x2e || u === 0x5f || u === 0x25 || u === 0x2b || u === 0x2d;
}

/**
 * Repairs defanged URLs and addresses: hxxp, hXXps, h**p, ttp → http(s); [.] (.) {.}
 * [dot] (dot) → "."; [:] → ":"; [://] → "://"; [@] (@) [at] → "@". Dot and "@" forms
 * are repaired only between characters that can belong to a host (evil[.]top, not
 * "see [.] below"), so ordinary bracketed text is left alone.
 */
export function refang(input: MappedText): Refanged {
  const s = input.text;
  DEFANG.lastIndex = 0;
  if (!DEFANG.test(s)) return { text: input, repairs: [] };
  DEFANG.lastIndex = 0;
  const builder = new MappedTextBuilder(input);
  const repairs: number[] = [];
  let copied = 0;
  let derivedLength = 0;
  for (let m = DEFANG.exec(s); m !== null; m = DEFANG.exec(s)) {
    const token = m[0];
    const from = m.index;
    const to = from + token.length;
    const replacement = repairFor(token.toLowerCase(), s, from, to);
    if (replacement === null) continue;
    builder.copy(copied, from);
    derivedLength += from - copied;
    builder.push(replacement, from, to);
    repairs.push(derivedLength, derivedLength + replacement.length);
    derivedLength += replacement.length;
    copied = to;
  }
  builder.copy(copied, s.length);
  return { text: builder.build(), repairs };
}

function repairFor(token: string, s: string, from: number, to: number): string | null {
  switch (token) {
    case '[.]':
    case '(.)':
    case '{.}':
    case '[dot]':
    case '(dot)':
    case '{dot}':
      return isLabelChar(s, from - 1) && isLabelChar(s, to) ? '.' : null;
    case '[:]':
      return from > 0 && isAsciiAlnum(s.charCodeAt(from - 1)) ? ':' : null;
    case '[://]':
      return from > 0 && isAsciiLetter(s.charCodeAt(from - 1)) ? '://' : null;
    case '[@]':
    case '(@)':
    case '[at]':
      return from > 0 && isLocalPartChar(s.charCodeAt(from - 1)) && isLabelChar(s, to) ? '@' : null;
    default:
      // A scheme word: hxxp, hxxps, h**p, ttp, ttps.
      return token.endsWith('s') ? 'https' : 'http';
  }
}

/** True when [from, to) overlaps one of the repaired stretches. */
export function overlapsRepair(repairs: readonly number[], from: number, to: number): boolean {
  // Binary search for the first repair ending after `from`.
  let lo = 0;
  let hi = repairs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (repairs[mid * 2 + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < repairs.length / 2 && repairs[lo * 2]! < to;
}

// ---------------------------------------------------------------------------
// Both steps at once

/** A text refanged and turned into scan text: what URL and email extraction share. */
export interface PreparedScan {
  refanged: Refanged;
  scan: string;
}

/** Refangs `input` and builds its scan text; pass the result to both extractUrls and
 * extractEmails so the work is done once per text. */
export function prepareScan(input: MappedText, source: string): PreparedScan {
  const refanged = refang(input);
  return { refanged, scan: buildScanText(refanged.text, source) };
}

// ---------------------------------------------------------------------------
// Scan text

/** Kana, kanji and the marks that belong to them (not Japanese punctuation). */
export function isJapaneseLetter(cp: number): boolean {
  if (cp < 0x3005) return false;
  if (cp <= 0x3007) return true; // 々 〆 〇
  if (cp === 0x303b || cp === 0x303c) return true; // 〻 〼
  if (cp >= 0x3041 && cp <= 0x309f) return true; // hiragana, voicing marks, ゝゞ
  if (cp >= 0x30a1 && cp <= 0x30ff) return cp !== 0x30fb; // katakana, ー, ヽヾ; not ・
  if (cp >= 0x31f0 && cp <= 0x31ff) return true; // katakana phonetic extensions
  if (cp >= 0x3400 && cp <= 0x4dbf) return true; // CJK extension A
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK unified ideographs
  if (cp >= 0xf900 && cp <= 0xfaff) return true; // CJK compatibility ideographs
  if (cp >= 0xff66 && cp <= 0xff9f) return true; // half-width katakana (when not NFKC'd)
  if (cp >= 0x20000 && cp <= 0x3ffff) return true; // CJK extensions B–H
  return false;
}

/** At most this many UTF-16 units of Japanese letters are taken as one IDN label
 * (.jp allows 15 Japanese characters; longer runs are sentences, not host names). */
const MAX_IDN_RUN = 20;
/** Longest host name; bounds every look-back and look-ahead over a host. */
const MAX_HOST = 253;
/** Most labels in a public suffix (the longest rules, private ones, have 5). */
const MAX_SUFFIX_LABELS = 6;

function isSpaceLike(u: number): boolean {
  return u <= 0x20 || u === 0x7f;
}

function isHostAscii(u: number): boolean {
  return isAsciiAlnum(u) || u === 0x2d || u === 0x2e;
}

/** Punctuation that, right before a word, means the word is inside a URL (path,
 * query, userinfo, IPv6) rather than starting a new one. */
function isInsideUrlMark(u: number): boolean {
  switch (u) {
    case 0x2f: // /
    case 0x2e: // .
    case 0x40: // @
    case 0x2d: // -
    case 0x5f: // _
    case 0x25: // %
    case 0x3f: // ?
    case 0x3d: // =
    case 0x26: // &
    case 0x23: // #
    case 0x2b: // +
    case 0x7e: // ~
    case 0x3a: // :
    case 0x5b: // [
    case 0x5c: // \
      return true;
    default:
      return false;
  }
}

const SCHEMES = ['http://', 'https://', 'ftp://'];

function schemeAt(out: Uint8Array | Uint16Array, i: number): boolean {
  for (const scheme of SCHEMES) {
    if (i + scheme.length > out.length) continue;
    let ok = true;
    for (let k = 0; k < scheme.length; k++) {
      const u = out[i + k]!;
      const lower = u >= 0x41 && u <= 0x5a ? u + 0x20 : u;
      if (lower !== scheme.charCodeAt(k)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Same-length copy of `text` for link scanning. Replaced by a space:
 * - non-ASCII punctuation, symbols, spaces and emoji (「」『』（）【】。、！？★→…);
 * - kana and kanji, except an IDN host label directly in front of a public suffix;
 * - ".", "-", "_" at the start of a word ("…example.com", "―example.com");
 * - ":" ending a label word or following blanked text ("URL:example.com",
 *   "詳細：example.com"; linkify refuses a schemeless link right after ":"), but not
 *   inside an authority ("https://user:pass@", "[::1]") nor before a port;
 * - ":" of an unknown or mangled scheme before "//" ("hxxxps://evil.top",
 *   "htps://evil.top"): linkify would skip the whole link; without the ":" it reads
 *   "//evil.top" as a schemeless link;
 * - full-width ！？（），；［］｛｝ right after a character that was not full-width: NFKC
 *   made them ASCII, but written full-width after a half-width URL they end the
 *   sentence, not the URL ("https://a.top/x！詳細は…"); inside an all-full-width URL
 *   ("ｈｔｔｐｓ：／／…／ａ？ｉｄ＝１") they stay;
 * - an ASCII letter or digit glued in front of "http://", "https://", "ftp://" when
 *   the word it ends is not itself inside a URL ("URLhttps://…" → "UR https://…").
 * Letters of other scripts (Cyrillic, Greek, accented Latin, Hangul) are kept: they
 * occur in IDN hosts and lookalike domains.
 *
 * `reference` (tests only) takes the general path and visits every position in the
 * final pass, which the fast paths must agree with.
 *
 * Linear: one forward pass classifies code points; Japanese runs look back over at
 * most MAX_HOST ASCII host characters (the stretch since the previous run, so each
 * stretch is read at most once backwards) and ahead over at most MAX_HOST characters;
 * word look-backs for ":" and glued schemes cover disjoint words.
 */
export function buildScanText(mapped: MappedText, source: string, reference = false): string {
  const text = mapped.text;
  const n = text.length;

  // Plain ASCII (most mail): no character is blanked for its script, so only the
  // final pass runs. encodeInto copies the text natively and proves it is ASCII at
  // once: every character took exactly one byte. A text that starts otherwise (most
  // Japanese messages) is not tried.
  if (!reference && ASCII_ENCODER !== null && UTF8 !== null && (n === 0 || text.charCodeAt(0) < 0x80)) {
    const bytes = asciiBuffer(n);
    const { read, written } = ASCII_ENCODER.encodeInto(text, bytes);
    if (read === n && written === n) return blankSeparators(bytes, text, mapped, source) ? UTF8.decode(bytes) : text;
  }

  const out = unitBuffer(n);
  let japanese: Uint8Array | null = null;

  for (let i = 0; i < n; ) {
    const u = text.charCodeAt(i);
    if (u < 0x80) {
      out[i] = u;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let keep: boolean;
    if (isJapaneseLetter(cp)) {
      keep = true;
      japanese ??= japaneseMarks(n);
      for (let k = 0; k < width; k++) japanese[i + k] = 1;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      keep = false; // lone surrogate
    } else {
      keep = isLetterOrNumber(cp);
    }
    for (let k = 0; k < width; k++) out[i + k] = keep ? text.charCodeAt(i + k) : SPACE;
    i += width;
  }

  if (japanese !== null) {
    for (let i = 0; i < n; ) {
      if (japanese[i] !== 1) {
        i++;
        continue;
      }
      let end = i;
      while (end < n && japanese[end] === 1) end++;
      const keptUntil = idnLabelEnd(text, out, japanese, i, end);
      if (keptUntil < 0) {
        out.fill(SPACE, i, end);
        i = end;
      } else {
        i = keptUntil;
      }
    }
  }

  if (reference) blankSeparatorsEverywhere(out, mapped, source);
  else blankSeparators(out, text, mapped, source);
  return decodeUnits(out);
}

// What the final pass does with an ASCII code unit (0: nothing).
const WORD_START_MARK = 1; // . - _
const COLON = 2;
const SENTENCE_MARK = 3; // ! ? ( ) , ; [ ] { }
const SCHEME_LETTER = 4; // h H f F: may start a glued http://, https://, ftp://
const FINAL_PASS = new Uint8Array(0x80);
for (const c of '.-_') FINAL_PASS[c.charCodeAt(0)] = WORD_START_MARK;
FINAL_PASS[0x3a] = COLON;
for (let u = 0; u < 0x80; u++) if (isSentencePunctuation(u)) FINAL_PASS[u] = SENTENCE_MARK;
for (const c of 'hHfF') FINAL_PASS[c.charCodeAt(0)] = SCHEME_LETTER;

// Where a final-pass rule can act: the marks, and h/f starting a known scheme
// (schemeAt). ".", "-", "_" only after a space-like character, a non-ASCII one (the
// script pass may have blanked it) or a mark (as rewritten, the character before must
// be space-like, and only these can have become a space); a position with no
// character before counts as after a space. The sentence marks can only have been
// written full-width where the source holds their full-width forms (most texts with
// any non-ASCII character hold none), so FINAL_PASS_AT_SELF, for all other texts,
// leaves them out.
// Single characters, a one-character lookbehind, or one letter with a fixed-length
// look-ahead of at most 7 characters; no repetition: linear. Together with finalRule,
// must cover every position where a rule of FINAL_PASS can blank something.
const FINAL_PASS_AT =
  /(?<![^\x00-\x20\x7f-\uffff.\-_:!?(),;[\]{}])[-._]|[:!?(),;[\]{}]|[hH](?=[tT][tT][pP][sS]?:\/\/)|[fF](?=[tT][pP]:\/\/)/g;
/** The full-width forms of the sentence marks (see wasFullWidth). One character class: linear. */
const FULL_WIDTH_SENTENCE_MARK = new RegExp(
  `[${Array.from({ length: 0x80 }, (_, u) => u)
    .filter(isSentencePunctuation)
    .map((u) => String.fromCharCode(u + 0xfee0))
    .join('')}]`,
);
const FINAL_PASS_AT_SELF =
  /(?<![^\x00-\x20\x7f-\uffff.\-_:!?(),;[\]{}])[-._]|:|[hH](?=[tT][tT][pP][sS]?:\/\/)|[fF](?=[tT][pP]:\/\/)/g;

/**
 * The final, left-to-right pass of buildScanText over `out` (the text with script
 * blanking done); returns whether it blanked anything. Each rule reads the character
 * before (as already rewritten) and a bounded look-ahead, and rewrites only the
 * current or the previous character. The positions where no rule can act are
 * skipped by a regex over `text`: script blanking touched only non-ASCII units and
 * the rules act on ASCII ones, so `out[i]` is still `text[i]` when position i is
 * visited.
 */
function blankSeparators(out: Uint8Array | Uint16Array, text: string, mapped: MappedText, source: string): boolean {
  let changed = false;
  const at = (mapped.isIdentity && text === source) || !FULL_WIDTH_SENTENCE_MARK.test(source) ? FINAL_PASS_AT_SELF : FINAL_PASS_AT;
  at.lastIndex = 0;
  while (at.test(text)) {
    if (finalRule(out, at.lastIndex - 1, mapped, source)) changed = true;
  }
  return changed;
}

/** blankSeparators visiting every position: what the regex-driven version must
 * match (buildScanText(…, reference = true), for tests). */
function blankSeparatorsEverywhere(out: Uint16Array, mapped: MappedText, source: string): void {
  for (let i = 0; i < out.length; i++) {
    const u = out[i]!;
    if (u < 0x80 && FINAL_PASS[u] !== 0) finalRule(out, i, mapped, source);
  }
}

/** Applies the final-pass rule for the ASCII mark at out[i]; true if it blanked something. */
function finalRule(out: Uint8Array | Uint16Array, i: number, mapped: MappedText, source: string): boolean {
  const n = out.length;
  const u = out[i]!;
  const kind = FINAL_PASS[u];
  const prev = i > 0 ? out[i - 1]! : SPACE;
  if (kind === WORD_START_MARK) {
    if (!isSpaceLike(prev)) return false;
    out[i] = SPACE;
    return true;
  }
  if (kind === COLON) {
    const next = i + 1 < n ? out[i + 1]! : SPACE;
    if (next === 0x2f) {
      if (!(i + 2 < n && out[i + 2] === 0x2f && isUnknownScheme(out, i))) return false;
      out[i] = SPACE;
      return true;
    }
    if (next === 0x3a || (next >= 0x30 && next <= 0x39)) return false;
    let w = i;
    while (w > 0 && isAsciiAlnum(out[w - 1]!)) w--;
    const anchor = w > 0 ? out[w - 1]! : SPACE;
    if (!isSpaceLike(anchor) && isInsideUrlMark(anchor)) return false;
    out[i] = SPACE;
    return true;
  }
  if (kind === SENTENCE_MARK) {
    if (!wasFullWidth(mapped, source, i, u) || (i > 0 && wasFullWidth(mapped, source, i - 1, prev))) return false;
    out[i] = SPACE;
    return true;
  }
  // SCHEME_LETTER
  if (!isAsciiAlnum(prev) || !schemeAt(out, i)) return false;
  let w = i - 1;
  while (w > 0 && isAsciiAlnum(out[w - 1]!)) w--;
  const anchor = w > 0 ? out[w - 1]! : SPACE;
  if (!isSpaceLike(anchor) && isInsideUrlMark(anchor)) return false;
  out[i - 1] = SPACE;
  return true;
}

// Reused buffers for scan texts up to SCRATCH_MAX units (beyond that, fresh ones, so
// one huge text does not stay in memory): a typed array of more than 64 bytes is
// allocated outside V8's heap, and making one per text cost a short text more than
// the pass over it. buildScanText is synchronous, so one set serves every call.
const SCRATCH_MAX = 1 << 20;
let asciiScratch = new Uint8Array(0);
let unitScratch = new Uint16Array(0);
let japaneseScratch = new Uint8Array(0);

/** The size for a scratch buffer that must hold `n`, now `current` long. */
function scratchSize(n: number, current: number): number {
  return Math.min(SCRATCH_MAX, Math.max(n, 2 * current, 4096));
}

/** n bytes for an ASCII scan text (contents undefined). */
function asciiBuffer(n: number): Uint8Array {
  if (n > SCRATCH_MAX) return new Uint8Array(n);
  if (asciiScratch.length < n) asciiScratch = new Uint8Array(scratchSize(n, asciiScratch.length));
  return asciiScratch.subarray(0, n);
}

/** n code units for a scan text (contents undefined). */
function unitBuffer(n: number): Uint16Array {
  if (n > SCRATCH_MAX) return new Uint16Array(n);
  if (unitScratch.length < n) unitScratch = new Uint16Array(scratchSize(n, unitScratch.length));
  return unitScratch.subarray(0, n);
}

/** n marks of Japanese letters, all 0. */
function japaneseMarks(n: number): Uint8Array {
  if (n > SCRATCH_MAX) return new Uint8Array(n);
  if (japaneseScratch.length < n) japaneseScratch = new Uint8Array(scratchSize(n, japaneseScratch.length));
  return japaneseScratch.subarray(0, n).fill(0);
}

// ASCII in, ASCII out: TextEncoder writes an ASCII text byte for byte, and UTF-8
// decoding of ASCII bytes gives them back (as a compact one-byte string). Both are
// in browsers and Node; without them the general path below does the same work.
const ASCII_ENCODER = typeof TextEncoder === 'function' ? new TextEncoder() : null;
const UTF8 = typeof TextDecoder === 'function' ? new TextDecoder() : null;

// TextDecoder('utf-16le') turns the code units back into a string natively (browsers
// and Node); it reads bytes, so it is only used on little-endian platforms (all the
// usual ones). Lone surrogates were blanked above, so decoding changes no length;
// ignoreBOM keeps a leading U+FEFF rather than swallowing it (none survives anyway).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE =
  typeof TextDecoder === 'function' && LITTLE_ENDIAN ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

function decodeUnits(units: Uint16Array): string {
  if (UTF16LE !== null) return UTF16LE.decode(units);
  let result = '';
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) {
    result += String.fromCharCode(...units.subarray(i, Math.min(units.length, i + CHUNK)));
  }
  return result;
}

function isSchemeChar(u: number): boolean {
  return isAsciiAlnum(u) || u === 0x2b || u === 0x2d || u === 0x2e || u === 0x2a || u === 0x5f;
}

const MAX_SCHEME = 16;

/** True when the word ending before out[colon] (followed by "//") starts a new token
 * and is not http, https or ftp (any case). A word inside a URL (?u=xhttps://) is not. */
function isUnknownScheme(out: Uint8Array | Uint16Array, colon: number): boolean {
  let w = colon;
  while (w > 0 && colon - w < MAX_SCHEME && isSchemeChar(out[w - 1]!)) w--;
  if (w === colon) return false;
  if (w > 0) {
    const anchor = out[w - 1]!;
    if (isSchemeChar(anchor)) return true; // very long word: not a real scheme
    if (!isSpaceLike(anchor) && isInsideUrlMark(anchor)) return false;
  }
  let word = '';
  for (let k = w; k < colon; k++) word += String.fromCharCode(out[k]! | 0x20);
  return word !== 'http' && word !== 'https' && word !== 'ftp';
}

/** ASCII punctuation that Japanese writes full-width around a sentence: ! ? ( ) , ; [ ] { } */
function isSentencePunctuation(u: number): boolean {
  return u === 0x21 || u === 0x3f || u === 0x28 || u === 0x29 || u === 0x2c || u === 0x3b || u === 0x5b || u === 0x5d || u === 0x7b || u === 0x7d;
}

/** True when derived character `i` (ASCII `u` after NFKC) was written full-width. */
function wasFullWidth(mapped: MappedText, source: string, i: number, u: number): boolean {
  if (u >= 0x80) return false;
  const s = mapped.sourceStartAt(i);
  return mapped.sourceEndAt(i) - s === 1 && source.charCodeAt(s) === u + 0xfee0;
}

/**
 * For a run of Japanese letters text[start, end): when it is an IDN host label —
 * in host position and followed by "." and exactly a public suffix — returns the end
 * of that suffix (everything up to there stays in the scan text); else -1.
 */
function idnLabelEnd(text: string, out: Uint16Array, japanese: Uint8Array, start: number, end: number): number {
  if (end - start > MAX_IDN_RUN) return -1;
  if (text.charCodeAt(end) !== 0x2e) return -1;

  // Host position: look back over ASCII host characters to what precedes them.
  let j = start - 1;
  let steps = 0;
  while (j >= 0 && isHostAscii(out[j]!)) {
    if (++steps > MAX_HOST) return -1;
    j--;
  }
  if (j >= 0) {
    const anchor = out[j]!;
    if (anchor === 0x2f) {
      if (j === 0 || out[j - 1] !== 0x2f) return -1; // a path, not "//host"
    } else if (!isSpaceLike(anchor) && anchor !== 0x40 && anchor !== 0x3a && isInsideUrlMark(anchor)) {
      return -1; // ?, =, #, & …: a query or fragment
    }
  }

  // Suffix: labels, each all-ASCII or all-non-ASCII letters, up to the end of the host.
  // No public suffix has more than MAX_SUFFIX_LABELS labels, so the look-ahead stops
  // there (this also keeps "あ.あ.あ.…" from being read 253 characters per run).
  let k = end + 1;
  const limit = Math.min(text.length, end + 1 + MAX_HOST);
  for (let labels = 1; ; labels++) {
    if (labels > MAX_SUFFIX_LABELS) return -1;
    const labelStart = k;
    if (k < limit && isAsciiAlnum(text.charCodeAt(k))) {
      while (k < limit && (isAsciiAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 0x2d)) k++;
    } else {
      while (k < limit && text.charCodeAt(k) >= 0x80 && (japanese[k] === 1 || out[k] !== SPACE)) k++;
    }
    if (k === labelStart) {
      if (labelStart === end + 1) return -1;
      k = labelStart - 1; // drop the trailing dot
      break;
    }
    if (k < limit - 1 && text.charCodeAt(k) === 0x2e && text.charCodeAt(k + 1) !== 0x2e) {
      k++;
      continue;
    }
    break;
  }
  const suffix = text.slice(end + 1, k).toLowerCase();
  if (suffix === '' || !isKnownTld(suffix.slice(suffix.lastIndexOf('.') + 1)) || !isExactPublicSuffix(suffix)) return -1;
  return k;
}
