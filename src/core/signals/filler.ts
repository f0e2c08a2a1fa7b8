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

/** 1 for a-z, 2 for A-Z, 0 for any other code unit. */
function letterCase(c: number): number {
  return c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
}

/**
 * The first run of random letters standing on its own in `text`, or null. A run is a
 * longest stretch of ASCII letters of one case, at least MIN_LETTERS long, so it holds
 * one of every MIN_LETTERS-th character: only those are looked at, and the stretch
 * around each letter among them is measured. Ordinary words are shorter, so most of
 * a text is passed over unread.
 */
export function findRandomLetters(text: string): string | null {
  const n = text.length;
  let probe = MIN_LETTERS - 1;
  while (probe < n) {
    const kind = letterCase(text.charCodeAt(probe));
    if (kind === 0) {
      probe += MIN_LETTERS;
      continue;
    }
    let start = probe;
    while (start > 0 && letterCase(text.charCodeAt(start - 1)) === kind) start--;
    let end = probe + 1;
    while (end < n && letterCase(text.charCodeAt(end)) === kind) end++;
    if (end - start >= MIN_LETTERS && !(start > 0 && GLUE.test(text[start - 1]!)) && !(end < n && GLUE.test(text[end]!))) {
      const run = text.slice(start, end);
      if (isRandomLetters(run.toLowerCase())) return run;
    }
    // The next probe after this stretch: the probes are MIN_LETTERS apart.
    probe += MIN_LETTERS * Math.ceil((end - probe) / MIN_LETTERS);
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
