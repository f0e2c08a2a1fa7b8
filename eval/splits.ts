// Which texts may be trained on and which are held out, decided by the text itself so
// the same message lands on the same side in every script and every dataset (UCI and
// Mishra–Soni share 4,774 texts; a shared text must not be trained on in one and
// evaluated in the other). SpamAssassin is split by group, as ../shared/data/README.md
// prescribes: train on easy-ham-1 and spam-1 only; evaluate on easy-ham-2, hard-ham-1
// and spam-2, which nothing may be trained or tuned on. The Nazario phishing corpus is
// halved (eval/nazario-dev.json): rules were studied on the development half only
// (never the text model, which does not see it), and the held-out half is reported.
import nazarioDev from './nazario-dev.json' with { type: 'json' };

export const SPAMASSASSIN_TRAIN_GROUPS = ['easy-ham-1', 'spam-1'] as const;
export const SPAMASSASSIN_EVAL_GROUPS = ['easy-ham-2', 'hard-ham-1', 'spam-2'] as const;

export type HardHamHalf = 'dev' | 'eval';

/** Which half of hard-ham-1 (genuine commercial mail) a message is in, by the first hex
 * digit of its MD5 (../shared/data/README.md): 0–7 may be developed and tuned on (110
 * mails), 8–f stay held out (140). */
export function hardHamHalf(md5: string): HardHamHalf {
  return Number.parseInt(md5.charAt(0), 16) < 8 ? 'dev' : 'eval';
}

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

const NAZARIO_DEV: ReadonlySet<string> = new Set((nazarioDev as { ids: string[] }).ids);

/** Which half of the Nazario corpus a message (by its id, "file#n") is in: the frozen
 * list in eval/nazario-dev.json, so the many copies of one phishing mail stay together
 * and no later change to the parser moves a message between halves. */
export function nazarioSplit(id: string): NazarioSplit {
  return NAZARIO_DEV.has(id) ? 'dev' : 'eval';
}
