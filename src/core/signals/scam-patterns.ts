// Evidence from Japan's known scam patterns (data/scam-patterns.json): the National
// Police Agency's 特殊詐欺 types and the follow-up scams consumer centres warn about,
// each a combination of concepts — an actor, a pretext, an object, a means — found in
// the sentences that speak for the message (a warning that describes a pattern does not
// match it: extract/requests.ts leaves such sentences out).
import { CONCEPT_NAMES, SCENARIOS, type Scenario } from '../knowledge/scam-patterns.js';
import type { Finding, SignalContext } from './types.js';

type Concepts = SignalContext['reading']['concepts'];

/** The first term of each group of the scenario's needs, or null when a group has none. */
function pickAll(needs: string[][], concepts: Concepts): string[] | null {
  const terms: string[] = [];
  for (const group of needs) {
    const found = concepts.find((c) => group.includes(c.hit.concept));
    if (found === undefined) return null;
    terms.push(found.hit.term);
  }
  return terms;
}

/** A scenario matched in the whole message or, for a sentence scenario, in its first
 * sentence that has every concept it needs. `bySentence` holds the concepts of each
 * sentence (in text order), split once per message: looking them up in the message's
 * whole list for every sentence made a message of many short sentences quadratic. */
function match(scenario: Scenario, concepts: Concepts, bySentence: Concepts[]): string[] | null {
  if (scenario.scope === 'message') return pickAll(scenario.needs, concepts);
  for (const inSentence of bySentence) {
    const terms = pickAll(scenario.needs, inSentence);
    if (terms !== null) return terms;
  }
  return null;
}

/** A concept's index in CONCEPT_NAMES. */
const CONCEPT_INDEX = new Map(CONCEPT_NAMES.map((name, index) => [name, index] as const));

/** Each scenario's needs as concept indexes (-1 for a name that is no concept): whether a
 * message has a concept is then a typed-array look-up, not a set look-up of a string, for
 * every need of every scenario. */
const NEEDS: readonly number[][][] = SCENARIOS.map((scenario) => scenario.needs.map((group) => group.map((concept) => CONCEPT_INDEX.get(concept) ?? -1)));

/** Whether each group of needs has a concept marked in `present` (by index). */
function meetsEveryNeed(needs: readonly number[][], present: Uint8Array): boolean {
  for (const group of needs) {
    let met = false;
    for (const concept of group) {
      if (present[concept] === 1) {
        met = true;
        break;
      }
    }
    if (!met) return false;
  }
  return true;
}

export function scamPatternFindings({ message, reading }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const bySentence = new Map<number, Concepts>();
  for (const c of reading.concepts) {
    const list = bySentence.get(c.sentence);
    if (list === undefined) bySentence.set(c.sentence, [c]);
    else list.push(c);
  }
  const sentences = [...bySentence.values()];
  // A scenario with a need the message has no concept for matches neither the message nor
  // any of its sentences: most scenarios are passed over on a few look-ups.
  const present = new Uint8Array(CONCEPT_NAMES.length);
  for (const c of reading.concepts) {
    const index = CONCEPT_INDEX.get(c.hit.concept);
    if (index !== undefined) present[index] = 1;
  }
  for (let i = 0; i < SCENARIOS.length; i++) {
    const scenario = SCENARIOS[i]!;
    if (scenario.channels !== undefined && !scenario.channels.includes(message.channel)) continue;
    if (!meetsEveryNeed(NEEDS[i]!, present)) continue;
    const terms = match(scenario, reading.concepts, sentences);
    if (terms !== null) findings.push({ code: `pattern.${scenario.id}`, evidence: [...new Set(terms)].join('・') });
  }
  return findings;
}
