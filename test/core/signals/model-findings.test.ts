// The model's probability bands, tested on assessments built here: a message that lands
// exactly between the two thresholds is hard to write by hand.
import { describe, expect, it } from 'vitest';
import type { SpamAssessment } from '../../../src/core/model/index.js';
import { findingsForAssessment } from '../../../src/core/signals/model.js';

const assessment = (probability: number, coverage = 0.9): SpamAssessment => ({
  probability,
  model: 'email',
  thresholds: { fpr1: 0.66, fpr2: 0.54 },
  coverage,
});

const codes = (a: SpamAssessment): string[] => findingsForAssessment(a).map((f) => f.code);

describe('findingsForAssessment', () => {
  it('gives model.spam-likely at or above the 1% false-positive threshold', () => {
    expect(codes(assessment(0.66))).toEqual(['model.spam-likely']);
  });

  it('gives model.spam-possible between the 2% and the 1% thresholds, and not just below', () => {
    expect(codes(assessment(0.6))).toEqual(['model.spam-possible']);
    expect(codes(assessment(0.5))).toEqual([]);
  });

  it('gives model.ham-likely for ordinary wording', () => {
    expect(codes(assessment(0.01))).toEqual(['model.ham-likely']);
  });

  it('says nothing when the model knows too few of the words (Japanese text)', () => {
    expect(codes(assessment(0.99, 0.2))).toEqual([]);
    expect(codes(assessment(0.01, 0.2))).toEqual([]);
  });

  it('reports the probability as its evidence', () => {
    expect(findingsForAssessment(assessment(0.7))[0]?.evidence).toBe('0.70');
  });
});
