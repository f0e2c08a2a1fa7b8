// The dictionaries extractOrganizations (organizations.ts) searches, made from
// data/organizations.json: every name, kana reading, English name, alias and official
// domain folded (NFKC + lower case), the confusable skeletons of the same keys, and the
// automata that find them.
//
// Only data leaves this module (Maps, typed arrays, RegExps): the CLI's build runs it
// and ships what it exported (scripts/build-cli.ts, PREBUILT), because folding and
// skeletonizing 1,700 names and building two automata took longer at each start than
// checking a message. Elsewhere (the web app, tests) it runs when loaded.
import { ORGANIZATIONS, type Organization } from '../knowledge/organizations.js';
import { foldForMatching } from '../normalize/index.js';
import { keyMatcherTables, type KeyMatcherTables } from './key-matcher.js';
import { skeletonKey } from './skeleton-char.js';
import type { MentionVia } from './types.js';

interface Entry {
  organizationId: string;
  via: MentionVia;
}

type Exclusion = { before?: RegExp; after?: RegExp };

export interface DictionaryTables {
  /** Finds the keys as the alternation `key1|key2|…` (longest first) matches them:
   * that regex itself for a small dictionary (V8 runs a short alternation of
   * literals fast), a KeyMatcher for a large one (one table look-up per character
   * whatever the size, where the regex slows down with every key). One of the two
   * is set when the dictionary has keys. */
  regex: RegExp | null;
  matcher: KeyMatcherTables | null;
  entries: Map<string, Entry[]>;
  /** False friends, by key of this dictionary. */
  exclusions: Map<string, Exclusion>;
  /** For each key, the other keys that are its proper prefixes, longest first: when
   * a long key fails its boundary check a shorter one may still match there. */
  prefixes: Map<string, string[]>;
}

const SHORT_ASCII_MAX = 3;

/** Known false friends: a Japanese key followed or preceded by these is not the organization. */
const EXCLUSIONS = new Map<string, Exclusion>([
  ['楽天', { after: /^[的家主]/ }],
  ['アマゾン', { after: /^(?:川|河|流域|熱帯|の森|の奥地)/ }],
  ['ヤマト', { before: /(?:戦艦|大和)$/, after: /^(?:タケル|シジミ|ナデシコ|王権|朝廷|言葉)/ }],
]);

function fold(s: string): string {
  return foldForMatching(s).replace(/\s+/g, ' ').trim();
}

/** Most keys for which a dictionary is searched with a regex rather than a KeyMatcher.
 * For the 36 short names the regex scanned the SpamAssassin texts in 19 ms where the
 * automaton took 41 (ja-real 0.7 ms against 3.3); past some 50 English names the regex
 * is the slower one. */
const SMALL_DICTIONARY = 48;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function addEntry(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  if (key.length === 0) return;
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [entry]);
    return;
  }
  // One entry per organization per key; the first `via` registered wins.
  if (!list.some((e) => e.organizationId === entry.organizationId)) list.push(entry);
}

function compile(entries: Map<string, Entry[]>, exclusions: Map<string, Exclusion>): DictionaryTables {
  const keys = [...entries.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const prefixes = new Map<string, string[]>();
  for (const key of keys) {
    const shorter: string[] = [];
    for (let length = key.length - 1; length > 0; length--) if (entries.has(key.slice(0, length))) shorter.push(key.slice(0, length));
    if (shorter.length > 0) prefixes.set(key, shorter);
  }
  const small = keys.length <= SMALL_DICTIONARY;
  return {
    // An alternation of literals has no nested quantifier: at each position V8 tries
    // each literal once, so a scan is linear in the text.
    regex: small && keys.length > 0 ? new RegExp(keys.map(escapeRegExp).join('|'), 'g') : null,
    matcher: small ? null : keyMatcherTables(keys),
    entries,
    exclusions,
    prefixes,
  };
}

/** Name variants worth matching: as written, without 株式会社, without the
 * middle dot of spelled-out letters (エヌ・ティ・ティ → エヌティティ). */
function variants(name: string): string[] {
  const out = new Set<string>([name]);
  const noKabushiki = name.replace(/株式会社|\(株\)|㈱/g, '').trim();
  if (noKabushiki.length > 0) out.add(noKabushiki);
  for (const v of [...out]) if (v.includes('・')) out.add(v.replace(/・/g, ''));
  return [...out];
}

function namesOf(org: Organization): [string, MentionVia][] {
  const list: [string, MentionVia][] = [];
  for (const d of org.domains) list.push([d.domain, 'domain']);
  for (const n of org.names.ja) list.push([n, 'name']);
  for (const n of org.names.kana) list.push([n, 'kana']);
  for (const n of org.names.en) list.push([n, 'english']);
  for (const n of org.aliases) list.push([n, 'alias']);
  return list;
}

function isShortAscii(s: string): boolean {
  return s.length <= SHORT_ASCII_MAX && /^[\x20-\x7e]+$/.test(s);
}

function buildDictionaries(orgs: readonly Organization[]): { folded: DictionaryTables; skeleton: DictionaryTables; short: DictionaryTables } {
  const folded = new Map<string, Entry[]>();
  const skeletons = new Map<string, Entry[]>();
  const short = new Map<string, Entry[]>();
  for (const org of orgs) {
    for (const name of org.matchCase ?? []) addEntry(short, name.normalize('NFKC'), { organizationId: org.id, via: 'name' });
    for (const [name, via] of namesOf(org)) {
      for (const variant of variants(name)) {
        const entry = { organizationId: org.id, via };
        const nfkc = variant.normalize('NFKC').trim();
        if (isShortAscii(nfkc)) {
          addEntry(short, nfkc, entry);
          continue;
        }
        const key = fold(variant);
        addEntry(folded, key, entry);
        addEntry(skeletons, skeletonKey(key), entry);
      }
    }
  }
  const skeletonExclusions = new Map([...EXCLUSIONS].map(([k, rule]) => [skeletonKey(k), rule] as const));
  return {
    folded: compile(folded, EXCLUSIONS),
    skeleton: compile(skeletons, skeletonExclusions),
    short: compile(short, new Map()),
  };
}

export const DICTIONARIES = buildDictionaries(ORGANIZATIONS);

/** Every folded key has its skeleton among the skeleton keys (true by construction
 * unless a skeleton came out empty); the shortcut in extractOrganizations relies on
 * it, so it is checked rather than assumed. */
export const SKELETON_COVERS_KEYS = [...DICTIONARIES.folded.entries.keys()].every((key) =>
  DICTIONARIES.skeleton.entries.has(skeletonKey(key)),
);
