// NTLM hash (MD4 of the UTF-16LE password), for `leakaid pwned check --mode ntlm`.
// Node's OpenSSL 3 no longer offers MD4 (it sits in the "legacy" provider), so this is
// RFC 1320's algorithm, checked against the RFC's test vectors.

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export function md4(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array((((message.length + 8) >> 6) + 1) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bitLength >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bitLength / 2 ** 32), true);
  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const x = new Uint32Array(16);
  const f = (p: number, q: number, r: number) => (p & q) | (~p & r);
  const g = (p: number, q: number, r: number) => (p & q) | (p & r) | (q & r);
  const h = (p: number, q: number, r: number) => p ^ q ^ r;
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) x[i] = view.getUint32(block + i * 4, true);
    const [aa, bb, cc, dd] = [a, b, c, d];
    for (const i of [0, 4, 8, 12]) {
      a = rotl(a + f(b, c, d) + x[i]!, 3);
      d = rotl(d + f(a, b, c) + x[i + 1]!, 7);
      c = rotl(c + f(d, a, b) + x[i + 2]!, 11);
      b = rotl(b + f(c, d, a) + x[i + 3]!, 19);
    }
    for (const i of [0, 1, 2, 3]) {
      a = rotl(a + g(b, c, d) + x[i]! + 0x5a827999, 3);
      d = rotl(d + g(a, b, c) + x[i + 4]! + 0x5a827999, 5);
      c = rotl(c + g(d, a, b) + x[i + 8]! + 0x5a827999, 9);
      b = rotl(b + g(c, d, a) + x[i + 12]! + 0x5a827999, 13);
    }
    for (const i of [0, 2, 1, 3]) {
      a = rotl(a + h(b, c, d) + x[i]! + 0x6ed9eba1, 3);
      d = rotl(d + h(a, b, c) + x[i + 8]! + 0x6ed9eba1, 9);
      c = rotl(c + h(d, a, b) + x[i + 4]! + 0x6ed9eba1, 11);
      b = rotl(b + h(c, d, a) + x[i + 12]! + 0x6ed9eba1, 15);
    }
    a = (a + aa) >>> 0;
    b = (b + bb) >>> 0;
    c = (c + cc) >>> 0;
    d = (d + dd) >>> 0;
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a, b, c, d].forEach((word, i) => outView.setUint32(i * 4, word, true));
  return out;
}

/** Upper-case hex NTLM hash, as HIBP's NTLM corpus lists it. */
export function ntlmHex(password: string): string {
  return Buffer.from(md4(Buffer.from(password, 'utf16le'))).toString('hex').toUpperCase();
}
