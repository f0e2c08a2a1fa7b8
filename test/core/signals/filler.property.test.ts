// findRandomLetters looks at every 14th character only and measures the run of one-case
// letters around it; the reference tries every position, as the plain pattern did. Both
// must find the same run, or none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRandomLetters, isRandomLetters } from '../../../src/core/signals/filler.js';

function reference(text: string): string | null {
  const run = /[a-z]{14,}|[A-Z]{14,}/g;
  const glue = /[A-Za-z0-9/.@=%_-]/;
  for (let match = run.exec(text); match !== null; match = run.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && glue.test(text[start - 1]!)) continue;
    if (end < text.length && glue.test(text[end]!)) continue;
    if (isRandomLetters(match[0].toLowerCase())) return match[0];
  }
  return null;
}

describe('findRandomLetters', () => {
  it('finds what a search from every position finds', () => {
    const pieces = ['q', 'x', 'v', 't', 'k', 'a', 'e', 'Q', 'X', 'V', 'T', 'K', 'A', 'ewidvtdksrvapt', 'XKVTDKQZ', ' ', '.', '7', 'é', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(findRandomLetters(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds a run of the shortest length wherever it starts', () => {
    for (let offset = 0; offset < 40; offset++) {
      for (const run of ['ewidvtdksrvapt', 'XKVTDKQZXKVTDK']) {
        const text = `${'ab, '.repeat(offset).slice(0, offset)} ${run} tail`;
        expect(findRandomLetters(text)).toBe(reference(text));
        expect(findRandomLetters(text)).toBe(run);
      }
    }
  });
});
