// The verification codes a message carries: short codes as printed ("K7QM-3XVA-9D2R-
// HT4W-8", in any width or case, the groups apart) and QR contents ("https://…/verify#<payload>") as links
// or text. What the checker hands to a verifier, and how it knows a notice carries none.
import { parseShortCode } from './short-code.js';
import type { NoticeStatus } from './answer.js';
import { MAX_PAYLOAD_TEXT_CHARS } from './statement.js';

/** Codes of one message that are verified: a notice prints one; more is a pasted list. */
export const MAX_CODES_PER_MESSAGE = 3;

export type FoundNoticeCode = { code: string } | { payload: string };

// Four groups of four symbols and a check symbol, as printed: with a separator after each
// group (after NFKC and upper-casing). A run of 17 digits or letters without them, such
// as a customer number, is not read as a code: one in 32 would pass the check symbol.
// Bounded repetitions of one character class each: linear.
const SHORT_CODE_CANDIDATE = /(?<![0-9A-Z])(?:[0-9A-Z]{4}[-‐‑‒–—―−ー ]){4}[0-9A-Z*~$=](?![0-9A-Z])/g;
// A QR content: the verification page with the payload after "#" (base64url).
const PAYLOAD_URL = /\/verify#([A-Za-z0-9_-]{16,})/g;

/** The codes and QR payloads in the texts (subject, body, link targets), at most MAX_CODES_PER_MESSAGE. */
export function findNoticeCodes(texts: readonly string[]): FoundNoticeCode[] {
  const found = new Map<string, FoundNoticeCode>();
  for (const text of texts) {
    for (const match of text.matchAll(PAYLOAD_URL)) {
      const payload = match[1]!;
      if (payload.length <= MAX_PAYLOAD_TEXT_CHARS && found.size < MAX_CODES_PER_MESSAGE) found.set(`p:${payload}`, { payload });
    }
    for (const match of text.normalize('NFKC').toUpperCase().matchAll(SHORT_CODE_CANDIDATE)) {
      const parsed = parseShortCode(match[0]);
      if (parsed.ok && found.size < MAX_CODES_PER_MESSAGE) found.set(`c:${parsed.code}`, { code: parsed.code });
    }
  }
  return [...found.values()];
}

/** What a verifier said of one found code; 'unchecked' where nothing could ask (the
 * browser's check page, a check without a registry). */
export interface CheckedNoticeCode {
  found: FoundNoticeCode;
  status: NoticeStatus | 'unchecked';
  /** The issuer and incident of a code that was found in the registry. */
  organizationId: string | null;
  incidentId: string | null;
}

/** Asks the registry about one code (the Node check: the store; POST /api/check counts it
 * like a look-up of POST /api/verify). */
export type NoticeCodeVerifier = (found: FoundNoticeCode) => Promise<Omit<CheckedNoticeCode, 'found'>>;

/** How a found code is shown to the reader: the code itself, or "QR" for a payload. */
export function shownCode(found: FoundNoticeCode): string {
  return 'code' in found ? found.code : 'QR';
}
