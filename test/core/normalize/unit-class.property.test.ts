// normalizeForMatching reads what it needs of each character (hidden? continues a
// cluster?) from a table filled per code unit; this reference asks the predicates
// directly for every character, as the function did before the table. Both must agree
// on the text, on where each character came from, and on the invisible characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MappedText, MappedTextBuilder, normalizeForMatching, type NormalizedText } from '../../../src/core/normalize/index.js';

const ZERO_WIDTH = new Set([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063,
  0x2064, 0x3164, 0xfeff, 0xffa0,
]);
const isBidiControl = (cp: number): boolean => cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isTagCharacter = (cp: number): boolean => cp >= 0xe0000 && cp <= 0xe007f;
const isVariationSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const continuesCluster = (cp: number): boolean => cp === 0xff9e || cp === 0xff9f || (cp >= 0x0300 && /\p{M}/u.test(String.fromCodePoint(cp)));
const EMOJI = /\p{Extended_Pictographic}/u;

function previousCodePoint(s: string, index: number): string {
  if (index === 0) return '';
  const low = s.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(s.codePointAt(start)!);
}

function reference(source: string): NormalizedText {
  const builder = new MappedTextBuilder(MappedText.identity(source));
  const invisible: NormalizedText['invisible'] = [];
  let i = 0;
  let plainFrom = 0;
  while (i < source.length) {
    if (source.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const hidden = ZERO_WIDTH.has(cp) || isBidiControl(cp) || isTagCharacter(cp) || isVariationSelector(cp);
    const start = !hidden && i > plainFrom && continuesCluster(cp) ? i - 1 : i;
    if (hidden) {
      builder.copy(plainFrom, start);
      const next = i + 1 < source.length ? String.fromCodePoint(source.codePointAt(i + 1)!) : '';
      const joinsEmoji = cp === 0x200d && EMOJI.test(previousCodePoint(source, i)) && EMOJI.test(next);
      if (!isVariationSelector(cp) && !joinsEmoji) {
        invisible.push({ codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, index: i });
      }
      builder.drop(i, i + width);
      i += width;
      plainFrom = i;
      continue;
    }
    let end = i + width;
    while (end < source.length) {
      const next = source.codePointAt(end)!;
      if (!continuesCluster(next) || ZERO_WIDTH.has(next) || isVariationSelector(next)) break;
      end += next > 0xffff ? 2 : 1;
    }
    builder.copy(plainFrom, start);
    builder.push(source.slice(start, end).normalize('NFKC'), start, end);
    i = end;
    plainFrom = i;
  }
  builder.copy(plainFrom, source.length);
  return { mapped: builder.build(), invisible };
}

function same(source: string): void {
  const fast = normalizeForMatching(source);
  const slow = reference(source);
  expect(fast.mapped.text).toBe(slow.mapped.text);
  expect(fast.invisible).toEqual(slow.invisible);
  for (let k = 0; k < fast.mapped.text.length; k++) expect(fast.mapped.toSource(k, k + 1)).toEqual(slow.mapped.toSource(k, k + 1));
}

describe('normalizeForMatching per-unit table', () => {
  it('agrees with the per-character predicates for every BMP character, alone, after ASCII and repeated', () => {
    for (let unit = 0x80; unit <= 0xffff; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const ch = String.fromCharCode(unit);
      const source = `a${ch}${ch}カ${ch}`;
      const fast = normalizeForMatching(source);
      const slow = reference(source);
      if (fast.mapped.text !== slow.mapped.text || fast.invisible.length !== slow.invisible.length) same(source);
    }
  });

  it('agrees with the per-character predicates on mixed text', () => {
    const pieces = [
      'a', 'e', ' ', '\n', 'カ', 'ｶ', 'ﾞ', 'ﾟ', '\u0301', '\u3099', '\u20dd', '\u200b', '\u200d', '\u00ad', '\ufe0f', '\u202e',
      '👍', '👨', '\u{e0041}', '\u{e0100}', '\u{1d167}', '①', 'Ａ', '漢', 'é', '\ud800', '\udc00',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => same(parts.join(''))),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), same), { numRuns: 1000 });
  });
});
