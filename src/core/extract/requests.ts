// What a message asks the reader to do, read from Japanese as people write and report
// it: each request is an act (pay, hand over a card, tell a PIN, go to an ATM, call,
// press 1, tap a link, add a LINE ID …) with what it is about, by what means and under
// which pretext. Not a list of whole phrases: the words come from data/scam-patterns.json
// (verbs, objects, means, pretexts; kana and kanji forms), and the grammar that turns a
// verb into a request is read here —
//   asked:      教えてください, お振込みをお願いします, 入力が必要です, ご連絡下さい,
//               払わないと（法的措置）, 連絡なき場合, 用意できないか, 1を押して担当に繋いでください
//   reported:   教えてほしいと言われた, 口座情報を聞かれた, 振り込むように指示された,
//               「キャッシュカードを預かります」と電話があった
//   announced:  警察官がキャッシュカードを預かります, 職員が自宅に取りに伺います
// — and what is not a request: a denial (「暗証番号をお聞きすることはありません」), a
// prohibition (教えないでください), a warning that quotes a scam, and, in a public
// warning, the scammer's words it reports.
//
// Which sentences speak for the message depends on the channel: a note of a phone call
// is all reported speech, so 「…と言われた」 there is the call itself; on a web page or
// in a warning, reported speech describes someone else's scam.
import { findConcepts, type ConceptHit } from '../knowledge/scam-patterns.js';
import { MAX_SCAN_CHARS } from '../limits.js';
import type { Channel } from '../message/types.js';
import { deniedRequest, insideReportedQuote, NEGATION, REPORTED_SPEECH, WARNING } from './clauses.js';
import { readEnglishRequests } from './english-requests.js';

export const REQUEST_ACTS = [
  'pay',
  'pay-for-order',
  'buy-gift-card',
  'hand-over',
  'tell-secret',
  'tell-bank',
  'tell-personal',
  'go-to-atm',
  'remote-access',
  'install-app',
  'add-line',
  'press-button',
  'update-account',
  'call',
  'follow-link',
  'reply',
] as const;
export type RequestAct = (typeof REQUEST_ACTS)[number];

export const REQUEST_MEANS = ['e-money', 'transfer', 'cash-delivery', 'atm', 'home-pickup', 'convenience-store'] as const;
export type RequestMeans = (typeof REQUEST_MEANS)[number];

export interface ExtractedRequest {
  act: RequestAct;
  /** What is asked for, as written (暗証番号, キャッシュカード, 電子マネー), or null. */
  object: string | null;
  /** How: 電子マネー, a bank transfer, cash by post, an ATM, someone at the door, a convenience store. */
  means: RequestMeans[];
  /** Why, by the message's account: a concept name without its prefix (refund,
   * unpaid, investigation, deletion-offer …), or null. */
  pretext: string | null;
  /** Someone's words reported ("…と言われた"), not the message's own. */
  reported: boolean;
  /** The words that make the request, as read (NFKC). */
  evidence: string;
}

export interface Reading {
  requests: ExtractedRequest[];
  /** Concept words in the sentences that speak for the message, with the index of
   * their sentence: what scam patterns are matched against. */
  concepts: { hit: ConceptHit; sentence: number }[];
  /** The message warns about scams (a public notice, a bank's caution page). */
  warning: boolean;
  /** Whether the words at an offset of the folded text speak for the message (not a
   * warning, a denial, or a scam described by a warning). */
  speaks: (offset: number) => boolean;
}

