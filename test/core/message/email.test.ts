import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_BOUNDARY_LINES,
  MAX_HEADER_FIELD_BYTES,
  MAX_INPUT_BYTES,
  MAX_MESSAGE_NESTING,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
} from '../../../src/core/limits.js';
import { parseEmail } from '../../../src/core/message/email.js';
import { InputTooLargeError } from '../../../src/core/message/errors.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

const GLUED_URL_LINE = '詳細はhttps://www.example.co.jp/notice/2025。ご確認ください。';

/** multipart/mixed nested `depth` levels, with a text part at the bottom and, at the top
 * level, a text part before and an attachment after the nested tree. */
function nestedMultipart(depth: number): string {
  const lines = [
    'From: Nest <nest@example.jp>',
    'Subject: nested',
    'Content-Type: multipart/mixed; boundary="b0"',
    '',
    '--b0',
    'Content-Type: text/plain',
    '',
    'top text',
  ];
  for (let i = 1; i <= depth; i++) lines.push(`--b${i - 1}`, `Content-Type: multipart/mixed; boundary="b${i}"`, '');
  lines.push(`--b${depth}`, 'Content-Type: text/plain', '', 'deepest text');
  for (let i = depth; i >= 1; i--) lines.push(`--b${i}--`);
  lines.push(
    '--b0',
    'Content-Type: application/octet-stream; name="after.exe"',
    'Content-Transfer-Encoding: base64',
    '',
    'TVqQAAMAAAAEAAAA',
    '--b0--',
    '',
  );
  return lines.join('\r\n');
}

describe('parseEmail: Japanese fixtures', () => {
  it('ISO-2022-JP: encoded-word subject, names and attachment name, JIS body', async () => {
    const message = await parseEmail(fixture('iso-2022-jp.eml'));
    expect(message.channel).toBe('email');
    expect(message.subject).toBe('【重要】個人情報漏えいに関するお知らせ');
    expect(message.from).toEqual({
      name: 'ＮＴＴ西日本 お客様センター',
      address: 'support@shop-example.co.jp',
      domain: 'shop-example.co.jp',
    });
    expect(message.returnPath).toBe('support@shop-example.co.jp');
    expect(message.date).toBe('2025-06-03T01:00:00.000Z');
    expect(message.text).toContain('山田 太郎 様');
    expect(message.text).toContain(GLUED_URL_LINE);
    expect(message.htmlText).toBeNull();
    expect(message.links).toEqual([]);
    expect(message.attachments).toEqual([
      { name: '請求書.pdf.exe', mediaType: 'application/octet-stream', size: 64, flags: ['executable'] },
    ]);
    expect(message.authResults).toEqual([
      {
        authservId: 'mx.example.jp',
        method: 'spf',
        methodName: 'spf',
        result: 'pass',
        properties: { 'smtp.mailfrom': 'shop-example.co.jp' },
      },
      {
        authservId: 'mx.example.jp',
        method: 'dkim',
        methodName: 'dkim',
        result: 'pass',
        properties: { 'header.d': 'shop-example.co.jp', 'header.s': 'sel1' },
      },
    ]);
    expect(message.recipients.neverEvidence).toBe(true);
    expect(message.recipients.value.to).toEqual([{ name: '山田 太郎', address: 'taro@example.jp', domain: 'example.jp' }]);
    expect(message.headers.map((h) => h.key)).toEqual([
      'return-path',
      'received',
      'authentication-results',
      'from',
      'subject',
      'date',
      'message-id',
      'mime-version',
      'content-type',
    ]);
    expect(message.headers.find((h) => h.key === 'message-id')?.value).toBe('<20250603100000.1@shop-example.co.jp>');
    expect(message.skipped).toEqual([]);
  });

  it('Shift_JIS: 8-bit body, RFC 2231 attachment name, encrypted ZIP', async () => {
    const message = await parseEmail(fixture('shift_jis.eml'));
    expect(message.subject).toBe('お見積書の送付（パスワード付きZIP）');
    expect(message.from).toEqual({ name: '', address: 'sales@estimate-example.jp', domain: 'estimate-example.jp' });
    expect(message.date).toBe('2025-06-04T00:30:00.000Z');
    expect(message.text).toContain('パスワードは別メールでお送りします。');
    expect(message.text).toContain(GLUED_URL_LINE);
    expect(message.attachments).toEqual([
      { name: '見積書.zip', mediaType: 'application/zip', size: 179, flags: ['archive', 'encrypted-archive'] },
    ]);
    expect(message.skipped).toEqual([]);
  });

  it('EUC-JP: encoded-word subject and display name, 8-bit body', async () => {
    const message = await parseEmail(fixture('euc-jp.eml'));
    expect(message.subject).toBe('お荷物のお届けについて');
    expect(message.from).toEqual({ name: '宅配便センター', address: 'delivery@takuhai-example.jp', domain: 'takuhai-example.jp' });
    expect(message.text).toBe(
      'お荷物をお届けにあがりましたが不在のため持ち帰りました。\n再配達のご依頼はこちら：https://takuhai-example.jp/redeliver\n\n',
    );
  });

  it('raw 8-bit Shift_JIS in Subject and From is decoded, not left as replacement characters', async () => {
    const message = await parseEmail(fixture('raw-8bit-header.eml'));
    expect(message.subject).toBe('【緊急】ご利用確認のお願い');
    expect(message.from).toEqual({ name: '三井住友カード', address: 'info@smbc-card-example.top', domain: 'smbc-card-example.top' });
    expect(message.text).toBe('カードのご利用を一時停止しました。\n\n');
  });

  it('quoted-printable UTF-8 body and Q-encoded subject and display name', async () => {
    const message = await parseEmail(fixture('utf8-qp.eml'));
    expect(message.subject).toBe('【警視庁】あなたの個人情報が流出しています');
    expect(message.from?.name).toBe('警視庁 サイバー犯罪対策課');
    expect(message.from?.domain).toBe('keishicho-example.info');
    expect(message.text).toContain(
      'あなたの個人情報がダークウェブで売買されていることを確認しました。至急、下記の番号にお電話ください。\n',
    );
    expect(message.text).toContain('電話: 03-1234-5678 (24時間受付)');
  });
});

