// The short code printed on a notice for typing: 80 bits from the issuer's secret, written
// as 16 symbols of Crockford's base32 in four groups of four, then one check symbol:
// "K7QM-3XVA-9D2R-HT4W-8". Crockford's alphabet leaves out I, L, O and U; when a person
// types one of those (or a lower-case, full-width or Japanese-keyboard form) it is read
// as the symbol it looks like, and the check symbol catches what is still wrong.
import { base32crockford } from '@scure/base';

/** Crockford's base32: digits, then letters without I, L, O, U. */
export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Bytes of secret-derived value in one code: 80 bits, far past guessing even with millions of notices issued. */
export const SHORT_CODE_BYTES = 10;
/** Symbols of data (SHORT_CODE_BYTES × 8 / 5). */
export const SHORT_CODE_SYMBOLS = 16;
const GROUP = 4;
/** What a person may type before we give up reading it as a code: a code with spaces
 * and hyphens is about 25 characters; a pasted sentence around it is not a code. */
export const MAX_SHORT_CODE_INPUT_CHARS = 64;

/** Letters people type for the ones Crockford left out, because they look alike. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', U: 'V' };

/** Separators people type between groups: spaces, hyphens and dashes of every width, and
 * the Japanese long-vowel mark a Japanese keyboard gives for "-". */
const SEPARATORS = /[\s\-‐‑‒–—―−ーｰ・.]/gu;

// Check symbol: the symbols are elements of GF(32) and the 17 of them, read as the
// coefficients of a polynomial, vanish at x = 2 (α). One wrong symbol changes the value
// by e·α^k ≠ 0, and swapping two neighbours a, b by (a − b)·α^k·(α − 1) ≠ 0, so every
// single typo and every swap of neighbours is caught.
const GF32_MODULUS = 0b100101; // x⁵ + x² + 1, irreducible
const ALPHA = 2;

function gf32Multiply(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 5; i++) {
    if ((b >> i) & 1) product ^= a << i;
  }
  for (let bit = 9; bit >= 5; bit--) {
    if ((product >> bit) & 1) product ^= GF32_MODULUS << (bit - 5);
  }
  return product;
}

/** Horner's rule at α over the symbol values. */
function evaluate(values: readonly number[]): number {
  let h = 0;
  for (const v of values) h = gf32Multiply(h, ALPHA) ^ v;
  return h;
}

function checkValue(data: readonly number[]): number {
  // Σ data·α^(k+1) + check = 0; in characteristic 2, minus is plus.
  return gf32Multiply(evaluate(data), ALPHA);
}

/** The code for 10 secret-derived bytes, grouped, with its check symbol. */
export function formatShortCode(bytes: Uint8Array): string {
  if (bytes.length !== SHORT_CODE_BYTES) throw new RangeError(`a short code is made of ${SHORT_CODE_BYTES} bytes`);
  const symbols = base32crockford.encode(bytes);
  const values = [...symbols].map((ch) => SHORT_CODE_ALPHABET.indexOf(ch));
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return `${groups.join('-')}-${SHORT_CODE_ALPHABET[checkValue(values)]!}`;
}

export type ShortCodeProblem = 'empty' | 'too-long' | 'not-a-code' | 'too-short' | 'too-many' | 'check-failed';

export type ParsedShortCode =
  | { ok: true; /** The canonical printed form. */ code: string; bytes: Uint8Array }
  | { ok: false; problem: ShortCodeProblem };

/**
 * Reads a code as a person typed it: full-width or lower-case letters, any spaces,
 * hyphens or dashes, O for 0, I or L for 1. The check symbol must match.
 */
export function parseShortCode(input: string): ParsedShortCode {
  if (input.length > MAX_SHORT_CODE_INPUT_CHARS) return { ok: false, problem: 'too-long' };
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  const values: number[] = [];
  for (const ch of compact) {
    const index = SHORT_CODE_ALPHABET.indexOf(LOOK_ALIKES[ch] ?? ch);
    if (index < 0) return { ok: false, problem: 'not-a-code' };
    values.push(index);
  }
  if (values.length < SHORT_CODE_SYMBOLS + 1) return { ok: false, problem: 'too-short' };
  if (values.length > SHORT_CODE_SYMBOLS + 1) return { ok: false, problem: 'too-many' };
  if (evaluate(values) !== 0) return { ok: false, problem: 'check-failed' };
  const bytes = base32crockford.decode(values.slice(0, SHORT_CODE_SYMBOLS).map((v) => SHORT_CODE_ALPHABET[v]!).join(''));
  return { ok: true, code: formatShortCode(bytes), bytes };
}
