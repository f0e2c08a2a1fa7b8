// Inputs for test/core/signals/reasons.test.ts: for every reason code of
// data/reasons.json, one small message that triggers it and one "look-alike" that must
// not. For warning codes the look-alike is a genuine message as close to the trigger as
// possible (same brand, same words, but the official domain, no request, no password in
// the body …); for positive codes (severity 'positive') it is a scam that must not earn
// the reassuring reason.
//
// Emails are built by mail() below: a small RFC 822 message with CRLF line ends, UTF-8
// headers as RFC 2047 encoded words, and attachments as base64 parts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckInput } from '../../../src/core/check.js';

/** A CheckInput without its id (the test names it). */
export type Input = CheckInput extends infer T ? (T extends CheckInput ? Omit<T, 'id'> : never) : never;

export interface ReasonCase {
  /** Must produce the code. */
  triggers: Input;
  /** Must not produce the code. */
  lookalike: Input;
}

// ---------------------------------------------------------------------------
// Builders

/** The opening of a notice from NTT West about the 2023 leak, on record in data/registry. */
const NTT_NOTICE = '【NTT西日本】お客さま情報の漏えいについて、深くお詫び申し上げます。';

export const sms = (text: string): Input => ({ text, channel: 'sms' });
/** A note of a phone call, as a person writes down what was said. */
export const call = (text: string): Input => ({ text, channel: 'call' });
const letter = (text: string): Input => ({ text, channel: 'letter' });
/** A public page pasted as text (a police or bank warning). */
const web = (text: string): Input => ({ text, channel: 'web' });

const encodedWord = (value: string): string =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

export interface MailAttachment {
  name: string;
  type: string;
  content: Uint8Array;
}

export interface MailSpec {
  /** Display name (may be Japanese) and address. */
  from: [name: string, address: string];
  subject: string;
  /** text/plain body. */
  text?: string;
  /** text/html body (sent as multipart/alternative with `text` when both are given). */
  html?: string;
  /** Extra header lines, written before From ("Authentication-Results: …"). */
  headers?: string[];
  replyTo?: string;
  returnPath?: string;
  attachments?: MailAttachment[];
}

const base64Lines = (bytes: Uint8Array): string =>
  (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

function textPart(type: 'plain' | 'html', body: string): string {
  return [
    `Content-Type: text/${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(body, 'utf8')),
  ].join('\r\n');
}

/** A small RFC 822 email; channel 'email' (checkInput's default for eml). */
export function mail(spec: MailSpec): Input {
  const head: string[] = [];
  if (spec.returnPath !== undefined) head.push(`Return-Path: <${spec.returnPath}>`);
  head.push(...(spec.headers ?? []));
  head.push(`From: ${encodedWord(spec.from[0])} <${spec.from[1]}>`);
  if (spec.replyTo !== undefined) head.push(`Reply-To: ${spec.replyTo}`);
  head.push('To: reader@example.jp', `Subject: ${encodedWord(spec.subject)}`, 'Date: Mon, 2 Jun 2025 09:00:00 +0900');
  head.push('Message-ID: <test@example.jp>', 'MIME-Version: 1.0');

  const bodies: string[] = [];
  if (spec.text !== undefined) bodies.push(textPart('plain', spec.text));
  if (spec.html !== undefined) bodies.push(textPart('html', spec.html));
  let body = bodies.length === 1 ? bodies[0]! : `Content-Type: multipart/alternative; boundary="alt"\r\n\r\n${bodies.map((b) => `--alt\r\n${b}\r\n`).join('')}--alt--`;
  const attachments = spec.attachments ?? [];
  if (attachments.length > 0) {
    const parts = [body, ...attachments.map((a) => [
      `Content-Type: ${a.type}; name="${a.name}"`,
      `Content-Disposition: attachment; filename="${a.name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.content),
    ].join('\r\n'))];
    body = `Content-Type: multipart/mixed; boundary="mixed"\r\n\r\n${parts.map((p) => `--mixed\r\n${p}\r\n`).join('')}--mixed--`;
  }
  // `body` starts with its own Content-Type header line(s); join them to the head.
  return { eml: `${head.join('\r\n')}\r\n${body}\r\n` };
}

