// RFC 822 / MIME mail into the Message model, with postal-mime doing the MIME work.
//
// Never throws on bad input (only InputTooLargeError, before any work): whatever
// postal-mime rejects is parsed again as a header block alone, and what was lost is
// recorded in `skipped`.

import PostalMime, { addressParser, decodeWords } from 'postal-mime';
import type { Address, Email, Mailbox, PostalMimeOptions } from 'postal-mime';
import {
  MAX_HEADER_BYTES,
  MAX_MESSAGE_NESTING,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_URLS_PER_MESSAGE,
} from '../limits.js';
import { attachmentFlags, webShortcutTarget } from './attachments.js';
import { parseAuthenticationResults } from './auth-results.js';
import { assertInputSize } from './errors.js';
import { htmlToText } from './html.js';
import { scanMime } from './mime-scan.js';
import { emptyMessage } from './text.js';
import type { Channel, Header, MailAddress, Message, Skipped } from './types.js';

export interface ParseEmailOptions {
  channel?: Channel;
}

const POSTAL_MIME_OPTIONS: PostalMimeOptions = {
  attachmentEncoding: 'arraybuffer',
  maxNestingDepth: MAX_MIME_DEPTH,
  maxHeadersSize: MAX_HEADER_BYTES,
  // Attached messages come back as attachments flagged rfc822DepthExceeded and are
  // parsed by parseBytes itself, so each one goes through scanMime and our limits.
  maxRfc822NestingDepth: 0,
};

// Recipient headers never reach `headers`: who received a message is not evidence about
// it (and in public corpora it leaks the label). Resent-* and Bcc have no field of their
// own in Recipients and join To and Cc; the envelope-recipient headers join deliveredTo.
// To, Cc and Bcc come already parsed from postal-mime: parsing them again doubled the
// time a colon-stuffed To: costs.
const PARSED_RECIPIENT_HEADERS = new Set(['to', 'cc', 'bcc']);
const RESENT_TO_HEADERS = new Set(['resent-to']);
const RESENT_CC_HEADERS = new Set(['resent-cc', 'resent-bcc']);
const DELIVERED_TO_HEADERS = new Set([
  'delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to', 'x-delivered-to', 'apparently-to',
  'x-apparently-to', 'x-rcpt-to',
]);

const encoder = new TextEncoder();

/**
 * Parses a raw message (.eml bytes, or text as pasted). Throws InputTooLargeError over
 * MAX_INPUT_BYTES before parsing; otherwise always resolves.
 */
export async function parseEmail(raw: Uint8Array | string, options: ParseEmailOptions = {}): Promise<Message> {
  assertInputSize(raw);
  const bytes = typeof raw === 'string' ? encoder.encode(raw) : raw;
  const channel = options.channel ?? 'email';
  try {
    return await parseBytes(bytes, channel, 0);
  } catch (error) {
    // parseBytes already catches postal-mime; this only guards our own mapping code.
    const message = emptyMessage(channel);
    message.skipped.push({ limit: 'parse-error', detail: errorText(error) });
    return message;
  }
}

async function parseBytes(raw: Uint8Array, channel: Channel, nesting: number): Promise<Message> {
  const input = stripPreamble(raw);
  const leafType = `application/x-leakaid-skipped-${nonce()}`;
  const scan = scanMime(input, `Content-Type: ${leafType}\r\nContent-Disposition: attachment\r\n`);
  const skipped = [...scan.skipped];
  let email: Email;
  try {
    email = await PostalMime.parse(scan.bytes, POSTAL_MIME_OPTIONS);
  } catch (error) {
    skipped.push({ limit: limitOf(error), detail: `the body was not parsed: ${errorText(error)}` });
    try {
      email = await PostalMime.parse(headerBlock(scan.bytes), POSTAL_MIME_OPTIONS);
    } catch (headerError) {
      const message = emptyMessage(channel);
      message.skipped.push(...skipped, { limit: limitOf(headerError), detail: errorText(headerError) });
      return message;
    }
  }
  return buildMessage(asWindows1252(email), scan.bytes, channel, nesting, leafType, skipped);
}

// Windows-1252's 0x80–0x9F (’ “ ” – — … €): browsers decode every latin1 label this way,
// as the Encoding Standard says, but Node 20's TextDecoder gives the C1 control
// characters U+0080–U+009F instead, so the CLI and the web app would read one message
// differently ("XP\u0092s"). C1 controls are never text, so each one is mapped back.
// Undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const HAS_C1 = /[\u0080-\u009f]/;
const C1 = /[\u0080-\u009f]/g;

