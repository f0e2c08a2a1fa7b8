// firstMixedScriptWord finds the non-ASCII letters it starts from by testing for a
// non-ASCII character first and its script after; the reference asks for a letter of
// those scripts outside ASCII in one step, as the pattern did before. Both must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMixedScriptWord } from '../../../src/core/signals/language.js';

const ALPHABETIC = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

function reference(text: string): string | null {
  const foreign = /(?![\x00-\x7f])[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/gu;
  const chars = (s: string): string[] => Array.from(s);
  let examinedTo = 0;
  for (const hit of text.matchAll(foreign)) {
    if (hit.index < examinedTo) continue;
    let start = hit.index;
    for (;;) {
      const before = chars(text.slice(Math.max(0, start - 2), start)).pop();
      if (start === 0 || before === undefined || !ALPHABETIC.test(before)) break;
      start -= before.length;
    }
    let end = hit.index + hit[0].length;
    for (;;) {
      const at = text.codePointAt(end);
      if (at === undefined || !ALPHABETIC.test(String.fromCodePoint(at))) break;
      end += String.fromCodePoint(at).length;
    }
    examinedTo = end;
    const word = text.slice(start, end);
    if (SCRIPTS.filter((re) => re.test(word)).length > 1) return word;
  }
  return null;
}

describe('firstMixedScriptWord', () => {
  it('finds what a search for non-ASCII letters of those scripts in one step finds', () => {
    const pieces = ['a', 'p', 'Z', ' ', '.', 'é', 'а', 'р', 'Ω', 'ο', 'ア', '漢', '😀', '\ud800', '\udc00', '𝐚', 'ǅ', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(firstMixedScriptWord(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
