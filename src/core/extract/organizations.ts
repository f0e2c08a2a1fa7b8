// Mentions of known organizations (data/organizations.json) in one normalized string,
// including names hidden from filters by spacing ("A m a z o n", "ヤ マ ト") or by
// look-alike characters ("Аmazon" with a Cyrillic А, "amaz0n", "arnazon").
//
// How: every name, kana reading, English name, alias and official domain is folded
// once (NFKC + lower case) into a dictionary of keys; a second dictionary holds the
// confusable skeletons of the same keys (organization-dictionaries.ts). A dictionary is searched as the
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
import { joinSpacedLetters, MappedText, type SpacedRun } from '../normalize/index.js';
import { KeyMatcher, type KeyStarts, type RewrittenKeyStarts } from './key-matcher.js';
import { DICTIONARIES as TABLES, SKELETON_COVERS_KEYS, type DictionaryTables } from './organization-dictionaries.js';
import { skeletonChar, skeletonOfUnit } from './skeleton-char.js';
import type { OrganizationMention } from './types.js';

type SpacedJoin = { mapped: MappedText; runs: SpacedRun[] };

export type FoundMention = Omit<OrganizationMention, 'location'> & { span: [number, number] };

type Dictionary = Omit<DictionaryTables, 'matcher'> & { matcher: KeyMatcher | null };

const ASCII_WORD = /[a-z0-9]/i;

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

function dictionary(tables: DictionaryTables): Dictionary {
  return { ...tables, matcher: tables.matcher === null ? null : new KeyMatcher(tables.matcher) };
}

const DICTIONARIES = { folded: dictionary(TABLES.folded), skeleton: dictionary(TABLES.skeleton), short: dictionary(TABLES.short) };

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
    unit === CAPITAL_SIGMA || (unit >= 0xd800 && unit <= 0xdfff) ? null : skeletonOfUnit(unit),
  ) ?? null;

/** Whether a text read unit by unit can take the shortcut of extractOrganizations. */
const READ_BY_SKELETON = SKELETON_COVERS_KEYS && UNIT_AS_SKELETON !== null && DICTIONARIES.folded.matcher !== null;

interface Hit {
  start: number;
  end: number;
  key: string;
}

/** How far around a key the boundary rules look (the false-friend rules' reach). */
const CONTEXT = 4;

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
    if (rule.before && rule.before.test(hay.slice(Math.max(0, start - CONTEXT), start))) return false;
    if (rule.after && rule.after.test(hay.slice(end, end + CONTEXT))) return false;
  }
  return true;
}

/**
 * The key taken at `start` of `hay`, where the longest key is `length` long: that key
 * when it passes the boundary rules, else the longest of its prefixes that does;
 * undefined for none. `original` is the text before lower-casing (same length as
 * `hay`), used for the camel-case rule. The rules read no further than CONTEXT units
 * around the key, so `hay` may be just that stretch of the searched text.
 */
function keyAt(dict: Dictionary, hay: string, original: string, start: number, length: number): string | undefined {
  const key = hay.slice(start, start + length);
  if (boundaryOk(dict, hay, original, start, start + length, key)) return key;
  return dict.prefixes.get(key)?.find((p) => boundaryOk(dict, hay, original, start, start + p.length, p));
}

/** Every position of `hay` where a key of `dict` starts, with the longest key there. */
function keyStarts(dict: Dictionary, hay: string): KeyStarts {
  if (dict.matcher !== null) return dict.matcher.find(hay);
  const found: KeyStarts = { starts: [], lengths: [] };
  const re = dict.regex;
  if (re === null) return found;
  // From one position past each match: the leftmost match there is the next start.
  for (re.lastIndex = 0; ; re.lastIndex = found.starts[found.starts.length - 1]! + 1) {
    const m = re.exec(hay);
    if (m === null) return found;
    found.starts.push(m.index);
    found.lengths.push(m[0].length);
  }
}

/**
 * Calls `onHit` for each hit that passes the boundary rules, until it returns false:
 * walks the key starts as a global regex walks its matches (after a hit the search
 * goes on at its end, after a rejected match at the next position). `keyTakenAt`
 * is keyAt for the searched text.
 */
