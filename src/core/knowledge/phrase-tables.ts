// The automata of the fixed phrase lists: lure phrases (lures.ts), scam-pattern concept
// terms (scam-patterns.ts) and the organizations' official domains (signals/domains.ts).
// Only data leaves this module: the CLI's build runs it and ships what it exported
// (scripts/build-cli.ts, PREBUILT), so a start does not build them.
import lures from '../../../data/lures.json' with { type: 'json' };
import organizations from '../../../data/organizations.json' with { type: 'json' };
import scamPatterns from '../../../data/scam-patterns.json' with { type: 'json' };
import { keyMatcherTables, type KeyMatcherTables } from '../extract/key-matcher.js';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The automaton of phrases in English and Japanese, ASCII phrases first: the matcher
 * numbers the characters in the order the keys bring them, so the ASCII ones come first
 * in every row of its table, and scanning an English text reads a few adjacent cache
 * lines of each row rather than entries strewn across hundreds of kana and kanji.
 * What it finds does not depend on the order of the keys.
 */
function bilingualKeys(phrases: string[]): KeyMatcherTables {
  return keyMatcherTables([...phrases.filter((p) => ASCII.test(p)), ...phrases.filter((p) => !ASCII.test(p))]);
}

export const LURE_KEYS = bilingualKeys(lures.families.flatMap((family) => family.phrases.map((p) => p.phrase)));

export const CONCEPT_KEYS = bilingualKeys(Object.values(scamPatterns.concepts).flatMap((concept) => concept.terms));

/** Every organization's official domains, in the order of data/organizations.json (the
 * order of ORGANIZATIONS). */
export const OFFICIAL_DOMAIN_KEYS = keyMatcherTables(organizations.organizations.flatMap((org) => org.domains.map((d) => d.domain)));
