// The automata of the fixed phrase lists: lure phrases (lures.ts), scam-pattern concept
// terms (scam-patterns.ts) and the organizations' official domains (signals/domains.ts).
// Only data leaves this module: the CLI's build runs it and ships what it exported
// (scripts/build-cli.ts, PREBUILT), so a start does not build them.
import lures from '../../../data/lures.json' with { type: 'json' };
import organizations from '../../../data/organizations.json' with { type: 'json' };
import scamPatterns from '../../../data/scam-patterns.json' with { type: 'json' };
import { keyMatcherTables } from '../extract/key-matcher.js';

export const LURE_KEYS = keyMatcherTables(lures.families.flatMap((family) => family.phrases.map((p) => p.phrase)));

export const CONCEPT_KEYS = keyMatcherTables(Object.values(scamPatterns.concepts).flatMap((concept) => concept.terms));

/** Every organization's official domains, in the order of data/organizations.json (the
 * order of ORGANIZATIONS). */
export const OFFICIAL_DOMAIN_KEYS = keyMatcherTables(organizations.organizations.flatMap((org) => org.domains.map((d) => d.domain)));
