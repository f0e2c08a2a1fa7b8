// The bundled knowledge is read without validation at start, so its validation here and
// in the build is what keeps a bad data change out.
import { describe, expect, it } from 'vitest';
import { validateBundledKnowledge } from '../../src/core/bundled-knowledge.js';

describe('validateBundledKnowledge', () => {
  it('accepts every bundled knowledge file', () => {
    expect(() => validateBundledKnowledge()).not.toThrow();
  });
});