describe('parseEmail: Western legacy charsets', () => {
  it('reads windows-1252 and latin1 bytes 0x80–0x9F as browsers do (’ “ ” – €), not as C1 controls', async () => {
    for (const charset of ['windows-1252', 'iso-8859-1']) {
      const mail = [
        `From: =?${charset}?Q?Caf=E9_=93News=94?= <news@cafe.example>`,
        `Subject: =?${charset}?Q?XP=92s_tips_=96_today?=`,
        'MIME-Version: 1.0',
        `Content-Type: text/plain; charset=${charset}`,
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Don=92t miss it =96 =93free=94 for =8010',
        '',
      ].join('\r\n');
      const message = await parseEmail(new TextEncoder().encode(mail));
      expect([message.from?.name, message.subject, message.text.trim()], charset).toEqual([
        'Café “News”',
        'XP’s tips – today',
        'Don’t miss it – “free” for €10',
      ]);
    }
  });
});

describe('parseEmail: HTML phishing mail', () => {
  it('keeps the text/plain part as text and the HTML as htmlText with its links', async () => {
    const message = await parseEmail(fixture('html-phish.eml'));
    expect(message.subject).toBe('アカウントの確認が必要です');
    expect(message.from).toEqual({
      name: 'Amazon.co.jp',
      address: 'account-update@amazon-co-jp.account-verify.example',
      domain: 'amazon-co-jp.account-verify.example',
    });
    expect(message.replyTo).toEqual([
      { name: 'Amazon Support', address: 'support@amazon-co-jp.account-verify.example', domain: 'amazon-co-jp.account-verify.example' },
      // Full-width domain: lower-cased as written in `address`, ASCII in `domain`.
      { name: '', address: 'help@ａｍａｚｏｎ-ｓｕｐｐｏｒｔ.example', domain: 'amazon-support.example' },
    ]);
    expect(message.returnPath).toBe('bounce+abc@amazon-co-jp.account-verify.example');
    expect(message.date).toBe('2025-06-08T02:00:00.000Z');
    expect(message.text).toBe(
      'Amazon.co.jp をご利用いただきありがとうございます。\nhttps://amazon-co-jp.account-verify.example/signin?ref=mail&id=123\n',
    );
    expect(message.htmlText).toBe(
      'Amazon.co.jp をご利用いただきありがとうございます。\n\n' +
        'お客様のアカウントで異常なログインを検知しました。\n24時間以内に確認してください。\n\n' +
        'https://www.amazon.co.jp/\n\n[ログイン]\n[Amazon]',
    );
    expect(message.links).toEqual([
      {
        href: 'https://amazon-co-jp.account-verify.example/signin?ref=mail&id=123',
        text: 'https://www.amazon.co.jp/',
        kind: 'anchor',
      },
      { href: 'https://amazon-co-jp.account-verify.example/login', text: null, kind: 'form' },
    ]);
  });

  it('parses every Authentication-Results header, comments and quoted strings included', async () => {
    const message = await parseEmail(fixture('html-phish.eml'));
    expect(message.authResults).toEqual([
      {
        authservId: 'mx.example.jp',
        method: 'spf',
        methodName: 'spf',
        result: 'softfail',
        properties: { 'smtp.mailfrom': 'bounce+abc@amazon-co-jp.account-verify.example' },
      },
      { authservId: 'mx.example.jp', method: 'dkim', methodName: 'dkim', result: 'none', properties: { 'header.d': 'none' } },
      {
        authservId: 'mx.example.jp',
        method: 'dmarc',
        methodName: 'dmarc',
        result: 'fail',
        properties: { reason: 'no policy; aligned="no"', 'header.from': 'amazon.co.jp' },
      },
      {
        authservId: 'spoofed.example',
        method: 'dkim',
        methodName: 'dkim',
        result: 'pass',
        properties: { 'header.d': 'amazon.co.jp' },
      },
    ]);
  });

  it('moves recipient headers out of `headers` into NotEvidence recipients', async () => {
    const message = await parseEmail(fixture('html-phish.eml'));
    expect(message.recipients).toEqual({
      neverEvidence: true,
      value: {
        to: [{ name: '', address: 'victim@example.jp', domain: 'example.jp' }],
        cc: [{ name: 'Other', address: 'other@example.jp', domain: 'example.jp' }],
        deliveredTo: ['victim@example.jp', 'victim@example.jp'],
      },
    });
    const keys = message.headers.map((h) => h.key);
    for (const key of ['to', 'cc', 'delivered-to', 'x-original-to']) expect(keys).not.toContain(key);
    expect(JSON.stringify(message.headers)).not.toContain('victim@example.jp');
  });

  it('keeps Bcc, Resent-* and envelope-recipient headers out of `headers` too', async () => {
    const raw = [
      'From: a@example.jp',
      'Bcc: hidden@example.org',
      'Resent-To: resent@example.org',
      'Envelope-To: env@example.org',
      'X-Envelope-To: xenv@example.org',
      'Subject: s',
      '',
      'body',
    ].join('\r\n');
    const message = await parseEmail(raw);
    expect(message.headers.map((h) => h.key)).toEqual(['from', 'subject']);
    expect(message.recipients.value.to.map((a) => a.address)).toEqual(['resent@example.org']);
    expect(message.recipients.value.cc.map((a) => a.address)).toEqual(['hidden@example.org']);
    expect(message.recipients.value.deliveredTo).toEqual(['env@example.org', 'xenv@example.org']);
  });
});

