import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeEmail } from '../../../src/core/message/detect.js';
import { parseEmail } from '../../../src/core/message/email.js';
import { MboxSplitter, splitMbox } from '../../../src/core/message/mbox.js';

const NAZARIO = join(import.meta.dirname, '../../../../shared/data/corpora/nazario-phishing');

function streamLines(text: string, splitter: MboxSplitter): string[] {
  const messages: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const message = splitter.push(line);
    if (message !== null) messages.push(message);
  }
  const last = splitter.end();
  if (last !== null) messages.push(last);
  return messages;
}

describe('MboxSplitter', () => {
  it('splits at "From " lines and drops the separator line and the blank line before it', () => {
    const mbox = [
      'From alice@example.jp Mon Jun  9 12:00:00 2025',
      'Subject: one',
      '',
      'body one',
      '',
      'From bob@example.jp Mon Jun  9 12:01:00 2025',
      'Subject: two',
      '',
      'body two',
      '',
    ].join('\n');
    expect(splitMbox(mbox)).toEqual(['Subject: one\n\nbody one\n', 'Subject: two\n\nbody two\n']);
  });

  it('unescapes mboxrd ">From " quoting by one level', () => {
    const mbox = 'From a@example.jp Mon Jun  9 12:00:00 2025\nSubject: q\n\n>From the start\n>>From quoted twice\n> From not quoting\n';
    expect(splitMbox(mbox)).toEqual(['Subject: q\n\nFrom the start\n>From quoted twice\n> From not quoting\n']);
  });

  it('does not split at a "From " line that does not follow a blank line', () => {
    const mbox = 'From a@example.jp Mon Jun  9 12:00:00 2025\nSubject: s\n\nline\nFrom here on, it is body\n';
    expect(splitMbox(mbox)).toHaveLength(1);
  });

  it('keeps CRLF line endings of a CRLF mailbox', () => {
    const mbox = 'From a@example.jp Mon Jun  9 12:00:00 2025\r\nSubject: s\r\n\r\nbody\r\n\r\nFrom b@example.jp Mon Jun  9 12:00:00 2025\r\nSubject: t\r\n\r\nbody2\r\n';
    expect(splitMbox(mbox)).toEqual(['Subject: s\r\n\r\nbody\r\n', 'Subject: t\r\n\r\nbody2\r\n']);
  });

  it('returns text before the first separator as a message, skipping leading blank lines', () => {
    expect(splitMbox('\n\nSubject: lone\n\nbody\n')).toEqual(['Subject: lone\n\nbody\n']);
    expect(splitMbox('')).toEqual([]);
    expect(splitMbox('\n\n')).toEqual([]);
  });

  it('returns the same messages when streamed line by line, and can be reused after end()', () => {
    const mbox = 'From a Mon\nSubject: 1\n\nx\n\nFrom b Tue\nSubject: 2\n\ny\n';
    const splitter = new MboxSplitter();
    expect(streamLines(mbox, splitter)).toEqual(splitMbox(mbox));
    expect(streamLines(mbox, splitter)).toEqual(splitMbox(mbox));
  });

  it('stops storing a message one line past maxMessageSize, leaving it longer than the limit', () => {
    const splitter = new MboxSplitter({ maxMessageSize: 100 });
    const line = 'x'.repeat(30);
    const lines = ['From a Mon', 'Subject: big', '', ...new Array<string>(1000).fill(line), '', 'From b Tue', 'Subject: small', ''];
    const messages = streamLines(lines.join('\n'), splitter);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.length).toBeGreaterThan(100);
    expect(messages[0]?.length).toBeLessThan(200);
    expect(messages[1]).toBe('Subject: small\n');
  });

  it('splits the real Nazario phishing corpus into its 853 messages', async (context) => {
    if (!existsSync(NAZARIO)) {
      const reason = `Nazario corpus not found at ${NAZARIO}; it lives in ../shared/data (see its README)`;
      // The default reporter does not print skip reasons; say it where CI logs show it.
      console.warn(`skipped: ${reason}`);
      context.skip(reason);
      return;
    }
    const counts: Record<string, number> = {};
    const all: string[] = [];
    for (const file of ['20051114.mbox', 'phishing0.mbox']) {
      // latin1 keeps every byte as one character, as a streaming reader would.
      const text = readFileSync(join(NAZARIO, file), 'latin1');
      const messages = splitMbox(text);
      expect(streamLines(text, new MboxSplitter())).toEqual(messages);
      counts[file] = messages.length;
      all.push(...messages);
    }
    expect(counts).toEqual({ '20051114.mbox': 438, 'phishing0.mbox': 415 });
    expect(all.every((message) => looksLikeEmail(message))).toBe(true);
    const parsed = await Promise.all(all.slice(0, 100).map((message) => parseEmail(Buffer.from(message, 'latin1'))));
    expect(parsed.filter((message) => message.from !== null).length).toBeGreaterThanOrEqual(98);
    // postal-mime drops a display name that only repeats the address.
    expect(parsed[0]?.from).toEqual({ name: '', address: 'aw-confirm@ebay.com', domain: 'ebay.com' });
  });
});
