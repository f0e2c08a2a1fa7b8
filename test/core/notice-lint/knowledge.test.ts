// data/notice-lint.json is validated at build and test time; these show the check bites.
import { describe, expect, it } from 'vitest';
import data from '../../../data/notice-lint.json' with { type: 'json' };
import { parseNoticeLintKnowledge } from '../../../src/core/notice-lint/knowledge-schema.js';

const copy = (): typeof data => structuredClone(data);

describe('parseNoticeLintKnowledge', () => {
  it('accepts the bundled file', () => {
    expect(() => parseNoticeLintKnowledge(data)).not.toThrow();
  });

  it('refuses a file that leaves out a finding the linter makes', () => {
    const file = copy();
    file.findings = file.findings.filter((f) => f.code !== 'notice.scam.asks-secret');
    expect(() => parseNoticeLintKnowledge(file)).toThrow(/notice\.scam\.asks-secret must be listed once/);
  });

  it('refuses a finding whose severity does not match its code', () => {
    const file = copy();
    file.findings[0]!.severity = 'advice';
    expect(() => parseNoticeLintKnowledge(file)).toThrow(/must have severity missing-required/);
  });

  it('refuses a missing part without an example sentence, and a part without terms', () => {
    const noExample = copy();
    delete (noExample.findings[0] as { example?: unknown }).example;
    expect(() => parseNoticeLintKnowledge(noExample)).toThrow(/needs an example sentence/);
    const noTerms = copy();
    noTerms.parts[0]!.terms = [];
    expect(() => parseNoticeLintKnowledge(noTerms)).toThrow();
  });
});