function walk(keys: KeyStarts, keyTakenAt: (start: number, length: number) => string | undefined, onHit: (hit: Hit) => boolean): void {
  let searchFrom = 0;
  for (let k = 0; k < keys.starts.length; k++) {
    const start = keys.starts[k]!;
    if (start < searchFrom) continue;
    const key = keyTakenAt(start, keys.lengths[k]!);
    if (key === undefined) continue;
    searchFrom = start + key.length;
    if (!onHit({ start, end: start + key.length, key })) return;
  }
}

/** walk over the hits of `dict` in `hay` (`found`: keyStarts(dict, hay) when the caller has it). */
function scan(dict: Dictionary, hay: string, original: string, onHit: (hit: Hit) => boolean, found?: KeyStarts): void {
  walk(found ?? keyStarts(dict, hay), (start, length) => keyAt(dict, hay, original, start, length), onHit);
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
      flag = skeletonOfUnit(unit) === lowerSameLength(ch) ? 1 : 2;
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
    (parts ??= []).push(lowered.slice(copiedTo, i), width === 1 ? skeletonOfUnit(text.charCodeAt(i)) : skeletonChar(text.slice(i, i + 2)));
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
      const code = text.charCodeAt(this.index);
      const length =
        skeletonFlag(code) === 1
          ? 1
          : (width === 1 ? skeletonOfUnit(code) : skeletonChar(text.slice(this.index, this.index + 2))).length;
      if (unit < this.at + length) return [this.index, this.index + width];
      this.at += length;
      this.index += width;
    }
  }
}

/**
 * The folded skeleton of a text read unit by unit (UNIT_AS_SKELETON: each unit is one
 * code point), as far as the scans need it: around the hits of the skeleton search,
 * found from the points where that search's reading lined up with the text. Neither the
 * skeleton text nor a walk over the text up to the last hit is needed: the text is read
 * only a few units around each hit.
 */
class SkeletonNearHits {
  constructor(
    private readonly text: string,
    /** The skeleton search's answer for the text. */
    readonly found: RewrittenKeyStarts,
  ) {}

  /** Whether the skeleton of the text holds a key of the skeleton dictionary. */
  get anyKey(): boolean {
    return this.found.starts.length > 0;
  }

  /** [unit of the text whose skeleton holds skeleton unit `unit`, where that skeleton
   * starts]. `unit` must lie before the end of a key the search reported. */
  private locate(unit: number): [number, number] {
    const { ends, sourceEnds } = this.found;
    // The first point past `unit`, then back from there.
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid]! > unit) high = mid;
      else low = mid + 1;
    }
    let index = sourceEnds[low]!;
    let at = ends[low]!;
    while (at > unit) {
      index--;
      at -= skeletonOfUnit(this.text.charCodeAt(index)).length;
    }
    return [index, at];
  }

  /** The unit of the text whose skeleton holds skeleton unit `unit` (as SkeletonCursor.sourceOf). */
  sourceOf(unit: number): number {
    return this.locate(unit)[0];
  }

  /** The units of the text whose skeleton starts at skeleton unit `unit` (several only
   * when some have an empty skeleton), as [first, last]; null for none. */
  unitsStartingAt(unit: number): [number, number] | null {
    const [last, at] = this.locate(unit);
    if (at !== unit) return null;
    let first = last;
    while (first > 0 && skeletonOfUnit(this.text.charCodeAt(first - 1)).length === 0) first--;
    return [first, last];
  }

  /** Skeleton units [from, to), cut to the skeleton, with the position of the first. */
  stretch(from: number, to: number): { units: string; from: number } {
    const start = Math.max(0, from);
    let [index, at] = this.locate(start);
    let units = '';
    for (; index < this.text.length && at + units.length < to; index++) units += skeletonOfUnit(this.text.charCodeAt(index));
    return { units: units.slice(start - at, to - at), from: start };
  }
}

/** The skeleton search over `text` when it can be read unit by unit; null when it
 * cannot (Σ, a surrogate pair): then each scan reads all of it. */
function readBySkeleton(text: string): SkeletonNearHits | null {
  if (!READ_BY_SKELETON) return null;
  const found = DICTIONARIES.skeleton.matcher!.findRewritten(text, UNIT_AS_SKELETON!);
  return found === null ? null : new SkeletonNearHits(text, found);
}

