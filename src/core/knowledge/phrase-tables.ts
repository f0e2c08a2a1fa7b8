// The automata of the fixed phrase lists: lure phrases (lures.ts) and scam-pattern concept
// terms (scam-patterns.ts). Only data leaves this module: the CLI's build runs it and
// ships what it exported (scripts/build-cli.ts, PREBUILT), so a start does not build them.
import lures from '../../../data/lures.json' with { type: 'json' };
import scamPatterns from '../../../data/scam-patterns.json' with { type: 'json' };
import { keyMatcherTables } from '../extract/key-matcher.js';

export const LURE_KEYS = keyMatcherTables(lures.families.flatMap((family) => family.phrases.map((p) => p.phrase)));

export const CONCEPT_KEYS = keyMatcherTables(Object.values(scamPatterns.concepts).flatMap((concept) => concept.terms));