describe('parseEmail: line endings and input forms', () => {
  it('parses LF-only and CRLF files the same way', async () => {
    const lf = await parseEmail(fixture('lf.eml'));
    const crlf = await parseEmail(fixture('crlf.eml'));
    expect(lf).toEqual(crlf);
    expect(lf.subject).toBe('セール開催中');
    expect(lf.from).toEqual({ name: 'Example Shop', address: 'news@shop.example.jp', domain: 'shop.example.jp' });
    expect(lf.text).toBe('本日限定のセールです。\nhttps://shop.example.jp/sale\n\n');
  });

  it('accepts a string as well as bytes', async () => {
    const bytes = fixture('crlf.eml');
    expect(await parseEmail(new TextDecoder().decode(bytes))).toEqual(await parseEmail(bytes));
  });

  it('ignores a UTF-8 byte order mark, leading blank lines and an mbox "From " line', async () => {
    const plain = await parseEmail(fixture('crlf.eml'));
    const prefixed = new Uint8Array([
      ...new TextEncoder().encode('\ufeff\r\nFrom news@shop.example.jp Mon Jun  9 12:00:00 2025\r\n'),
      ...fixture('crlf.eml'),
    ]);
    expect(await parseEmail(prefixed)).toEqual(plain);
  });

  it('uses the channel option', async () => {
    expect((await parseEmail(fixture('lf.eml'), { channel: 'web' })).channel).toBe('web');
  });

  it('returns null date for an unparseable Date header and null subject when absent', async () => {
    const message = await parseEmail('From: a@example.jp\nDate: someday soon\n\nhello\n');
    expect(message.date).toBeNull();
    expect(message.subject).toBeNull();
    expect(message.text).toBe('hello\n');
  });

  it('strips the angle brackets of Return-Path and treats <> as no address', async () => {
    expect((await parseEmail('Return-Path: < bounce@example.jp >\n\nx')).returnPath).toBe('bounce@example.jp');
    expect((await parseEmail('Return-Path: <>\n\nx')).returnPath).toBeNull();
  });

  it('decodes a base64 body padded on every line, with blanks, stray characters and a cut group', async () => {
    const text = '漏えいのお知らせ：パスワードを変更してください。';
    const bytes = Buffer.from(text);
    // Pieces of 7, 8 and the rest of the bytes: each encoded on its own, so each ends in padding.
    const lines = [bytes.subarray(0, 7), bytes.subarray(7, 15), bytes.subarray(15)].map((piece) => piece.toString('base64'));
    const body = [` ${lines[0]}\t`, `${lines[1]}!`, `${lines[2]}Q`].join('\r\n');
    const message = await parseEmail(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`);
    expect(message.text).toBe(text);
  });

  it('decodes a quoted-printable body with soft line breaks and keeps a 7bit body line by line', async () => {
    const qp = await parseEmail(
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E6=BC=8F=E3=81=88=\r\n=E3=81=84 a=3Db =ZZ\r\nend',
    );
    expect(qp.text).toBe('漏えい a=b =ZZ\nend\n');
    const plain = await parseEmail('Content-Type: text/plain\n\nfirst\r\nsecond\n\nthird\r\r\nlast');
    expect(plain.text).toBe('first\nsecond\n\nthird\nlast\n');
  });

  it('takes the text of an HTML-only mail from its HTML', async () => {
    const message = await parseEmail(
      'From: a@example.jp\nContent-Type: text/html; charset=utf-8\n\n<p>Hello <a href="https://x.example/">here</a></p>',
    );
    expect(message.text).toBe('Hello here');
    expect(message.htmlText).toBe('Hello here');
    expect(message.links).toEqual([{ href: 'https://x.example/', text: 'here', kind: 'anchor' }]);
  });
});

describe('parseEmail: attached messages', () => {
  it('parses an inline message/rfc822 part into text, links and attachments, not headers', async () => {
    const inner = [
      'From: "Bank" <alert@bank-example.top>',
      'Subject: inner subject',
      'Authentication-Results: inner.example; spf=pass smtp.mailfrom=bank-example.top',
      'Content-Type: multipart/mixed; boundary="in"',
      '',
      '--in',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<a href="https://bank-example.top/login">log in</a>',
      '--in',
      'Content-Type: application/octet-stream; name="tool.scr"',
      '',
      'x',
      '--in--',
    ].join('\r\n');
    const raw = [
      'From: helper@example.jp',
      'Subject: Fwd: look at this',
      'Content-Type: multipart/mixed; boundary="out"',
      '',
      '--out',
      'Content-Type: text/plain',
      '',
      'Is this real?',
      '--out',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--out--',
      '',
    ].join('\r\n');
    const message = await parseEmail(raw);
    expect(message.subject).toBe('Fwd: look at this');
    expect(message.text).toBe('Is this real?\n\nFrom: Bank <alert@bank-example.top>\nSubject: inner subject\n\nlog in');
    expect(message.links).toEqual([{ href: 'https://bank-example.top/login', text: 'log in', kind: 'anchor' }]);
    expect(message.attachments).toEqual([
      // postal-mime keeps the line break before the boundary as part of an 8-bit body.
      { name: 'tool.scr', mediaType: 'application/octet-stream', size: 2, flags: ['executable'] },
    ]);
    expect(message.authResults).toEqual([]);
  });

  it('keeps a message/rfc822 attachment (disposition attachment) as an attachment', async () => {
    const raw = [
      'From: a@example.jp',
      'Content-Type: multipart/mixed; boundary="out"',
      '',
      '--out',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="original.eml"',
      '',
      'Subject: inner',
      '',
      'inner body',
      '--out--',
    ].join('\r\n');
    const message = await parseEmail(raw);
    expect(message.attachments).toEqual([{ name: 'original.eml', mediaType: 'message/rfc822', size: 27, flags: [] }]);
    expect(message.text).toBe('');
  });
});

describe('parseEmail: attached message limits', () => {
  it(`parses attached messages ${MAX_MESSAGE_NESTING} deep and keeps deeper ones as attachments`, async () => {
    let raw = 'Subject: level 7\r\n\r\nbottom text\r\n';
    for (let level = 6; level >= 0; level--) {
      raw = [
        `Subject: level ${level}`,
        `Content-Type: multipart/mixed; boundary="L${level}"`,
        '',
        `--L${level}`,
        'Content-Type: message/rfc822',
        '',
        raw,
        `--L${level}--`,
        '',
      ].join('\r\n');
    }
    const message = await parseEmail(raw);
    expect(message.subject).toBe('level 0');
    expect(message.text).toContain(`Subject: level ${MAX_MESSAGE_NESTING}`);
    expect(message.text).not.toContain(`Subject: level ${MAX_MESSAGE_NESTING + 1}`);
    expect(message.text).not.toContain('bottom text');
    expect(message.attachments.map((a) => a.mediaType)).toEqual(['message/rfc822']);
    expect(message.skipped).toEqual([
      {
        limit: 'MAX_MESSAGE_NESTING',
        detail: `a message attached ${MAX_MESSAGE_NESTING + 1} levels deep was kept as an attachment, not parsed`,
      },
    ]);
  });

  it('applies the part limit inside a base64-encoded attached message', async () => {
    const parts = Array.from({ length: 50_000 }, () => '--b\r\n\r\nx\r\n').join('');
    const inner = `Subject: inner\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`;
    const encoded = (Buffer.from(inner).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
    const raw = [
      'Subject: outer',
      'Content-Type: multipart/mixed; boundary=o',
      '',
      '--o',
      'Content-Type: message/rfc822',
      'Content-Transfer-Encoding: base64',
      '',
      encoded,
      '--o--',
      '',
    ].join('\r\n');
    const started = performance.now();
    const message = await parseEmail(raw);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(message.subject).toBe('outer');
    expect(message.text).toContain('Subject: inner');
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_MIME_PARTS']);
  });
});

describe('parseEmail: limits and hostile input', () => {
  it(`parses a 100-level nested multipart down to depth ${MAX_MIME_DEPTH} and records the rest as skipped`, async () => {
    const started = performance.now();
    const message = await parseEmail(nestedMultipart(100));
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(message.subject).toBe('nested');
    expect(message.text).toBe('top text\n');
    expect(message.attachments).toEqual([
      { name: 'after.exe', mediaType: 'application/octet-stream', size: 12, flags: ['executable'] },
    ]);
    expect(message.skipped).toEqual([
      {
        limit: 'MAX_MIME_DEPTH',
        detail: `1 multipart part(s) nested more than ${MAX_MIME_DEPTH} levels deep were not parsed`,
      },
    ]);
  });

  it('parses nesting just within the limit completely', async () => {
    const message = await parseEmail(nestedMultipart(MAX_MIME_DEPTH - 1));
    expect(message.text).toBe('top text\n\ndeepest text\n');
    expect(message.skipped).toEqual([]);
  });

  it('survives 10,000 levels of nesting quickly', async () => {
    const started = performance.now();
    const message = await parseEmail(nestedMultipart(10_000));
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(message.text).toBe('top text\n');
    // 20,000 boundary lines also pass MAX_BOUNDARY_LINES, which cuts the tail.
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_MIME_DEPTH', 'MAX_BOUNDARY_LINES']);
  });

  it(`stops after ${MAX_MIME_PARTS} parts of a part-flooded message`, async () => {
    const parts = Array.from({ length: 100_000 }, (_, i) => `--b\r\n\r\npart ${i}\r\n`).join('');
    const raw = `From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`;
    const started = performance.now();
    const message = await parseEmail(raw);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(message.text.split('\n').filter((line) => line.startsWith('part '))).toHaveLength(MAX_MIME_PARTS);
    expect(message.skipped).toEqual([
      { limit: 'MAX_MIME_PARTS', detail: `MIME parts after the first ${MAX_MIME_PARTS} were not parsed (99500 more)` },
    ]);
  });

  it.each([
    ['a comment', 'multi(x)part/mixed; boundary=b'],
    ['an escape in quotes', '"multi\\part/mixed"; boundary=b'],
  ])('counts parts of a multipart type split by %s, as postal-mime reads it', async (_, contentType) => {
    const parts = Array.from({ length: 2_000 }, () => '--b\r\n\r\nx\r\n').join('');
    const message = await parseEmail(`Content-Type: ${contentType}\r\n\r\n${parts}--b--\r\n`);
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_MIME_PARTS']);
  });

  it('counts parts whose boundary uses RFC 2231 continuations', async () => {
    const parts = Array.from({ length: 2_000 }, () => '--bc\r\n\r\nx\r\n').join('');
    const raw = `Content-Type: multipart/mixed; boundary*0="b"; boundary*1="c"\r\n\r\n${parts}--bc--\r\n`;
    const message = await parseEmail(raw);
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_MIME_PARTS']);
  });

  it(`stops after ${MAX_BOUNDARY_LINES} lines starting with "--" whatever they are`, async () => {
    const raw = `Subject: dashes\r\n\r\n${'--- line\r\n'.repeat(MAX_BOUNDARY_LINES + 10)}tail\r\n`;
    const message = await parseEmail(raw);
    expect(message.text).not.toContain('tail');
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_BOUNDARY_LINES']);
  });

  it('keeps the headers when the header block is over MAX_HEADER_BYTES', async () => {
    const raw = `From: a@example.jp\r\nSubject: big\r\n${'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'.repeat(40_000)}\r\nbody`;
    const message = await parseEmail(raw);
    expect(message.subject).toBe('big');
    expect(message.from?.address).toBe('a@example.jp');
    expect(message.text).toBe('');
    expect(message.skipped.map((s) => s.limit)).toEqual(['MAX_HEADER_BYTES']);
  });

  it(`cuts a top-level header field at ${MAX_HEADER_FIELD_BYTES} bytes (2 MB of ":" in To: took 14 s)`, async () => {
    const raw = `From: a@example.jp\r\nTo: x${':'.repeat(2_000_000)}y\r\n folded@example.jp\r\nSubject: after\r\n\r\nbody`;
    const started = performance.now();
    const message = await parseEmail(raw);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(message.subject).toBe('after');
    expect(message.text).toBe('body\n');
    expect(message.skipped).toEqual([
      { limit: 'MAX_HEADER_FIELD_BYTES', detail: `the To header was cut at ${MAX_HEADER_FIELD_BYTES} bytes` },
    ]);
  });

  it('stays fast on long runs of syntax characters in every header that gets parsed', async () => {
    const runs = [' ', '(', '"', '<', '@', ',', ';', ':', '\\', '=?', '. '].map((c) => c.repeat(Math.ceil(300_000 / c.length)));
    for (const header of ['From', 'Reply-To', 'To', 'Return-Path', 'Subject', 'Content-Type', 'Authentication-Results', 'Date']) {
      for (const run of runs) {
        const raw = `${header}: a${run}b\r\nContent-Disposition: attachment; filename="x${run}y"\r\n\r\nbody`;
        const started = performance.now();
        await parseEmail(raw);
        expect(performance.now() - started, `${header}: ${run.slice(0, 2)}`).toBeLessThan(HANG_GUARD_MS);
      }
    }
  });

  it('never throws on garbage and returns a Message', async () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const message = await parseEmail(garbage);
    expect(message.channel).toBe('email');
    expect(Array.isArray(message.headers)).toBe(true);
    expect(await parseEmail('')).toMatchObject({ from: null, subject: null, text: '', headers: [] });
  });

  it('rejects input over MAX_INPUT_BYTES with InputTooLargeError in well under a second', async () => {
    const big = new Uint8Array(30 * 1024 * 1024);
    const started = performance.now();
    await expect(parseEmail(big)).rejects.toBeInstanceOf(InputTooLargeError);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    await expect(parseEmail(big)).rejects.toThrow(/too large: 30\.0 MB, the limit is 25\.0 MB/);
  });

  it('rejects a string over MAX_INPUT_BYTES in UTF-8 bytes, not characters', async () => {
    const threeByteChars = 'あ'.repeat(Math.floor(MAX_INPUT_BYTES / 3) + 1);
    const started = performance.now();
    await expect(parseEmail(threeByteChars)).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(parseEmail('a'.repeat(30 * 1024 * 1024))).rejects.toBeInstanceOf(InputTooLargeError);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });
});
