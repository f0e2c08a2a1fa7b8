// What an English message asks the reader to do, read clause by clause the way
// requests.ts reads Japanese: an asking verb ("enter", "confirm", "reply with", "send",
// "wire") with a risky object after it in the same sentence ("your password", "your
// card number", "your bank account details", "your social security number", "the
// processing fee by Western Union"), in a frame that asks — a command at the start of a
// clause, "please …", "you must …", "you are required to …", "click here to …". It
// yields the same ExtractedRequest as the Japanese reader, so signals/requests.ts scores
// both alike.
//
// What is left alone: what commercial mail asks (click to read more, shop now,
// unsubscribe — even with the list's own password —, call to order, send us your name
// and address for a catalog), which
// risks nothing; "we will never ask you to enter your password" and "do not send your
// card number by email" (a denial or a prohibition before the verb); a sentence that
// warns about a scam while quoting it ("beware of emails asking you to verify your
// password"); and lines quoted with ">" (a forwarded joke appeal, a reply): someone
// else's words.
//
// How: the risky objects are found in one scan of the text (PhraseMatcher: linear);
// only for each (at most MAX_OBJECTS) is the stretch of its sentence before it, at most
// LOOK_BACK_CHARS long, matched against the asking frame: bounded input, one pattern
// anchored at its end, no nested quantifiers.
import { PhraseMatcher } from '../knowledge/phrase-matcher.js';
import type { ExtractedRequest, RequestAct, RequestMeans } from './requests.js';

type ObjectKind = 'secret' | 'bank' | 'personal' | 'account' | 'money' | 'remote';

/** Risky things a message may ask for, as written after "your" (or "the", for money). */
const OBJECTS: Record<ObjectKind, string[]> = {
  secret: [
    'password', 'passwords', 'pin', 'pin number', 'pin code', 'passcode', 'security code', 'one-time code', 'one-time password',
    'verification code', 'login details', 'login information', 'login credentials', 'log-in details', 'sign-in details',
    'user id and password', 'username and password', 'user name and password', 'online banking password', 'atm pin',
    'card number', 'credit card number', 'debit card number', 'card details', 'credit card details', 'credit card information',
    'card information', 'credit card info', 'cvv', 'cvv2', 'cvc', 'card verification number', 'expiration date', 'expiry date',
  ],
  bank: [
    'bank account number', 'bank account details', 'bank account information', 'bank details', 'banking details',
    'banking information', 'bank information', 'account number', 'routing number', 'sort code', 'bank login',
  ],
  personal: [
    'social security number', 'social security no', 'ssn', 'date of birth', "mother's maiden name", 'mothers maiden name',
    "driver's license number", 'drivers license number', 'passport number', 'national insurance number', 'tax id',
  ],
  account: [
    'account information', 'account details', 'account info', 'account records', 'billing information', 'billing details',
    'billing records', 'payment information', 'payment details', 'identity', 'online banking',
  ],
  money: [
    'western union', 'moneygram', 'money gram', 'money order', 'cashier\'s check', 'processing fee', 'transfer fee',
    'release fee', 'clearance fee', 'handling fee', 'administrative fee', 'legal fee', 'legal fees', 'insurance fee',
    'itunes card', 'itunes cards', 'gift card', 'gift cards', 'google play card', 'bitcoin',
  ],
  remote: ['teamviewer', 'anydesk', 'logmein', 'remote access', 'remote desktop'],
};

const MATCHER = new PhraseMatcher(
  (Object.entries(OBJECTS) as [ObjectKind, string[]][]).flatMap(([kind, phrases]) => phrases.map((phrase) => ({ phrase, owner: kind }))),
);

/** Verbs that hand something over, by the kind of object they take. */
const GIVE = String.raw`(?:enter|re-enter|provide|confirm|verify|validate|submit|send|email|e-mail|fax|give|tell|type|type in|fill in|fill out|supply|furnish|forward|include|reply with|respond with|write back with|disclose)`;
const PAY = String.raw`(?:send|wire|pay|transfer|remit|forward|mail|buy|purchase|deposit)`;
const UPDATE = String.raw`(?:verify|confirm|validate|update|restore|reactivate|unlock|re-validate|reconfirm|change)`;
const INSTALL = String.raw`(?:install|download|run|allow|give|grant|enable)`;

/** What makes the verb an ask: it begins a clause (a command), or follows "please",
 * "you must", "you are required to", "click here to", "in order to" … */
const FRAME = String.raw`(?:^ *|[.!?:;*•(-] *|\b(?:please|kindly|simply|just|now|then|and|immediately|promptly|must|need to|have to|should|required to|ask you to|need you to|require you to|be sure to|make sure to|remember to|request you to|asked to|to) +)`;
/** Up to eight words between the verb and the object ("us your full name, address and"):
 * words and separators are disjoint classes, so there is one way to read them. Not "you"
 * first: "send you a gift card" gives, it does not ask. */
const BETWEEN = String.raw`\b(?![ ,]+(?:you|u)\b)(?:[ ,]+[^ ,.!?]+){0,8}?[ ,]*$`;
/** A denial, a prohibition or a failure before the ask: "never", "do not", "will not
 * ask you to", "we were unable to verify …". */
const NOT_ASKED = /\b(?:never|not|don't|dont|doesn't|won't|cannot|can't|no one|nobody|without|unable|failed|fail)\b[^.!?]{0,40}$/;
/** A sentence about managing a subscription on the sender's own site ("to unsubscribe or
 * change your preferences, enter your member ID and password at …", a mailing list's
 * monthly reminder of its password): the sign-in it asks for is the list's or the shop's
 * own, the everyday housekeeping of newsletters, not a secret handed over. Not
 * "subscription" alone: "update your payment details or your subscription ends" is how
 * phishing in the name of a streaming service asks. */
