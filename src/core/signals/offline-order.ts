// Evidence from how an English mail wants to be answered: a shop takes its orders on its
// own website, and its mail links there; unsolicited offers ask to be answered off the
// web, where nobody can see who takes the money — "call toll-free to order", "send a
// check or money order", "fill out the form below and fax it back". It is how such mail
// sells, not harm in itself: alone it stays low and never makes a message high
// (data/reasons.json marks it bulk); beside wording that reads like spam it tips the
// message to medium. Email only: in a text message "call now" is ordinary talk.
//
// On the development data (SpamAssassin easy-ham-1, spam-1, hard-ham-1 0–7): in 68 of
// 500 spam mails, none of 2,500 personal and list mails, none of 110 commercial mails.
import type { Finding, SignalContext } from './types.js';

/**
 * Asks to order or pay by telephone, fax, post or a form in the mail. Literal
 * alternatives with optional single words, each anchored at a word start: linear.
 */
const OFFLINE_ORDER = new RegExp(
  [
    String.raw`\bcall (?:now|today|us (?:now|today)|toll[- ]free|24 hours a day)\b`,
    String.raw`\bto order,? (?:please )?(?:call|fax|dial)\b`,
    String.raw`\border (?:by|via) (?:phone|telephone|fax|mail)\b`,
    String.raw`\b(?:checks?|cheques?) or money orders?\b`,
    String.raw`\bmoney orders? (?:payable|to)\b`,
    String.raw`\bmake (?:your )?(?:checks?|cheques?) payable\b`,
    String.raw`\bfax (?:your order|this form|the form|the order form|it back)\b`,
    String.raw`\bfill (?:out )?(?:this|the) (?:order )?form\b`,
  ].join('|'),
);

export function offlineOrderFindings({ message, folded }: SignalContext): Finding[] {
  if (message.channel !== 'email') return [];
  const found = OFFLINE_ORDER.exec(folded);
  return found === null ? [] : [{ code: 'ask.order-offline', evidence: found[0] }];
}
