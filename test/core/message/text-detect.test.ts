import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../src/core/limits.js';
import { looksLikeEmail } from '../../../src/core/message/detect.js';
import { InputTooLargeError } from '../../../src/core/message/errors.js';
import { messageFromText } from '../../../src/core/message/text.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');

describe('messageFromText', () => {
  it('puts the text as received into an otherwise empty Message', () => {
    const text = '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。https://sagawa-example.top/';
    expect(messageFromText(text, 'sms')).toEqual({
      channel: 'sms',
      from: null,
      replyTo: [],
      returnPath: null,
      recipients: { neverEvidence: true, value: { to: [], cc: [], deliveredTo: [] } },
      subject: null,
      date: null,
      text,
      htmlText: null,
      links: [],
      attachments: [],
      authResults: [],
      headers: [],
      skipped: [],
    });
  });

  it('gives every message its own arrays', () => {
    const a = messageFromText('a', 'letter');
    const b = messageFromText('b', 'call');
    a.links.push({ href: 'x', text: 'x', kind: 'anchor' });
    expect(b.links).toEqual([]);
  });

  it('rejects text over MAX_INPUT_BYTES', () => {
    expect(() => messageFromText('x'.repeat(MAX_INPUT_BYTES + 1), 'sms')).toThrow(InputTooLargeError);
  });
});

describe('looksLikeEmail', () => {
  it('recognizes every .eml fixture, as bytes and as text', () => {
    for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.eml'))) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      expect(looksLikeEmail(bytes), name).toBe(true);
      expect(looksLikeEmail(new TextDecoder().decode(bytes)), name).toBe(true);
    }
  });

  it('recognizes header blocks, folded headers, a BOM, leading blank lines and an mbox separator', () => {
    expect(looksLikeEmail('From: a@example.jp\nSubject: hi\n\nbody')).toBe(true);
    expect(looksLikeEmail('Received: from x\n  by y; Mon, 9 Jun 2025\nX-Custom: 1\nMessage-ID: <1@x>\n\n')).toBe(true);
    expect(looksLikeEmail('Received: from x\n  by y; Mon, 9 Jun 2025\nX-Custom: 1\n\n')).toBe(false);
    expect(looksLikeEmail('\ufeff\r\n\r\nMIME-Version: 1.0\r\nDate: Mon, 9 Jun 2025 12:00:00 +0900\r\n\r\nx')).toBe(true);
    expect(looksLikeEmail('From alice@example.jp Mon Jun  9 12:00:00 2025\nReturn-Path: <a@example.jp>\n')).toBe(true);
    expect(looksLikeEmail(`Subject: long\n${'Received: hop\n'.repeat(300)}`)).toBe(true);
  });

  it('does not take an SMS or a letter for an email', () => {
    const texts = [
      'Amazon: your account has been locked. Verify at https://amaz0n.example/verify',
      'Amazon: your account has been locked.\nhttps://amaz0n.example/verify',
      'Subject: your parcel\nplease pay the fee at https://post.example/',
      '【Amazon】お客様のアカウントを一時停止しました。\nhttps://amazon.example-verify.top/',
      '件名: 個人情報漏えいのお知らせ\n差出人: NTT西日本\n\n本文',
      'From Amazon: your parcel is waiting\nclick here',
      'Date: tomorrow\nTime: 10:00\n',
      'Subject: hi',
      '',
      '\n\n\n',
    ];
    for (const text of texts) expect(looksLikeEmail(text), text).toBe(false);
  });

  it('does not read a URL line as a header', () => {
    expect(looksLikeEmail('Subject: hi\nhttps://example.jp/\n')).toBe(false);
  });

  it('answers as a reading of the whole 64 KB window would, when the header block ends past its first 4 KB or not', () => {
    // The reading of the window's first 200 lines that looksLikeEmail must agree with.
    const reference = (input: string): boolean => {
      const head = input.slice(0, 64 * 1024);
      const lines = head.replace(/^\ufeff/, '').split('\n', 200);
      let i = 0;
      while (i < lines.length && lines[i]!.trim() === '') i++;
      if (i < lines.length && lines[i]!.startsWith('From ')) return /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(?!\/\/)/.test(lines[i + 1] ?? '');
      let headers = 0;
      const known = new Set<string>();
      for (; i < lines.length; i++) {
        const line = lines[i]!.replace(/\r$/, '');
        if (line === '') break;
        if (line.startsWith(' ') || line.startsWith('\t')) {
          if (headers === 0) return false;
          continue;
        }
        const match = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(?!\/\/)/.exec(line);
        if (!match) {
          if (i === lines.length - 1 && headers > 0 && head.length === 64 * 1024) break;
          return false;
        }
        headers++;
        if (['from', 'date', 'subject', 'received'].includes(match[1]!.toLowerCase())) known.add(match[1]!.toLowerCase());
      }
      return known.size >= 2;
    };
    const line = fc.oneof(
      fc.constantFrom('From: a@example.jp', 'Date: Mon, 1 Jan 2024', 'Subject: hello', 'Received: by x', 'X-Note: y', '', ' ', '\r', '  folded', 'not a header', 'From someone', 'http://x.jp/'),
      fc.integer({ min: 1, max: 9000 }).map((n) => `X-Long: ${'a'.repeat(n)}`),
      fc.integer({ min: 1, max: 70_000 }).map((n) => 'b'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 250 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const input = lines.join(eol);
        expect(looksLikeEmail(input)).toBe(reference(input));
      }),
      { numRuns: 400 },
    );
    // The window's 200th line is not a header: cut short by the window, it is let pass.
    const twoHundredLines = `From: a@example.jp\nDate: Mon, 1 Jan 2024\n${'X-N: y\n'.repeat(197)}not a header\n${'b'.repeat(70_000)}`;
    expect(looksLikeEmail(twoHundredLines)).toBe(reference(twoHundredLines));
    expect(looksLikeEmail(twoHundredLines)).toBe(true);
  });

  it('decides from the first 64 KB of a huge input', () => {
    const huge = `From: a@example.jp\nSubject: x\nX-Long: ${'a'.repeat(10_000_000)}\n\nbody`;
    const started = performance.now();
    expect(looksLikeEmail(huge)).toBe(true);
    expect(looksLikeEmail(new TextEncoder().encode(huge))).toBe(true);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });
});