/** The sentence containing `offset`, or -1 (binary search over sentences in order). */
function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The index of the first hit starting at or after `offset` (hits in text order), or hits.length. */
function firstHitFrom(hits: readonly ConceptHit[], offset: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hits[mid]!.span[0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A verb turns into a request only when one of these follows it, after at most a few
 * kana of its ending (振り込|んで|ください, 連絡|を|お願い). Literals and one bounded
 * class: linear. Each alternative is a way of asking, reporting a request, or pressing
 * with a condition (払わないと, 連絡なき場合). */
const REQUEST_MARKER = new RegExp(
  '^[ぁ-ゖー]{0,8}?(?:' +
    [
      '[てで](?:ください|下さい|くださ|くれ|ほしい|欲しい|もらいたい|もらえ|ちょうだい)',
      // 「ご連絡させていただきます」 is the sender's own act; 「ご確認いただけますか」 asks.
      '(?<!させ)[てで](?:いただ|頂)(?:け|きたく|きたい|く(?:よう|様))',
      // 「押して担当に繋いでください」, and the plain command 「置いて立ち去れ」
      '[てで][^。!?\\n]{0,12}?(?:ください|下さい|くれ|ほしい|欲しい|[れろえけせ](?=[」』。!]|$))',
      // 「購入し、番号を返信してください」: the first of two acts asked in one breath.
      '、[^。!?\\n]{0,20}?(?:[てで](?:ください|下さい|ほしい|欲しい)|こと(?=[」』。!]|$)|なければ|ないと|ない場合|必要が)',
      // after a verb written with its て (送って|ほしい, 言って|ください)
      'ください|下さい|ほしい|欲しい|もらいたい|ちょうだい',
      '(?:お|ご)?願い|ねがい',
      // 「友だち追加のうえ、…」「以下へアクセスの上、…」: do this first, then the rest.
      'の?(?:うえ|上)[、,]',
      'ように|よう(?:に)?(?:と)?(?:言|指示|求|要求|促|迫|頼)',
      '必要(?:があ|です|とな|にな|あり|が)',
      'なければ|ねば|ないと|ない場合|なき場合|無き場合|ないときは|なかった場合|ない限り',
      'ませんか|ましょう|なさい|しろ|せよ|できないか|できませんか|もらえない|もらえん|くれない',
      '[てで](?:[」』]|$)',
      // 「郵送すること」: a written instruction; 「手続きへ。」: go and do it.
      'こと(?=[」』。!]|$)',
      'へ(?=[。!?、\\s]|$)',
      'たい(?:ので|のです|んです|んだ|と|[」』。]|$)',
      '(?:聞か|きか|訊か|尋ねら|求めら|要求さ|請求さ|言わ|いわ|指示さ|促さ|迫ら|頼ま)れ',
      '持ちかけ',
    ].join('|') +
    ')',
);

/** Reporting verbs: the request is someone's reported words. */
const REPORTED_MARKER = /(?:聞か|きか|訊か|尋ねら|求めら|要求さ|請求さ|言わ|いわ|指示さ|促さ|迫ら|頼ま)れ|持ちかけ|よう(?:に)?(?:と)?(?:言|指示|求|要求|促|迫|頼)/;
/** After the request: "…と言われた", "…などと電話があった", "…と指示された". */
const REPORTED_AFTER = /^[^。!?\n]{0,14}?(?:と|って|などと|などとして)(?:言|いわ|話|説明|指示|要求|求め|持ちかけ|迫|頼|告げ|電話|連絡|伝え|聞か|促)/;
/** A prohibition right after the verb (教えないで, 渡さないよう, 押さずに), or the passive
 * (変更されていない場合, 払われた): something done, not something asked. */
const PROHIBITED = /^[ぁ-ゖ]{0,4}?(?:ないで|ないよう|ないこと|ずに|ぬよう|てはいけ|てはなら|ちゃだめ|ては駄目)|^(?:さ|ら)?れ/;

/** 「ご購入画面にのみ入力してください」: where to do it, not a request to do it here. */
const RESTRICTED = /(?:のみ|だけ)[をにでへ]?$/;
/** 「暗証番号は一切聞かれませんでした」. */
const NOT_ASKED = /^(?:ませ|ず|なかった|ない)/;

/** A sentence that warns or advises rather than asks, in any channel: advice
 * (ご注意ください, 教えず, 相談して), a label (詐欺です, 偽サイト), or a report of how
 * often it happens (多発しています). */
const ADVICE =
  /ご注意|注意して|注意を|注意が必要|気をつけ|気を付け|ご用心|(?:警察|消費生活|消費者|188|9110|家族|身近な)[^。\n]{0,20}(?:に|へ)(?:ご)?相談(?!センター|窓口|室|所)|詐欺です|詐欺でした|詐欺の手口|詐欺の可能性|詐欺と思われ|詐欺にご|手口|注意喚起|被害防止|被害に遭わない|ないようにして|ないようにしましょう|ないようご注意|(?:教え|渡さ|応じ|答え|押さ|払わ|振り込ま|開か|入力せ)ず|偽サイト|偽物|にせもの|ニセ|フィッシング|なりすまし|要注意|事例|被害件数|被害総額|被害が発生|事案が発生|事件が発生|多発|相次いで|寄せられて/;
/** A line that introduces examples (「次のような言葉があったら」「内容は」「件名の例」). */
const EXAMPLES_FOLLOW = /次のような|以下のような|このような|例えば|たとえば|[^実]例[:：)）]|(?:件名|タイトル|文面|本文)の?例|内容は[:：]?\s*$|内容は、/;
/** How far up a list of examples its introduction is looked for: bounds the work on a
 * text of thousands of list items. */
const MAX_LIST_ITEMS = 30;
/** A list item: 「・」「〇」「-」「◆」… at the start of a line. */
const LIST_ITEM = /^[ 　]*[・･〇○●◆◇■□\-*•※]/;

/** Words that name a scam or a fake: a message that gives advice and names one is a warning. */
const SCAM_NAMED = /詐欺|フィッシング|不審|偽|なりすまし|注意喚起|迷惑|被害|騙|かた[るり]|装[うっい]|scam|fraud|phishing/;
/** A sentence that says what is never done: 「…をお願いすることはありません」. */
const NEVER_DONE = /(?:こと|の)[はも](?:一切|絶対に|決して)?(?:ありません|ございません|ない|しません|いたしません)|(?:行って|おこなって|行なって)(?:い|おり)ません/;
/** Not a denial but a concession (「ATMで手続きしても、お金が引き出されることはありません」):
 * it reassures about what follows the request, it does not deny it. */
const CONCESSION = /ても[、,]/;
/** A prohibition (「他の人に言わないでください」): whatever it names is not asked. Unlike
 * advice, scams say this too, so it does not make the message a warning. */
const PROHIBITION = /ないでください|ないで下さい/;
/** A page's own note in brackets (「(以下フィッシングサイトのURLが記載)」) is not the
 * message's sentence: it is left out when deciding whether the sentence warns. */
const BRACKETED = /[(（][^()（）\n]{0,80}[)）]/g;
/** What every BRACKETED note starts with. */
const OPENING_BRACKET = /[(（]/;
/** The register of public advice (「…に確認しましょう」, a list of 「リンクをクリックしない」
 * 「返信せず、削除する」, 「…感染する恐れがあります」): in a warning, advice to its readers. */
const PUBLIC_ADVICE = /しましょう|[しせ]ない\s*$|せず[、,]|(?:恐れ|おそれ)があります/;
/** Words that mark a sentence as reporting someone else's words or acts. */
const REPORTING =
  /言われ|聞かれ|と電話|電話があ|名乗|かたり|かたる|かたっ|装っ|装い|騙っ|騙る|騙り|を装|なりすま|届いた|届きました|届いてい|送られて|という内容|との(?:電話|内容|メール)|と言って|と話し/;

/** A request is looked for this far before its verb (objects) and after it (endings). */
const OBJECT_BEFORE_CHARS = 40;
const OBJECT_AFTER_CHARS = 12;
const ENDING_CHARS = 28;
/** Requests read per message: a text of thousands of requests is cut here. */
const MAX_REQUESTS = 50;

/** Which act a verb makes with which object, most specific first; null: no object needed. */
const ACTS: Record<string, [string | null, RequestAct][]> = {
  'verb.tell': [['object.secret', 'tell-secret'], ['object.bank', 'tell-bank'], ['object.gift', 'buy-gift-card'], ['object.personal', 'tell-personal']],
  'verb.enter': [['object.secret', 'tell-secret'], ['object.bank', 'tell-bank'], ['object.gift', 'buy-gift-card'], ['object.personal', 'tell-personal'], ['object.money', 'pay'], ['object.account', 'update-account']],
  'verb.hand': [['object.card', 'hand-over'], ['object.money', 'hand-over']],
  'verb.pay': [['object.gift', 'buy-gift-card'], [null, 'pay']],
  'verb.buy': [['object.gift', 'buy-gift-card']],
  'verb.go': [['object.atm', 'go-to-atm'], ['object.place', 'go-to-atm']],
  'verb.asked': [['object.secret', 'tell-secret'], ['object.bank', 'tell-bank'], ['object.gift', 'buy-gift-card'], ['object.personal', 'tell-personal']],
  'verb.operate': [['object.atm', 'go-to-atm'], ['object.remote', 'remote-access']],
  'verb.call': [[null, 'call']],
  'verb.press': [[null, 'press-button']],
  'verb.open': [['object.link', 'follow-link'], ['object.account', 'update-account'], ['object.secret', 'update-account'], ['object.personal', 'update-account']],
  'verb.pointer': [[null, 'follow-link']],
  'verb.update': [['object.secret', 'update-account'], ['object.account', 'update-account'], ['object.personal', 'update-account'], ['object.bank', 'update-account'], ['object.card', 'update-account']],
  'verb.reply': [[null, 'reply']],
  'verb.add': [['object.line', 'add-line']],
  'verb.install': [['object.remote', 'remote-access'], ['object.app', 'install-app'], [null, 'install-app']],
};
/** A link right after the words (「注文商品のご確認。http…」「詳しくはこちら→」). */
const LINK_FOLLOWS = /^[。.:：]?\s*(?:https?:|hxxps?:|→|url)/;
/** verb.open terms that mean "go to a link" even with no link word next to them. */
const LINK_VERBS = new Set(['アクセス', 'クリック', 'タップ', 'ログイン', 'サインイン']);

const MEANS_OF: Record<string, RequestMeans> = {
  'object.gift': 'e-money',
  'means.transfer': 'transfer',
  'means.cash-delivery': 'cash-delivery',
  'object.atm': 'atm',
  'means.home-pickup': 'home-pickup',
  'means.convenience-store': 'convenience-store',
};

/** Channels a shop confirms an order by (unknown: text pasted without saying how it came). */
const ORDER_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['email', 'letter', 'unknown']);

/** Concepts of paying somewhere other than at the door. */
const ELSEWHERE_THAN_THE_DOOR: ReadonlySet<string> = new Set(['verb.pointer', 'object.link', 'object.bank']);

/**
 * 「代金引換（お受け取り時に配達員へお支払いください）」: paying the delivery person for the
 * reader's own order is how an order confirmation says they chose to pay, not a request
 * to send money. A sentence that also names a link (「代引き料金をこちらからお支払いくださ
 * い」), a bank account (「以下の口座へお振込みください」) or another means (electronic money,
 * a convenience store) still asks.
 */
function paidAtTheDoor(hits: readonly ConceptHit[]): boolean {
  return hits.some((x) => x.concept === 'cue.cash-on-delivery') && !hits.some((x) => ELSEWHERE_THAN_THE_DOOR.has(x.concept) || MEANS_OF[x.concept] !== undefined);
}

interface Sentence {
  start: number;
  end: number;
  hits: ConceptHit[];
}

/** Kana or kanji. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** WARNING as a global pattern, to find the sentences that may warn in one pass. */
const WARNING_ANYWHERE = new RegExp(WARNING.source, 'g');

/** A line that starts with a particle continues the lines before it: a list of
 * items followed by 「をすることはありません。」 is one sentence. */
const CONTINUES = /^[ 　]*[をはがにのともや]/;
/** A quotation is not cut into sentences at its 。: 「…持ち帰りました。ご連絡ください。」
 * と書かれたSMS is one sentence, with the words that report it. At most this many
 * characters are held open, so a 「 that never closes cannot swallow the text. */
const MAX_QUOTE_CHARS = 300;

function splitSentences(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  /** Where the current block of lines began (after the last 。 or blank line). */
  let block = 0;
  let start = 0;
  let quoteOpened = -1;
  // The end of the text closes the last sentence like a line break, inside the loop: a
  // batch compiles this loop while it runs (on-stack replacement), and code after the
  // loop, not yet run, would send it back to the interpreter on every later call.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i]! : '\n';
    if (c === '「' || c === '『') {
      if (quoteOpened < 0) quoteOpened = i;
      continue;
    }
    if (c === '」' || c === '』') {
      quoteOpened = -1;
      continue;
    }
    const inQuote = quoteOpened >= 0 && i - quoteOpened <= MAX_QUOTE_CHARS;
    if (c === '\n' || (!inQuote && (c === '。' || c === '!' || c === '?'))) {
      if (i > start) closeSentence(sentences, text, block, start, Math.min(i + 1, text.length));
      if (c !== '\n' || i === start) block = i + 1;
      start = i + 1;
    }
  }
  return sentences;
}

