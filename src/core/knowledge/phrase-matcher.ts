// Finds every phrase of a list of literal phrases in a text in one scan. Lure phrases
// (lures.ts), the words of the scam-pattern concepts (scam-patterns.ts) and the official
// domains (signals/domains.ts) are matched with it.
//
// What it finds is what the regular expression made of all phrases (`phrase1|phrase2|…`,
// longest first, with the word boundaries below) finds scanning globally: at the
// leftmost position where a phrase starts, the longest phrase there; then on after it.
// Longest first: 暗証番号を入力 rather than 暗証番号. Matches do not overlap: a shorter
// phrase inside a longer match is not reported again (個人情報 inside 個人情報を削除). A
// phrase listed in several families (不正アクセス: account-problem and notice-apology)
// yields one hit per family.
//
// Word boundaries: a phrase that starts with an ASCII letter or digit must not follow
// one, and one that ends with an ASCII letter or digit must not be followed by one, so
// "pin" does not match in "shopping". Japanese has no spaces between words, so Japanese
// characters never need a boundary: 暗証番号 matches inside お客様の暗証番号を.
//
// How: the phrases' starts come from a KeyMatcher (../extract/key-matcher.ts: one pass,
// one table look-up per character, linear in the text). That regular expression, built
// as a trie, scanned no faster once compiled (the lures on the ja-real and UCI texts:
// 20–30 million characters a second, the automaton 30–190), but building and compiling
// it (12,000 characters for the lures) took a tenth of a short check's start, at every
// start; the automaton of a fixed list is made when the product is built (phrase-tables.ts).
import { KeyMatcher, keyMatcherTables, type KeyMatcherTables } from '../extract/key-matcher.js';

/** [a-z0-9_]: the characters a boundary is about. */
function isWordUnit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
}

export interface PhraseHit<Owner> {
  /** The phrase as listed (equal to the matched text). */
  phrase: string;
  owner: Owner;
  /** [start, end) in UTF-16 code units of the text searched. */
  span: [number, number];
}

export class PhraseMatcher<Owner> {
  private readonly keys: KeyMatcher;
  private readonly owners = new Map<string, Owner[]>();

  /**
   * `entries`: each phrase with what it stands for; a phrase may have several owners.
   * `keys`: keyMatcherTables of the same phrases when made ahead (phrase-tables.ts).
   */
  constructor(entries: Iterable<{ phrase: string; owner: Owner }>, keys?: KeyMatcherTables) {
    for (const { phrase, owner } of entries) {
      const list = this.owners.get(phrase) ?? [];
      list.push(owner);
      this.owners.set(phrase, list);
    }
    this.keys = new KeyMatcher(keys ?? keyMatcherTables(this.owners.keys()));
  }

  /** Every phrase in `text`, in text order; a phrase with several owners gives one hit each. */
  find(text: string): PhraseHit<Owner>[] {
    const hits: PhraseHit<Owner>[] = [];
    const { starts, lengths } = this.keys.find(text);
    let searchFrom = 0;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      if (start < searchFrom) continue;
      // Every phrase starting here starts with this character.
      if (start > 0 && isWordUnit(text.charCodeAt(start)) && isWordUnit(text.charCodeAt(start - 1))) continue;
      const phrase = this.longestBounded(text, start, lengths[k]!);
      if (phrase === null) continue;
      for (const owner of this.owners.get(phrase)!) hits.push({ phrase, owner, span: [start, start + phrase.length] });
      searchFrom = start + phrase.length;
    }
    return hits;
  }

  /** The longest phrase at `start`, at most `longest` long, whose end is a word
   * boundary when it needs one; null when none is. */
  private longestBounded(text: string, start: number, longest: number): string | null {
    for (let length = longest; length > 0; length--) {
      const end = start + length;
      if (isWordUnit(text.charCodeAt(end - 1)) && end < text.length && isWordUnit(text.charCodeAt(end))) continue;
      const phrase = text.slice(start, end);
      if (this.owners.has(phrase)) return phrase;
    }
    return null;
  }
}
