// data/scam-patterns.json: validated at load, every pattern scored and worded in
// data/reasons.json, every act of the request reader too.
import { describe, expect, it } from 'vitest';
import data from '../../../data/scam-patterns.json' with { type: 'json' };
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import { REQUEST_ACTS } from '../../../src/core/extract/requests.js';
import { findConcepts, SCENARIOS } from '../../../src/core/knowledge/scam-patterns.js';
import { parseScamPatterns } from '../../../src/core/knowledge/scam-patterns-schema.js';

const CODES = new Set(reasonsData.reasons.map((r) => r.code));
const clone = (): typeof data => JSON.parse(JSON.stringify(data)) as typeof data;

describe('data/scam-patterns.json', () => {
  it('parses, and every pattern has a reason with its score and words, and every reason a pattern', () => {
    expect(() => parseScamPatterns(data)).not.toThrow();
    for (const scenario of SCENARIOS) expect(CODES, scenario.id).toContain(`pattern.${scenario.id}`);
    const ids = new Set(SCENARIOS.map((s) => s.id));
    for (const code of CODES) if (code.startsWith('pattern.')) expect(ids, code).toContain(code.slice('pattern.'.length));
  });

  it('every act the request reader finds has a reason', () => {
    for (const act of REQUEST_ACTS) expect(CODES, act).toContain(`request.${act}`);
  });

  it('every pattern names the public page that describes it', () => {
    for (const scenario of SCENARIOS) expect(scenario.source, scenario.id).toMatch(/^https?:\/\//);
  });

  it('refuses a pattern that needs a concept nobody defined', () => {
    const bad = clone();
    bad.scenarios[0]!.needs = [['pretext.no-such-thing']];
    expect(() => parseScamPatterns(bad)).toThrow(/unknown concept pretext\.no-such-thing/);
  });

  it('refuses a term not written as the matcher sees it (full-width letters), and a term listed twice', () => {
    const wide = clone();
    (wide.concepts as Record<string, { terms: string[] }>)['object.atm']!.terms.push('ＡＴＭ');
    expect(() => parseScamPatterns(wide)).toThrow(/NFKC/);
    const twice = clone();
    const terms = (twice.concepts as Record<string, { terms: string[] }>)['object.atm']!.terms;
    terms.push(terms[0]!);
    expect(() => parseScamPatterns(twice)).toThrow(/twice/);
  });

  it('refuses a term with a space between kana or kanji, which the reader never sees', () => {
    const spaced = clone();
    (spaced.concepts as Record<string, { terms: string[] }>)['object.atm']!.terms.push('現金 自動');
    expect(() => parseScamPatterns(spaced)).toThrow(/no space between kana or kanji/);
  });

  it('finds a concept once, by its longest term (キャッシュカード, not カード)', () => {
    expect(findConcepts('キャッシュカードを').map((h) => [h.concept, h.term])).toEqual([['object.card', 'キャッシュカード']]);
  });
});