/** Ends the sentence [start, end); one that continues the lines before it is merged
 * with its block's earlier lines, from `block` on. */
function closeSentence(sentences: { start: number; end: number }[], text: string, block: number, start: number, end: number): void {
  if (!CONTINUES.test(text.slice(start, start + 3))) {
    sentences.push({ start, end });
    return;
  }
  while (sentences.length > 0 && sentences[sentences.length - 1]!.start >= block) sentences.pop();
  sentences.push({ start: block, end });
}

/**
 * Reads the requests in a folded text (foldForMatching: NFKC, lower case) sent through
 * `channel`.
 */
export function readRequests(folded: string, channel: Channel): Reading {
  const text = folded.length > MAX_SCAN_CHARS ? folded.slice(0, MAX_SCAN_CHARS) : folded;
  // The grammar read here is Japanese; a text with no kana or kanji has nothing for it
  // (and English mail is long: this keeps the Japanese reader off its every line).
  // English is read by its own reader (english-requests.ts), clause by clause; a web
  // page in English is a warning or an article that describes scams, not one.
  if (!JAPANESE.test(text)) {
    return { requests: channel === 'web' ? [] : readEnglishRequests(text), concepts: [], warning: false, speaks: () => true };
  }
  const all = findConcepts(text);
  const sentences: Sentence[] = [];
  let h = 0;
  for (const { start, end } of splitSentences(text)) {
    const hits: ConceptHit[] = [];
    while (h < all.length && all[h]!.span[0] < end) {
      if (all[h]!.span[0] >= start) hits.push(all[h]!);
      h++;
    }
    sentences.push({ start, end, hits });
  }
  const sentenceText = (s: Sentence): string => text.slice(s.start, s.end);
  // Brackets are removed only where there are some.
  const bracketed = OPENING_BRACKET.test(text);
  const adviceInText = ADVICE.test(bracketed ? text.replace(BRACKETED, '') : text);
  // A sentence is a stretch of the text that ends with its break (or with the text), and
  // ADVICE and WARNING have no anchor or look-behind: in a text without brackets (where
  // nothing is removed), what occurs in none of it occurs in none of its sentences, and
  // the sentences need not be read for it.
  const mayAdvise = adviceInText || bracketed;
  const mayWarn = bracketed || WARNING.test(text);
  // A note of a call reports the caller's words: only advice marks a warning there.
  // Elsewhere a sentence that names a scam while quoting it is a warning too.
  const isWarning = (sentence: string): boolean => {
    if (!mayAdvise && !mayWarn) return false;
    const s = bracketed ? sentence.replace(BRACKETED, '') : sentence;
    return (mayAdvise && ADVICE.test(s)) || (mayWarn && channel !== 'call' && WARNING.test(s) && REPORTED_SPEECH.test(s));
  };
  // Whether the message warns about scams, found without reading every sentence: advice
  // where a scam is named (a bank's 「回答のお間違いにご注意ください」 is no warning), or a
  // warning word in a sentence that also quotes.
  let warning = adviceInText && SCAM_NAMED.test(text);
  if (!warning && channel !== 'call') {
    WARNING_ANYWHERE.lastIndex = 0;
    // Each sentence is read once, however many warning words it holds (a sentence of
    // 詐欺 repeated thousands of times was read again for each).
    let read = -1;
    for (let m = WARNING_ANYWHERE.exec(text); m !== null && !warning; m = WARNING_ANYWHERE.exec(text)) {
      const at = sentenceAt(sentences, m.index);
      if (at >= 0 && at !== read) warning = isWarning(sentenceText(sentences[at]!));
      read = at;
    }
  }
  // On a web page or in a warning, reported words, and any sentence that names a scam,
  // describe someone else's scam.
  const describesScams = channel === 'web' || (channel !== 'call' && warning);
  /** Whether a sentence is a list item under a line that introduces examples. */
  const inExampleList = (index: number): boolean => {
    for (let i = index; i >= Math.max(0, index - MAX_LIST_ITEMS) && LIST_ITEM.test(sentenceText(sentences[i]!)); i--) {
      const previous = sentences[i - 1];
      if (previous !== undefined && !LIST_ITEM.test(sentenceText(previous)) && EXAMPLES_FOLLOW.test(sentenceText(previous))) return true;
    }
    return false;
  };
  /** Per sentence: 1 speaks for the message, 0 does not, -1 not yet decided. Decided only
   * for sentences something was found in: most lines of a long mail are never read twice. */
  const liveness = new Int8Array(sentences.length).fill(-1);
  const live = (index: number): boolean => {
    if (liveness[index] !== -1) return liveness[index] === 1;
    const s = sentences[index]!;
    const sentence = sentenceText(s);
    const speaks =
      !isWarning(sentence) &&
      // In a warning, the items listed after 「次のような…」 are examples of the scam.
      !(describesScams && inExampleList(index)) &&
      // A demand for secrecy is itself a prohibition (「誰にも言わないでください」).
      !(PROHIBITION.test(sentence) && !s.hits.some((x) => x.concept === 'pretext.secrecy')) &&
      !(NEVER_DONE.test(sentence) && !CONCESSION.test(sentence)) &&
      !(describesScams && (REPORTING.test(sentence) || REPORTED_SPEECH.test(sentence) || SCAM_NAMED.test(sentence) || PUBLIC_ADVICE.test(sentence)));
    liveness[index] = speaks ? 1 : 0;
    return speaks;
  };
  const speaks = (offset: number): boolean => {
    const at = sentenceAt(sentences, offset);
    return at < 0 || live(at);
  };

  const requests: ExtractedRequest[] = [];
  const seen = new Set<string>();
  const liveHits: ConceptHit[] = [];
  sentences.forEach((s, index) => {
    if (s.hits.length > 0 && live(index)) for (const hit of s.hits) liveHits.push(hit);
  });
  const messagePretexts = liveHits.filter((x) => x.concept.startsWith('pretext.'));
  const messageFinds = new Map<string, ConceptHit | undefined>();
  /** The message's first live hit of these concepts, found once per set of concepts
   * (asked for again in every sentence that needs it). */
  const messageHas = (concepts: string[]): ConceptHit | undefined => {
    const key = concepts.join(' ');
    if (!messageFinds.has(key)) messageFinds.set(key, liveHits.find((x) => concepts.includes(x.concept)));
    return messageFinds.get(key);
  };

  const pressed = messageHas(['pretext.unpaid', 'pretext.account-lock', 'pretext.undelivered', 'pretext.lawsuit', 'pretext.refund']) !== undefined;
  // A shop's order confirmation (「ご注文ありがとうございます」) asks for the price of what the
  // reader bought, by transfer, at a convenience store or later by invoice: a payment for
  // their own order, unless the message gives another reason to pay than the delivery
  // (an unpaid bill, a lawsuit, a locked account: 「ご注文の代金が未払いです」). Shops
  // confirm orders by mail or on paper; an order's thanks by text message or phone is
  // how e-commerce smishing and fake-shop calls open.
  const ownOrder =
    ORDER_CHANNELS.has(channel) && messageHas(['cue.own-order']) !== undefined && messagePretexts.every((x) => x.concept === 'pretext.delivery');
  sentences.forEach((s, index) => {
    if (s.hits.length === 0 || !live(index) || requests.length >= MAX_REQUESTS) return;
    const add = (act: RequestAct, object: ConceptHit | undefined, from: number, to: number, reported: boolean): void => {
      const key = `${index}:${act}`;
      if (seen.has(key)) return;
      seen.add(key);
      const means = [...new Set(s.hits.map((x) => MEANS_OF[x.concept]).filter((m): m is RequestMeans => m !== undefined))];
      const pretext = (s.hits.find((x) => x.concept.startsWith('pretext.')) ?? messagePretexts[0])?.concept.slice('pretext.'.length) ?? null;
      const evidence = text.slice(Math.max(s.start, Math.min(from, object?.span[0] ?? from)), Math.min(s.end, to)).trim();
      requests.push({ act, object: object?.term ?? null, means, pretext, reported, evidence });
    };
    for (const verb of s.hits) {
      const acts = ACTS[verb.concept];
      if (acts === undefined) continue;
      const [vs, ve] = verb.span;
      const after = text.slice(ve, Math.min(s.end, ve + ENDING_CHARS));
      if (PROHIBITED.test(after) || deniedRequest(text, vs, ve) || RESTRICTED.test(text.slice(Math.max(s.start, vs - 8), vs))) continue;
      // 「口座番号を聞かれた」: the verb is itself the reported request.
      const asked = verb.concept === 'verb.asked';
      if (asked && NOT_ASKED.test(after)) continue;
      // A pointer (「詳細はこちら」) or a bare link verb at the end (「以下をタップ」) asks by itself.
      const bare =
        verb.concept === 'verb.pointer' ||
        (LINK_VERBS.has(verb.term) && /^\s*(?:[(:]|$)|^(?:すると|すれば|していただくと|いただくと)/.test(after)) ||
        (verb.concept === 'verb.open' && LINK_FOLLOWS.test(after));
      // A verb listed with its て (貸して, 置いて) is read as if the て were still to come.
      const te = /[てで]$/.test(verb.term) ? verb.term.slice(-1) : '';
      const marker = asked || bare ? /^/.exec(after) : REQUEST_MARKER.exec(te + after);
      if (marker === null) continue;
      // Only the hits near the verb are looked at (hits are in text order and do not
      // overlap): going through the whole sentence for every verb made one long
      // sentence of repeated requests quadratic.
      const objectOf = (concept: string): ConceptHit | undefined => {
        let near: ConceptHit | undefined;
        for (let i = firstHitFrom(s.hits, vs - OBJECT_BEFORE_CHARS); i < s.hits.length && s.hits[i]!.span[0] <= vs; i++) {
          const x = s.hits[i]!;
          if (x.concept === concept && x.span[1] <= vs + 1) near = x;
        }
        if (near !== undefined) return near;
        for (let i = firstHitFrom(s.hits, ve); i < s.hits.length && s.hits[i]!.span[0] <= ve + OBJECT_AFTER_CHARS; i++) {
          if (s.hits[i]!.concept === concept) return s.hits[i];
        }
        return undefined;
      };
      let chosen: [RequestAct, ConceptHit | undefined] | undefined;
      for (const [concept, act] of acts) {
        if (concept === null) {
          chosen = [act, undefined];
          break;
        }
        const object = objectOf(concept);
        if (object !== undefined) {
          chosen = [act, object];
          break;
        }
      }
      if (chosen === undefined && verb.concept === 'verb.open' && LINK_VERBS.has(verb.term)) chosen = ['follow-link', undefined];
      // 「ご確認が必要です」, or 「ご確認ください」「手続きするように」 about an unpaid bill, a
      // locked account or a refund: something to act on, under pressure.
      if (chosen === undefined && verb.concept === 'verb.open' && (/必要|なければ|ない場合|なき場合|無き場合/.test(marker[0]) || pressed)) {
        chosen = ['update-account', undefined];
      }
      if (chosen === undefined) continue;
      if (chosen[0] === 'pay' && paidAtTheDoor(s.hits)) continue;
      if (chosen[0] === 'pay' && ownOrder) chosen = ['pay-for-order', chosen[1]];
      const end = ve + marker.index + marker[0].length - te.length;
      const reported =
        asked ||
        REPORTED_MARKER.test(marker[0]) || REPORTED_AFTER.test(text.slice(end, s.end)) || insideReportedQuote(text, vs, ve);
      add(chosen[0], chosen[1], vs, end, reported);
    }
    // Announced rather than asked: someone will come to the home for the card or cash
    // (「職員が取りに伺います」「関係者を自宅に向かわせる」).
    const pickup = s.hits.find((x) => x.concept === 'means.home-pickup');
    if (pickup !== undefined && !deniedRequest(text, pickup.span[0], pickup.span[1])) {
      const object = s.hits.find((x) => x.concept === 'object.card' || x.concept === 'object.money') ?? messageHas(['object.card', 'object.money']);
      if (object !== undefined) add('hand-over', object.span[0] >= s.start ? object : undefined, pickup.span[0] - 10, pickup.span[1] + 4, insideReportedQuote(text, pickup.span[0], pickup.span[1]));
    }
    // A cash machine named as the place to do something (「お近くのATMでできます」).
    const atm = s.hits.find((x) => x.concept === 'object.atm');
    if (atm !== undefined && /で(?:手続|でき|受け取|操作)|に(?:着|行|向)|へ(?:行|向)|まで|から(?:の)?振/.test(text.slice(atm.span[1], atm.span[1] + 12))) {
      add('go-to-atm', atm, atm.span[0], atm.span[1] + 12, insideReportedQuote(text, atm.span[0], atm.span[1]));
    }
  });

  const concepts: Reading['concepts'] = [];
  sentences.forEach((s, sentence) => {
    if (s.hits.length > 0 && live(sentence) && !NEGATION.test(sentenceText(s))) for (const hit of s.hits) concepts.push({ hit, sentence });
  });
  return { requests, concepts, warning, speaks };
}
