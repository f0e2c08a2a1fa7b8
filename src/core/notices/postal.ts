// The recipient's postal code on a notice, only as a salted commitment: the payload and
// the store never hold it, yet a person who types theirs can confirm the notice was
// addressed to them. A postal code has only 10⁷ values, so the salt stops a single table
// from undoing every commitment at once; it cannot stop someone holding one notice's
// payload from trying all 10⁷ (about a second) — which tells them no more than the
// address already printed on that postcard.
import { base64urlnopad } from '@scure/base';
import { POSTAL_COMMITMENT_BYTES } from './statement.js';

const POSTAL_CONTEXT = 'leakaid-postal/1\n';
/** What a person may type as a postal code ("〒123-4567" with spaces); longer is not one. */
export const MAX_POSTAL_INPUT_CHARS = 32;

/**
 * The seven digits of a Japanese postal code as people write it — 〒123-4567,
 * １２３－４５６７, "123 4567" — or undefined when it is not one.
 */
export function normalizePostalCode(input: string): string | undefined {
  if (input.length > MAX_POSTAL_INPUT_CHARS) return undefined;
  const digits = input.normalize('NFKC').replace(/[〒\s\-‐‑‒–—―−ー]/gu, '');
  return /^\d{7}$/.test(digits) ? digits : undefined;
}

/** The bytes hashed for a commitment: a context string, the salt, the seven digits. */
export function postalCommitmentInput(salt: Uint8Array, digits: string): Uint8Array<ArrayBuffer> {
  const context = new TextEncoder().encode(POSTAL_CONTEXT);
  const out = new Uint8Array(context.length + salt.length + digits.length);
  out.set(context, 0);
  out.set(salt, context.length);
  out.set(new TextEncoder().encode(digits), context.length + salt.length);
  return out;
}

/** The commitment as it appears in a statement (base64url of the first 16 bytes of SHA-256). */
export function commitmentFromDigest(digest: Uint8Array): string {
  return base64urlnopad.encode(digest.subarray(0, POSTAL_COMMITMENT_BYTES));
}

export type PostalMatch = 'match' | 'mismatch' | 'not-asked' | 'not-on-notice';

/**
 * Whether a typed postal code is the one the notice was addressed to. Throws no error on
 * a malformed code: callers check normalizePostalCode first to tell the person.
 */
export async function matchPostalCode(postal: { salt: string; commitment: string } | undefined, typed: string | undefined): Promise<PostalMatch> {
  if (typed === undefined) return 'not-asked';
  if (postal === undefined) return 'not-on-notice';
  const digits = normalizePostalCode(typed);
  if (digits === undefined) return 'mismatch';
  const input = postalCommitmentInput(base64urlnopad.decode(postal.salt), digits);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return commitmentFromDigest(digest) === postal.commitment ? 'match' : 'mismatch';
}
