// Splits a text into plain and highlighted segments for the reasons' evidence. Overlapping
// spans are merged into the first one that starts, so every character is shown once.
import type { Severity } from '../../core/verdict/types.js';

export interface Highlight {
  span: [number, number];
  severity: Severity;
  /** The reason's number in the list. */
  number: number;
}

export interface Segment {
  text: string;
  highlight: Highlight | null;
}

export function highlightSegments(text: string, highlights: Highlight[]): Segment[] {
  const sorted = highlights
    .filter((h) => h.span[0] < h.span[1] && h.span[0] >= 0 && h.span[1] <= text.length)
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const segments: Segment[] = [];
  let at = 0;
  for (const highlight of sorted) {
    const [start, end] = highlight.span;
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), highlight: null });
    segments.push({ text: text.slice(from, end), highlight });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), highlight: null });
  return segments;
}
