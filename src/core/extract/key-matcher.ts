// Finds fixed strings (dictionary keys) in a text in one pass: an Aho–Corasick
// automaton over UTF-16 code units with a dense transition table.
//
// Why not a regex: an alternation of a few hundred literals makes V8 try every
// first-level alternative at nearly every position, so its cost grows with the
// dictionary (about 8 ns per character for 600 organization names). The automaton
// reads each character once with one table look-up, whatever the dictionary size.
//
// What it reports is what a global regex `key1|key2|…` with the keys sorted longest
// first would see: for every position where some key starts, the longest key starting
// there, in position order. Callers then walk those starts as they walked regex
// matches (continue after the match, or one position later when they reject it).
//
// Cost: linear in the text. Each character is one transition; each position where
// keys end reports at most the number of keys that are suffixes of one another (a
// property of the dictionary, not of the input); reordering the reports by start
// moves each past at most the reports of the previous maxKeyLength positions.

export interface KeyStarts {
  /** Ascending positions where at least one key starts. */
  starts: number[];
  /** For each start, the length of the longest key starting there. */
  lengths: number[];
}

/** What findRewritten found, with where the rewritten text and the text line up. */
export interface RewrittenKeyStarts extends KeyStarts {
  /** One point after each unit of the text at which a key ended, ascending: the rewrite
   * of text.slice(0, sourceEnds[k]) is ends[k] units long. From there a caller maps the
   * positions of a hit back to the text without reading the text from its start. */
  ends: number[];
  sourceEnds: number[];
}

/** The answers when no key occurs (frozen: callers only read answers). */
const NONE = Object.freeze({ starts: Object.freeze([]), lengths: Object.freeze([]) }) as unknown as KeyStarts;
const NONE_REWRITTEN = Object.freeze({
  starts: Object.freeze([]),
  lengths: Object.freeze([]),
  ends: Object.freeze([]),
  sourceEnds: Object.freeze([]),
}) as unknown as RewrittenKeyStarts;

/**
 * A KeyMatcher's automaton without its look-up table: typed arrays only, so a build step
 * can make it once and ship it (scripts/build-cli.ts). Made by keyMatcherTables.
 */
export interface KeyMatcherTables {
  /** The distinct code units of the keys: symbol s (from 1) stands for units.charCodeAt(s - 1). */
  units: string;
  /** The trie's edges, as lists per state: the first edge of each state, and each edge's
   * symbol and next sibling (−1 ends a list). Edge e leads to state e + 1. */
  firstEdge: Int32Array;
  edgeSymbol: Uint16Array;
  edgeNext: Int32Array;
  /** Per state: the state of its longest proper suffix that is also a trie state. */
  fail: Uint32Array;
  /** Per state: the length of the key that ends there, 0 for none. */
  keyLength: Uint32Array;
  /** Per state: 1 when some key ends there (its own, or one its failure states end). */
  ends: Uint8Array;
}

/** The automaton of `keys` (empty keys are ignored). */
export function keyMatcherTables(keys: Iterable<string>): KeyMatcherTables {
  const list = [...new Set(keys)].filter((k) => k.length > 0);
  const symbolOf = new Map<number, number>();
  let units = '';
  for (const key of list) {
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (!symbolOf.has(unit)) {
        units += key[i];
        symbolOf.set(unit, units.length);
      }
    }
  }
  const symbolCount = units.length + 1;
  // Symbols are 16-bit: more distinct code units than that would need a wider table.
  if (symbolCount > 0xffff) throw new Error('KeyMatcher: too many distinct characters in the keys');

  // The trie, and the key length when a key ends at a state. One map from
  // (state, symbol) to child for all states: a map per state made this slow.
  const childOf = new Map<number, number>();
  const keyLength: number[] = [0];
  const firstEdge: number[] = [-1];
  const edgeSymbol: number[] = [];
  const edgeNext: number[] = [];
  for (const key of list) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const symbol = symbolOf.get(key.charCodeAt(i))!;
      let child = childOf.get(state * symbolCount + symbol);
      if (child === undefined) {
        child = keyLength.length;
        keyLength.push(0);
        firstEdge.push(-1);
        childOf.set(state * symbolCount + symbol, child);
        edgeSymbol.push(symbol);
        edgeNext.push(firstEdge[state]!);
        firstEdge[state] = child - 1;
      }
      state = child;
    }
    keyLength[state] = key.length;
  }

  // Breadth first: a state's failure state is shallower, so it is known (with whether
  // keys end there) before the state itself.
  const states = keyLength.length;
  const fail = new Uint32Array(states);
  const ends = new Uint8Array(states);
  const queue: number[] = [];
  for (let e = firstEdge[0]!; e !== -1; e = edgeNext[e]!) queue.push(e + 1);
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) {
      const symbol = edgeSymbol[e]!;
      let f = fail[state]!;
      while (f !== 0 && !childOf.has(f * symbolCount + symbol)) f = fail[f]!;
      fail[e + 1] = childOf.get(f * symbolCount + symbol) ?? 0;
      queue.push(e + 1);
    }
    if (keyLength[state]! > 0 || ends[fail[state]!] === 1) ends[state] = 1;
  }
  return {
    units,
    firstEdge: Int32Array.from(firstEdge),
    edgeSymbol: Uint16Array.from(edgeSymbol),
    edgeNext: Int32Array.from(edgeNext),
    fail,
    keyLength: Uint32Array.from(keyLength),
    ends,
  };
}

