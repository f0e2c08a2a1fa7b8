import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShortCode, parseShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_BYTES } from '../../../src/core/notices/short-code.js';

const codeBytes = fc.uint8Array({ minLength: SHORT_CODE_BYTES, maxLength: SHORT_CODE_BYTES });
const BYTES = Uint8Array.from([0x9f, 0x2e, 0x71, 0x04, 0xc3, 0x58, 0xaa, 0x0d, 0xe6, 0x33]);

describe('short codes', () => {
  it('are four groups of four and a check symbol, from Crockford base32', () => {
    const code = formatShortCode(BYTES);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]$/);
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('read back as people type them: lower case, full width, no hyphens, spaces, Japanese dashes', () => {
    const code = formatShortCode(BYTES);
    const forms = [
      code,
      code.toLowerCase(),
      code.replace(/-/g, ''),
      code.replace(/-/g, ' '),
      code.replace(/-/g, 'ー'),
      [...code].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join(''),
      `  ${code.toLowerCase().replace(/-/g, ' - ')}  `,
    ];
    for (const form of forms) expect(parseShortCode(form), form).toEqual({ ok: true, code, bytes: BYTES });
  });

  it('reads O as 0 and I or L as 1', () => {
    const zeros = formatShortCode(new Uint8Array(SHORT_CODE_BYTES));
    expect(zeros.startsWith('0000')).toBe(true);
    expect(parseShortCode(zeros.replace(/0/g, 'O'))).toMatchObject({ ok: true, code: zeros });
    const ones = formatShortCode(Uint8Array.from([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21]));
    expect(ones.startsWith('1111')).toBe(true);
    expect(parseShortCode(ones.replace(/1/g, 'l'))).toMatchObject({ ok: true, code: ones });
    expect(parseShortCode(ones.replace(/1/g, 'I'))).toMatchObject({ ok: true, code: ones });
  });

  it('names what is wrong with what is not a code', () => {
    const code = formatShortCode(BYTES);
    expect(parseShortCode('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseShortCode(' - ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseShortCode(code.slice(0, -2))).toEqual({ ok: false, problem: 'too-short' });
    expect(parseShortCode(`${code}7`)).toEqual({ ok: false, problem: 'too-many' });
    expect(parseShortCode(code.replace(/^./, '#'))).toEqual({ ok: false, problem: 'not-a-code' });
    expect(parseShortCode('確認コード')).toEqual({ ok: false, problem: 'not-a-code' });
    expect(parseShortCode('A'.repeat(65))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('round-trips any 80 bits (property)', () => {
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const parsed = parseShortCode(formatShortCode(bytes));
        return parsed.ok && parsed.code === formatShortCode(bytes) && parsed.bytes.every((b, i) => b === bytes[i]);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every single wrong symbol (property)', () => {
    fc.assert(
      fc.property(codeBytes, fc.nat(16), fc.integer({ min: 1, max: 31 }), (bytes, position, shift) => {
        const symbols = formatShortCode(bytes).replace(/-/g, '').split('');
        const old = SHORT_CODE_ALPHABET.indexOf(symbols[position]!);
        symbols[position] = SHORT_CODE_ALPHABET[(old + shift) % 32]!;
        return !parseShortCode(symbols.join('')).ok;
      }),
      { numRuns: 3000 },
    );
  });

  it('catches every swap of two different neighbours (property)', () => {
    fc.assert(
      fc.property(codeBytes, fc.nat(15), (bytes, position) => {
        const symbols = formatShortCode(bytes).replace(/-/g, '').split('');
        fc.pre(symbols[position] !== symbols[position + 1]);
        [symbols[position], symbols[position + 1]] = [symbols[position + 1]!, symbols[position]!];
        return !parseShortCode(symbols.join('')).ok;
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        const parsed = parseShortCode(text);
        return parsed.ok ? parseShortCode(parsed.code).ok : typeof parsed.problem === 'string';
      }),
      { numRuns: 3000 },
    );
  });
});
