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

  /** The source range of the derived character at `index`. */
  sourceRangeAt(index: number): [number, number] {
    return this.toSource(index, index + 1);
  }
}

/**
 * Builds a MappedText piece by piece. Each `push` appends derived text that came
 * from one source range; `copy` appends source text unchanged.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private changed = false;

  /**
   * @param base the text being transformed; its own map is composed in, so the
   *             result maps straight back to the original source.
   */
  constructor(private readonly base: MappedText) {
    const capacity = Math.max(16, base.text.length);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Appends base.text[from, to) unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.base.text.slice(from, to));
    this.reserve(to - from);
    if (this.base.isIdentity) {
      for (let i = from; i < to; i++) {
        this.starts[this.length] = i;
        this.ends[this.length] = i + 1;
        this.length++;
      }
      return;
    }
    for (let i = from; i < to; i++) {
      const [s, e] = this.base.sourceRangeAt(i);
      this.starts[this.length] = s;
      this.ends[this.length] = e;
      this.length++;
    }
  }

  /** Appends `derived`, all of which came from base.text[from, to). */
  push(derived: string, from: number, to: number): void {
    if (derived !== this.base.text.slice(from, to)) this.changed = true;
    if (derived.length === 0) return;
    this.parts.push(derived);
    this.reserve(derived.length);
    const [s, e] = this.base.toSource(from, to);
    for (let i = 0; i < derived.length; i++) {
      this.starts[this.length] = s;
      this.ends[this.length] = e;
      this.length++;
    }
  }

  /** Records that base.text[from, to) was dropped. */
  drop(from: number, to: number): void {
    if (to > from) this.changed = true;
  }

  build(): MappedText {
    if (!this.changed) return this.base;
    const text = this.parts.join('');
    return MappedText.derived(text, this.starts.subarray(0, this.length), this.ends.subarray(0, this.length));
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.starts.length) return;
    const capacity = Math.max(need, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }
}