export class KeyMatcher {
  /** Code unit → symbol; 0 for every code unit that occurs in no key. */
  private readonly symbolOf = new Uint16Array(0x10000);
  private readonly symbolCount: number;
  private readonly tables: KeyMatcherTables;
  /**
   * state * symbolCount + symbol → next state + 1; 0 in a row not filled yet. Rows are
   * filled when a scan first reaches their state: filling the whole table (states ×
   * symbols, some 10 MB for the organization names) took longer at start-up than a
   * check of a message takes, and ordinary text visits few states. The transition read
   * tells whether its row is filled: a separate flag per state, read at every character,
   * made a scan 7–10% slower.
   */
  private readonly next: Uint16Array | Uint32Array;
  /** Per state, once a scan has reported there: lengths of the keys that end there (the
   * state's string and its suffixes), longest first. */
  private readonly ending: (number[] | undefined)[];

  constructor(tables: KeyMatcherTables) {
    const { units } = tables;
    for (let s = 1; s <= units.length; s++) this.symbolOf[units.charCodeAt(s - 1)] = s;
    this.symbolCount = units.length + 1;
    this.tables = tables;
    const states = tables.fail.length;
    this.next = states < 0x10000 ? new Uint16Array(states * this.symbolCount) : new Uint32Array(states * this.symbolCount);
    this.ending = new Array<number[] | undefined>(states);
  }

