// Punycode decoding (RFC 3492), so an ASCII host such as "xn--mazon-3ve.co.jp" can be
// shown as the reader would see it ("аmazon.co.jp", with a Cyrillic "а"). Encoding is
// not needed here: the WHATWG URL parser (available in browsers and Node) already turns
// Unicode hosts into ASCII. No npm punycode package is a declared dependency, and the
// decoder is short, so it lives here.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;
/** Longer input cannot be a DNS label (63 octets); refusing it keeps the quadratic
 * insertion below trivially small. */
const MAX_INPUT = 256;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** Digit value of a basic code point, or BASE when it is not a digit. */
function digitOf(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 22; // '0'-'9' → 26-35
  if (unit >= 0x41 && unit <= 0x5a) return unit - 0x41; // 'A'-'Z' → 0-25
  if (unit >= 0x61 && unit <= 0x7a) return unit - 0x61; // 'a'-'z' → 0-25
  return BASE;
}

/**
 * Decodes a Punycode string (a label without its "xn--" prefix) to Unicode.
 * Returns null for invalid input (bad digit, overflow, surrogate or out-of-range
 * code point, non-ASCII input) instead of throwing.
 */
export function decodePunycode(input: string): string | null {
  if (input.length > MAX_INPUT) return null;
  const output: number[] = [];
  // Basic code points are everything before the last delimiter.
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const unit = input.charCodeAt(j);
    if (unit >= 0x80) return null;
    output.push(unit);
  }

  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      if (digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/**
 * Host in Unicode for display: every "xn--" label decoded; a label that does not
 * decode is kept as it is. `host` is expected in ASCII, lower case.
 */
export function hostToUnicode(host: string): string {
  if (!host.includes('xn--')) return host;
  return host
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      const decoded = decodePunycode(label.slice(4));
      return decoded === null || decoded === '' ? label : decoded;
    })
    .join('.');
}