function fromC1(text: string): string {
  return HAS_C1.test(text) ? text.replace(C1, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

/** The parsed mail (our own copy) with C1 controls in its readable parts read as windows-1252. */
function asWindows1252(email: Email): Email {
  if (email.text !== undefined) email.text = fromC1(email.text);
  if (email.html !== undefined) email.html = fromC1(email.html);
  if (email.subject !== undefined) email.subject = fromC1(email.subject);
  if (email.from !== undefined) email.from.name = fromC1(email.from.name);
  return email;
}

// In a batch, every function here is optimized once and then again each time a message
// takes a path not seen before; the rare paths (repairing a header, attached messages)
// are functions of their own, so what is optimized again is small.
async function buildMessage(
  email: Email,
  input: Uint8Array,
  channel: Channel,
  nesting: number,
  leafType: string,
  skipped: Skipped[],
): Promise<Message> {
  const message = readEmail(email, input, channel, skipped);
  for (const attachment of email.attachments) {
    if (attachment.mimeType === leafType) continue;
    const content = contentBytes(attachment.content);
    if (attachment.rfc822DepthExceeded) {
      if (nesting < MAX_MESSAGE_NESTING) {
        mergeAttached(message, await parseBytes(content, channel, nesting + 1));
        continue;
      }
      message.skipped.push({
        limit: 'MAX_MESSAGE_NESTING',
        detail: `a message attached ${nesting + 1} levels deep was kept as an attachment, not parsed`,
      });
    }
    addAttachment(message, attachment.filename, attachment.mimeType.toLowerCase(), content);
  }
  applyCaps(message);
  return message;
}

/** The message without its attachments. */
function readEmail(email: Email, input: Uint8Array, channel: Channel, skipped: Skipped[]): Message {
  const message = emptyMessage(channel);
  message.skipped = skipped;
  const recipients = message.recipients.value;
  recipients.to = mailAddresses(email.to);
  recipients.cc = mailAddresses(email.cc);
  appendAll(recipients.cc, mailAddresses(email.bcc));
  const headers: Header[] = [];
  for (const { key, value } of email.headers) {
    if (PARSED_RECIPIENT_HEADERS.has(key)) continue;
    if (RESENT_TO_HEADERS.has(key)) appendAll(recipients.to, mailAddresses(addressParser(value)));
    else if (RESENT_CC_HEADERS.has(key)) appendAll(recipients.cc, mailAddresses(addressParser(value)));
    else if (DELIVERED_TO_HEADERS.has(key)) recipients.deliveredTo.push(value.trim());
    else headers.push({ key, value });
  }
  message.headers = headers;

  const from = email.from && hasReplacement(email.from.name) ? repairedFrom(email.from, email, input) : email.from;
  message.from = from ? firstMailbox(from) : null;
  message.replyTo = mailAddresses(email.replyTo);
  message.returnPath = returnPath(email);
  const subject = email.subject ?? null;
  message.subject = subject !== null && hasReplacement(subject) ? repairedSubject(subject, email, input) : subject;
  message.date = isoDate(email.date);

  if (email.html !== undefined) {
    const html = htmlToText(email.html);
    message.htmlText = html.text;
    message.links = html.links;
    appendAll(message.skipped, html.skipped);
  }
  message.text = email.text ?? message.htmlText ?? '';

  for (const { key, value } of email.headers) {
    if (key === 'authentication-results') appendAll(message.authResults, parseAuthenticationResults(value));
  }
  return message;
}

// A From or Subject header with bytes that are not UTF-8 is read again from the raw bytes.
function repairedFrom(from: Address, email: Email, input: Uint8Array): Address {
  const repaired = rawHeader(input, 'from', declaredCharset(email));
  return (repaired === null ? undefined : addressParser(repaired)[0]) ?? from;
}

function repairedSubject(subject: string, email: Email, input: Uint8Array): string {
  const repaired = rawHeader(input, 'subject', declaredCharset(email));
  return repaired === null ? subject : decodeWords(repaired.trim());
}

function addAttachment(message: Message, name: string | null, mediaType: string, content: Uint8Array): void {
  message.attachments.push({ name, mediaType, size: content.byteLength, flags: attachmentFlags(name, mediaType, content) });
  // A web page saved as a shortcut file is a link the reader can open: its address is
  // judged with the message's other links.
  const webPage = webShortcutTarget(name, mediaType, content);
  if (webPage !== null) message.links.push({ href: webPage, text: name, kind: 'shortcut' });
}

// The part of a message/rfc822 attachment a reader sees with it: its text, links and
// attachments. Its headers and authentication results describe another delivery.
function mergeAttached(message: Message, attached: Message): void {
  const heading: string[] = [];
  if (attached.from) heading.push(`From: ${formatAddress(attached.from)}`);
  if (attached.subject !== null) heading.push(`Subject: ${attached.subject}`);
  const prefix = heading.length > 0 ? `${heading.join('\n')}\n\n` : '';
  message.text = joinText(message.text, prefix + attached.text);
  if (attached.htmlText !== null) message.htmlText = joinText(message.htmlText ?? '', prefix + attached.htmlText);
  appendAll(message.links, attached.links);
  appendAll(message.attachments, attached.attachments);
  appendAll(message.skipped, attached.skipped);
}

// Attached messages add their own attachments and links, which can carry the totals past
// the limits each single parse keeps to.
function applyCaps(message: Message): void {
  const extraAttachments = message.attachments.length - MAX_MIME_PARTS;
  if (extraAttachments > 0) {
    message.attachments.length = MAX_MIME_PARTS;
    message.skipped.push({
      limit: 'MAX_MIME_PARTS',
      detail: `${extraAttachments} attachments after the first ${MAX_MIME_PARTS} were not kept`,
    });
  }
  const extraLinks = message.links.length - MAX_URLS_PER_MESSAGE;
  if (extraLinks > 0) {
    message.links.length = MAX_URLS_PER_MESSAGE;
    message.skipped.push({
      limit: 'MAX_URLS_PER_MESSAGE',
      detail: `${extraLinks} links of attached messages after the first ${MAX_URLS_PER_MESSAGE} were not kept`,
    });
  }
}

// push(...items) passes every item as an argument, which overflows the stack for the
// tens of thousands of addresses a header can hold.
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function joinText(first: string, second: string): string {
  if (first === '') return second;
  if (second === '') return first;
  return `${first.trimEnd()}\n\n${second}`;
}

function formatAddress(address: MailAddress): string {
  if (address.name === '') return address.address;
  return address.address === '' ? address.name : `${address.name} <${address.address}>`;
}

// A UTF-8 byte order mark (Windows tools save .eml with one) would become part of the
// first header name, and an mbox "From " line or blank lines before the headers would
// end the header block at once.
function stripPreamble(bytes: Uint8Array): Uint8Array {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (bytes[start] === 0x0a || (bytes[start] === 0x0d && bytes[start + 1] === 0x0a)) {
    start += bytes[start] === 0x0a ? 1 : 2;
  }
  if (
    bytes[start] === 0x46 && bytes[start + 1] === 0x72 && bytes[start + 2] === 0x6f &&
    bytes[start + 3] === 0x6d && bytes[start + 4] === 0x20
  ) {
    const lf = bytes.indexOf(0x0a, start);
    start = lf < 0 ? bytes.length : lf + 1;
  }
  return start === 0 ? bytes : bytes.subarray(start);
}

// The top-level header block alone, no longer than MAX_HEADER_BYTES, for when
// postal-mime rejected the whole message.
function headerBlock(input: Uint8Array): Uint8Array {
  let end = input.length;
  for (let lf = input.indexOf(0x0a); lf >= 0 && lf < end; lf = input.indexOf(0x0a, lf + 1)) {
    const next = input[lf + 1];
    if (next === 0x0a || (next === 0x0d && input[lf + 2] === 0x0a)) {
      end = lf + 1;
      break;
    }
  }
  if (end > MAX_HEADER_BYTES) end = input.lastIndexOf(0x0a, MAX_HEADER_BYTES) + 1;
  return input.subarray(0, end);
}

// Random words for nonce(), drawn from the system's generator in batches: one call per
// message cost as much as a small message's MIME scan. Each word is used once.
const RANDOM_POOL = new Uint32Array(256);
let randomUsed = RANDOM_POOL.length;

function randomWord(): number {
  if (randomUsed === RANDOM_POOL.length) {
    crypto.getRandomValues(RANDOM_POOL);
    randomUsed = 0;
  }
  return RANDOM_POOL[randomUsed++]!;
}

function nonce(): string {
  return `${randomWord().toString(36)}${randomWord().toString(36)}`;
}

function limitOf(error: unknown): string {
  const text = errorText(error);
  if (text.includes('nesting depth')) return 'MAX_MIME_DEPTH';
  if (text.includes('header size')) return 'MAX_HEADER_BYTES';
  return 'parse-error';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function contentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return encoder.encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function mailboxes(address: Address): Mailbox[] {
  return address.group === undefined ? [address] : address.group;
}

function mailAddresses(addresses: Address[] | undefined): MailAddress[] {
  return (addresses ?? []).flatMap(mailboxes).map(toMailAddress);
}

function firstMailbox(address: Address): MailAddress {
  const first = mailboxes(address)[0];
  return first ? toMailAddress(first) : { name: address.name, address: '', domain: null };
}

function toMailAddress(mailbox: Mailbox): MailAddress {
  const at = mailbox.address.lastIndexOf('@');
  if (at < 0) return { name: mailbox.name, address: mailbox.address, domain: null };
  const domain = mailbox.address.slice(at + 1).toLowerCase();
  return {
    name: mailbox.name,
    address: `${mailbox.address.slice(0, at)}@${domain}`,
    domain: domain === '' ? null : asciiDomain(domain),
  };
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const NOT_IN_HOST = /[/?#@:\\\s%]/;

// IDNA through the URL parser, which exists in browsers and Node alike; it also maps
// full-width letters (ｊｐ → jp). Anything it cannot take is kept lower-cased as written.
function asciiDomain(domain: string): string {
  if (PRINTABLE_ASCII.test(domain) || NOT_IN_HOST.test(domain)) return domain;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return domain;
  }
}

function returnPath(email: Email): string | null {
  const header = email.headers.find((h) => h.key === 'return-path');
  if (!header) return null;
  // Sliced rather than matched with /\s*>$/, which backtracks quadratically on a long
  // run of spaces inside the value.
  let value = header.value.trim();
  if (value.startsWith('<')) value = value.slice(1);
  if (value.endsWith('>')) value = value.slice(0, -1);
  value = value.trim();
  return value === '' ? null : value;
}

function isoDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function hasReplacement(text: string): boolean {
  return text.includes('\ufffd');
}

function declaredCharset(email: Email): string | null {
  const contentType = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
  const match = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

const JAPANESE_CHARSETS = ['shift_jis', 'euc-jp'];

/**
 * A top-level header whose raw 8-bit bytes are not UTF-8 (Japanese spam often writes
 * Shift_JIS or EUC-JP straight into Subject and From), decoded with the charset the
 * message declares or else the Japanese legacy charset that decodes it most plausibly.
 */
function rawHeader(input: Uint8Array, name: string, charset: string | null): string | null {
  const bytes = rawHeaderBytes(input, name);
  if (bytes === null) return null;
  const candidates = charset && !JAPANESE_CHARSETS.includes(charset) ? [charset, ...JAPANESE_CHARSETS] : JAPANESE_CHARSETS;
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const label of candidates) {
    const text = decodeStrict(bytes, label);
    if (text === null) continue;
    if (label === charset) return text;
    // EUC-JP bytes are also valid Shift_JIS, as half-width katakana; real text has few.
    const score = halfWidthKatakana(text);
    if (score < bestScore) {
      best = text;
      bestScore = score;
    }
  }
  return best;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function halfWidthKatakana(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff61 && c <= 0xff9f) count++;
  }
  return count;
}

// The value bytes of the first `name` header of the top-level block, folds removed.
function rawHeaderBytes(input: Uint8Array, name: string): Uint8Array | null {
  const pieces: Uint8Array[] = [];
  let pos = 0;
  let inHeader = false;
  while (pos < input.length) {
    const lf = input.indexOf(0x0a, pos);
    const next = lf < 0 ? input.length : lf + 1;
    let end = lf < 0 ? input.length : lf;
    while (end > pos && input[end - 1] === 0x0d) end--;
    if (end === pos) break;
    const folded = input[pos] === 0x20 || input[pos] === 0x09;
    if (inHeader && !folded) break;
    if (inHeader) pieces.push(input.subarray(pos, end));
    else if (!folded && startsWithHeaderName(input, pos, end, name)) {
      inHeader = true;
      pieces.push(input.subarray(input.indexOf(0x3a, pos) + 1, end));
    }
    pos = next;
  }
  if (pieces.length === 0) return null;
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.length;
  }
  return joined;
}

function startsWithHeaderName(line: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start <= name.length) return false;
  for (let i = 0; i < name.length; i++) {
    const c = line[start + i] ?? 0;
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== name.charCodeAt(i)) return false;
  }
  let i = start + name.length;
  while (i < end && (line[i] === 0x20 || line[i] === 0x09)) i++;
  return line[i] === 0x3a;
}
