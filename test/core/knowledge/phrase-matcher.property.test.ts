// PhraseMatcher must find what the regular expression it replaced finds: all phrases in
// one trie-shaped alternation, longest first, with the ASCII word boundaries, scanned
// globally (the reference below is that implementation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCEPT_KEYS, LURE_KEYS, OFFICIAL_DOMAIN_KEYS } from '../../../src/core/knowledge/phrase-tables.js';
import { ORGANIZATIONS } from '../../../src/core/knowledge/organizations.js';
import { keyMatcherTables } from '../../../src/core/extract/key-matcher.js';
import { LURE_FAMILIES, findLures } from '../../../src/core/knowledge/lures.js';
import { findConcepts } from '../../../src/core/knowledge/scam-patterns.js';
import { PhraseMatcher } from '../../../src/core/knowledge/phrase-matcher.js';
import scamPatterns from '../../../data/scam-patterns.json' with { type: 'json' };

const WORD = 'a-z0-9_';
const isWordChar = (ch: string): boolean => /^[a-z0-9_]$/.test(ch);
const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch);

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

function emit(node: TrieNode, lastChar: string): string {
  const alternatives: string[] = [];
  for (const [ch, child] of node.children) alternatives.push(escapeChar(ch) + emit(child, ch));
  if (node.end) alternatives.push(isWordChar(lastChar) ? `(?![${WORD}])` : '');
  if (alternatives.length === 1) return alternatives[0] ?? '';
  return `(?:${alternatives.join('|')})`;
}

/** Every match of the phrases' regex in `text`: [phrase, start]. */
function reference(phrases: readonly string[], text: string): [string, number][] {
  const wordStart: TrieNode = { children: new Map(), end: false };
  const otherStart: TrieNode = { children: new Map(), end: false };
  for (const phrase of new Set(phrases)) {
    let node = isWordChar(phrase.charAt(0)) ? wordStart : otherStart;
    for (const ch of phrase) {
      let next = node.children.get(ch);
      if (next === undefined) {
        next = { children: new Map(), end: false };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  const branches: string[] = [];
  if (wordStart.children.size > 0) branches.push(`(?<![${WORD}])${emit(wordStart, '')}`);
  if (otherStart.children.size > 0) branches.push(emit(otherStart, ''));
  const pattern = new RegExp(branches.length > 0 ? branches.join('|') : '(?!)', 'gu');
  return [...text.matchAll(pattern)].map((m) => [m[0], m.index]);
}

const pieces = (parts: readonly string[], maxLength: number) =>
  fc.array(fc.constantFrom(...parts), { maxLength }).map((p) => p.join(''));

describe('PhraseMatcher', () => {
  const alphabet = ['a', 'b', '1', '_', 'pin', 'カード', '番号', '.', '-', '𝐚'];
  const phrase = pieces(alphabet, 4).filter((p) => p.length > 0);

  it('finds what the longest-first regex with word boundaries finds', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), pieces([...alphabet, 'x', 'A', ' ', 'を'], 30), (phrases, text) => {
        const matcher = new PhraseMatcher(phrases.map((p, i) => ({ phrase: p, owner: i })));
        const found = [...new Map(matcher.find(text).map((h) => [h.span[0], [h.phrase, h.span[0]] as [string, number]])).values()];
        expect(found).toEqual(reference(phrases, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives one hit per owner of a phrase, in the order listed', () => {
    const matcher = new PhraseMatcher([
      { phrase: '不正アクセス', owner: 'account-problem' },
      { phrase: '不正アクセス', owner: 'notice-apology' },
    ]);
    expect(matcher.find('不正アクセスがありました').map((h) => h.owner)).toEqual(['account-problem', 'notice-apology']);
  });
});

describe('the prebuilt phrase automata (phrase-tables.ts)', () => {
  it('hold every lure phrase', () => {
    for (const family of LURE_FAMILIES) {
      for (const { phrase } of family.phrases) {
        expect(findLures(phrase).some((h) => h.phrase === phrase && h.span[0] === 0), phrase).toBe(true);
      }
    }
    expect(LURE_KEYS.fail.length).toBeGreaterThan(1);
  });

  it('hold every concept term', () => {
    for (const concept of Object.values(scamPatterns.concepts)) {
      for (const term of concept.terms) expect(findConcepts(term).some((h) => h.term === term && h.span[0] === 0), term).toBe(true);
    }
    expect(CONCEPT_KEYS.fail.length).toBeGreaterThan(1);
  });

  it('hold the official domains as the matcher made of ORGANIZATIONS would (signals/domains.ts)', () => {
    expect(OFFICIAL_DOMAIN_KEYS).toStrictEqual(keyMatcherTables(ORGANIZATIONS.flatMap((org) => org.domains.map((d) => d.domain))));
  });
});
