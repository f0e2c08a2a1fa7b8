import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../../src/core/normalize/index.js';

describe('normalizeForMatching: combining marks after ASCII', () => {
  it('composes an ASCII letter with a following combining mark, as NFKC does', () => {
    const source = 'cafe\u0301 ｃａｆｅ\u0301';
    const { mapped } = normalizeForMatching(source);
    expect(mapped.text).toBe(source.normalize('NFKC'));
    expect(mapped.text).toBe('café café');
    // é maps back to "e" + U+0301
    expect(mapped.toSource(3, 4)).toEqual([3, 5]);
    expect(mapped.toSource(0, 4)).toEqual([0, 5]);
  });
});