  /** Fills the row of `state`: its failure state's row (the root's: back to the root),
   * then its own children. */
  private fill(state: number): void {
    const { symbolCount, next } = this;
    const { firstEdge, edgeSymbol, edgeNext } = this.tables;
    const base = state * symbolCount;
    if (state === 0) next.fill(1, 0, symbolCount);
    else {
      const f = this.tables.fail[state]!;
      // The failure state is shallower: the recursion is at most as deep as the longest key.
      if (next[f * symbolCount] === 0) this.fill(f);
      next.copyWithin(base, f * symbolCount, (f + 1) * symbolCount);
    }
    for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) next[base + edgeSymbol[e]!] = e + 2;
  }

  /** The state after `state` reads `symbol`; written out in the loops of find and
   * findRewritten, where a call cost the scan a tenth more. */
  private step(state: number, symbol: number): number {
    const index = state * this.symbolCount + symbol;
    let stored = this.next[index]!;
    if (stored === 0) {
      this.fill(state);
      stored = this.next[index]!;
    }
    return stored - 1;
  }

  /** The lengths of the keys that end at `state`, longest first (its own key, then its
   * failure state's keys). */
  private endingAt(state: number): number[] {
    let ending = this.ending[state];
    if (ending === undefined) {
      const inherited = state === 0 ? [] : this.endingAt(this.tables.fail[state]!);
      const own = this.tables.keyLength[state]!;
      ending = own > 0 ? [own, ...inherited] : inherited;
      this.ending[state] = ending;
    }
    return ending;
  }

  /** Every position of `text` where a key starts, with the longest key there. */
  find(text: string): KeyStarts {
    const { symbolOf, symbolCount, next } = this;
    const { ends } = this.tables;
    const found: KeyStarts = { starts: [], lengths: [] };
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const index = state * symbolCount + symbolOf[text.charCodeAt(i)]!;
      let stored = next[index]!;
      if (stored === 0) {
        this.fill(state);
        stored = next[index]!;
      }
      state = stored - 1;
      if (ends[state] !== 0) this.report(state, i + 1, found);
    }
    return found.starts.length === 0 ? NONE : found;
  }

  /**
   * Prepares findRewritten: `rewrite(unit)` is what a UTF-16 code unit stands for (a
   * string, possibly of several units or none), or null when a text holding that unit
   * cannot be read unit by unit. It is asked once per unit, when first met.
   */
  rewriteUnits(rewrite: (unit: number) => string | null): UnitRewrite {
    return { rewrite, single: new Int32Array(0x10000).fill(UNKNOWN), several: new Map() };
  }

  /**
   * find(r(text)) where r rewrites each code unit as prepared by rewriteUnits, with
   * positions in r(text), without building r(text); null when `text` holds a unit
   * that cannot be rewritten.
   */
  findRewritten(text: string, rewrite: UnitRewrite): RewrittenKeyStarts | null {
    const { symbolCount, next } = this;
    const { ends } = this.tables;
    const single = rewrite.single;
    const found: RewrittenKeyStarts = { starts: [], lengths: [], ends: [], sourceEnds: [] };
    let state = 0;
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const symbol = single[unit]!;
      if (symbol >= 0) {
        const index = state * symbolCount + symbol;
        let stored = next[index]!;
        if (stored === 0) {
          this.fill(state);
          stored = next[index]!;
        }
        state = stored - 1;
        at++;
        if (ends[state] !== 0) {
          this.report(state, at, found);
          found.ends.push(at);
          found.sourceEnds.push(i + 1);
        }
        continue;
      }
      if (symbol === UNKNOWN) {
        // Met for the first time: learn it, then read it again.
        this.learn(rewrite, unit);
        i--;
        continue;
      }
      if (symbol === REFUSED) return null;
      let reported = false;
      for (const s of rewrite.several.get(unit)!) {
        state = this.step(state, s);
        at++;
        if (ends[state] !== 0) {
          this.report(state, at, found);
          reported = true;
        }
      }
      if (reported) {
        found.ends.push(at);
        found.sourceEnds.push(i + 1);
      }
    }
    return found.starts.length === 0 ? NONE_REWRITTEN : found;
  }

  /** The length of the longest key that starts at `start` in `text`, 0 for none: what
   * find(text) reports for that position, read from there alone. */
  longestAt(text: string, start: number): number {
    const { firstEdge, edgeSymbol, edgeNext, keyLength } = this.tables;
    let state = 0;
    let longest = 0;
    for (let i = start; i < text.length; i++) {
      const symbol = this.symbolOf[text.charCodeAt(i)]!;
      if (symbol === 0) break;
      let edge = firstEdge[state]!;
      while (edge !== -1 && edgeSymbol[edge] !== symbol) edge = edgeNext[edge]!;
      if (edge === -1) break;
      state = edge + 1;
      if (keyLength[state]! > 0) longest = keyLength[state]!;
    }
    return longest;
  }

  /** Fills in how `unit` is read (its entry in rewrite.single). */
  private learn(rewrite: UnitRewrite, unit: number): void {
    const s = rewrite.rewrite(unit);
    let entry: number;
    if (s === null) entry = REFUSED;
    else if (s.length === 1) entry = this.symbolOf[s.charCodeAt(0)]!;
    else {
      const symbols = new Uint16Array(s.length);
      for (let k = 0; k < s.length; k++) symbols[k] = this.symbolOf[s.charCodeAt(k)]!;
      rewrite.several.set(unit, symbols);
      entry = SEVERAL;
    }
    rewrite.single[unit] = entry;
  }

  /** Records the keys ending at `end` in state `state`, keeping `found` ordered by start. */
  private report(state: number, end: number, found: KeyStarts): void {
    const { starts, lengths } = found;
    for (const length of this.endingAt(state)) {
      const start = end - length;
      // Reports come in order of their end; put this one in order of its start.
      let k = starts.length;
      while (k > 0 && starts[k - 1]! > start) k--;
      if (k > 0 && starts[k - 1] === start) {
        if (lengths[k - 1]! < length) lengths[k - 1] = length;
        continue;
      }
      // Most reports start after every earlier one: appended without a splice.
      if (k === starts.length) {
        starts.push(start);
        lengths.push(length);
      } else {
        starts.splice(k, 0, start);
        lengths.splice(k, 0, length);
      }
    }
  }
}

// Entries of UnitRewrite.single besides symbols.
const UNKNOWN = -1;
const SEVERAL = -2;
const REFUSED = -3;

/** Per-unit rewrite of a text for KeyMatcher.findRewritten, filled as units are met. */
export interface UnitRewrite {
  rewrite: (unit: number) => string | null;
  /** Per code unit: the symbol it stands for, or UNKNOWN, SEVERAL (see `several`), REFUSED. */
  single: Int32Array;
  /** The symbols of units that stand for zero or several. */
  several: Map<number, Uint16Array>;
}
