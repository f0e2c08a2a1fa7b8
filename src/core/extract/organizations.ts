// Mentions of known organizations (data/organizations.json) in one normalized string,
// including names hidden from filters by spacing ("A m a z o n", "ヤ マ ト") or by
// look-alike characters ("Аmazon" with a Cyrillic А, "amaz0n", "arnazon").
//
// How: every name, kana reading, English name, alias and official domain is folded
// once at load (NFKC + lower case) into a dictionary of keys; a second dictionary
// holds the confusable skeletons of the same keys. A dictionary is searched as the
// alternation `key1|key2|…` of its keys, longest first, would match: with that regex
// when it is small, with a KeyMatcher (./key-matcher.ts: Aho–Corasick, one pass,
// linear in the text whatever the dictionary size) when it is large, as the name
// dictionaries are. Per message there are at most three scans:
//   1. the text itself, folded             → disguise null
//   2. the text with spaced letters joined → disguise 'spaced' (only when something was joined)
//   3. the TR39 skeleton of (2)            → disguise 'confusable' (only what 1 and 2 missed)
// The other regexes (false-friend rules, word characters) are single classes or
// short literal alternations, run on at most 4 characters.
//
// Word boundaries: a key that begins (ends) with an ASCII letter or digit must not
// be preceded (followed) by one, so "au" is not found in "because" and "amazon" not
// in "xamazon"; Japanese text around an ASCII name is fine ("amazonで"), and so is
// a camel-case join ("AmazonPay"). Japanese keys have no boundary (Japanese has no
// spaces), but a few known false friends are excluded (楽天的 "optimistic",
// アマゾン川 "the Amazon river", 宇宙戦艦ヤマト).
//
// Very short ASCII names (3 characters or fewer, like "au"), and the names an
// organization lists under `matchCase` because they are everyday words (LINE, Apple),
// are matched only case-sensitively, exactly as written in the data, in scan 1; they
// are not looked for in joined or skeleton text, where coincidences are common.
import { MAX_ITEMS_PER_KIND, MAX_SCAN_CHARS } from '../limits.js';
import { ORGANIZATIONS, type Organization } from '../knowledge/organizations.js';
import { foldForMatching, joinSpacedLetters, MappedText, skeleton, type SpacedRun } from '../normalize/index.js';

type SpacedJoin = { mapped: MappedText; runs: SpacedRun[] };
import { KeyMatcher, type KeyStarts } from './key-matcher.js';
import type { MentionVia, OrganizationMention } from './types.js';

export type FoundMention = Omit<OrganizationMention, 'location'> & { span: [number, number] };

interface Entry {
  organizationId: string;
  via: MentionVia;
}

type Exclusion = { before?: RegExp; after?: RegExp };

interface Dictionary {
  /** Finds the keys as the alternation `key1|key2|…` (longest first) matches them:
   * that regex itself for a small dictionary (V8 runs a short alternation of
   * literals fast), a KeyMatcher for a large one (one table look-up per character
   * whatever the size, where the regex slows down with every key). One of the two
   * is set when the dictionary has keys. */
  regex: RegExp | null;
  matcher: KeyMatcher | null;
  entries: Map<string, Entry[]>;
  /** False friends, by key of this dictionary. */
  exclusions: Map<string, Exclusion>;
  /** For each key, the other keys that are its proper prefixes, longest first: when
   * a long key fails its boundary check a shorter one may still match there. */
  prefixes: Map<string, string[]>;
}

const SHORT_ASCII_MAX = 3;
const ASCII_WORD = /[a-z0-9]/i;

/** Known false friends: a Japanese key followed or preceded by these is not the organization. */
const EXCLUSIONS = new Map<string, Exclusion>([
  ['楽天', { after: /^[的家主]/ }],
  ['アマゾン', { after: /^(?:川|河|流域|熱帯|の森|の奥地)/ }],
  ['ヤマト', { before: /(?:戦艦|大和)$/, after: /^(?:タケル|シジミ|ナデシコ|王権|朝廷|言葉)/ }],
]);

/** Lower case without changing the length (so offsets stay valid). */
function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function fold(s: string): string {
  return foldForMatching(s).replace(/\s+/g, ' ').trim();
}

