// Reading a notice's data items: which data classes it says leaked, which it says did
// not, and which it asks the reader to give. Japanese notices list items in one line
// (氏名/住所/電話番号 …) and the items that did not leak in a bracket or a sentence of
// their own ("クレジットカード情報…は含まれておりません"), so each clause and each
// bracket is read on its own.
import { DATA_CLASSES } from './data-classes.js';

export interface NoticeItems {
  /** Data class ids the notice lists as leaked. */
  leaked: Set<string>;
  /** Data class ids the notice says did not leak. */
  denied: Set<string>;
  /** Data class ids the notice asks the reader to enter, send or tell. */
  requested: Set<string>;
}

/** Clauses longer than this are cut: a clause is a sentence, and the limit bounds the term scan. */
const MAX_CLAUSE_CHARS = 2_000;
/** Brackets nested or longer than this are read as part of their clause. */
const MAX_BRACKET_CHARS = 500;

const BRACKET = new RegExp(`[（(]([^（()）]{1,${MAX_BRACKET_CHARS}})[）)]`, 'g');
const CLAUSE_END = /[。．！？!?\n]+|\.(?:\s|$)|が、|ですが|\bbut\b|;/;

/** "Not included", "we will never ask": what follows is not what leaked. */
const NEGATION =
  /含まれて(?:おりません|いません|おらず|いない)|(?:流出|漏えい|漏洩|持ち出)(?:されて|して)(?:いない|いません|おりません|おらず)|含まれません|含まれない|含んで(?:おりません|いません)|ございません|ありません|いたしません|しません|not (?:been )?(?:included|affected|leaked|exposed|compromised)|(?:were|was|are|is|did|does|will) not|never|\bno (?:credit|card|bank|payment|password)/i;
/** The reader is asked to give something. */
const REQUEST =
  /ご?入力|ご?記入|ご?提供|ご?送信|ご?返信|お送りください|お知らせください|お教えください|教えて|お伺い|ご?登録|ご?申告|お電話ください|(?:て|で)(?:ほしい|欲しい)|書いて|お預かり|預け|渡して|読み上げ|お聞かせ|\b(?:enter|provide|submit|send|tell us|confirm your|update your|verify your)\b/i;
/** Advice about the reader's own accounts, not a list of what leaked ("パスワードを変更してください"). */
const ADVICE = /変更|ご注意|注意して|お気をつけ|警戒|\b(?:change|beware|be careful|watch out)\b/i;

interface Term {
  term: string;
  dataClass: string;
  ascii: boolean;
}

// Longest terms first, so 契約住所 wins over 住所 and "email address" over "address".
const TERMS: Term[] = DATA_CLASSES.flatMap((c) =>
  c.terms.map((term) => ({ term: term.normalize('NFKC').toLowerCase(), dataClass: c.id, ascii: /^[\x20-\x7e]+$/.test(term) })),
).sort((a, b) => b.term.length - a.term.length);

const WORD_CHAR = /[a-z0-9]/;

/** Data classes named in one clause, each stretch of text counted once for its longest term. */
export function dataClassesIn(clause: string): Set<string> {
  const text = clause.normalize('NFKC').toLowerCase().slice(0, MAX_CLAUSE_CHARS);
  const covered = new Uint8Array(text.length);
  const found = new Set<string>();
  for (const { term, dataClass, ascii } of TERMS) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at === -1) break;
      from = at + 1;
      const end = at + term.length;
      if (ascii && (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? ''))) continue;
      if (covered.subarray(at, end).some((c) => c === 1)) continue;
      covered.fill(1, at, end);
      found.add(dataClass);
    }
  }
  return found;
}

function clauses(text: string): string[] {
  const brackets: string[] = [];
  const outside = text.replace(BRACKET, (_whole, inner: string) => {
    brackets.push(inner);
    return ' ';
  });
  return [...outside.split(CLAUSE_END), ...brackets].filter((c) => c.trim() !== '');
}

/** Words of a heading over a list of items: 【流出した情報】, 2．含まれていない情報, "What was not affected:". */
const LEAK_HEADING = /流出|漏えい|漏洩|持ち出|含まれ|対象となる情報|leak|expos|affected|included|compromised|involved/i;
/** Lines up to this long without a data item can be a heading over the lines that follow. */
const MAX_HEADING_CHARS = 40;

type Section = 'leaked' | 'denied' | null;

/**
 * Which data items the notice says leaked, did not leak, or asks for. A clause says so
 * itself ("…は含まれておりません", "…をご入力ください"); a plain list of items takes its
 * meaning from the heading above it (【流出していない情報】 then クレジットカード情報、…).
 */
export function readNoticeItems(text: string): NoticeItems {
  const items: NoticeItems = { leaked: new Set(), denied: new Set(), requested: new Set() };
  let section: Section = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const lineClasses = dataClassesIn(line);
    if (lineClasses.size === 0) {
      const heading = line.trim().length <= MAX_HEADING_CHARS && LEAK_HEADING.test(line);
      section = heading ? (NEGATION.test(line) ? 'denied' : 'leaked') : null;
      continue;
    }
    for (const clause of clauses(line)) {
      const classes = dataClassesIn(clause);
      if (classes.size === 0) continue;
      const target = NEGATION.test(clause)
        ? items.denied
        : REQUEST.test(clause)
          ? items.requested
          : ADVICE.test(clause)
            ? null
            : section === 'denied'
              ? items.denied
              : items.leaked;
      if (target !== null) for (const c of classes) target.add(c);
    }
  }
  return items;
}

const DATE = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?/g;
/** A date in a clause with these words is when the leak was announced. */
const ANNOUNCED = /公表|発表|公開|お知らせいたしました|announce|published|disclosed/i;

/** YYYY-MM-DD dates the notice gives as the day the leak was announced. */
export function announcementDates(text: string): string[] {
  const dates: string[] = [];
  for (const clause of clauses(text.normalize('NFKC'))) {
    if (!ANNOUNCED.test(clause)) continue;
    for (const m of clause.slice(0, MAX_CLAUSE_CHARS).matchAll(DATE)) {
      const [, year, month, day] = m;
      dates.push(`${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`);
    }
  }
  return dates;
}
