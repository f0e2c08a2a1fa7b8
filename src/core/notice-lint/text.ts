// The draft as the linter reads it, which is how the checker reads a message
// (foldForReading: NFKC — full-width letters and digits as ASCII, half-width kana as
// full-width — lower case, no invisible characters, no spaces inside Japanese), with a
// map back to the draft as given, so that every span the linter reports points at what
// the writer typed.
import { evidenceLocator, mappedForReading, type MappedText } from '../normalize/index.js';
import type { Span } from './types.js';

/** Spans reported for one term list: enough to highlight a part, and a bound on the
 * result's size when a draft repeats a word thousands of times. */
export const MAX_SPANS_PER_KIND = 20;

const ASCII_WORD = /[a-z0-9]/;

/** Ends of a sentence: Japanese and ASCII stops (after NFKC), and line breaks. */
const SENTENCE_END = /[。!?\n]|\.(?=\s|$)/g;

// Dates as notices write them (after NFKC): 2025年6月3日, 令和7年6月, 6月3日,
// 2025/6/3, 3 June 2025, June 3, 2025. Fixed alternatives and bounded repeats: linear.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
const DATE = new RegExp(
  [
    '\\d{4} ?年 ?\\d{1,2} ?月(?: ?\\d{1,2} ?日)?',
    '(?:令和|平成) ?(?:\\d{1,2}|元) ?年 ?\\d{1,2} ?月',
    '\\d{1,2} ?月 ?\\d{1,2} ?日',
    '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}`,
    `\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}`,
  ].join('|'),
  'g',
);

/** A time of day: 9:00, 17時, 9 a.m. */
const TIME_OF_DAY = /\d{1,2}:\d{2}|\d{1,2} ?時|\b\d{1,2} ?[ap]\.?m\b/g;

/** A Japanese postal code after the postal mark: 〒100-0001. */
const POSTAL_CODE = /〒 ?\d{3}-?\d{4}/g;

/** Spans in order, overlapping ones joined: 「銀行口座」 and 「口座番号」 in 「銀行口座番号」 are one mark. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export class FoldedDraft {
  readonly text: string;
  private readonly mapped: MappedText;
  /** Where the checker's evidence (folded by foldForReading) stands in the draft, or null. */
  readonly locateInDraft: (evidence: string) => Span | null;

  constructor(readonly draft: string) {
    this.mapped = mappedForReading(draft);
    this.text = this.mapped.text;
    this.locateInDraft = evidenceLocator(draft, this.mapped);
  }

  /** A span of the folded text as a span of the draft. */
  toDraft([start, end]: Span): Span {
    return this.mapped.toSource(start, end);
  }

  /** Where any of the (folded) terms occur, in the folded text, in order. An ASCII term
   * must start a word: "pin" is not found in "shopping". */
  find(terms: readonly string[], within: Span = [0, this.text.length]): Span[] {
    const found: Span[] = [];
    const [from, to] = within;
    for (const term of terms) {
      const ascii = ASCII_WORD.test(term[0] ?? '');
      let at = this.text.indexOf(term, from);
      let count = 0;
      while (at !== -1 && at + term.length <= to && count < MAX_SPANS_PER_KIND) {
        if (!ascii || !ASCII_WORD.test(this.text[at - 1] ?? '')) {
          found.push([at, at + term.length]);
          count++;
        }
        at = this.text.indexOf(term, at + 1);
      }
    }
    return found.sort((a, b) => a[0] - b[0] || b[1] - a[1]).slice(0, MAX_SPANS_PER_KIND);
  }

  /** The sentences, as spans of the folded text. */
  sentences(): Span[] {
    const spans: Span[] = [];
    let start = 0;
    for (const end of this.text.matchAll(SENTENCE_END)) {
      const stop = end.index + end[0].length;
      if (this.text.slice(start, stop).trim() !== '') spans.push([start, stop]);
      start = stop;
    }
    if (this.text.slice(start).trim() !== '') spans.push([start, this.text.length]);
    return spans;
  }

  dates(): Span[] {
    return this.matches(DATE);
  }

  timesOfDay(): Span[] {
    return this.matches(TIME_OF_DAY);
  }

  postalCodes(): Span[] {
    return this.matches(POSTAL_CODE);
  }

  private matches(pattern: RegExp): Span[] {
    const spans: Span[] = [];
    for (const m of this.text.matchAll(pattern)) {
      spans.push([m.index, m.index + m[0].length]);
      if (spans.length === MAX_SPANS_PER_KIND) break;
    }
    return spans;
  }
}