const SUBSCRIPTION = /unsubscribe|mailing list|newsletter|opt[ -]?out|your preferences|remove yourself|membership (?:options|settings|status)/;
/** A sentence that warns about scams while describing one. */
const WARNS = /scam|fraud|phishing|beware|be careful|be aware|be wary|suspicious|spoof|fake/;
const DESCRIBES = /asking|ask you|asks you|such as|claiming|pretending|that say|which say|requesting|request you|requests for|"|“|”/;

const asks = (verbs: string): RegExp => new RegExp(`${FRAME}${verbs}${BETWEEN}`);
/** How each kind of object is asked for, most specific first. */
const ASKS: Record<ObjectKind, [RegExp, RequestAct][]> = {
  secret: [[asks(GIVE), 'tell-secret'], [asks(UPDATE), 'update-account']],
  bank: [[asks(GIVE), 'tell-bank'], [asks(UPDATE), 'update-account']],
  personal: [[asks(GIVE), 'tell-personal']],
  account: [[asks(UPDATE), 'update-account']],
  money: [[asks(PAY), 'pay']],
  remote: [[asks(INSTALL), 'remote-access']],
};

/** Objects that must be the reader's own ("your password", not "the root password"). */
const NEEDS_YOUR: ReadonlySet<ObjectKind> = new Set(['secret', 'bank', 'personal', 'account']);
const YOUR = /\b(?:your|ur)\b[^.!?]{0,60}$/;

/** How the money is to go, where the means has a name of its own in request-words.ts. A
 * money-transfer service (Western Union, MoneyGram) is neither a bank transfer nor cash by
 * post: the request names no means then. */
const MEANS: Readonly<Record<string, RequestMeans>> = {
  'itunes card': 'e-money',
  'itunes cards': 'e-money',
  'gift card': 'e-money',
  'gift cards': 'e-money',
  'google play card': 'e-money',
  bitcoin: 'e-money',
};

/** The start of a line quoted in a reply or a forward ("> > …"). */
const QUOTED_LINE = /^[ \t]*>/;

/** The stretch before an object in which its verb is looked for. */
const LOOK_BACK_CHARS = 90;
/** Objects looked at per text: a text of thousands of them is cut here. */
const MAX_OBJECTS = 200;
/** Requests read per text. */
const MAX_REQUESTS = 20;

/** Where the sentence holding `offset` starts: after the last ".", "!", "?" or blank line before it, within `limit`. */
function sentenceStart(text: string, offset: number, limit: number): number {
  for (let i = offset - 1; i >= limit; i--) {
    const c = text[i]!;
    if (c === '!' || c === '?' || (c === '.' && /\s/.test(text[i + 1] ?? ' ')) || (c === '\n' && text[i - 1] === '\n')) return i + 1;
  }
  return limit;
}

/** The rest of the sentence after `offset`, at most 200 characters. */
function sentenceRest(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const end = rest.search(/[.!?](?:\s|$)|\n\n/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The requests of an English text, folded for matching (foldForMatching: NFKC, lower case).
 */
export function readEnglishRequests(text: string): ExtractedRequest[] {
  const requests: ExtractedRequest[] = [];
  const seen = new Set<RequestAct>();
  const hits = MATCHER.find(text);
  for (let k = 0; k < hits.length && k < MAX_OBJECTS && requests.length < MAX_REQUESTS; k++) {
    const { owner: kind, span, phrase } = hits[k]!;
    // A line quoted with ">" is someone else's mail, forwarded or replied to.
    if (QUOTED_LINE.test(text.slice(text.lastIndexOf('\n', span[0]) + 1, span[0]))) continue;
    const from = sentenceStart(text, span[0], Math.max(0, span[0] - LOOK_BACK_CHARS));
    // Lines of a wrapped paragraph are one sentence: a line break reads as a space.
    const before = text.slice(from, span[0]).replace(/\s+/g, ' ');
    if (NEEDS_YOUR.has(kind) && !YOUR.test(before)) continue;
    let found: [RegExpExecArray, RequestAct] | undefined;
    for (const [pattern, act] of ASKS[kind]) {
      const frame = pattern.exec(before);
      if (frame !== null && !seen.has(act)) {
        found = [frame, act];
        break;
      }
    }
    if (found === undefined) continue;
    const [frame, act] = found;
    if (NOT_ASKED.test(before.slice(0, frame.index + 1))) continue;
    const sentence = before + sentenceRest(text, span[0]);
    if (WARNS.test(sentence) && DESCRIBES.test(sentence)) continue;
    if ((act === 'tell-secret' || act === 'update-account') && SUBSCRIPTION.test(sentence)) continue;
    seen.add(act);
    // How the money is to go: any means named in the same sentence ("the fee … by Western Union").
    const sentenceEnd = span[0] + sentenceRest(text, span[0]).length;
    const means = new Set<RequestMeans>();
    for (let i = k; i < hits.length && hits[i]!.span[0] < sentenceEnd; i++) {
      const named = MEANS[hits[i]!.phrase];
      if (named !== undefined) means.add(named);
    }
    requests.push({
      // Gift cards and crypto bought to pay: the act of its own that the Japanese reader names too.
      act: act === 'pay' && MEANS[phrase] === 'e-money' ? 'buy-gift-card' : act,
      object: phrase,
      means: [...means],
      pretext: null,
      reported: false,
      evidence: `${frame[0].trim()} ${phrase}`.replace(/^[.!?:;>*•\-(]\s*/, '').trim(),
    });
  }
  return requests;
}
