// The bounded edit distance used for look-alike domains against the plain textbook one:
// equal whenever the distance is within the bound, and over the bound whenever it is not,
// for strings of any lengths in any order of calls (its rows are reused between calls).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/signals/domains.js';

function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length]![b.length]!;
}

const label = fc.string({ unit: fc.constantFrom('a', 'm', 'z', 'o', '0', '-', 'ｒ', 'n'), maxLength: 90 });

describe('editDistance', () => {
  it('is the edit distance when within the bound, and over the bound beyond it', () => {
    fc.assert(
      fc.property(label, label, fc.integer({ min: 0, max: 3 }), (a, b, bound) => {
        const exact = levenshtein(a, b);
        const bounded = editDistance(a, b, bound);
        if (exact <= bound) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(bound);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a near-miss of a brand', () => {
    expect(editDistance('amaz0n', 'amazon', 1)).toBe(1);
    expect(editDistance('sagawa-exq', 'sagawa-exp', 2)).toBe(1);
    expect(editDistance('rakuten', 'amazon', 2)).toBe(3);
  });
});
