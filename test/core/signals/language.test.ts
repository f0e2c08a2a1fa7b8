// The mixed-script word search reads only words around non-ASCII letters; it must find
// what cutting out every word would find.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMixedScriptWord } from '../../../src/core/signals/language.js';

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/** Every word, in order: the straightforward way. */
function reference(text: string): string | null {
  for (const word of text.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu) ?? []) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    if (SCRIPTS.filter((re) => re.test(word)).length > 1) return word;
  }
  return null;
}

// Latin, Cyrillic а/р, Greek ο, accented Latin, a Latin letter outside the BMP (𝐀 is
// Common, 𐞀 is Latin), kana, digits, spaces and punctuation.
const PIECES = ['a', 'p', 'Z', 'а', 'р', 'ο', 'é', 'ß', '𐞀', '𝐀', 'カ', '1', ' ', '.', '-', '\n'];

describe('firstMixedScriptWord', () => {
  it('finds a Cyrillic letter hidden in a Latin word, and nothing in plain words', () => {
    expect(firstMixedScriptWord('Please log in to your Pаypal account')).toBe('Pаypal');
    expect(firstMixedScriptWord('Café, naïve, Ελληνικά, русский')).toBeNull();
  });

  it('agrees with reading every word, on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(firstMixedScriptWord(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