/** A weblog-update digest listing 28 sites, then `more` list items. */
function weblogDigest(more: string): Input {
  return mail({
    from: ['weblog updates', 'webmaster@weblog-updates.example'],
    subject: 'updated weblogs',
    html:
      '<p>Weblogs updated in the last hour:</p><ul>' +
      Array.from({ length: 28 }, (_, i) => `<li><a href="http://www.diary-${i}.example/">diary ${i}</a></li>`).join('') +
      `${more}</ul>`,
  });
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
/** A ZIP whose entry is encrypted with ZipCrypto (made by test/fixtures/mail/make-fixtures.ts). */
export const ENCRYPTED_ZIP: Uint8Array = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/mail/encrypted-zipcrypto.zip')));
/** A ZIP without encryption. */
export const PLAIN_ZIP: Uint8Array = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/mail/plain.zip')));
const PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = bytes(`MZ\x90\x00\x03\x00\x00\x00${'\x00'.repeat(56)}This program cannot be run in DOS mode.`);

// A sender, subject and body shared by the attachment cases: only the file differs.
const SAGAWA_FROM: [string, string] = ['佐川急便', 'info@sagawa-exp.co.jp'];
const withAttachment = (name: string, type: string, content: Uint8Array, text = 'お問い合わせの件について、添付の資料をご確認ください。'): Input =>
  mail({ from: ['山田 太郎', 'yamada@example.co.jp'], subject: '資料送付の件', text, attachments: [{ name, type, content }] });

/** Authentication-Results of the receiving server (topmost header). */
const authResults = (results: string): string => `Authentication-Results: mx.example.jp; ${results}`;

// ---------------------------------------------------------------------------
// Cases, by reason code

export const CASES: Record<string, ReasonCase> = {
  // --- links ---------------------------------------------------------------
  'link.none': {
    triggers: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは公式アプリでご確認いただけます。'),
    // A scam: the same words with a link.
    lookalike: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://sagawa-rxa.top/c でご確認いただけます。'),
  },
  'link.ip-host': {
    triggers: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは http://203.0.113.5/sagawa/c でご確認ください。'),
    lookalike: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://www.sagawa-exp.co.jp/ でご確認ください。'),
  },
  'link.userinfo': {
    triggers: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp@amazon-check.example/gp/css'),
    lookalike: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp/gp/css'),
  },
  'link.mixed-script': {
    // Cyrillic "а" (U+0430) in place of the Latin "a".
    triggers: sms('【Amazon】ご注文の確認はこちら https://www.\u0430mazon.co.jp/gp/css'),
    lookalike: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp/gp/css'),
  },
  'link.text-mismatch': {
    triggers: mail({
      from: ['Amazon.co.jp', 'shipment-tracking@amazon.co.jp'],
      subject: 'ご注文の確認',
      html: '<p>ご注文の確認はこちら: <a href="https://amazon-check.example/gp/css">https://www.amazon.co.jp/gp/css</a></p>',
    }),
    lookalike: mail({
      from: ['Amazon.co.jp', 'shipment-tracking@amazon.co.jp'],
      subject: 'ご注文の確認',
      html: '<p>ご注文の確認はこちら: <a href="https://www.amazon.co.jp/gp/css">https://www.amazon.co.jp/gp/css</a></p>',
    }),
  },
  'link.encoded-host': {
    triggers: mail({
      from: ['PayPal', 'service@paypal.com'],
      subject: 'Please confirm your account',
      html: '<p>Dear PayPal Member, please <a href="http://%77%77%77%2E%70%61%79%2D%63%68%65%63%6B%2E%65%78%61%6D%70%6C%65/login">log in here</a>.</p>',
    }),
    lookalike: mail({
      from: ['PayPal', 'service@paypal.com'],
      subject: 'Your monthly statement',
      html: '<p>Your statement is ready: <a href="https://www.paypal.com/myaccount/statements?period=2025%2D05">view it</a>.</p>',
    }),
  },
  'link.official-in-path': {
    // A phishing kit dropped on someone else's server, named after its target.
    triggers: sms('Your eBay account is on hold. Restore it at http://files.example.net/signin.ebay.com/ws/eBayISAPI.dll'),
    // The official name only in a query string, where share buttons and redirectors put it.
    lookalike: sms('Read our guide to buying safely: https://news.example.com/guides/safe-buying?source=www.ebay.com'),
  },
  'link.shortener': {
    triggers: sms('【Amazon】ご注文の確認はこちら https://bit.ly/3xAbCdE'),
    // Amazon's own shortener in a message that claims Amazon.
    lookalike: sms('【Amazon】ご注文の確認はこちら https://amzn.to/3xAbCdE'),
  },
  'link.not-official': {
    triggers: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://sagawa-rxa.top/c でご確認ください。'),
    lookalike: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://www.sagawa-exp.co.jp/ でご確認ください。'),
  },
  'link.official-as-subdomain': {
    triggers: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://sagawa-exp.co.jp.redeliver-jp.example/c でご確認ください。'),
    lookalike: sms('【佐川急便】お荷物のお届け日時が決まりました。詳しくは https://www2.sagawa-exp.co.jp/c でご確認ください。'),
  },
  'link.lookalike': {
    triggers: sms('お荷物のお届け日時が決まりました。詳しくは https://www.sagawa-exq.co.jp/ でご確認ください。'),
    lookalike: sms('お荷物のお届け日時が決まりました。詳しくは https://www.sagawa-exp.co.jp/ でご確認ください。'),
  },
  'link.resembles-brand': {
    // An English newsletter linking to a shop whose name is one letter from TEPCO's
    // ("tepco"): it never names TEPCO, so the domain pretends nothing.
    triggers: mail({
      from: ['Grocer Weekly', 'editor@grocerweekly.com'],
      subject: 'This week in grocery retail',
      text: 'Hello readers,\n\nThis week we compare loyalty schemes. Offers: https://www.tesco.ie/offers\n\nGrocer Weekly\n',
    }),
    // The same link in a mail that speaks for TEPCO is an imitation.
    lookalike: mail({
      from: ['東京電力エナジーパートナー', 'info@tesco.ie'],
      subject: '【東京電力】電気料金のお支払い確認',
      text: '東京電力エナジーパートナーです。電気料金のお支払いが確認できません。https://www.tesco.ie/pay からお手続きください。',
    }),
  },
  'link.brand-in-domain': {
    triggers: sms('ご注文の確認はこちら https://amazon-order-support.example/gp/css'),
    lookalike: sms('ご注文の確認はこちら https://www.amazon.co.jp/gp/css'),
  },
  'link.abused-tld': {
    triggers: sms('再配達のご依頼はこちら https://redeliver-info-center.top/re'),
    lookalike: sms('再配達のご依頼はこちら https://redeliver-info-center.jp/re'),
  },
  'link.credential-path': {
    triggers: sms('ご注文の確認はこちら https://order-check.example/login'),
    // The same path on the official domain.
    lookalike: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp/login'),
  },
  'link.all-official': {
    triggers: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp/gp/css'),
    // One official link, one not.
    lookalike: sms('【Amazon】ご注文の確認はこちら https://www.amazon.co.jp/gp/css 認証はこちら https://amazon-order-support.example/gp/css'),
  },

  // --- sender --------------------------------------------------------------
  'sender.not-official': {
    triggers: mail({ from: ['佐川急便', 'info@sagawa-notice.example'], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({ from: SAGAWA_FROM, subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },
  'sender.official': {
    triggers: mail({
      from: SAGAWA_FROM,
      headers: [authResults('dkim=pass header.d=sagawa-exp.co.jp; dmarc=pass header.from=sagawa-exp.co.jp')],
      subject: 'お届け予定のお知らせ',
      text: 'お荷物のお届け予定日をお知らせします。',
    }),
    // A scam from a customer mailbox on the carrier's domain: anyone with a docomo
    // phone has an address there.
    lookalike: mail({ from: ['NTTドコモ', 'docomo-info-2025@docomo.ne.jp'], subject: 'ご利用料金のお知らせ', text: 'ご利用料金のお知らせです。' }),
  },
  'sender.official-unverified': {
    // The official address, with nothing from the receiving server to vouch for it.
    triggers: mail({ from: SAGAWA_FROM, subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({
      from: SAGAWA_FROM,
      headers: [authResults('dkim=pass header.d=sagawa-exp.co.jp; dmarc=pass header.from=sagawa-exp.co.jp')],
      subject: 'お届け予定のお知らせ',
      text: 'お荷物のお届け予定日をお知らせします。',
    }),
  },
  'sender.freemail': {
    triggers: mail({ from: ['佐川急便', 'sagawa.info.center@gmail.com'], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({ from: SAGAWA_FROM, subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },
  'sender.lookalike': {
    triggers: mail({ from: ['Amazon.co.jp', 'order-update@amaz0n.co.jp'], subject: 'ご注文の確認', text: 'ご注文ありがとうございます。' }),
    lookalike: mail({ from: ['Amazon.co.jp', 'order-update@amazon.co.jp'], subject: 'ご注文の確認', text: 'ご注文ありがとうございます。' }),
  },
  'sender.resembles-brand': {
    triggers: mail({ from: ['Grocer Weekly', 'offers@tesco.ie'], subject: 'Weekly offers', text: 'Hello readers,\n\nThis week: fruit and vegetables at half price in every store.\n' }),
    lookalike: mail({ from: ['東京電力エナジーパートナー', 'info@tesco.ie'], subject: '電気料金のお知らせ', text: '東京電力エナジーパートナーです。今月の電気料金をお知らせします。' }),
  },
  'sender.brand-in-domain': {
    triggers: mail({ from: ['Amazon.co.jp', 'order-update@amazon-order-support.example'], subject: 'ご注文の確認', text: 'ご注文ありがとうございます。' }),
    lookalike: mail({ from: ['Amazon.co.jp', 'order-update@amazon.co.jp'], subject: 'ご注文の確認', text: 'ご注文ありがとうございます。' }),
  },
  'sender.random': {
    triggers: mail({ from: ['お知らせ', 'xk7q2vbn9@mail-notice.example'], subject: 'お知らせ', text: 'いつもご利用ありがとうございます。' }),
    lookalike: mail({ from: ['お知らせ', 'support2025@mail-notice.example'], subject: 'お知らせ', text: 'いつもご利用ありがとうございます。' }),
  },
  'sender.reply-to-elsewhere': {
    triggers: mail({ from: SAGAWA_FROM, replyTo: 'sagawa-help@gmail.com', subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    // Replies go to another host of the same domain.
    lookalike: mail({ from: SAGAWA_FROM, replyTo: 'support@help.sagawa-exp.co.jp', subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },
  'sender.return-path-elsewhere': {
    triggers: mail({ from: SAGAWA_FROM, returnPath: 'bounce-8812@bulk-mailer.example', subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({ from: SAGAWA_FROM, returnPath: 'bounce-8812@mail.sagawa-exp.co.jp', subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },

  // --- authentication results ------------------------------------------------
  'auth.dmarc-fail': {
    triggers: mail({ from: SAGAWA_FROM, headers: [authResults('dmarc=fail header.from=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({ from: SAGAWA_FROM, headers: [authResults('dmarc=pass header.from=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },
  'auth.reject-policy-failed': {
    // Sumitomo Mitsui Card says mail forging its domain is discarded; this one got
    // through with the receiving server recording no pass for it.
    triggers: mail({
      from: ['三井住友カード', 'info@smbc-card.com'],
      headers: [authResults('spf=softfail smtp.mailfrom=smbc-card.com; dkim=none')],
      subject: 'ご利用確認のお願い',
      text: 'お客さまのカードのご利用について確認させていただきたいお取引がございます。',
    }),
    lookalike: mail({
      from: ['三井住友カード', 'info@smbc-card.com'],
      headers: [authResults('spf=pass smtp.mailfrom=smbc-card.com; dkim=pass header.d=smbc-card.com; dmarc=pass header.from=smbc-card.com')],
      subject: 'ご利用確認のお願い',
      text: 'お客さまのカードのご利用について確認させていただきたいお取引がございます。',
    }),
  },
  'auth.dmarc-pass': {
    triggers: mail({ from: SAGAWA_FROM, headers: [authResults('dmarc=pass header.from=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    // The receiving server recorded a failure; a "pass" further down was written by the sender.
    lookalike: mail({
      from: SAGAWA_FROM,
      headers: [authResults('dmarc=fail header.from=sagawa-exp.co.jp'), 'Authentication-Results: forged.example; dmarc=pass header.from=sagawa-exp.co.jp'],
      subject: 'お届け予定のお知らせ',
      text: 'お荷物のお届け予定日をお知らせします。',
    }),
  },
  'auth.dkim-aligned': {
    triggers: mail({ from: SAGAWA_FROM, headers: [authResults('dkim=pass header.d=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    // A valid signature, but of another domain than the sender's.
    lookalike: mail({ from: SAGAWA_FROM, headers: [authResults('dkim=pass header.d=bulk-mailer.example')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },
  'auth.spf-fail': {
    triggers: mail({ from: SAGAWA_FROM, headers: [authResults('spf=fail smtp.mailfrom=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
    lookalike: mail({ from: SAGAWA_FROM, headers: [authResults('spf=pass smtp.mailfrom=sagawa-exp.co.jp')], subject: 'お届け予定のお知らせ', text: 'お荷物のお届け予定日をお知らせします。' }),
  },

  // --- phones ----------------------------------------------------------------
  'phone.international': {
    triggers: sms('【みずほ銀行】お取引の確認のため、+44 20 7946 0958 までご連絡ください。'),
    // The bank's own number written with the Japanese country code.
    lookalike: sms('【みずほ銀行】お取引の確認のため、+81 3-3211-9324 までご連絡ください。'),
  },
  'phone.premium': {
    triggers: sms('お問い合わせは 0990-50-1234 までお電話ください。'),
    lookalike: sms('お問い合わせは 0120-50-1234 までお電話ください。'),
  },
  'phone.official': {
    triggers: sms('【日本郵便】お荷物のお問い合わせは 0120-23-28-86 までお電話ください。'),
    lookalike: sms('【日本郵便】お荷物のお問い合わせは 0120-23-28-68 までお電話ください。'),
  },
  'phone.not-official': {
    triggers: sms('【日本郵便】お荷物のお問い合わせは 03-6555-1234 までお電話ください。'),
    lookalike: sms('【日本郵便】お荷物のお問い合わせは 0120-23-28-86 までお電話ください。'),
  },
  'phone.personal-line': {
    triggers: sms('【佐川急便】お荷物のお問い合わせは 090-1234-5678 までお電話ください。'),
    lookalike: sms('【佐川急便】お荷物のお問い合わせは 03-3211-5678 までお電話ください。'),
  },
  'phone.call-to-pay': {
    triggers: sms('【NTTファイナンス】未納料金があります。本日中に 03-6555-1234 までお電話ください。'),
    // The company's own enquiry number, and no demand. (With "ご利用料金" in it, the
    // same message gets phone.call-to-pay: see KNOWN_ISSUES.)
    lookalike: sms('【NTTファイナンス】請求内容は、会員サイトでご確認いただけます。お問い合わせは 0800-333-0030 まで。'),
  },

  // --- attachments -----------------------------------------------------------
  'attachment.executable': {
    triggers: withAttachment('請求書.exe', 'application/octet-stream', EXE),
    lookalike: withAttachment('請求書.pdf', 'application/pdf', PDF),
  },
  'attachment.script': {
    triggers: withAttachment('請求書.js', 'application/octet-stream', bytes('WScript.Echo("x");\n')),
    lookalike: withAttachment('請求書.json', 'application/json', bytes('{"x":1}\n')),
  },
  'attachment.shortcut': {
    triggers: withAttachment('請求書.lnk', 'application/octet-stream', bytes('L\x00\x00\x00\x01\x14\x02\x00')),
    lookalike: withAttachment('請求書.pdf', 'application/pdf', PDF),
  },
  'attachment.disk-image': {
    triggers: withAttachment('請求書.iso', 'application/octet-stream', bytes('\x00'.repeat(64))),
    lookalike: withAttachment('請求書.zip', 'application/zip', PLAIN_ZIP),
  },
  'attachment.html': {
    triggers: withAttachment('請求書.html', 'text/html', bytes('<html><body><form action="https://example.invalid/"></form></body></html>')),
    lookalike: withAttachment('請求書.txt', 'text/plain', bytes('invoice\n')),
  },
  'attachment.macro': {
    triggers: withAttachment('請求書.docm', 'application/vnd.ms-word.document.macroenabled.12', bytes('PK\x03\x04 word/vbaProject.bin')),
    lookalike: withAttachment('請求書.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes('PK\x03\x04 word/document.xml')),
  },
  'attachment.locked-with-password-in-body': {
    triggers: withAttachment('請求書.zip', 'application/zip', ENCRYPTED_ZIP, '添付の資料をご確認ください。解凍パスワード: 8Xk2pQ'),
    // The same locked file, with the password sent some other way and not mentioned.
    lookalike: withAttachment('請求書.zip', 'application/zip', ENCRYPTED_ZIP, '添付の資料をご確認ください。'),
  },

  // --- language --------------------------------------------------------------
  'lang.simplified-chinese': {
    triggers: sms('【Amazon】您的帐户已被锁定，请立即确认。'),
    lookalike: sms('【Amazon】お客様のアカウントはロックされています。ご確認ください。'),
  },
  'lang.translation-tell': {
    triggers: sms('お客様様 いつもご利用ありがとうございます。'),
    lookalike: sms('お客様 いつもご利用ありがとうございます。'),
  },
  'lang.mixed-script': {
    triggers: sms('\u0410mazonセキュリティチームからのお知らせです。'),
    lookalike: sms('Amazonセキュリティチームからのお知らせです。'),
  },
  'lang.spaced-word': {
    triggers: sms('A m a z o n セキュリティチームからのお知らせです。'),
    lookalike: sms('Amazon セキュリティチームからのお知らせです。'),
  },
  'sender.forged-mailer': {
    // Bulk software's made-up program name, new in every copy.
    triggers: mail({
      headers: ['X-Mailer: tQ7vLm2XpR9kWz'],
      from: ['Office Supplies', 'sales@office-supplies.example'],
      subject: 'Toner for every printer',
      text: 'Toner for every printer at wholesale prices.\n',
    }),
    // A shop's newsletter sent with its mailing service's name and version.
    lookalike: mail({
      headers: ['X-Mailer: ExchangeServer2019'],
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      subject: 'Summer sale',
      text: 'Our summer sale has started: https://www.northwind-outfitters.com/sale\n',
    }),
  },
  'ask.order-offline': {
    triggers: mail({
      from: ['Home Savings', 'offers@homesavings-direct.example'],
      subject: 'Lower your rate today',
      text: 'Rates have never been lower. To order, call 1-800-555-0142, or send a check or money order to our office.\n',
    }),
    // A shop that takes the order on its own site; and a friend's "I will call you later".
    lookalike: mail({
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      subject: 'Summer sale',
      text: 'Our summer sale has started. Order online at https://www.northwind-outfitters.com/sale - questions? We will call you back.\n',
    }),
  },
  'filler.random-letters': {
    // A bulk mailer's filler at the end, different in every copy.
    triggers: mail({
      from: ['Best Deals', 'deals@bestdeals-online.example'],
      subject: 'Printer cartridges at half price',
      text: 'Printer cartridges at half price this week only.\nhttp://www.bestdeals-online.example/ink\n\nwqzvkdpftnjxbrhsglmcuy\n',
    }),
    // Long words, and a long run of letters that is part of an address.
    lookalike: mail({
      from: ['Anna Weber', 'anna.weber@example.de'],
      subject: 'Internationalization notes',
      text: 'The internationalization and rechtswissenschaftlichem notes are at http://files.example.de/docs/internationalizationnotesdraft\n',
    }),
  },
  'lang.invisible': {
    triggers: sms('ア\u200bマ\u200bゾ\u200bンからのお知らせです。'),
    lookalike: sms('アマゾンからのお知らせです。'),
  },

  // --- lure families (phrases from data/lures.json) --------------------------
  'lure.credential-request': {
    triggers: sms('【三井住友カード】ご本人様確認のため、暗証番号を入力してください。'),
    lookalike: sms('【三井住友カード】当社から暗証番号をお尋ねすることはありません。'),
  },
  'lure.credential-request.weak': {
    triggers: sms('【三井住友カード】暗証番号の変更はアプリから行えます。'),
    lookalike: sms('【三井住友カード】各種変更はアプリから行えます。'),
  },
  'lure.card-request': {
    triggers: sms('【三井住友カード】ご本人様確認のため、カード番号を入力してください。'),
    lookalike: sms('【三井住友カード】当社からカード番号をお尋ねすることはありません。'),
  },
  'lure.card-request.weak': {
    triggers: sms('【三井住友カード】カード番号の確認方法はアプリでご案内しています。'),
    lookalike: sms('【三井住友カード】ご利用明細はアプリでご案内しています。'),
  },
  'lure.bank-request': {
    triggers: sms('【みずほ銀行】お取引確認のため、口座番号を入力してください。'),
    lookalike: sms('【みずほ銀行】当行から口座番号をお尋ねすることはありません。'),
  },
  'lure.bank-request.weak': {
    triggers: sms('【みずほ銀行】口座番号はアプリのホーム画面で確認できます。'),
    lookalike: sms('【みずほ銀行】残高はアプリのホーム画面で確認できます。'),
  },
  'lure.personal-data-request': {
    triggers: sms('【メルカリ】本人確認のため、運転免許証の写真を送ってください。'),
    lookalike: sms('【メルカリ】本人確認は、アプリから運転免許証をお手元にご用意のうえお進めください。'),
  },
  'lure.personal-data-request.weak': {
    triggers: sms('【メルカリ】本人確認は、アプリから運転免許証をお手元にご用意のうえお進めください。'),
    lookalike: sms('【メルカリ】本人確認は、アプリからお進めください。'),
  },
  'lure.payment-demand': {
    triggers: sms('【NTTファイナンス】未納料金があります。会員サイトでご確認ください。'),
    lookalike: sms('【NTTファイナンス】お支払いを確認いたしました。会員サイトでご確認ください。'),
  },
  'lure.payment-demand.weak': {
    triggers: sms('【NTTファイナンス】お支払いを確認いたしました。会員サイトでご確認ください。'),
    lookalike: sms('【NTTファイナンス】ご利用ありがとうございます。会員サイトでご確認ください。'),
  },
  'lure.gift-card-crypto': {
    triggers: sms('未納料金の支払いのため、コンビニでギフトカードを購入し、番号を送ってください。'),
    lookalike: sms('【Amazon】ギフトカードの残高はアカウントサービスでご確認いただけます。'),
  },
  'lure.gift-card-crypto.weak': {
    triggers: sms('【Amazon】ギフトカードの残高はアカウントサービスでご確認いただけます。'),
    lookalike: sms('【Amazon】残高はアカウントサービスでご確認いただけます。'),
  },
  'lure.urgency-threat': {
    triggers: sms('【NTTファイナンス】ご連絡がない場合は法的措置を取らせていただきます。'),
    lookalike: sms('【NTTファイナンス】期限までにお手続きをお願いいたします。'),
  },
  'lure.urgency-threat.weak': {
    triggers: sms('【NTTファイナンス】期限までにお手続きをお願いいたします。'),
    lookalike: sms('【NTTファイナンス】お手すきの際にお手続きをお願いいたします。'),
  },
  'lure.account-problem': {
    triggers: sms('【楽天】お客様のアカウントで異常なログインを検知しました。'),
    lookalike: sms('【楽天】不審なログインにご注意ください。'),
  },
  'lure.account-problem.weak': {
    triggers: sms('【楽天】不審なログインがありました。'),
    lookalike: sms('【楽天】ログインの際はご注意ください。'),
  },
  'lure.delivery-failure': {
    triggers: sms('【佐川急便】お荷物のお届けにあがりましたが不在のため持ち帰りました。'),
    lookalike: sms('【佐川急便】お荷物をお届けしました。'),
  },
  'lure.delivery-failure.weak': {
    triggers: sms('【佐川急便】お荷物をお届けしました。'),
    lookalike: sms('【佐川急便】ご利用ありがとうございました。'),
  },
  'lure.refund-benefit-prize': {
    triggers: sms('【税務署】還付金の手続きがお済みでないため、ご案内いたします。'),
    // A genuine warning: it names the word, it does not offer the money.
    lookalike: sms('【税務署】還付金詐欺にご注意ください。'),
  },
  'lure.refund-benefit-prize.weak': {
    triggers: sms('【税務署】還付金についてのお知らせです。'),
    lookalike: sms('【税務署】詐欺にご注意ください。'),
  },
  'lure.atm-refund': {
    triggers: sms('【市役所】医療費の還付金があります。本日中に携帯電話を持ってATMへ行ってください。'),
    // A warning that names the trick describes it; it does not send anyone to an ATM.
    lookalike: sms('【市役所】「ATMで還付金が受け取れる」という電話は詐欺です。ご注意ください。'),
  },
  'lure.atm-refund.weak': {
    triggers: sms('【ゆうちょ銀行】年末年始のATMのご利用時間についてお知らせします。'),
    lookalike: sms('【ゆうちょ銀行】年末年始の窓口のご利用時間についてお知らせします。'),
  },
  'lure.app-install': {
    triggers: sms('【ドコモ】セキュリティ強化のため、構成プロファイルをインストールしてください。'),
    lookalike: sms('【ドコモ】セキュリティ強化のため、公式ストアからアプリをインストールしてください。'),
  },
  'lure.app-install.weak': {
    triggers: sms('【ドコモ】セキュリティ強化のため、公式ストアからアプリをインストールしてください。'),
    lookalike: sms('【ドコモ】セキュリティ強化のため、端末の設定をご確認ください。'),
  },
  'lure.remote-access': {
    triggers: sms('【マイクロソフト】お使いのパソコンを遠隔操作で修理します。'),
    lookalike: sms('【マイクロソフト】リモートサポートサービスのご案内です。'),
  },
  'lure.remote-access.weak': {
    triggers: sms('【マイクロソフト】リモートサポートサービスのご案内です。'),
    lookalike: sms('【マイクロソフト】サポートサービスのご案内です。'),
  },
  'lure.contact-me': {
    triggers: sms('【重要】お受け取りの手続きはLINEで友だち追加してください。'),
    lookalike: sms('【楽天】楽天の公式アカウントを友だち追加いただくと、お得な情報が届きます。'),
  },
  'lure.contact-me.weak': {
    triggers: sms('【楽天】楽天の公式アカウントを友だち追加いただくと、お得な情報が届きます。'),
    lookalike: sms('【楽天】楽天の公式アカウントをフォローいただくと、お得な情報が届きます。'),
  },
  'lure.data-deletion-offer': {
    triggers: sms('【国民生活センター】あなたの個人情報が流出しています。個人情報を削除するには手続きが必要です。'),
    lookalike: sms('【国民生活センター】個人情報の削除を持ちかける電話にご注意ください。'),
  },
  'lure.data-deletion-offer.weak': {
    triggers: sms('【国民生活センター】個人情報の削除についてのお知らせです。'),
    lookalike: sms('【国民生活センター】個人情報の取り扱いにご注意ください。'),
  },
  'lure.countermeasure-fee': {
    triggers: sms('情報流出の対策費として3万円をお支払いください。'),
    lookalike: sms('当社は流出対策を強化してまいります。'),
  },
  'lure.countermeasure-fee.weak': {
    triggers: sms('当社は流出対策を強化してまいります。'),
    lookalike: sms('当社は再発防止策を強化してまいります。'),
  },
  'lure.fake-compensation': {
    triggers: sms('【NTT西日本】情報流出のお詫び金の受け取り手続きをお願いいたします。'),
    lookalike: sms('【NTT西日本】当社からお詫び金をお送りすることはございません。'),
  },
  'lure.fake-compensation.weak': {
    triggers: sms('【NTT西日本】お詫び金について、当社ホームページでご案内しています。'),
    lookalike: sms('【NTT西日本】本件について、当社ホームページでご案内しています。'),
  },

  // --- model -----------------------------------------------------------------
  // The English-trained text model: bulk-mail wording against a message from the same
  // sender about ordinary business. (model.spam-possible, a narrow probability band, is
  // tested on its own in model-findings.test.ts.)
  'model.spam-likely': {
    triggers: mail({
      from: ['Best Deals', 'offers@deals-mailer.example'],
      subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
      text: 'Dear Friend,\n\nAct now! Order our amazing herbal diet pills today and get a FREE bottle. Click here to order: http://www.deals-mailer.example/diet\n\nTo be removed from our mailing list, click here. This is a one time mailing.\n',
    }),
    lookalike: mail({
      from: ['Best Deals', 'offers@deals-mailer.example'],
      subject: 'Minutes of the weekly diet study meeting',
      text: 'Hi all,\n\nAttached are the minutes from Tuesday. We agreed to run the next trial in March and to share the results on the list.\n\nThanks,\nAnna\n',
    }),
  },
  'model.too-little-text': {
    // Three words are no wording to judge; a sentence is.
    triggers: mail({ from: ['Anna Smith', 'anna@lists.example.org'], subject: 'hi', text: 'See you\n' }),
    lookalike: mail({
      from: ['Anna Smith', 'anna@lists.example.org'],
      subject: 'hi',
      text: 'See you soon at the station, I will bring the tickets for the concert.\n',
    }),
  },
  'model.ham-likely': {
    triggers: mail({
      from: ['Anna Smith', 'anna@lists.example.org'],
      subject: 'Re: patch for the build script',
      text: 'Hi Bob,\n\nI tried your patch on my machine and the build works now. I think we should also update the README before the release. Can you send a new version?\n\nThanks,\nAnna\n',
    }),
    lookalike: mail({
      from: ['Anna Smith', 'anna@lists.example.org'],
      subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
      text: 'Dear Friend,\n\nAct now! Order our amazing herbal diet pills today and get a FREE bottle. Click here to order: http://www.deals-mailer.example/diet\n\nTo be removed from our mailing list, click here. This is a one time mailing.\n',
    }),
  },

  // --- content ---------------------------------------------------------------
  'content.asks-nothing': {
    triggers: sms('【佐川急便】お荷物のお届け日時が決まりました。'),
    // No link, no attachment, but asks for the PIN.
    lookalike: sms('【三井住友カード】ご本人様確認のため、暗証番号を教えてください。'),
  },
  'content.says-nothing-needed': {
    triggers: sms('【NTT西日本】本件について、お客さまのお手続きの必要はありません。'),
    lookalike: sms('【NTT西日本】本件について、お客さまのお手続きが必要です。'),
  },
  'content.breach-notice': {
    triggers: sms('【NTT西日本】お客さま情報の漏えいについて、深くお詫び申し上げます。'),
    // An apology that is not about a leak.
    lookalike: sms('【佐川急便】配達の遅れについて、深くお詫び申し上げます。'),
  },

  // --- incident (the notice compared with the NTT Business Solutions 2023 record) ---
  'incident.consistent': {
    triggers: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、電話番号です。クレジットカード情報は含まれておりません。`),
    lookalike: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、電話番号、クレジットカード番号です。`),
  },
  'incident.data-not-exposed': {
    triggers: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、クレジットカード番号です。`),
    lookalike: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所です。クレジットカード番号は含まれておりません。`),
  },
  'incident.data-not-on-record': {
    triggers: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、運転免許証の番号です。`),
    lookalike: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、生年月日です。`),
  },
  'incident.data-denied-but-leaked': {
    triggers: sms(`${NTT_NOTICE}漏えいした情報は氏名です。住所や電話番号は含まれておりません。`),
    lookalike: sms(`${NTT_NOTICE}漏えいした情報は氏名、住所、電話番号です。パスワードは含まれておりません。`),
  },
  'incident.asks-for': {
    triggers: sms(`${NTT_NOTICE}ご本人確認のため、生年月日とメールアドレスをご入力ください。`),
    lookalike: sms(`${NTT_NOTICE}漏えいした情報は生年月日とメールアドレスです。`),
  },
  'incident.phone-not-on-record': {
    triggers: sms(`${NTT_NOTICE}ご不明な点は 0120-123-456 までお問い合わせください。`),
    lookalike: sms(`${NTT_NOTICE}ご不明な点は当社ホームページに記載の窓口までお問い合わせください。`),
  },
  'incident.link-not-official': {
    triggers: sms(`${NTT_NOTICE}詳しくは https://ntt-west-info.example/leak をご覧ください。`),
    lookalike: sms(`${NTT_NOTICE}詳しくは https://www.ntt-west.co.jp/news/ をご覧ください。`),
  },
  'incident.sender-not-official': {
    triggers: mail({ from: ['NTT西日本', 'info@ntt-west-support.example'], subject: 'お客さま情報の漏えいについてのお詫び', text: NTT_NOTICE }),
    lookalike: mail({ from: ['NTT西日本', 'info@ntt-west.co.jp'], subject: 'お客さま情報の漏えいについてのお詫び', text: NTT_NOTICE }),
  },
  'incident.date-mismatch': {
    triggers: sms(`${NTT_NOTICE}本件は2023年11月1日に当社ホームページで公表いたしました。`),
    lookalike: sms(`${NTT_NOTICE}本件は2023年10月17日に当社ホームページで公表いたしました。`),
  },
  'incident.none-on-record': {
    triggers: sms('【ヤマト運輸】お客さま情報の漏えいについて、深くお詫び申し上げます。'),
    lookalike: sms(NTT_NOTICE),
  },
  // --- requests: what the message asks the reader to do ----------------------
  'request.pay': {
    triggers: call('市役所の者だと言う人から、未払いの保険料があるので今日中に指定の口座へ振り込んでほしいと言われた。'),
    // A bank's own reassurance names the same act only to deny it.
    lookalike: sms('【みずほ銀行】当行の職員が、お電話でお振り込みをお願いすることはございません。'),
  },
  'request.pay-for-order': {
    triggers: mail({
      from: ['ひので書房オンラインストア', 'order@hinode-shobo.example'],
      subject: '【ひので書房】ご注文ありがとうございます',
      text: 'ご注文ありがとうございます。お支払い方法：コンビニ払い。払込番号で、お近くのコンビニにて9月25日までにお支払いください。ご入金を確認後、商品を発送いたします。',
    }),
    // The same thanks before a bill said to be unpaid is a demand for money, not an order's price.
    lookalike: mail({
      from: ['ひので書房オンラインストア', 'order@hinode-shobo.example'],
      subject: '【ひので書房】ご注文ありがとうございます',
      text: 'ご注文ありがとうございます。ご注文の代金が未払いです。本日中にコンビニでお支払いください。',
    }),
  },
  'request.buy-gift-card': {
    triggers: sms('未納料金のお支払いは、コンビニでｱﾏｿﾞﾝｷﾞﾌﾄを購入し、カード裏の番号を返信してください。'),
    lookalike: web('コンビニで電子マネーを買うよう求める電話は詐欺です。店員にご相談ください。'),
  },
  'request.hand-over': {
    triggers: call('銀行協会の者です。古いキャッシュカードは使えなくなるので、これから職員がご自宅に取りに伺います。'),
    lookalike: letter('新しいキャッシュカードを同封いたしました。古いカードははさみを入れて処分してください。'),
  },
  'request.tell-secret': {
    triggers: call('警察の者ですと電話があり、確認のため暗証番号を教えてほしいと言われました。'),
    lookalike: sms('【三井住友銀行】当行が暗証番号をお聞きすることは一切ございません。'),
  },
  'request.tell-bank': {
    triggers: call('年金事務所の職員と名乗る人に、電話で銀行の口座番号を聞かれた。'),
    lookalike: letter('還付金は、ご申告いただいた口座へ振り込まれます。お手続きは不要です。'),
  },
  'request.tell-personal': {
    triggers: call('通信会社を名乗る人から電話があり、生年月日と住所を教えてくださいと言われた。'),
    lookalike: web('住所や生年月日を聞き出そうとする電話に注意しましょう。'),
  },
  'request.go-to-atm': {
    triggers: call('医療費の還付金があります。お近くのＡＴＭで受け取りの手続きができますので、着いたらお電話ください。'),
    lookalike: letter('還付金は指定の口座に振り込みます。ATMでのお手続きは必要ありません。'),
  },
  'request.remote-access': {
    triggers: sms('パソコンの修理のため、サポート担当が遠隔操作を行います。AnyDeskをインストールしてください。'),
    lookalike: sms('当社のサポートが遠隔操作を求めることはありません。'),
  },
  'request.install-app': {
    triggers: sms('お荷物の配達状況は、専用アプリをインストールしてご確認ください。'),
    lookalike: sms('偽アプリをインストールしてしまった場合は、アンインストールしましょう。'),
  },
  'request.add-line': {
    triggers: sms('被害金の返還手続きのため、下記のLINE IDを友だち追加してください。'),
    lookalike: sms('LINEの友だち追加を求めるメッセージにご注意ください。'),
  },
  'request.press-button': {
    triggers: call('自動音声で「重要なお知らせです。オペレーターにおつなぎしますので1番を押してください」と流れた。'),
    lookalike: call('宅配業者から再配達の日時を確認する電話があった。'),
  },
  'request.update-account': {
    triggers: sms('【楽天】お客様のアカウント情報の更新が必要です。'),
    lookalike: sms('【楽天】お客様のアカウント情報は更新されました。'),
  },
  'request.call': {
    triggers: sms('ご利用料金について至急ご連絡ください。'),
    lookalike: sms('ご利用料金についてのお知らせです。'),
  },
  'request.follow-link': {
    // The link was removed (as pages quoting a scam do): it still points the way.
    triggers: sms('お荷物の配達状況は下記よりご確認ください'),
    lookalike: sms('お荷物の配達状況は公式アプリでご確認いただけます。'),
  },
  'request.reply': {
    triggers: sms('ご本人確認のため、このメッセージにご返信ください。'),
    lookalike: sms('このメッセージは送信専用です。ご返信いただいてもお答えできません。'),
  },
  'request.risky-means': {
    triggers: call('削除手数料は、宅配便で現金を送ってほしいと言われた。'),
    lookalike: letter('手数料は、お客様の口座から引き落としいたします。'),
  },
  'request.under-pretext': {
    triggers: sms('お客様の口座は凍結されています。下記よりご確認ください。'),
    lookalike: sms('お客様の口座の残高は下記よりご確認いただけます。ご利用ありがとうございます。'),
  },
  'request.in-the-name-of': {
    triggers: sms('【三井住友銀行】お客様の口座は凍結されています。下記よりご確認ください。'),
    // The same bank pointing to its own app, with no pretext.
    lookalike: sms('【三井住友銀行】新しいアプリの使い方は下記よりご確認ください。'),
  },
  'call.opens-with-pretext': {
    triggers: call('電話がかかってきて、あなたの携帯電話の料金が未納になっていると言われた。'),
    lookalike: letter('この度、お客様の携帯電話のご利用料金が未納となっております。お支払いは同封の払込票でお願いいたします。'),
  },
  'call.claims-authority': {
    triggers: call('「こちら警視庁捜査二課のタナカと申します」と電話があった。'),
    lookalike: letter('当社は警察と連携し、原因の調査を進めております。'),
  },

  // --- Japan's scam patterns (data/scam-patterns.json) -------------------------
  'pattern.fake-police': {
    triggers: call('警察官を名乗る男から、詐欺グループを逮捕したらあなた名義のキャッシュカードが見つかったと電話があった。'),
    lookalike: web('警察官をかたり「あなたのキャッシュカードが犯罪に使われた」などと言う電話は詐欺です。'),
  },
  'pattern.card-collection': {
    triggers: call('銀行の者です。キャッシュカードの交換が必要なので、係の者がご自宅に伺います。'),
    lookalike: letter('キャッシュカードの再発行は、お近くの店舗の窓口でお手続きください。'),
  },
  'pattern.refund-by-phone': {
    triggers: call('区役所の保険課の者です。医療費の還付金がありますので、キャッシュカードをお持ちください。'),
    lookalike: letter('還付金のお知らせ：申告内容に基づき、所得税の還付金を指定の口座へ振り込みました。'),
  },
  'pattern.fake-billing': {
    triggers: sms('有料サイトの未納料金があります。本日中にお支払いがない場合、法的手続きに移行します。'),
    lookalike: sms('【NTTドコモ】ご利用料金のお支払いを確認しました。ありがとうございました。'),
  },
  'pattern.lawsuit-notice': {
    triggers: letter('民事訴訟最終告知のお知らせ\n訴状が提出されました。取り下げのご相談は、下記までご連絡ください。'),
    lookalike: letter('裁判員候補者名簿への記載のお知らせ\n詳しくは同封の資料をご覧ください。'),
  },
  'pattern.billing-callback': {
    triggers: sms('ご利用料金の未払いがあります。本日中に03-1234-5678までご連絡ください。'),
    lookalike: sms('ご利用料金の明細を更新しました。'),
  },
  'pattern.line-cut': {
    triggers: call('総務省を名乗る自動音声で「2時間後にお使いの電話が使えなくなります」と言われた。'),
    lookalike: letter('電気設備の点検のため、12月10日の午前中に停電します。ご迷惑をおかけします。'),
  },
  'pattern.automated-voice': {
    triggers: call('留守電に自動音声で「未納料金があります。詳しくは9番を押してください」と入っていた。'),
    lookalike: call('病院から予約の確認で自動音声の電話がかかってきた。'),
  },
  'pattern.data-deletion': {
    triggers: call('あなたの個人情報が漏れているので、今なら削除できますと電話で言われた。'),
    lookalike: letter('誤って送信したメールは、送信先に削除を依頼し、削除されたことを確認いたしました。'),
  },
  'pattern.leak-followup': {
    triggers: call('国民生活センターを名乗る男性から「あなたの個人情報が漏れています」と電話があった。'),
    lookalike: letter('この度、当社の委託先からお客様の個人情報が漏えいいたしました。深くお詫び申し上げます。'),
  },
  'pattern.recovery': {
    triggers: sms('投資詐欺の被害金を取り戻します。登録料3万円を下記口座へお振込みください。'),
    lookalike: letter('漏えいによる損害の補償については、担当窓口にて個別にご説明いたします。'),
  },
  'pattern.relative-money': {
    triggers: call('息子を名乗る男から、会社の金を使い込んだので今日中に300万円用意してほしいと電話があった。'),
    lookalike: call('息子から電話があり、年末は家族で帰省すると言っていた。'),
  },
  'pattern.relative-precursor': {
    triggers: call('息子だという男から「風邪で声がおかしい。携帯を落としたので番号が変わった」と電話があった。'),
    lookalike: sms('【ドコモ】携帯電話の機種変更のお手続きが完了しました。'),
  },
  'pattern.secrecy': {
    triggers: call('この件は守秘義務があるので、ご家族にも誰にも言わないでくださいと言われた。'),
    lookalike: letter('お客様の情報は、法令に基づき厳重に管理しております。'),
  },
  'pattern.loan-fee': {
    triggers: sms('ご融資が決定しました。保証金5万円のお振込みが確認でき次第、融資を実行します。'),
    lookalike: letter('住宅ローンのお借り入れについて、金利の見直しのお知らせです。'),
  },
  'pattern.investment': {
    triggers: sms('必ず儲かる未公開株の投資です。まずは10万円を振り込んでください。'),
    lookalike: letter('投資信託の運用報告書をお送りします。'),
  },
  'pattern.tech-support': {
    triggers: web('ウイルスに感染しました。マイクロソフトのサポートセンターに今すぐ電話してください。'),
    lookalike: web('ウイルス対策ソフトの更新が完了しました。'),
  },
  'pattern.crime-involvement': {
    triggers: call('男の声で、あなた名義の口座が事件で押収された通帳の中にあったと言われた。'),
    lookalike: call('銀行の支店から、口座振替の手続きが完了したと電話があった。'),
  },
  'pattern.press-key': {
    triggers: call('電話に出ると「オペレーターにおつなぎします。1を押してください」という音声だった。'),
    lookalike: call('電話に出ると、近所の人から回覧板のことで相談があった。'),
  },
  'pattern.delivery-smishing': {
    triggers: sms('お荷物をお届けに上がりましたが不在のため持ち帰りました。こちらからご確認ください。'),
    lookalike: sms('お荷物を宅配ボックスにお届けしました。ご利用ありがとうございました。'),
  },
  'pattern.lawsuit-against-you': {
    triggers: letter('貴殿に対し、民事訴訟の訴状が提出されました。'),
    lookalike: letter('当社は、本件に関する訴訟の動向について、今後もホームページでお知らせいたします。'),
  },
  'pattern.undelivered-sms': {
    triggers: sms('お荷物をお届けに伺いましたが、ご不在のため持ち帰りました。'),
    lookalike: sms('お荷物は本日お届け予定です。'),
  },
  'pattern.leak-call': {
    triggers: call('「あなたのクレジットカードの情報が漏れています」という電話があった。'),
    lookalike: letter('お客様の個人情報が漏えいしたおそれがあります。深くお詫び申し上げます。'),
  },
  'pattern.refund-call': {
    triggers: call('市役所の保険年金課の者です。医療費の払い戻しがあるのでお電話しました。'),
    lookalike: letter('医療費の払い戻しについて、申請書を同封しました。ご記入のうえ返送してください。'),
  },
  'pattern.ceo-chat-group': {
    triggers: { text: '業務の都合により、至急LINEグループを作成し、QRコードをこのメールに返信してください。', channel: 'email' },
    lookalike: { text: '同窓会のLINEグループを作りました。よかったら参加してください。', channel: 'email' },
  },
  'pattern.account-check': {
    triggers: sms('【Amazon】お支払い方法に問題があるため、アカウントを一時停止しました。以下のリンクから情報を更新してください。'),
    lookalike: sms('【Amazon】お支払い方法の変更を受け付けました。'),
  },
};

// ---------------------------------------------------------------------------
// Known issues: look-alikes (and triggers) the modules get wrong today. They are not
// asserted (reasons.test.ts lists them as skipped tests); each says what was expected
// and what came out when it was written. When a module is fixed, move the input into
// CASES (or keep it here as a second look-alike) and delete the entry.

export interface KnownIssue {
  code: string;
  side: 'triggers' | 'lookalike';
  input: Input;
  /** What should happen, and what the checker did when the case was found. */
  expected: string;
  actual: string;
}

/** Close calls found after the cases above were written, fixed since: asserted. */
export const MORE_LOOKALIKES: KnownIssue[] = [
  {
    code: 'request.risky-means',
    side: 'lookalike',
    input: letter('固定資産税・都市計画税 第3期分の納期限は12月25日です。同封の納付書で、金融機関またはコンビニエンスストアで納めてください。○○市役所 納税課'),
    expected: 'no request.risky-means: a tax office, a utility or a shop\'s payment slip is paid at a convenience store every day',
    actual: 'request.risky-means (+20): a convenience store counted as a means no genuine organization uses',
  },
  {
    code: 'attachment.shortcut',
    side: 'lookalike',
    input: withAttachment(
      '記事.url',
      'application/octet-stream',
      bytes('[InternetShortcut]\r\nURL=https://www.example.org/articles/2025/saving.html\r\nModified=E0824ED43364C201DE\r\n'),
      '先日話した記事です。リンクを添付します。',
    ),
    expected: 'no attachment.shortcut: an Internet Shortcut that only opens a web page is a link saved as a file',
    actual: 'attachment.shortcut (+60, risk high) on a genuine mail of easy-ham-1 that sent an article this way',
  },
  {
    code: 'link.not-official',
    side: 'triggers',
    input: mail({
      from: ['楽天カード', 'info@rakuten-card-notice.top'],
      subject: '【楽天カード】ご利用確認のお願い',
      text: '【楽天カード】カードのご利用を一時的に制限しました。添付のショートカットからご確認ください。',
      attachments: [{ name: 'ご利用確認.url', type: 'application/octet-stream', content: bytes('[InternetShortcut]\r\nURL=https://rakuten-card-check.top/login\r\n') }],
    }),
    expected: 'link.not-official: the web page a shortcut attachment opens is judged with the message\'s links',
    actual: 'written with the reading of web shortcuts, which before only counted as attachment.shortcut',
  },
  {
    code: 'lure.credential-request',
    side: 'triggers',
    input: mail({
      from: ['Example Savings Bank', 'alerts@examplesavingsbank.com'],
      subject: 'Online banking notice',
      text: 'Dear customer,\n\nPlease confirm your account information within 24 hours or your access will be limited.\n',
    }),
    expected: 'lure.credential-request: "confirm your account information" is how English phishing asks for the log-in it will collect',
    actual: 'only lure.urgency-threat.weak: English asks to verify, confirm or restore account details were not read (265 of the 382 mails of the Nazario development half carry one, none of the genuine development mail)',
  },
  {
    code: 'lure.credential-request',
    side: 'lookalike',
    input: mail({
      from: ['Example Savings Bank', 'alerts@examplesavingsbank.com'],
      subject: 'Protect yourself from phishing',
      text: 'We will never ask you to confirm your account information by email.\n',
    }),
    expected: 'no lure.credential-request: a bank saying it never asks for this',
    actual: 'none (asserted beside the trigger above)',
  },
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['Daily Tech Brief', 'newsletter@dailytechbrief.com'],
      subject: 'Daily Tech Brief: chips, clouds and phones',
      html: '<p><a href="http://click.mailvendor-mx.net/t/4b21?u=7">Shopper.example.com: the week\'s best laptop deals</a></p>',
    }),
    expected: 'no link.text-mismatch: a headline that mentions a site is a label, not an address the reader is shown',
    actual: 'link.text-mismatch (+40): any domain inside the link text counted (30 of the 110 genuine commercial mails of hard-ham-1\'s development half)',
  },
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['BrightMart', 'deals@newsletter.brightmart-news.com'],
      subject: 'Partner offers this week',
      html: '<p>Camping gear from our partner: <a href="http://click.brightmart-news.com/c?q=8f3a9c">www.partner-outdoor.com</a></p>',
    }),
    expected: "no link.text-mismatch: a partner's address shown over the sender's own click counter",
    actual: 'link.text-mismatch (+40), risk medium',
  },
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      headers: [authResults('dkim=pass header.d=northwind-outfitters.com; dmarc=pass header.from=northwind-outfitters.com')],
      subject: 'Spring sale: 30% off jackets',
      html: '<p>Shop the sale at <a href="http://click.mailvendor-mx.net/t/8f3a9c2e?u=1">www.northwind-outfitters.com</a></p>',
    }),
    expected: "no link.text-mismatch: a shop the receiving server vouched for, showing its own address over its mail provider's click counter",
    actual: 'link.text-mismatch (+40), risk medium',
  },
  {
    code: 'link.text-mismatch',
    side: 'triggers',
    input: mail({
      from: ['Example Savings Bank', 'alerts@examplesavingsbank.com'],
      subject: 'Please confirm your online banking details',
      html: '<p>Sign in to confirm: <a href="http://secure-update-centre.com/esb/">https://online.examplesavingsbank.com/login</a></p>',
    }),
    expected: 'link.text-mismatch: a bank not on record, its full address shown over a link to another site',
    actual: 'link.text-mismatch (kept when the rule was narrowed to addresses shown as the whole link text)',
  },
  {
    code: 'link.not-official',
    side: 'lookalike',
    input: mail({
      from: ['WinTips Weekly', 'editor@wintipsweekly.com'],
      subject: 'WinTips Weekly: patch your media player',
      html:
        '<p>Microsoft explains the fix at <a href="http://support.microsoft.com/kb/323255">http://support.microsoft.com/kb/323255</a>.</p>' +
        '<p>Past issues: <a href="http://www.wintipsweekly.com/archive">our archive</a></p>',
    }),
    expected: 'no link.not-official: a newsletter citing microsoft.com with a link to that very site does not claim to be Microsoft',
    actual: 'link.not-official[wintipsweekly.com] (+40): an official address in a link text counted as a claim even when the link went there',
  },
  {
    code: 'sender.random',
    side: 'lookalike',
    input: mail({ from: ['BrightMart', 'bounce#3.19584.83-p1SYlJ1blFvQjRRR.1@newsletter.brightmart-news.com'], subject: 'Partner offers', text: 'Partner offers this week, at half price.' }),
    expected: 'no sender.random: a mailing program writes message ids into its bounce addresses between separators',
    actual: 'sender.random (+10) on 24 of the 110 genuine commercial mails of hard-ham-1\'s development half',
  },
  {
    code: 'link.brand-in-domain',
    side: 'lookalike',
    input: sms('新しいカメラのレビューはこちら https://www.digitalcamera-review.com/'),
    expected: "no link.brand-in-domain: \"digital\" is an everyday word, not only the Digital Agency's digital.go.jp",
    actual: 'link.brand-in-domain[digital] (+35), risk medium',
  },
  {
    code: 'link.lookalike',
    side: 'triggers',
    input: sms('お荷物のお届けにあがりましたが不在のため持ち帰りました。ご確認ください https://www.sagawa-exq.co.jp/'),
    expected: 'link.lookalike: a text message that names no carrier lets its look-alike link speak for one',
    actual: 'link.lookalike (kept when look-alikes in mail began to need the organization named)',
  },
  {
    code: 'lure.credential-request',
    side: 'lookalike',
    input: sms('【三井住友カード】当社から、メールやSMSで暗証番号を入力していただくようお願いすることはございません。'),
    expected: 'no lure.credential-request: a card issuer saying it never asks for the PIN',
    actual: 'lure.credential-request[暗証番号を入力] (+30), risk medium: strong phrases were read even inside "…することはございません"',
  },
  {
    code: 'lure.atm-refund',
    side: 'lookalike',
    input: { text: '日本年金機構の職員が、口座番号を教えていただいたり、ATMの操作をお願いしたりすることはありません。', channel: 'letter' },
    expected: 'no lure.atm-refund: the pension service listing what it never asks (a list joined by 〜たり、)',
    actual: 'lure.atm-refund[atmの操作] (+40) on the genuine ねんきん定期便 of the development set',
  },
  {
    code: 'lure.credential-request',
    side: 'lookalike',
    input: sms('PayPal will never ask you to enter your password in an email.'),
    expected: 'no lure.credential-request: "will never ask you to enter your password" is the reassurance',
    actual: 'guards the English side of the denial rule',
  },
  {
    code: 'lure.atm-refund',
    side: 'triggers',
    input: sms('ご安心ください。ATMで手続きしても、お金が引き出されることはありません。'),
    expected: 'lure.atm-refund: a scammer\'s reassurance in another clause does not deny the request',
    actual: 'guards the denial rule: the clause ends at a 、 that does not continue a 〜たり list',
  },
  {
    code: 'lure.credential-request',
    side: 'triggers',
    input: sms('If you do not enter your password within 24 hours your account will be closed.'),
    expected: 'lure.credential-request: a threat with "do not" is not a denial',
    actual: 'guards the English side: only "never" before the phrase denies it',
  },
  {
    code: 'lang.spaced-word',
    side: 'lookalike',
    input: sms('Getting started is easy as 1 2 3: choose, order, enjoy.'),
    expected: 'no lang.spaced-word: spaced digits are counting, not a word pulled apart',
    actual: 'lang.spaced-word[123] (+15): digits joined like letters',
  },
  {
    code: 'lure.remote-access',
    side: 'triggers',
    input: { text: 'Amazonを名乗る電話。「返金するので、スマホにAnyDeskというアプリを入れてください」と言われた。', channel: 'call' },
    expected: 'lure.remote-access: in a note of a call, the caller\'s words in 「」 are the message, not a quoted case study',
    actual: 'no lure: the reported-quote rule set aside every phrase inside 「…」と言われた, so call notes lost their lures',
  },
  {
    code: 'lure.remote-access',
    side: 'lookalike',
    input: sms('「AnyDeskというアプリを入れてください」と言われたら電話を切ってください。'),
    expected: 'no lure.remote-access: outside a call note, words reported in 「」と言われ… describe the scam',
    actual: 'guards the call-note rule: it applies to the call channel only',
  },
  {
    code: 'auth.reject-policy-failed',
    side: 'lookalike',
    input: mail({ from: ['三井住友カード', 'info@smbc-card.com'], subject: 'ご利用確認のお願い', text: 'カードのご利用について確認させていただきたいお取引がございます。' }),
    expected: 'no auth.reject-policy-failed: a mail saved without any Authentication-Results says nothing either way',
    actual: 'guards the rule against reading "no results" as "failed"',
  },
  {
    code: 'auth.reject-policy-failed',
    side: 'lookalike',
    input: mail({
      from: ['楽天カード', 'info@mail.rakuten-card.co.jp'],
      headers: [authResults('spf=softfail smtp.mailfrom=rakuten-card.co.jp; dkim=none')],
      subject: 'ご利用確認のお願い',
      text: 'カードのご利用について確認させていただきたいお取引がございます。',
    }),
    expected: 'no auth.reject-policy-failed: no source on record says this company has failing mail discarded',
    actual: 'guards the knowledge: only domains with rejectsUnauthenticated in data/organizations.json count',
  },
  {
    code: 'lure.gift-card-crypto',
    side: 'lookalike',
    input: sms('【JCB】カードのご利用確認のため、お手数ですがカード裏面の番号にお電話ください。'),
    expected: 'no lure.gift-card-crypto: "call the number on the back of your card" is the safe advice every card issuer gives',
    actual: 'lure.gift-card-crypto[裏面の番号] (+35): the phrase alone was a strong gift-card lure',
  },
  {
    code: 'lure.gift-card-crypto',
    side: 'triggers',
    input: sms('未納料金があります。コンビニでギフトカードを買い、裏面の番号を教えてください。'),
    expected: 'lure.gift-card-crypto: asked to tell the number on the back (of a gift card)',
    actual: 'guards the narrowing of 裏面の番号 to asking for it',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'lookalike',
    input: sms(
      '【相談事例】「消費者庁の者です。あなたの個人情報が漏れているので削除します。手数料が必要です」という電話があり、コンビニで電子マネーを買うよう言われた。',
    ),
    expected: 'no lure.data-deletion-offer: a case study reporting what a scammer said (quotation followed by という)',
    actual: 'lure.data-deletion-offer (+50): the quotation spans several sentences, so the warning test of one sentence did not see it',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'triggers',
    input: sms('【消費者庁】「個人情報削除サービス」のご案内です。流出した個人情報を削除します。手数料3万円をお振込みください。'),
    expected: 'lure.data-deletion-offer: a service name in quotes does not hide the offer that follows it',
    actual: 'guards the reported-quote rule: only words inside a quotation followed by という/と言われ… are set aside',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'lookalike',
    input: sms('【国民生活センター】「個人情報を削除します」という電話は詐欺です。ご注意ください。'),
    expected: 'no lure.data-deletion-offer: a warning that quotes the scam',
    actual: 'lure.data-deletion-offer[個人情報を削除] (+50); risk medium (45)',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'lookalike',
    input: sms('Beware of calls claiming they will delete your personal information for a fee. Hang up.'),
    expected: 'no lure.data-deletion-offer: an English warning that describes the scam',
    actual: 'lure.data-deletion-offer[delete your personal information] (+50) before warnings were recognised',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'triggers',
    input: sms('詐欺被害を防ぐため、流出した個人情報を削除します。手続き費用3万円を本日中にお振込みください。'),
    expected: 'lure.data-deletion-offer: a scam that names fraud is still read (no reported speech)',
    actual: 'guards the warning fix against swallowing scams that mention 詐欺',
  },
  {
    code: 'phone.call-to-pay',
    side: 'lookalike',
    input: sms('【NTTファイナンス】ご利用料金の請求内容は、会員サイトでご確認いただけます。お問い合わせは 0800-333-0030 まで。'),
    expected: 'no phone.call-to-pay: "利用料金" is a weak mention, not a demand, and 0800-333-0030 is NTT Finance\'s number on record (phone.official is given too)',
    actual: 'phone.call-to-pay[0800-333-0030] next to phone.official[0800-333-0030]; any weak payment word (お支払い, 利用料金) plus any phone number and no link fires it',
  },
  {
    code: 'sender.official',
    side: 'lookalike',
    input: mail({
      from: ['佐川急便', 'info@sagawa-exp.co.jp'],
      headers: [authResults('spf=fail smtp.mailfrom=bulk-mailer.example; dmarc=fail header.from=sagawa-exp.co.jp')],
      subject: 'お届け予定のお知らせ',
      text: 'お荷物のお届けにあがりましたが不在のため持ち帰りました。',
    }),
    expected: 'no sender.official: the receiving server recorded DMARC fail, so the From address is forged',
    actual: 'sender.official (-10) together with auth.dmarc-fail and auth.spf-fail; risk medium (25)',
  },
  {
    code: 'content.asks-nothing',
    side: 'lookalike',
    input: sms('【重要】未払いの件で至急 0990-50-1234 にお電話ください。'),
    expected: 'no content.asks-nothing: it demands payment by calling a premium-rate number',
    actual: 'content.asks-nothing (-15) next to phone.call-to-pay and phone.premium (contact-me/payment weak phrases do not count as asking)',
  },
  {
    code: 'content.asks-nothing',
    side: 'lookalike',
    input: sms('【税務署】還付金の手続きがお済みでないため、ATMで手続きしてください。'),
    expected: 'no content.asks-nothing: it sends the reader to an ATM (the classic refund scam)',
    actual: 'content.asks-nothing (-15) and link.none (-5) cancel lure.refund-benefit-prize (+15): risk low, score 0 (refund-benefit-prize and urgency-threat are not request families)',
  },
  {
    code: 'lure.data-deletion-offer',
    side: 'lookalike',
    input: sms('【NTT西日本】お客さまの個人情報が漏れていることが判明いたしました。深くお詫び申し上げます。'),
    expected: 'no lure.data-deletion-offer: a genuine breach notice that offers nothing',
    actual: 'lure.data-deletion-offer[個人情報が漏れて] (+50): "個人情報が漏れて" / "情報が漏れて" are strong phrases of that family in data/lures.json; risk medium (45)',
  },
  {
    code: 'attachment.locked-with-password-in-body',
    side: 'lookalike',
    input: withAttachment('請求書.zip', 'application/zip', ENCRYPTED_ZIP, '添付の資料をご確認ください。パスワードは別途お電話でお伝えします。'),
    expected: 'no attachment.locked-with-password-in-body: the body mentions a password but does not give it',
    actual: 'attachment.locked-with-password-in-body (+40): any of パスワード/暗証/解凍/password anywhere in the text counts',
  },
  {
    code: 'link.not-official',
    side: 'lookalike',
    input: sms('アマゾンで買ったよ。写真はこれ https://photos.example.com/abc'),
    expected: 'no link.not-official: a friend naming Amazon does not claim to be Amazon (claims.ts says so of this very sentence)',
    actual: 'link.not-official[example.com] (+40), risk medium: in an SMS any name in the first 40 characters is a strong claim',
  },
  // Issue 13: genuine commercial mail, studied on the development half of hard-ham-1.
  {
    code: 'sender.not-official',
    side: 'lookalike',
    input: mail({
      from: ['Gadgetgnome Apple Corner', 'letters@gadgetgnome.com'],
      subject: 'This week: the new iBook, and a faster Finder',
      text: 'Hello readers,\n\nThis week we try the new iBook and three tricks for the Finder.\nRead more: http://www.gadgetgnome.com/apple/this-week\nSponsor: http://www.backup-deals.example/offer\n',
    }),
    expected: "no sender.not-official: a newsletter's display name that signs with its own domain's name (Gadgetgnome) names Apple as its topic, not as its sender",
    actual: 'sender.not-official[Apple] (+40) and link.not-official (+40) on every link: risk high for a newsletter',
  },
  {
    code: 'sender.not-official',
    side: 'triggers',
    input: mail({
      from: ['Apple Support Center', 'support@apple-support-center.com'],
      subject: 'Your Apple ID has been locked',
      text: 'Dear customer, your Apple ID has been locked. Sign in at http://apple-support-center.com/unlock to restore it.\n',
    }),
    expected: 'sender.not-official: a display name that spells a domain imitating Apple is no signature of the sender\'s own',
    actual: 'guards the own-name rule: apple-support-center.com carries the brand, so Apple in the name is still a claim',
  },
  {
    code: 'link.resembles-brand',
    side: 'lookalike',
    input: mail({
      from: ['Tesco Ireland', 'offers@tesco.ie'],
      subject: 'Quicker shopping this week',
      text: 'Hello,\n\nThis week\'s offers are online: https://www.tesco.ie/offers\n',
    }),
    expected: "no link.resembles-brand: the links go to the sender's own domain, which sender.resembles-brand already describes; one domain is one piece of evidence",
    actual: 'sender.resembles-brand (+10) and link.resembles-brand (+10) for the same domain tesco.ie',
  },
  {
    code: 'link.credential-path',
    side: 'lookalike',
    input: mail({
      from: ['Daily Tech Brief', 'newsletter@dailytechbrief.com'],
      subject: 'Daily Tech Brief: chips, clouds and phones',
      text: 'Today: new chips and a cloud outage.\n\nManage your subscription: http://nl.briefmailer.example/servlet/url_login?brand=dtb\nFree trial of our print edition: https://www.printmag.example/secure/trial.asp\n',
    }),
    expected: "no link.credential-path: a newsletter's subscription and free-trial pages, in a mail that speaks for nobody and asks for nothing",
    actual: 'link.credential-path[url_login, /secure/] (+10): 54 of the 110 genuine commercial mails of the development half carried one',
  },
  {
    code: 'link.credential-path',
    side: 'triggers',
    input: mail({
      from: ['Online Banking', 'alerts@examplesavings-online.com'],
      subject: 'Account notice',
      text: 'Dear customer,\n\nPlease confirm your account information at http://secure-check.example/login within 24 hours.\n',
    }),
    expected: 'link.credential-path: a login page on another site, in a mail about the reader\'s account',
    actual: 'guards the newsletter rule: words about the account keep a sign-in path as evidence',
  },
  {
    code: 'lure.remote-access',
    side: 'lookalike',
    input: mail({
      from: ['Tech Specialist Weekly', 'editor@techspecialistweekly.com'],
      subject: 'Five remote access tools compared',
      text: 'This week we compare five remote access tools for working from home, and how to keep them patched.\n',
    }),
    expected: 'no lure.remote-access (strong): "remote access" is the subject of tech news; the scam is asking to be let in (AnyDesk, TeamViewer, 遠隔操作)',
    actual: 'lure.remote-access[remote access] (+40): a tech newsletter judged high with one more hint',
  },
  {
    code: 'lang.spaced-word',
    side: 'lookalike',
    input: mail({
      from: ['Media Digest', 'editor@mediadigest-weekly.com'],
      subject: 'This week in the press',
      text: 'M E D I A   D I G E S T\n\nThis week: three papers cut their weekend editions.\n',
    }),
    expected: "no lang.spaced-word: a line of spaced capitals of its own is a newsletter's heading, set wide to be seen",
    actual: 'lang.spaced-word[MEDIADIGEST] (+15, bulk): with the model\'s "somewhat resembles spam" a newsletter was medium',
  },
  {
    code: 'lang.spaced-word',
    side: 'lookalike',
    input: mail({
      from: ['Kenji Ito', 'kenji@example.org'],
      subject: 'Re: serial console',
      text: 'Set the port to 9600 8 N 1 and the picture frame is 5 x 5 inches.\n',
    }),
    expected: 'no lang.spaced-word: sizes and settings with one letter ("8 N 1", "5 x 5") are not words pulled apart',
    actual: 'lang.spaced-word[8N1, 5x5] (+15)',
  },
  {
    code: 'lure.credential-request',
    side: 'triggers',
    input: mail({
      from: ['Lakeside Bank Security', 'security@lakesidebank-online.com'],
      subject: 'Security alert',
      text: 'Dear customer,\n\nFraudulent activity has been registered on your account. Click here to prove your identity.\nYou are requested to fill in the required information within 2 days.\n',
    }),
    expected: 'lure.credential-request: "prove your identity", "fill in the required information" ask for the sign-in the page will take',
    actual: 'only model and weak lures: the English phrases of the Nazario development half\'s bank phishing were not read; it stayed medium',
  },
  {
    code: 'lure.credential-request',
    side: 'lookalike',
    input: mail({
      from: ['Lakeside Bank', 'info@lakesidebank-online.com'],
      subject: 'How we protect you',
      text: 'We will never ask you to prove your identity by email.\n',
    }),
    expected: 'no lure.credential-request: a bank saying it never asks this',
    actual: 'none (asserted beside the trigger above)',
  },
  {
    code: 'link.text-mismatch',
    side: 'triggers',
    input: mail({
      from: ['Lakeside Bank', 'service@lakesidebank-online.com'],
      subject: 'Security update',
      html: '<p>Please start the update here: <a href="http://203.0.113.7/ebank/logon">https://secure.lakesidebank-online.com/logon</a></p>',
    }),
    expected: "link.text-mismatch: a site's address shown over a link that goes to a bare IP address",
    actual: 'only link.ip-host (+35): a link to an IP address has no registrable domain, so the address shown over it was never compared',
  },
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['Valentin', 'valentin@example.ie'],
      subject: 'test server',
      html: '<p>The test server is up: <a href="http://203.0.113.7/status">http://203.0.113.7/status</a></p>',
    }),
    expected: 'no link.text-mismatch: the link shows the very IP address it goes to',
    actual: 'guards the IP rule: nothing is hidden when the address shown is the one opened',
  },
  {
    code: 'filler.random-letters',
    side: 'triggers',
    input: mail({
      from: ['Lakeside Bank', 'service@lakesidebank-online.com'],
      subject: 'Security update',
      text: 'Please visit the link below to confirm your data.\n\nDRQRNFPWWGHXPSZTCOQGPMRJ\n',
    }),
    expected: 'filler.random-letters: random capitals are filler as much as random small letters',
    actual: 'none: only runs of small letters were read',
  },
  {
    code: 'filler.random-letters',
    side: 'lookalike',
    input: mail({
      from: ['Anna Weber', 'anna.weber@example.de'],
      subject: 'NOTES',
      text: 'INTERNATIONALIZATION WORKSHOP NOTES ARE ATTACHED\n',
    }),
    expected: 'no filler.random-letters: a long word in capitals is a word',
    actual: 'guards the capitals rule',
  },
  {
    code: 'lang.spaced-word',
    side: 'triggers',
    input: mail({
      from: ['Best Deals', 'deals@bestdeals-online.example'],
      subject: 'Your order',
      text: 'Get your F R E E trial today, just reply with your address.\n',
    }),
    expected: 'lang.spaced-word: a word pulled apart inside a sentence, the way filters are dodged',
    actual: 'guards the heading rule: only a line of spaced capitals of its own is a heading',
  },
  {
    code: 'link.official-as-subdomain',
    side: 'lookalike',
    input: mail({
      from: ['CITI Seminar', 'seminar@eecs.umich.edu'],
      subject: 'NFSv4 seminar on Friday',
      text: 'Hello all,\n\nThe slides of Friday\'s NFSv4 seminar are at http://www.citi.umich.edu/projects/nfsv4/ and the room is 3941 BBB.\n\nSee you there\n',
    }),
    expected: 'no link.official-as-subdomain: "citi" is a department\'s name under a university\'s own domain (umich.edu), not a claim of Citi\'s',
    actual: 'link.official-as-subdomain (+45, high): every brand word in a subdomain was read as a claim of that brand\'s official domain',
  },
  {
    code: 'link.official-as-subdomain',
    side: 'triggers',
    input: mail({
      from: ['Citi', 'alerts@citi-notices.example'],
      subject: 'Your Citi account',
      text: 'Dear customer,\n\nPlease sign in at http://www.citi.secure-session.example/login to review a recent transaction.\n',
    }),
    expected: 'link.official-as-subdomain: the same brand word under a domain that is nobody\'s on record is a claim of Citi\'s',
    actual: 'guards the university rule: only a vetted institution\'s or a known organization\'s own domain names its subdomains',
  },
  {
    code: 'link.official-as-subdomain',
    side: 'triggers',
    input: mail({
      from: ['PayPal', 'service@paypal-notices.example'],
      subject: 'Account review',
      text: 'Dear member,\n\nPlease review your account at http://www.paypal.com.webscr.cs.someuni.edu/login today.\n',
    }),
    expected: 'link.official-as-subdomain: a brand\'s whole domain written in the subdomains is a claim even under a university\'s hacked server',
    actual: 'guards the university rule: it spares brand words, not whole official domains',
  },
  {
    code: 'link.ip-host',
    side: 'lookalike',
    input: weblogDigest('<li><a href="http://203.0.113.56/~sam/">sam\'s notes</a></li><li><a href="http://notes.example.cc/">notes</a></li>'),
    expected: 'no link.ip-host: one weblog on a numeric address in a digest of thirty sites is one more listed site, not where the mail sends the reader',
    actual: 'link.ip-host (+35) and link.abused-tld (+15): a digest of updated weblogs was judged high',
  },
  {
    code: 'link.abused-tld',
    side: 'lookalike',
    input: weblogDigest('<li><a href="http://notes.example.cc/">notes</a></li>'),
    expected: 'no link.abused-tld: a site on a cheap top-level domain among thirty listed sites',
    actual: 'link.abused-tld (+15)',
  },
  {
    code: 'link.ip-host',
    side: 'triggers',
    input: mail({
      from: ['Account Services', 'service@accounts-mail.example'],
      subject: 'Your account',
      html:
        '<p>Please sign in to review your account.</p><p><a href="http://203.0.113.56/signin/">Sign in</a></p>' +
        Array.from({ length: 8 }, (_, i) => `<a href="http://www.partner-${i}.example/">partner ${i}</a> `).join(''),
    }),
    expected: 'link.ip-host: a mail with a handful of links is no digest, and its numeric address is where it leads',
    actual: 'guards the digest rule',
  },
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['Server Weekly', 'alias-7f3k2@forwarding-alias.example'],
      subject: 'Server Weekly: patterns, reviews and a conference',
      html:
        '<p>This week\'s sponsor: <a href="http://lists.serverweekly.example/c?id=11">http://www.hostjava.example/</a></p>' +
        '<p>Training: <a href="http://lists.serverweekly.example/c?id=12">http://www.patterns-training.example/course.html</a></p>' +
        '<p>Trial: <a href="http://lists.serverweekly.example/c?id=13">http://tools.vendor-studio.example/trial</a></p>' +
        '<p><a href="http://lists.serverweekly.example/c?id=14">Click here to read more.</a></p>',
    }),
    expected: 'no link.text-mismatch: three different sites shown over links to one domain is a newsletter counting clicks, not a site in disguise',
    actual: 'link.text-mismatch (+40, high): a newsletter forwarded through an address alias (so its From is not its own domain) was judged medium',
  },
  {
    code: 'link.text-mismatch',
    side: 'triggers',
    input: mail({
      from: ['Member Services', 'service@member-mail.example'],
      subject: 'Confirm your membership',
      html:
        '<p>Sign in at <a href="http://login.member-check.example/in">https://www.members-bank.example/login</a></p>' +
        '<p>Help: <a href="http://login.member-check.example/help">https://help.members-bank.example/</a> or <a href="http://login.member-check.example/faq">www.member-faq.example</a></p>',
    }),
    expected: 'link.text-mismatch: two sites shown over one other domain is how phishing shows the site it imitates',
    actual: 'guards the click-counter rule (three or more different sites)',
  },
  {
    code: 'request.tell-bank',
    side: 'triggers',
    input: mail({
      from: ['Barrister James Okoro', 'j.okoro.chambers@freemail-box.example'],
      subject: 'Unclaimed inheritance',
      text: 'Dear friend,\n\nI am contacting you about the estate of a late client who shares your surname. Kindly reply with your full name, phone number and bank account details so the funds can be released to you.\n',
    }),
    expected: 'request.tell-bank: an English mail that asks the reader to send bank account details',
    actual: 'nothing read: English asks were seen only through lure phrases ("bank account" weak), the request reader read Japanese alone',
  },
  {
    code: 'request.tell-secret',
    side: 'triggers',
    input: mail({
      from: ['Card Services', 'alerts@card-services-notice.example'],
      subject: 'Your card is on hold',
      text: 'Dear cardholder,\n\nYour card has been placed on hold. Enter your PIN and card number at the secure page below to release it.\n',
    }),
    expected: 'request.tell-secret: an English command to enter a PIN and card number',
    actual: 'nothing read: the request reader read Japanese alone',
  },
  {
    code: 'request.tell-secret',
    side: 'lookalike',
    input: mail({
      from: ['Example Savings Bank', 'alerts@examplesavingsbank.com'],
      subject: 'Protect yourself from phishing',
      text: 'We will never ask you to enter your password or card number by email. Beware of messages asking you to verify your account information.\n',
    }),
    expected: 'no request.tell-secret: a bank saying what it never asks for, and warning about mail that asks it',
    actual: 'guards the English reader: a denial before the verb, a warning that describes a scam',
  },
  {
    code: 'request.tell-secret',
    side: 'lookalike',
    input: mail({
      from: ['Tom', 'tom@home-mail.example'],
      subject: 'FW: please give generously',
      text: 'Ha, seen this one?\n\n> > URGENT APPEAL - the village fete was cancelled by light rain.\n> > Simply email us by return with your credit card details.\n',
    }),
    expected: 'no request.tell-secret: the ask is in a forwarded joke quoted with ">", someone else\'s words',
    actual: 'guards the English reader: quoted lines are not the message\'s own asks',
  },
  {
    code: 'request.buy-gift-card',
    side: 'triggers',
    input: mail({
      from: ['Director Smith', 'director.smith@freemail-box.example'],
      subject: 'Quick favour',
      text: 'Are you at your desk? I need you to buy itunes cards for a client today. Send me the codes when done.\n',
    }),
    expected: 'request.buy-gift-card: the boss who asks for gift cards, in English',
    actual: 'only lure.gift-card-crypto: the request reader read Japanese alone',
  },
];

/** Cases the checker still gets wrong: kept here, skipped, until fixed. */
export const KNOWN_ISSUES: KnownIssue[] = [
  {
    code: 'link.text-mismatch',
    side: 'lookalike',
    input: mail({
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      subject: 'Spring sale: 30% off jackets',
      html: '<p>Shop the sale at <a href="http://click.mailvendor-mx.net/t/8f3a9c2e?u=1">www.northwind-outfitters.com</a></p>',
    }),
    expected: 'no link.text-mismatch: a shop\'s own address shown over its mail provider\'s click counter is how newsletters count clicks',
    actual:
      'link.text-mismatch (+40). With the receiving server\'s word that the mail is the shop\'s (DMARC or aligned DKIM pass) it is ' +
      'not raised (asserted in MORE_LOOKALIKES); without it this mail cannot be told from phishing that forges a bank\'s From ' +
      'address and shows the bank\'s address over its own site, as the 2004–05 phishing of the Nazario corpus does',
  },
];
