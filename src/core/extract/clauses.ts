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
  if (NEVER_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return true;
  let clauseEnd = end;
  const limit = Math.min(text.length, end + MAX_DENIAL_CHARS);
  while (clauseEnd < limit) {
    const c = text[clauseEnd]!;
    if ('。！？\n'.includes(c)) break;
    if (c === '、' && text.slice(clauseEnd - 2, clauseEnd) !== 'たり') break;
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
  const close = text.indexOf(QUOTE_PAIRS[text[open]!]!, end);
  if (close < 0 || close - end > MAX_QUOTE_CHARS) return false;
  return REPORTING_AFTER_QUOTE.test(text.slice(close + 1, close + 1 + 8));
}

/** The sentence around [start, end): up to the nearest 。, ！, ？, "." or line break. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !'。！？.\n'.includes(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !'。！？\n'.includes(text[to]!)) to++;
  return text.slice(from, to + 1);
}
