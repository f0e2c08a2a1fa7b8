// Which texts may be trained on and which are held out, decided by the text itself so
// the same message lands on the same side in every script and every dataset (UCI and
// Mishra–Soni share 4,774 texts; a shared text must not be trained on in one and
// evaluated in the other). SpamAssassin is split by group, as ../shared/data/README.md
// prescribes: train on easy-ham-1 and spam-1 only; evaluate on easy-ham-2, hard-ham-1
// and spam-2, which nothing may be trained or tuned on. The Nazario phishing corpus is
// halved by its bodies: rules were studied on the development half only (never the
// text model, which does not see it), and the held-out half is what we report.
import { createHash } from 'node:crypto';
import type { Message } from '../src/core/message/types.js';

export const SPAMASSASSIN_TRAIN_GROUPS = ['easy-ham-1', 'spam-1'] as const;
export const SPAMASSASSIN_EVAL_GROUPS = ['easy-ham-2', 'hard-ham-1', 'spam-2'] as const;

/** Share of SMS texts held out for evaluation. */
const SMS_HELD_OUT_PERCENT = 30;

/** FNV-1a over the normalized text: stable across runs, machines and datasets. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Whitespace and case do not make a different text. */
function normalizeForSplit(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type SmsSplit = 'train' | 'eval';

export function smsSplit(text: string): SmsSplit {
  return fnv1a(normalizeForSplit(text)) % 100 < SMS_HELD_OUT_PERCENT ? 'eval' : 'train';
}

export type NazarioSplit = 'dev' | 'eval';

/** Half of the Nazario corpus by a hash of the message's readable body, so the many
 * copies of one phishing mail (853 messages, 518 distinct bodies) stay on one side. */
export function nazarioSplit(message: Message): NazarioSplit {
  const body = (message.text || message.htmlText || '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(body).digest()[0]! % 2 === 0 ? 'dev' : 'eval';
}
