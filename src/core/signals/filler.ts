// Evidence from filler put in to beat filters: a run of random letters ("ewidvtdksrvapt…")
// that bulk mailers add to each copy, at the end or hidden in the HTML, so that no two
// copies look the same to a filter that counts identical mail. Nobody writing to a
// person types one. It is how mass mail is sent, not harm: alone it never makes a
// message high (data/reasons.json marks it bulk), and it is worth little by itself.
//
// Random letters are told from words by their letter pairs: after "q" English and the
// other Latin-script languages write "u"; after "j" or "h" a vowel; "vt", "dk", "xk",
// "fp" hardly occur inside words at all. Long words ("internationalization",
// "rechtswissenschaftlichem") have few such pairs; random letters have many.
import type { Finding, SignalContext } from './types.js';

/** Letters that may follow each letter inside an ordinary word; a letter missing here may be followed by any. */
const FOLLOWERS: Readonly<Record<string, string>> = {
  b: 'aeiouyblrsj',
  c: 'aeiouyhklrtc',
  d: 'aeiouydrlgsnmw',
  f: 'aeiouyflrt',
  g: 'aeiouyghlnrs',
  h: 'aeiouy',
  j: 'aeiouy',
  k: 'aeiouyhlnrsw',
  m: 'aeiouympbns',
  p: 'aeiouyhlprst',
  q: 'u',
  v: 'aeiouyrl',
  w: 'aeiouyhrslnk',
  x: 'aeiouycpth',
  z: 'aeiouyz',
};

/** Shortest run of letters of one case judged: shorter runs are words or their parts. */
const MIN_LETTERS = 14;
/** Fewest odd pairs, and their least share of the run's pairs, for random letters. */
const MIN_ODD_PAIRS = 3;
const MIN_ODD_SHARE = 0.2;
/** Characters of the evidence shown. */
const SHOWN = 24;

/** Runs of letters all of one case: two character classes, linear. A run is only ever
 * found from its first letter (one more letter before it would make a longer match
 * start there), so a position right after a letter of the same case is passed over at
 * once instead of reading up to 13 letters of an ordinary word from each. */
const RUN = /(?<![a-z])[a-z]{14,}|(?<![A-Z])[A-Z]{14,}/g;
/** A run glued to these is part of an address, a file name or an identifier, not filler in the text. */
const GLUE = /[A-Za-z0-9/.@=%_-]/;

function oddPairs(run: string): number {
  let odd = 0;
  for (let i = 0; i + 1 < run.length; i++) {
    const allowed = FOLLOWERS[run[i]!];
    if (allowed !== undefined && !allowed.includes(run[i + 1]!)) odd++;
  }
  return odd;
}

/** Whether a run of lower-case letters reads as random letters rather than a word (capitals are lowered first). */
export function isRandomLetters(run: string): boolean {
  if (run.length < MIN_LETTERS) return false;
  const odd = oddPairs(run);
  return odd >= MIN_ODD_PAIRS && odd / (run.length - 1) >= MIN_ODD_SHARE;
}

/** The first run of random letters standing on its own in `text`, or null. */
export function findRandomLetters(text: string): string | null {
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match !== null; match = RUN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && GLUE.test(text[start - 1]!)) continue;
    if (end < text.length && GLUE.test(text[end]!)) continue;
    if (isRandomLetters(match[0].toLowerCase())) return match[0];
  }
  return null;
}

export function fillerFindings({ message }: SignalContext): Finding[] {
  for (const text of [message.subject ?? '', message.text, message.htmlText ?? '']) {
    const run = findRandomLetters(text);
    if (run !== null) return [{ code: 'filler.random-letters', evidence: run.length > SHOWN ? `${run.slice(0, SHOWN)}…` : run }];
  }
  return [];
}