/** Memo of skeletonChar. Bounded: random input cannot grow it past this size. */
const skeletonCache = new Map<string, string>();
const SKELETON_CACHE_MAX = 20_000;
const ASCII_SKELETON: string[] = [];

/** Folded skeleton of one code point: lower(skeleton(lower(ch))). Lower-casing
 * before and after makes "А" (Cyrillic) and "a" and "0"/"o" meet in one form. */
function skeletonChar(ch: string): string {
  const unit = ch.charCodeAt(0);
  if (unit < 0x80) {
    const known = ASCII_SKELETON[unit];
    if (known !== undefined) return known;
    return (ASCII_SKELETON[unit] = skeleton(ch.toLowerCase()).toLowerCase());
  }
  let s = skeletonCache.get(ch);
  if (s === undefined) {
    s = skeleton(ch.toLowerCase()).toLowerCase();
    if (skeletonCache.size < SKELETON_CACHE_MAX) skeletonCache.set(ch, s);
  }
  return s;
}

function skeletonKey(folded: string): string {
  let out = '';
  for (const ch of folded) out += skeletonChar(ch);
  return out;
}

/** Most keys for which a dictionary is searched with a regex rather than a KeyMatcher. */
const SMALL_DICTIONARY = 32;

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

function compile(entries: Map<string, Entry[]>, exclusions: Map<string, Exclusion>): Dictionary {
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
    matcher: small ? null : new KeyMatcher(keys),
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

function buildDictionaries(orgs: readonly Organization[]): { folded: Dictionary; skeleton: Dictionary; short: Dictionary } {
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

const DICTIONARIES = buildDictionaries(ORGANIZATIONS);

/** Every folded key has its skeleton among the skeleton keys (true by construction
 * unless a skeleton came out empty); the shortcut in extractOrganizations relies on
 * it, so it is checked rather than assumed. */
const SKELETON_COVERS_KEYS = [...DICTIONARIES.folded.entries.keys()].every((key) =>
  DICTIONARIES.skeleton.entries.has(skeletonKey(key)),
);

/** Σ, whose lower case depends on what follows it (σ, or ς at the end of a word). */
const CAPITAL_SIGMA = 0x03a3;

/**
 * Each code unit as its folded skeleton, for the skeleton dictionary's KeyMatcher
 * (null when that dictionary is small enough for a regex). It is what skeletonText
 * makes of the unit wherever the text's lower case is the lower case of each of its
 * characters: everywhere but around Σ (context-dependent) and in surrogate pairs
 * (read as one code point), so a text with either goes the general way.
 */
const UNIT_AS_SKELETON =
  DICTIONARIES.skeleton.matcher?.rewriteUnits((unit) =>
    unit === CAPITAL_SIGMA || (unit >= 0xd800 && unit <= 0xdfff) ? null : skeletonChar(String.fromCharCode(unit)),
  ) ?? null;

interface Hit {
  start: number;
  end: number;
  key: string;
}

function boundaryOk(dict: Dictionary, hay: string, original: string, start: number, end: number, key: string): boolean {
  if (ASCII_WORD.test(key[0]!) && start > 0 && ASCII_WORD.test(hay[start - 1]!)) return false;
  if (ASCII_WORD.test(key[key.length - 1]!) && end < hay.length && ASCII_WORD.test(hay[end]!)) {
    // "AmazonPay": a lower-case letter followed by an upper-case one starts a new word.
    const last = original[end - 1];
    const next = original[end];
    const camel = last !== undefined && next !== undefined && /[a-z]/.test(last) && /[A-Z]/.test(next);
    if (!camel) return false;
  }
  const rule = dict.exclusions.get(key);
  if (rule !== undefined) {
    if (rule.before && rule.before.test(hay.slice(Math.max(0, start - 4), start))) return false;
    if (rule.after && rule.after.test(hay.slice(end, end + 4))) return false;
  }
  return true;
}

/**
 * Calls `onHit` for each dictionary hit in `hay` that passes the boundary rules,
 * until it returns false. `original` is the text before lower-casing (same length
 * as `hay`), used for the camel-case rule. `found` is dict.matcher.find(hay) when
 * the caller already has it. Walks the key starts as a global regex walks its
 * matches: after a hit the search goes on at its end, after a rejected match at the
 * next position.
 */
function scan(dict: Dictionary, hay: string, original: string, onHit: (hit: Hit) => boolean, found?: KeyStarts): void {
  const keys = found ?? dict.matcher?.find(hay) ?? null;
  const re = dict.regex;
  if (keys === null && re === null) return;
  let k = 0;
  let searchFrom = 0;
  for (;;) {
    // The leftmost key at or after searchFrom, the longest one there.
    let start: number;
    let length: number;
    if (keys !== null) {
      while (k < keys.starts.length && keys.starts[k]! < searchFrom) k++;
      if (k === keys.starts.length) return;
      start = keys.starts[k]!;
      length = keys.lengths[k]!;
    } else {
      re!.lastIndex = searchFrom;
      const m = re!.exec(hay);
      if (m === null) return;
      start = m.index;
      length = m[0].length;
    }
    let key: string | undefined = hay.slice(start, start + length);
    if (!boundaryOk(dict, hay, original, start, start + key.length, key)) {
      key = dict.prefixes.get(key)?.find((p) => boundaryOk(dict, hay, original, start, start + p.length, p));
      if (key === undefined) {
        searchFrom = start + 1;
        continue;
      }
    }
    searchFrom = start + key.length;
    if (!onHit({ start, end: start + key.length, key })) return;
  }
}

/** Per BMP code unit: 0 not yet known, 1 its folded skeleton is itself lower-cased,
 * 2 it changes (or is a surrogate). Filled lazily, so most characters of a text
 * are copied without a Map look-up. */
const SKELETON_FLAGS = new Uint8Array(0x10000);

function skeletonFlag(unit: number): number {
  let flag = SKELETON_FLAGS[unit]!;
  if (flag === 0) {
    if (unit >= 0xd800 && unit <= 0xdfff) flag = 2;
    else {
      const ch = String.fromCharCode(unit);
      flag = skeletonChar(ch) === lowerSameLength(ch) ? 1 : 2;
    }
    SKELETON_FLAGS[unit] = flag;
  }
  return flag;
}

/** Folded skeleton of `text` (`lowered` is lowerSameLength(text)), without offsets:
 * what the skeleton regex scans. Most characters are their own folded skeleton, so
 * only the ones that change cost more than a flag look-up. */
function skeletonText(text: string, lowered: string): string {
  // Pieces joined at the end: one flat string, cheap for the character-by-character
  // search that follows (a chain of `+=` would be read through its rope nodes).
  let parts: string[] | null = null;
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    if (skeletonFlag(text.charCodeAt(i)) === 1) {
      i++;
      continue;
    }
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    (parts ??= []).push(lowered.slice(copiedTo, i), skeletonChar(width === 1 ? text[i]! : text.slice(i, i + 2)));
    i += width;
    copiedTo = i;
  }
  if (parts === null) return lowered;
  parts.push(lowered.slice(copiedTo));
  return parts.join('');
}

/**
 * Maps positions of skeletonText(text, …) back to the code points of `text` they came
 * from, walking forward only: the skeleton scan asks in increasing order (a hit's
 * start, then its last unit, then the next hit's start …), so all questions about one
 * text cost one pass over it at most, and nothing past the last hit.
 */
class SkeletonCursor {
  /** Code point of `text` at which the walk stands, and where its skeleton begins. */
  private index = 0;
  private at = 0;

  constructor(private readonly text: string) {}

  /** [start, end) in `text` of the code point whose skeleton holds unit `unit`. */
  sourceOf(unit: number): [number, number] {
    const text = this.text;
    for (;;) {
      const width = text.codePointAt(this.index)! > 0xffff ? 2 : 1;
      const length =
        skeletonFlag(text.charCodeAt(this.index)) === 1
          ? 1
          : skeletonChar(width === 1 ? text[this.index]! : text.slice(this.index, this.index + 2)).length;
      if (unit < this.at + length) return [this.index, this.index + width];
      this.at += length;
      this.index += width;
    }
  }
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * Organization mentions in `text` (already NFKC-normalized, invisible characters
 * removed), in text order, each with its span in `text` and how it was disguised.
 * At most MAX_ITEMS_PER_KIND. `spaced` is `joinSpacedLetters(MappedText.identity(text))`
 * when the caller has already computed it.
 */
export function extractOrganizations(text: string, spaced?: SpacedJoin): FoundMention[] {
  const t = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const found: FoundMention[] = [];
  // Bounded by MAX_ITEMS_PER_KIND, so the overlap check stays cheap.
  const seen = (orgId: string, span: [number, number]): boolean =>
    found.some((f) => f.organizationId === orgId && overlaps(f.span, span));
  /** Records a hit; false once the result is full. */
  const add = (key: string, dict: Dictionary, span: [number, number], disguise: FoundMention['disguise']): boolean => {
    for (const entry of dict.entries.get(key) ?? []) {
      if (seen(entry.organizationId, span)) continue;
      found.push({ organizationId: entry.organizationId, raw: t.slice(span[0], span[1]), via: entry.via, disguise, span });
      if (found.length >= MAX_ITEMS_PER_KIND) return false;
    }
    return true;
  };
  const full = (): boolean => found.length >= MAX_ITEMS_PER_KIND;

  const joined = spaced !== undefined && t === text ? spaced : joinSpacedLetters(MappedText.identity(t));
  const runs = joined.runs.map((r) => r.sourceSpan);
  // The base of scan 3: the joined text, which is `t` itself when nothing was joined.
  const base = joined.mapped.text;

  // Shortcut for the usual message (no spaced letters, no Σ, no surrogate pairs) that
  // names no organization: scans 1 to 3 find nothing, and one skeleton search proves
  // it. There the lower case of the text is that of each character, so a folded key K
  // found by scan 1 turns, in the skeleton, into skeletonKey(K) (skeletonChar(c) is
  // skeletonChar of c's lower case), which is a key of the skeleton dictionary
  // (SKELETON_COVERS_KEYS); scan 2 needs a joined run and scan 3 a skeleton key. So
  // when no skeleton key occurs in the skeleton text at all, only the short names can
  // be found. The search reads the text through the skeleton of each character, so
  // the skeleton text is built only when it has a hit (scan 3 then reuses the search).
  const skelKeys =
    runs.length === 0 && SKELETON_COVERS_KEYS && UNIT_AS_SKELETON !== null
      ? DICTIONARIES.skeleton.matcher!.findRewritten(t, UNIT_AS_SKELETON)
      : null;
  const anyKey = skelKeys === null || skelKeys.starts.length > 0;
  const lowered = anyKey ? lowerSameLength(t) : '';

  // 1. The text as it is (folded), and short names case-sensitively.
  if (anyKey) scan(DICTIONARIES.folded, lowered, t, (h) => add(h.key, DICTIONARIES.folded, [h.start, h.end], null));
  if (!full()) scan(DICTIONARIES.short, t, t, (h) => add(h.key, DICTIONARIES.short, [h.start, h.end], null));

  // 2. Spaced-out letters joined: only hits that take in a joined run are new.
  const baseLowered = base === t ? lowered : lowerSameLength(base);
  if (runs.length > 0 && !full()) {
    scan(DICTIONARIES.folded, baseLowered, base, (h) => {
      const span = joined.mapped.toSource(h.start, h.end);
      return runs.some((r) => overlaps(r, span)) ? add(h.key, DICTIONARIES.folded, span, 'spaced') : true;
    });
  }

  // 3. Confusable skeleton of the joined text: only what scans 1 and 2 missed.
  if (anyKey && !full()) {
    // Always scanned, even when no character changed: "arnazon" is made only of
    // plain letters, yet its skeleton is the skeleton of "amazon".
    const skel = skeletonText(base, baseLowered);
    const cursor = new SkeletonCursor(base);
    scan(
      DICTIONARIES.skeleton,
      skel,
      skel,
      (h) => {
        const span = joined.mapped.toSource(cursor.sourceOf(h.start)[0], cursor.sourceOf(h.end - 1)[1]);
        return add(h.key, DICTIONARIES.skeleton, span, 'confusable');
      },
      skelKeys ?? undefined,
    );
  }

  found.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return found;
}
