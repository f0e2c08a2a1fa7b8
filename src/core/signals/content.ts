// Evidence from what the message asks for and how it pushes: the lure families of
// data/lures.json (credential and card requests, payment demands, urgency, the scams
// that follow a data leak …), and, as evidence the other way, a message with no lure,
// no link, no unknown number and no attachment: it asks the reader for nothing.
import { findLures, type LureHit } from '../knowledge/lures.js';
import { isOfficialPhone } from '../knowledge/organizations.js';
import { foldForMatching } from '../normalize/index.js';
import type { Finding, SignalContext } from './types.js';

/** Distinct breach-notice phrases (お詫び, 漏えい, 不正アクセス …) that make a message
 * read as a breach notice. */
const MIN_NOTICE_PHRASES = 2;

/** Families that mark the genuine side or only classify the message. */
const NOT_LURES = new Set(['notice-nothing-asked', 'notice-apology']);

/** Words that turn a sentence into a denial: "クレジットカード情報は含まれておりません"
 * names card data only to say it did not leak. Literals only: linear. */
const NEGATION = /含まれておりません|含まれていません|含まれません|ございません|ありません|しておりません|いたしません|not included|not affected|were not|was not|never ask|will never/;

/** A sentence that warns about a scam ("…という電話は詐欺です", "beware of calls claiming …"):
 * the lure phrases it quotes describe the scam, they are not the scam. Both a warning word
 * and a word that reports speech must be present, so a scam that merely says "詐欺" is
 * still read. Literals only: linear. */
const WARNING = /詐欺|にご注意|に注意|ご用心|不審な|scam|fraud|beware|be careful|be aware/;
const REPORTED_SPEECH = /」|』|という|といった|などと|と言う|と称し|をかたる|を装|"|“|”|claiming|pretending|such as|that say/;

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
function deniedRequest(text: string, start: number, end: number): boolean {
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
/** What follows a closing quote when someone's words are being reported
 * (「…削除してあげます」という電話があった、「…」と言われた). */
const REPORTING_AFTER_QUOTE = /^(?:という|といった|と言われ|といわれ|と言って|との|などと|と告げ|と持ちかけ)/;

/** Whether [start, end) lies inside a quotation whose words are reported, as in a case
 * study or a warning: then they are the scammer's words, not the message's. */
function insideReportedQuote(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - MAX_QUOTE_CHARS); i--) {
    const c = text[i]!;
    if (c in QUOTE_PAIRS) {
      open = i;
      break;
    }
    if (c === '」' || c === '』' || c === '”') return false;
  }
  if (open < 0) return false;
  const close = text.indexOf(QUOTE_PAIRS[text[open]!]!, end);
  if (close < 0 || close - end > MAX_QUOTE_CHARS) return false;
  return REPORTING_AFTER_QUOTE.test(text.slice(close + 1, close + 1 + 8));
}

/** The sentence around [start, end): up to the nearest 。, ！, ？, "." or line break. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !'。！？.\n'.includes(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !'。！？\n'.includes(text[to]!)) to++;
  return text.slice(from, to + 1);
}

export function contentFindings({ message, extracted, claims }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  const text = foldForMatching(`${message.subject ?? ''}\n${message.text}`);
  // A weak phrase in a sentence that denies it ("パスワードは含まれておりません"), or a
  // strong one the message says it never asks for, is the reassurance of a genuine
  // notice, not a lure; a phrase quoted by a warning, or
  // inside someone's reported words (a case study), describes the scam.
  // A note of a phone call is all reported speech: the caller's words in 「」 are the
  // message itself there, not a case study quoted by someone warning about it.
  const quotesAreTheMessage = message.channel === 'call';
  const hits = findLures(text).filter((hit) => {
    const sentence = sentenceAround(text, hit.span[0], hit.span[1]);
    if (WARNING.test(sentence) && REPORTED_SPEECH.test(sentence)) return false;
    if (!quotesAreTheMessage && insideReportedQuote(text, hit.span[0], hit.span[1])) return false;
    return hit.weight === 'strong' ? !deniedRequest(text, hit.span[0], hit.span[1]) : !NEGATION.test(sentence);
  });
  const apology = new Set(hits.filter((h) => h.family === 'notice-apology').map((h) => h.phrase));
  // An apology alone is ordinary customer service; with a word for a leak it is a notice.
  if (apology.size >= MIN_NOTICE_PHRASES) {
    findings.push({ code: 'content.breach-notice', evidence: [...apology].slice(0, 3).join('、') });
  }
  const strongest = new Map<string, LureHit>();
  for (const hit of hits) {
    if (hit.family === 'notice-apology') continue;
    if (hit.family === 'notice-nothing-asked') {
      if (!strongest.has(hit.family)) findings.push({ code: 'content.says-nothing-needed', evidence: hit.phrase });
      strongest.set(hit.family, hit);
      continue;
    }
    const known = strongest.get(hit.family);
    if (known === undefined || (known.weight === 'weak' && hit.weight === 'strong')) strongest.set(hit.family, hit);
  }
  let lures = false;
  for (const [family, hit] of strongest) {
    if (NOT_LURES.has(family)) continue;
    findings.push({ code: hit.weight === 'strong' ? `lure.${family}` : `lure.${family}.weak`, evidence: hit.phrase });
    if (hit.weight === 'strong') lures = true;
  }
  const primary = claims.organizations[0];
  const unknownPhones = extracted.phones.filter(
    (p) => p.type !== 'emergency-or-short' && (primary === undefined || !isOfficialPhone(primary, p.national)),
  );
  if (strongest.get('payment-demand')?.weight === 'strong' && extracted.urls.length === 0 && unknownPhones[0] !== undefined) {
    const phone = unknownPhones[0];
    findings.push({ code: 'phone.call-to-pay', evidence: phone.raw, location: phone.location });
  }
  if (!lures && unknownPhones.length === 0 && extracted.urls.length === 0 && message.attachments.length === 0) {
    findings.push({ code: 'content.asks-nothing', evidence: '' });
  }
  return findings;
}
