// A string derived from a source string, with a map from every derived UTF-16 unit
// back to the source range it came from. Normalization changes lengths (NFKC turns
// "㈱" into "(株)" and "ｶﾞ" into "ガ"; invisible characters disappear), but evidence
// must point at what the reader actually saw, so every transform keeps this map.

export class MappedText {
  /**
   * @param text the derived string
   * @param starts source offset where the source range of text[i] begins (null: identity)
   * @param ends source offset where that range ends (null: identity)
   */
  private constructor(
    readonly text: string,
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
  ) {}

  /** A text that is its own source. */
  static identity(text: string): MappedText {
    return new MappedText(text, null, null);
  }

  /** A derived text; `starts[i]`/`ends[i]` give the source range of text[i]. */
  static derived(text: string, starts: Int32Array, ends: Int32Array): MappedText {
    return new MappedText(text, starts, ends);
  }

  get isIdentity(): boolean {
    return this.starts === null;
  }

  /** Maps a [start, end) range of `text` to the [start, end) range of the source. */
  toSource(start: number, end: number): [number, number] {
    if (this.starts === null || this.ends === null) return [start, end];
    const n = this.text.length;
    const s = Math.max(0, Math.min(start, n));
    const e = Math.max(s, Math.min(end, n));
    if (n === 0) return [0, 0];
    if (s === e) {
      const at = s < n ? this.starts[s]! : this.ends[n - 1]!;
      return [at, at];
    }
    return [this.starts[s]!, this.ends[e - 1]!];
  }

  /** Writes the source ranges of text[from, to) into `starts`/`ends` at `offset`. */
  copyMap(from: number, to: number, starts: Int32Array, ends: Int32Array, offset: number): void {
    if (this.starts === null || this.ends === null) {
      for (let i = from; i < to; i++) {
        starts[offset + i - from] = i;
        ends[offset + i - from] = i + 1;
      }
      return;
    }
    starts.set(this.starts.subarray(from, to), offset);
    ends.set(this.ends.subarray(from, to), offset);
  }

  /** The source range of the derived character at `index`. */
  sourceRangeAt(index: number): [number, number] {
    return this.toSource(index, index + 1);
  }

  /** sourceRangeAt(index)[0] for 0 <= index < text.length, without building the pair. */
  sourceStartAt(index: number): number {
    return this.starts === null ? index : this.starts[index]!;
  }

  /** sourceRangeAt(index)[1] for 0 <= index < text.length, without building the pair. */
  sourceEndAt(index: number): number {
    return this.ends === null ? index + 1 : this.ends[index]!;
  }
}

/**
 * Builds a MappedText piece by piece. Each `push` appends derived text that came
 * from one source range; `copy` appends source text unchanged. Most texts pass
 * through a transform unchanged, so the pieces are only recorded, and the maps are
 * built in `build()` only when something did change.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  /** Per part: [from, to) in base.text, and whether it is a copy of that range. */
  private readonly ranges: number[] = [];
  private readonly copies: boolean[] = [];
  private changed = false;

  /**
   * @param base the text being transformed; its own map is composed in, so the
   *             result maps straight back to the original source.
   */
  constructor(private readonly base: MappedText) {}

  /** Appends base.text[from, to) unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.base.text.slice(from, to));
    this.ranges.push(from, to);
    this.copies.push(true);
  }

  /** Appends `derived`, all of which came from base.text[from, to). */
  push(derived: string, from: number, to: number): void {
    if (derived !== this.base.text.slice(from, to)) this.changed = true;
    if (derived.length === 0) return;
    this.parts.push(derived);
    this.ranges.push(from, to);
    this.copies.push(false);
  }

  /** Records that base.text[from, to) was dropped. */
  drop(from: number, to: number): void {
    if (to > from) this.changed = true;
  }

  build(): MappedText {
    if (!this.changed) return this.base;
    const text = this.parts.join('');
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    let offset = 0;
    for (let k = 0; k < this.parts.length; k++) {
      const from = this.ranges[2 * k]!;
      const to = this.ranges[2 * k + 1]!;
      const length = this.parts[k]!.length;
      if (this.copies[k]) {
        this.base.copyMap(from, to, starts, ends, offset);
      } else {
        const [s, e] = this.base.toSource(from, to);
        starts.fill(s, offset, offset + length);
        ends.fill(e, offset, offset + length);
      }
      offset += length;
    }
    return MappedText.derived(text, starts, ends);
  }
}
