// What an issuer signs for one notice, and its compact, versioned binary form: the QR
// payload. The payload carries the statement and its Ed25519 signature, nothing about the
// recipient but a salted commitment to their postal code, so a phone can check it alone.
//
// Version 1, in order (integers big-endian):
//   version (1 byte, = 1) · key id (8 bytes) · issue date (2 bytes: days since 1970-01-01)
//   · channel (1 byte) · flags (1 byte; bit 0: a postal commitment follows)
//   · incident id, organization id, serial (each 1 length byte + ASCII)
//   · [postal salt (12 bytes) · postal commitment (16 bytes)] · signature (64 bytes)
// The signature covers SIGNING_CONTEXT followed by every byte before it, so a statement
// signed for this format can never be read as anything else.
import { base64urlnopad, hex } from '@scure/base';

export const PAYLOAD_VERSION = 1;
export const SIGNING_CONTEXT = new TextEncoder().encode('leakaid-notice/1\n');
export const KEY_ID_BYTES = 8;
export const SIGNATURE_BYTES = 64;
export const POSTAL_SALT_BYTES = 12;
export const POSTAL_COMMITMENT_BYTES = 16;
/** Longest id or serial in a statement: the QR code must stay small enough to scan from a postcard. */
export const MAX_STATEMENT_ID_CHARS = 64;
/** Longest text read as a payload (the URL form included): a version-1 payload with the
 * longest ids is about 400 characters; anything past this is not one. */
export const MAX_PAYLOAD_TEXT_CHARS = 1024;

/** How the notice reached the person. The code records it so a postcard's code shown in an email looks wrong. */
export const NOTICE_CHANNELS = ['postcard', 'letter', 'email', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Ids and serials: ASCII letters, digits, '.', '_' and '-' (incident ids, HIBP names, run serials). */
const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface NoticeStatement {
  /** 16 lower-case hex digits: the first 8 bytes of SHA-256 of the raw public key. */
  keyId: string;
  incidentId: string;
  organizationId: string;
  serial: string;
  /** YYYY-MM-DD (UTC). */
  issued: string;
  channel: NoticeChannel;
  /** A salted commitment to the recipient's postal code (base64url), when the issuer had one. */
  postal?: { salt: string; commitment: string };
}

export interface SignedNotice {
  statement: NoticeStatement;
  /** The Ed25519 signature over statementSigningBytes(statement). */
  signature: Uint8Array;
}

export class StatementFormatError extends Error {
  override name = 'StatementFormatError';
}

function asciiField(name: string, value: string): Uint8Array {
  if (!ID_PATTERN.test(value)) throw new StatementFormatError(`${name} must be 1–${MAX_STATEMENT_ID_CHARS} letters, digits, '.', '_' or '-'`);
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i);
  return bytes;
}

/** The last date converted: an issuer signs millions of statements with one date. */
let lastDate = { text: '', days: 0 };

function daysSinceEpoch(date: string): number {
  if (date === lastDate.text) return lastDate.days;
  const ms = DATE_PATTERN.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new StatementFormatError('issued must be a date YYYY-MM-DD');
  const days = ms / DAY_MS;
  if (days < 0 || days > 0xffff) throw new StatementFormatError('issued is out of range');
  lastDate = { text: date, days };
  return days;
}

function fixedBytes(name: string, text: string, length: number, decode: (t: string) => Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = decode(text);
  } catch {
    throw new StatementFormatError(`${name} is not well formed`);
  }
  if (bytes.length !== length) throw new StatementFormatError(`${name} must be ${length} bytes`);
  return bytes;
}

