// Reading Japanese (and English) sentences the way a person does: where a sentence
// ends, whether it warns about a scam rather than being one, whether a request in it
// is denied ("…をお願いすることはありません"), and whether words sit inside someone's
// reported speech. The lure check (signals/content.ts) and the request reader
// (extract/requests.ts) share these, so both draw the same line between a scam and a
// warning that quotes it. Every regex here is a set of literals or bounded classes:
// linear in the text.

/** Words that turn a sentence into a denial: "クレジットカード情報は含まれておりません"
 * names card data only to say it did not leak. Literals only: linear. */
export const NEGATION = /含まれておりません|含まれていません|含まれません|ございません|ありません|しておりません|いたしません|聞かれなかった|言われなかった|聞かれませんでした|not included|not affected|were not|was not|never ask|will never/;

/** A sentence that warns about a scam ("…という電話は詐欺です", "beware of calls claiming …"):
 * the lure phrases it quotes describe the scam, they are not the scam. Both a warning word
 * and a word that reports speech must be present, so a scam that merely says "詐欺" is
 * still read. Literals only: linear. */
export const WARNING = /詐欺|にご注意|に注意|ご用心|不審な|scam|fraud|beware|be careful|be aware/;
export const REPORTED_SPEECH = /」|』|という|といった|などと|と言う|と称し|をかたる|を装|"|“|”|claiming|pretending|such as|that say/;

/** How far after a strong phrase a "we never do this" ending is looked for. */
const MAX_DENIAL_CHARS = 80;
/** The ending that turns a clause into "we never do X": 「…暗証番号を入力していただくよう
 * お願いすることはございません」「ATMの操作をお願いしたりすることはありません」. */
const NEVER_ENDING = /(?:こと|の)は(?:一切|絶対に|決して)?(?:ありません|ございません|ない|しません|いたしません)/;
/** "never" shortly before an English phrase: "we will never ask you to enter your password". */
const NEVER_BEFORE = /\bnever\b[^.!?\n]{0,40}$/;

/**
 * Whether a strong phrase at [start, end) is what a genuine notice says it never asks
 * for. Japanese puts the denial after the phrase, in the same clause: the clause ends
 * at 。！？, a line break or a "、" that does not continue a list ("…したり、…"), so a
 * scammer's reassurance in another clause ("ATMで手続きしても、お金が引き出されることは
 * ありません") is not a denial of the request.
 */
export function deniedRequest(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  // NEVER_BEFORE is tried at every position of `before`; most texts have no "never" at all.
  if (before.includes('never') && NEVER_BEFORE.test(before)) return true;
  let clauseEnd = end;
  const limit = Math.min(text.length, end + MAX_DENIAL_CHARS);
  // Compared as code units: a one-character string per character cost more than the rest.
  while (clauseEnd < limit) {
    const c = text.charCodeAt(clauseEnd);
    if (breaksAfter(c)) break;
    if (c === IDEOGRAPHIC_COMMA && text.slice(clauseEnd - 2, clauseEnd) !== 'たり') break;
    clauseEnd++;
  }
  return NEVER_ENDING.test(text.slice(end, clauseEnd));
}

/** How far a quotation is followed around a phrase: bounds the scan per hit. */
const MAX_QUOTE_CHARS = 200;
const QUOTE_PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”' };
const OPENING_QUOTES = Object.keys(QUOTE_PAIRS).map((q) => q.charCodeAt(0));
const CLOSING_QUOTES = Object.values(QUOTE_PAIRS).map((q) => q.charCodeAt(0));
/** What follows a closing quote when someone's words are being reported
 * (「…削除してあげます」という電話があった、「…」と言われた). */
const REPORTING_AFTER_QUOTE = /^(?:という|といった|と言われ|といわれ|と言って|との|などと|と告げ|と持ちかけ)/;

/** Whether [start, end) lies inside a quotation whose words are reported, as in a case
 * study or a warning: then they are the scammer's words, not the message's. */
export function insideReportedQuote(text: string, start: number, end: number): boolean {
  let open = -1;
  // Compared as code units: a look-up per character of the 200 before every hit was
  // the slowest part of checking a short message.
  for (let i = start - 1; i >= Math.max(0, start - MAX_QUOTE_CHARS); i--) {
    const c = text.charCodeAt(i);
    if (c === OPENING_QUOTES[0] || c === OPENING_QUOTES[1] || c === OPENING_QUOTES[2]) {
      open = i;
      break;
    }
    if (c === CLOSING_QUOTES[0] || c === CLOSING_QUOTES[1] || c === CLOSING_QUOTES[2]) return false;
  }
  if (open < 0) return false;
  // The closing quote is looked for within MAX_QUOTE_CHARS only: a search to the end of
  // the text made a long text of 「 and lure words (no 」) quadratic.
  const within = text.slice(end, end + MAX_QUOTE_CHARS + 1).indexOf(QUOTE_PAIRS[text[open]!]!);
  if (within < 0) return false;
  const close = end + within;
  return REPORTING_AFTER_QUOTE.test(text.slice(close + 1, close + 1 + 8));
}

