// The words the checker reads a request and a scam pattern from (data/scam-patterns.json):
// concepts — verbs of asking, what is asked for (a PIN, a card, money), by what means
// (電子マネー, a bank transfer, someone coming to the home), under which pretext (a
// refund, an unpaid bill, an investigation, deleting leaked data), who claims to call —
// and the scam patterns of Japan's police and consumer centres, each a combination of
// concepts with the public page that describes it. Validated when the product is built
// (scam-patterns-schema.ts); all concept words are matched in one scan (phrase-matcher.ts).
//
// Terms are written the way they appear after foldForReading (NFKC + lower case, no
// space between kana or kanji).
import data from '../../../data/scam-patterns.json' with { type: 'json' };
import { PhraseMatcher, type PhraseHit } from './phrase-matcher.js';
import { CONCEPT_KEYS } from './phrase-tables.js';
import type { ScamPatternsFile, Scenario } from './scam-patterns-schema.js';

export const CONCEPT_KINDS = ['verb', 'object', 'means', 'pretext', 'actor', 'cue'] as const;

export type { ScamPatternsFile, Scenario } from './scam-patterns-schema.js';

const FILE = data as ScamPatternsFile;

export const SCENARIOS: readonly Scenario[] = Object.freeze(FILE.scenarios);

/** Every concept name ("pretext.refund"), in data order. */
export const CONCEPT_NAMES: readonly string[] = Object.freeze(Object.keys(FILE.concepts));

/** A concept name ("object.secret"). */
export type ConceptName = string;

export interface ConceptHit {
  concept: ConceptName;
  /** The term as listed (equal to the matched text). */
  term: string;
  /** [start, end) in the folded text searched. */
  span: [number, number];
}

const matcher = new PhraseMatcher<ConceptName>(
  Object.entries(FILE.concepts).flatMap(([name, concept]) => concept.terms.map((t) => ({ phrase: t, owner: name }))),
  CONCEPT_KEYS,
);

/** Every concept term in a folded text (foldForReading), in text order; the longest
 * term wins where terms overlap (キャッシュカード, not カード). */
export function findConcepts(foldedText: string): ConceptHit[] {
  return matcher.find(foldedText).map((hit: PhraseHit<ConceptName>) => ({ concept: hit.owner, term: hit.phrase, span: hit.span }));
}
