// The Message model: anything a person received, normalized into one shape that
// every later check reads. Strings are kept as received (after MIME decoding); the
// normalized forms used for matching live in the extraction layer.

export const CHANNELS = ['email', 'sms', 'letter', 'call', 'web', 'unknown'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface MailAddress {
  /** Display name as decoded (may claim a brand), '' when absent. */
  name: string;
  /** addr-spec, lower-cased domain part; '' when the header had no address. */
  address: string;
  /** Domain part of the address (lower case, ASCII/punycode), or null. */
  domain: string | null;
}

/**
 * Wraps data that must never be used as evidence. Recipient addresses are kept so a
 * reader can see who a message was sent to, but in public corpora they leak the label
 * (spam traps), and judging a message by who received it is wrong for a person's own mail.
 */
export interface NotEvidence<T> {
  readonly neverEvidence: true;
  readonly value: T;
}

export interface Recipients {
  to: MailAddress[];
  cc: MailAddress[];
  /** Delivered-To and X-Original-To header values. */
  deliveredTo: string[];
}

/** A link as the reader sees it: where it goes and what it shows. */
export interface MessageLink {
  /** The target exactly as written (href, form action). */
  href: string;
  /** The visible text of the anchor (whitespace-collapsed) or the shortcut file's name; null for form actions. */
  text: string | null;
  /** Where in the message the link was found: an HTML anchor, form or image-map area,
   * or an attached web shortcut (.url file), whose text is the file's name. */
  kind: 'anchor' | 'form' | 'area' | 'shortcut';
}

export const ATTACHMENT_FLAGS = [
  'executable',
  'script',
  'shortcut',
  'disk-image',
  'html',
  'macro-office',
  'archive',
  'encrypted-archive',
] as const;
export type AttachmentFlag = (typeof ATTACHMENT_FLAGS)[number];

export interface Attachment {
  /** Decoded file name (RFC 2047 / RFC 2231), or null. */
  name: string | null;
  /** Lower-case media type as declared. */
  mediaType: string;
  /** Decoded size in bytes. */
  size: number;
  flags: AttachmentFlag[];
}

export type AuthMethod = 'spf' | 'dkim' | 'dmarc' | 'arc' | 'other';

/** One method result from an Authentication-Results header (RFC 8601). */
export interface AuthResult {
  /** authserv-id: who did the checking. */
  authservId: string;
  method: AuthMethod;
  /** Method name as written (lower case). */
  methodName: string;
  /** pass, fail, softfail, neutral, none, temperror, permerror, policy, … (lower case). */
  result: string;
  /** Properties such as header.d, header.from, smtp.mailfrom (keys lower case). */
  properties: Record<string, string>;
}

export interface Header {
  /** Lower-case header name. */
  key: string;
  value: string;
}

/** Something the parser did not process because a limit was reached. */
export interface Skipped {
  limit: string;
  detail: string;
}

export interface Message {
  channel: Channel;
  from: MailAddress | null;
  replyTo: MailAddress[];
  /** Return-Path address (envelope sender), or null. */
  returnPath: string | null;
  recipients: NotEvidence<Recipients>;
  subject: string | null;
  /** ISO 8601 date, or null when absent or unparseable. */
  date: string | null;
  /** Readable plain text: text/plain when the mail has it, otherwise the HTML as text. */
  text: string;
  /** HTML converted to text when the mail has an HTML body, else null. Phishing mail
   * sometimes shows different content in its HTML than in its text/plain part. */
  htmlText: string | null;
  links: MessageLink[];
  attachments: Attachment[];
  authResults: AuthResult[];
  /** All headers in order, except recipient headers (those are only in `recipients`). */
  headers: Header[];
  skipped: Skipped[];
}