// What ends a sentence, looking forward from a phrase (。！？ and a line break) and back
// from it (those and "."): a sentence is not cut at "ver." or "3.5" after a phrase.
// Compared as code units, not looked up in a string: these run once per character.
const FULL_STOP = 0x3002; // 。
const IDEOGRAPHIC_COMMA = 0x3001; // 、
const EXCLAMATION = 0xff01; // ！
const QUESTION = 0xff1f; // ？
const NEWLINE = 0x0a;
const PERIOD = 0x2e;

/** Whether a code unit ends a sentence that runs on after a phrase. */
function breaksAfter(c: number): boolean {
  return c === FULL_STOP || c === NEWLINE || c === EXCLAMATION || c === QUESTION;
}

/** Whether a code unit ends the sentence before a phrase. */
function breaksBefore(c: number): boolean {
  return breaksAfter(c) || c === PERIOD;
}

/** The sentence around [start, end): up to the nearest 。, ！, ？, "." or line break. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !breaksBefore(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !breaksAfter(text.charCodeAt(to))) to++;
  return text.slice(from, to + 1);
}

/** A sentence of a text: [start, end) and its words. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** The last index of `sorted` whose value is below `value`, or -1. */
function lastBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * sentenceAround for many phrases of one text: the text's sentence breaks are listed
 * once (on the first call) and each phrase's sentence is looked up by binary search,
 * the same sentence object for phrases of the same sentence. Scanning the sentence for
 * each phrase made a long sentence of a repeated lure word quadratic (「流出」 × 25,000,
 * 50,000 characters without a 。: seconds per message).
 */
export function sentenceFinder(text: string): (start: number, end: number) => SentenceSpan {
  let before: number[] | undefined;
  let after: number[] | undefined;
  /** By where the sentence starts: phrases that start in one sentence end in it unless a
   * break lies inside a phrase, and then the sentence is made anew. */
  const known = new Map<number, SentenceSpan>();
  return (start, end) => {
    if (before === undefined || after === undefined) {
      before = [];
      after = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (breaksBefore(c)) before.push(i);
        if (breaksAfter(c)) after.push(i);
      }
    }
    const from = (before[lastBelow(before, start)] ?? -1) + 1;
    const next = lastBelow(after, end) + 1;
    const to = next < after.length ? after[next]! + 1 : text.length;
    let sentence = known.get(from);
    if (sentence === undefined || sentence.end !== to) {
      sentence = { start: from, end: to, text: text.slice(from, to) };
      known.set(from, sentence);
    }
    return sentence;
  };
}

/**
 * Whether `pattern` occurs in sentences found by sentenceFinder, for many sentences of one
 * text: the same answer as `pattern.test(sentence.text)`, without reading each sentence
 * whole. A sentence runs back to the last break before its phrase but on to the next
 * break after it, so in English text ("." ends a sentence only behind a phrase) the
 * sentences of the phrases of one line all end at its end: testing each whole made a long
 * line of "urgent. urgent. …" quadratic (2 MB: six minutes). Here the sentences that end
 * at one place share one scan: the last place a match starts before that end is found
 * once, and a sentence has a match if it starts at or before it.
 *
 * Exact only for a set of literals (no anchors, \b or look-behind): what matches at a
 * place then depends only on the text from there to the sentence's end. NEGATION,
 * WARNING and REPORTED_SPEECH are.
 */
export function sentenceTester(text: string, pattern: RegExp): (sentence: SentenceSpan) => boolean {
  const scan = globalFormOf(pattern);
  /** Per sentence end: where its scan began and the last start of a match after that (-1: none). */
  const scanned = new Map<number, { from: number; last: number }>();
  /** Whether the pattern occurs in the text at all: a set of literals that does not occur
   * in the text occurs in none of its sentences (asked once, with the first sentence). */
  let inText: boolean | undefined;
  return ({ start, end }) => {
    if (inText === undefined) {
      scan.lastIndex = 0;
      inText = scan.test(text);
    }
    if (!inText) return false;
    let known = scanned.get(end);
    if (known === undefined || start < known.from) {
      const part = text.slice(start, end);
      let last = -1;
      scan.lastIndex = 0;
      // Every place a match starts, overlapping ones too ("were not included"): the
      // next search begins one after the last match's start.
      for (let m = scan.exec(part); m !== null; m = scan.exec(part)) {
        last = start + m.index;
        scan.lastIndex = m.index + 1;
      }
      known = { from: start, last };
      scanned.set(end, known);
    }
    return known.last >= start;
  };
}

/** Each pattern given to sentenceTester as a global regex, made once: a new RegExp per
 * message cost more than the scans it served in a short text. Shared safely: every use
 * sets lastIndex before it runs and runs to the end without calling out. */
const GLOBAL_FORMS = new WeakMap<RegExp, RegExp>();

function globalFormOf(pattern: RegExp): RegExp {
  let scan = GLOBAL_FORMS.get(pattern);
  if (scan === undefined) {
    scan = new RegExp(pattern.source, `g${pattern.flags.replace(/[gy]/g, '')}`);
    GLOBAL_FORMS.set(pattern, scan);
  }
  return scan;
}
