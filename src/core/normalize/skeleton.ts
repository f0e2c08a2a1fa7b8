// TR39 confusable skeleton: skeleton(X) = NFD(map(NFD(X))), where map replaces each
// character by its prototype from Unicode's confusables.txt. Two strings that look
// alike ("Аmazon" with a Cyrillic А, "arnazon") get the same skeleton. The mapping
// data is confusables.txt as shipped by the unhomoglyph package (Unicode 13.0.0, the
// newest copy on the npm registry); unhomoglyph's own function is not used because
// it skips the NFD steps and has no offsets.
import { CONFUSABLE_PROTOTYPES } from './confusables.js';
import { type MappedText, MappedTextBuilder } from './mapped-text.js';

const cache = new Map<string, string>();

/** The skeleton of one code point, memoized: the map is applied to each character of
 * its NFD form and the result is put in NFD again. */
function skeletonOfCodePoint(ch: string): string {
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let mapped = '';
  for (const part of ch.normalize('NFD')) mapped += CONFUSABLE_PROTOTYPES.get(part) ?? part;
  const result = mapped.normalize('NFD');
  cache.set(ch, result);
  return result;
}

export function skeleton(text: string): string {
  const parts: string[] = [];
  for (const ch of text) parts.push(skeletonOfCodePoint(ch));
  return parts.join('');
}

/** The skeleton of a mapped text, still mapped back to the original source. */
export function skeletonMapped(input: MappedText): MappedText {
  const text = input.text;
  const builder = new MappedTextBuilder(input);
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    const mapped = skeletonOfCodePoint(ch);
    if (mapped !== ch) {
      builder.copy(copiedTo, i);
      builder.push(mapped, i, i + width);
      copiedTo = i + width;
    }
    i += width;
  }
  builder.copy(copiedTo, text.length);
  return builder.build();
}