/**
 * keyStarts of the folded dictionary in `lowered` (lowerSameLength of the text `near`
 * reads), for a text read unit by unit: there a folded key found at some unit has its
 * skeleton, itself a skeleton key (SKELETON_COVERS_KEYS), starting where that unit's
 * skeleton starts, so only the units where the skeleton search found a key start are
 * read, each on its own.
 */
function foldedKeyStarts(near: SkeletonNearHits, lowered: string): KeyStarts {
  const matcher = DICTIONARIES.folded.matcher!;
  const found: KeyStarts = { starts: [], lengths: [] };
  for (const start of near.found.starts) {
    const units = near.unitsStartingAt(start);
    if (units === null) continue;
    for (let index = units[0]; index <= units[1]; index++) {
      const length = matcher.longestAt(lowered, index);
      if (length === 0) continue;
      found.starts.push(index);
      found.lengths.push(length);
    }
  }
  return found;
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

  // One skeleton search of the text (and of the joined text, when letters were joined)
  // decides where the scans need to look, wherever the text can be read unit by unit
  // (no Σ, no surrogate pair; almost every message). There the lower case of the text
  // is that of each character, so a folded key K found by scan 1 or 2 turns, in the
  // skeleton, into skeletonKey(K) (skeletonChar(c) is skeletonChar of c's lower case),
  // which is a key of the skeleton dictionary (SKELETON_COVERS_KEYS); scan 3 looks for
  // skeleton keys. So when no skeleton key occurs, only the short names can be found
  // (most messages); when some do, scans 1 and 2 read only where they start and scan 3
  // only around them (SkeletonNearHits). The search reads the text through the skeleton
  // of each character: the skeleton text is not built.
  const textRead = readBySkeleton(t);
  const baseRead = base === t ? textRead : readBySkeleton(base);
  const textMayHaveKey = textRead === null || textRead.anyKey;
  const baseMayHaveKey = baseRead === null || baseRead.anyKey;
  const lowered = textMayHaveKey ? lowerSameLength(t) : '';
  const baseLowered = base === t ? lowered : baseMayHaveKey ? lowerSameLength(base) : '';

  // 1. The text as it is (folded), and short names case-sensitively.
  if (textMayHaveKey) {
    const keys = textRead === null ? undefined : foldedKeyStarts(textRead, lowered);
    scan(DICTIONARIES.folded, lowered, t, (h) => add(h.key, DICTIONARIES.folded, [h.start, h.end], null), keys);
  }
  if (!full()) scan(DICTIONARIES.short, t, t, (h) => add(h.key, DICTIONARIES.short, [h.start, h.end], null));

  // 2. Spaced-out letters joined: only hits that take in a joined run are new.
  if (runs.length > 0 && !full() && baseMayHaveKey) {
    const keys = baseRead === null ? undefined : foldedKeyStarts(baseRead, baseLowered);
    scan(
      DICTIONARIES.folded,
      baseLowered,
      base,
      (h) => {
        const span = joined.mapped.toSource(h.start, h.end);
        return runs.some((r) => overlaps(r, span)) ? add(h.key, DICTIONARIES.folded, span, 'spaced') : true;
      },
      keys,
    );
  }

  // 3. Confusable skeleton of the joined text: only what scans 1 and 2 missed. Always
  // scanned, even when no character changed: "arnazon" is made only of plain letters,
  // yet its skeleton is the skeleton of "amazon".
  const skeleton = DICTIONARIES.skeleton;
  if (!full() && baseRead !== null && baseRead.anyKey) {
    walk(
      baseRead.found,
      (start, length) => {
        const { units, from } = baseRead.stretch(start - CONTEXT, start + length + CONTEXT);
        return keyAt(skeleton, units, units, start - from, length);
      },
      (h) => add(h.key, skeleton, joined.mapped.toSource(baseRead.sourceOf(h.start), baseRead.sourceOf(h.end - 1) + 1), 'confusable'),
    );
  } else if (!full() && baseRead === null) {
    const skel = skeletonText(base, baseLowered);
    const cursor = new SkeletonCursor(base);
    scan(skeleton, skel, skel, (h) => {
      const span = joined.mapped.toSource(cursor.sourceOf(h.start)[0], cursor.sourceOf(h.end - 1)[1]);
      return add(h.key, skeleton, span, 'confusable');
    });
  }

  found.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return found;
}