/** The statement's bytes without the signature (the payload's body). */
function statementBody(statement: NoticeStatement): Uint8Array {
  const keyId = fixedBytes('keyId', statement.keyId, KEY_ID_BYTES, (t) => hex.decode(t));
  const days = daysSinceEpoch(statement.issued);
  const channel = NOTICE_CHANNELS.indexOf(statement.channel);
  if (channel < 0) throw new StatementFormatError(`channel must be one of ${NOTICE_CHANNELS.join(', ')}`);
  const ids = [
    asciiField('incidentId', statement.incidentId),
    asciiField('organizationId', statement.organizationId),
    asciiField('serial', statement.serial),
  ];
  const postal =
    statement.postal === undefined
      ? []
      : [
          fixedBytes('postal salt', statement.postal.salt, POSTAL_SALT_BYTES, (t) => base64urlnopad.decode(t)),
          fixedBytes('postal commitment', statement.postal.commitment, POSTAL_COMMITMENT_BYTES, (t) => base64urlnopad.decode(t)),
        ];
  const head = [PAYLOAD_VERSION, ...keyId, days >> 8, days & 0xff, channel, statement.postal === undefined ? 0 : 1];
  const parts: Uint8Array[] = [Uint8Array.from(head)];
  for (const id of ids) parts.push(Uint8Array.of(id.length), id);
  parts.push(...postal);
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The exact bytes an issuer signs for a statement. */
export function statementSigningBytes(statement: NoticeStatement): Uint8Array<ArrayBuffer> {
  return concat([SIGNING_CONTEXT, statementBody(statement)]);
}

/** The payload text (base64url) for a signed statement. */
export function encodePayload(notice: SignedNotice): string {
  return payloadFromSigningBytes(statementSigningBytes(notice.statement), notice.signature);
}

/** The payload text from the bytes that were signed and their signature: an issuer signing
 * millions of statements encodes each once, not once to sign and again to print. */
export function payloadFromSigningBytes(signingBytes: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new StatementFormatError(`a signature is ${SIGNATURE_BYTES} bytes`);
  return base64urlnopad.encode(concat([signingBytes.subarray(SIGNING_CONTEXT.length), signature]));
}

export type PayloadProblem = 'empty' | 'too-long' | 'not-a-payload' | 'unknown-version';

export type DecodedPayload =
  | { ok: true; notice: SignedNotice; /** What the signature covers. */ signedBytes: Uint8Array<ArrayBuffer> }
  | { ok: false; problem: PayloadProblem };

/** The payload out of what a QR code or a person gave: the bare text or the verification
 * URL with the payload after '#'. */
function payloadText(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.lastIndexOf('#');
  return hash < 0 ? trimmed : trimmed.slice(hash + 1);
}

/** Reads a payload; only its form is checked here, the signature by verifyPayload. */
export function decodePayload(input: string): DecodedPayload {
  if (input.length > MAX_PAYLOAD_TEXT_CHARS) return { ok: false, problem: 'too-long' };
  const text = payloadText(input);
  if (text === '') return { ok: false, problem: 'empty' };
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(text);
  } catch {
    return { ok: false, problem: 'not-a-payload' };
  }
  if (bytes.length > 0 && bytes[0] !== PAYLOAD_VERSION) return { ok: false, problem: 'unknown-version' };
  const read = readBody(bytes);
  if (read === undefined) return { ok: false, problem: 'not-a-payload' };
  return { ok: true, notice: read.notice, signedBytes: concat([SIGNING_CONTEXT, bytes.subarray(0, read.bodyLength)]) };
}

function readBody(bytes: Uint8Array): { notice: SignedNotice; bodyLength: number } | undefined {
  const HEAD = 1 + KEY_ID_BYTES + 2 + 1 + 1;
  if (bytes.length < HEAD + 3 + SIGNATURE_BYTES) return undefined;
  const keyId = hex.encode(bytes.subarray(1, 1 + KEY_ID_BYTES));
  const days = (bytes[1 + KEY_ID_BYTES]! << 8) | bytes[2 + KEY_ID_BYTES]!;
  const channel = NOTICE_CHANNELS[bytes[3 + KEY_ID_BYTES]!];
  const flags = bytes[4 + KEY_ID_BYTES]!;
  if (channel === undefined || (flags & ~1) !== 0) return undefined;
  let at = HEAD;
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const length = bytes[at];
    if (length === undefined || at + 1 + length > bytes.length) return undefined;
    const id = String.fromCharCode(...bytes.subarray(at + 1, at + 1 + length));
    if (!ID_PATTERN.test(id)) return undefined;
    ids.push(id);
    at += 1 + length;
  }
  let postal: NoticeStatement['postal'];
  if ((flags & 1) === 1) {
    if (at + POSTAL_SALT_BYTES + POSTAL_COMMITMENT_BYTES > bytes.length) return undefined;
    postal = {
      salt: base64urlnopad.encode(bytes.subarray(at, at + POSTAL_SALT_BYTES)),
      commitment: base64urlnopad.encode(bytes.subarray(at + POSTAL_SALT_BYTES, at + POSTAL_SALT_BYTES + POSTAL_COMMITMENT_BYTES)),
    };
    at += POSTAL_SALT_BYTES + POSTAL_COMMITMENT_BYTES;
  }
  if (bytes.length !== at + SIGNATURE_BYTES) return undefined;
  const statement: NoticeStatement = {
    keyId,
    incidentId: ids[0]!,
    organizationId: ids[1]!,
    serial: ids[2]!,
    issued: new Date(days * DAY_MS).toISOString().slice(0, 10),
    channel,
    ...(postal === undefined ? {} : { postal }),
  };
  return { notice: { statement, signature: bytes.slice(at) }, bodyLength: at };
}
