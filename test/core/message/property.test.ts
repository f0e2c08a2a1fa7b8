// Random and mail-shaped garbage into every parser of src/core/message: nothing throws
// (parseEmail resolves), and no single input takes long. Run counts are kept modest so
// the suite stays quick on a 2-core machine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentFlags } from '../../../src/core/message/attachments.js';
import { parseAuthenticationResults } from '../../../src/core/message/auth-results.js';
import { looksLikeEmail } from '../../../src/core/message/detect.js';
import { parseEmail } from '../../../src/core/message/email.js';
import { htmlToText } from '../../../src/core/message/html.js';
import { MboxSplitter, splitMbox } from '../../../src/core/message/mbox.js';
import { ATTACHMENT_FLAGS } from '../../../src/core/message/types.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';


const MAIL_FRAGMENTS = [
  'From: ', 'To: ', 'Subject: ', 'Date: ', 'Reply-To: ', 'Return-Path: <', '>', 'Authentication-Results: ',
  'Content-Type: multipart/mixed; boundary=b', 'Content-Type: multipart/alternative; boundary="c"',
  'Content-Type: message/rfc822', 'Content-Type: text/html; charset=utf-8', 'Content-Type: text/plain; charset=iso-2022-jp',
  'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', 'Content-Disposition: attachment; ',
  "filename*0*=utf-8''%E3%81", 'filename*1=.exe', 'name="=?utf-8?B?5pel5pys?="', '--b', '--b--', '--c', '--c--',
  '\r\n', '\n', '\r\n\r\n', '\n\n', ' ', '\t', '=?utf-8?B?', '=?iso-2022-jp?B?GyRCJCIbKEI=?=', '?=', '=E3=81', '=\r\n',
  '<a href="https://x.example/">', '</a>', '<form action="https://f.example/">', '<br>', '<p>', '<script>', '</script>',
  'spf=pass', 'dkim=fail header.d=x', ';', '(', ')', '"', '\\', 'From x Mon', '>From ', 'TVqQAAMAAAAEAAAA', 'PK\x03\x04',
  'a@b.example', '"Name" <n@ｅｘａｍｐｌｅ.jp>', '\u202e', '\ufeff', '\ufffd', '日本語',
];

// Lines made of mail syntax and random text, so header blocks, boundaries and markup
// actually occur (random concatenation alone rarely starts a line with a header name).
const mailLine = fc
  .array(fc.oneof(fc.constantFrom(...MAIL_FRAGMENTS, ''), fc.string({ maxLength: 20 })), { maxLength: 4 })
  .map((pieces) => pieces.join(''));
const mailLike = fc
  .tuple(fc.array(mailLine, { size: 'medium', maxLength: 300 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, newline]) => lines.join(newline));

const randomBytes = fc.uint8Array({ maxLength: 4096 });

// Up to ~100 KB without generating every byte separately.
const largeBytes = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 1024 }), fc.integer({ min: 1, max: 100 }))
  .map(([chunk, times]) => {
    const out = new Uint8Array(chunk.length * times);
    for (let i = 0; i < times; i++) out.set(chunk, i * chunk.length);
    return out;
  });

const largeMailLike = fc
  .tuple(mailLike, fc.integer({ min: 1, max: 200 }))
  .map(([text, times]) => text.repeat(times).slice(0, 100_000));

const unicode = fc.string({ unit: 'binary', maxLength: 2000 });

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  return result;
}

async function timedAsync<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  return result;
}

async function checkParseEmail(input: Uint8Array | string): Promise<void> {
  const message = await timedAsync(() => parseEmail(input));
  expect(message.channel).toBe('email');
  expect(typeof message.text).toBe('string');
  expect(Array.isArray(message.headers)).toBe(true);
  expect(message.recipients.neverEvidence).toBe(true);
  for (const attachment of message.attachments) {
    expect(attachment.flags.every((flag) => ATTACHMENT_FLAGS.includes(flag))).toBe(true);
  }
}

describe('property: parseEmail always resolves, quickly', () => {
  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(randomBytes, checkParseEmail), { numRuns: 100 });
  });

  it('large repeated byte patterns (up to ~100 KB)', async () => {
    await fc.assert(fc.asyncProperty(largeBytes, checkParseEmail), { numRuns: 20 });
  });

  it('random Unicode strings', async () => {
    await fc.assert(fc.asyncProperty(unicode, checkParseEmail), { numRuns: 100 });
  });

  it('mail-shaped strings, small and up to 100 KB', async () => {
    await fc.assert(fc.asyncProperty(mailLike, checkParseEmail), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(largeMailLike, checkParseEmail), { numRuns: 20 });
  });
});

describe('property: the other parsers never throw', () => {
  it('htmlToText', () => {
    fc.assert(
      fc.property(fc.oneof(unicode, mailLike, largeMailLike), (html) => {
        const result = timed(() => htmlToText(html));
        expect(typeof result.text).toBe('string');
        for (const link of result.links) expect(['anchor', 'form', 'area']).toContain(link.kind);
      }),
      { numRuns: 150 },
    );
  });

  it('parseAuthenticationResults', () => {
    fc.assert(
      fc.property(fc.oneof(unicode, mailLike, largeMailLike), (value) => {
        const results = timed(() => parseAuthenticationResults(value));
        for (const result of results) expect(result.methodName).toBe(result.methodName.toLowerCase());
      }),
      { numRuns: 150 },
    );
  });

  it('MboxSplitter and splitMbox agree and never throw', () => {
    fc.assert(
      fc.property(fc.oneof(unicode, mailLike, largeMailLike), (text) => {
        const whole = timed(() => splitMbox(text));
        const splitter = new MboxSplitter();
        const streamed: string[] = [];
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          const message = splitter.push(line);
          if (message !== null) streamed.push(message);
        }
        const last = splitter.end();
        if (last !== null) streamed.push(last);
        expect(streamed).toEqual(whole);
        expect(whole.length).toBeLessThanOrEqual(lines.length);
      }),
      { numRuns: 150 },
    );
  });

  it('looksLikeEmail on bytes and strings', () => {
    fc.assert(
      fc.property(fc.oneof(randomBytes, largeBytes), (bytes) => {
        expect(typeof timed(() => looksLikeEmail(bytes))).toBe('boolean');
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.oneof(unicode, mailLike, largeMailLike), (text) => {
        expect(typeof timed(() => looksLikeEmail(text))).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('attachmentFlags on random names, media types and content', () => {
    const magic = fc.constantFrom(
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
      [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
      [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00],
      [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [],
    );
    const content = fc.tuple(magic, fc.uint8Array({ maxLength: 2048 })).map(([head, rest]) => new Uint8Array([...head, ...rest]));
    fc.assert(
      fc.property(fc.option(unicode), fc.string({ maxLength: 60 }), fc.option(content), (name, mediaType, bytes) => {
        const flags = timed(() => attachmentFlags(name, mediaType, bytes ?? undefined));
        expect(flags.every((flag) => ATTACHMENT_FLAGS.includes(flag))).toBe(true);
        expect(new Set(flags).size).toBe(flags.length);
      }),
      { numRuns: 300 },
    );
  });
});
