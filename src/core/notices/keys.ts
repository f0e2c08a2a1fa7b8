// Issuers' public keys as the registry serves them (GET /api/notice-keys) and as an
// organization publishes them on its own domain (/.well-known/leakaid-notice-keys.json):
// one format, so the page that checks a QR code can compare the two. The format's schema
// is in keys-schema.ts, apart, so that the page does not load a validation library.
import { base64urlnopad, hex } from '@scure/base';
import { KEY_ID_BYTES } from './statement.js';

export const NOTICE_KEYS_FORMAT = 'leakaid-notice-keys/1';
/** Where an organization publishes its keys on its domain. */
export const WELL_KNOWN_NOTICE_KEYS_PATH = '/.well-known/leakaid-notice-keys.json';
/** Keys in one document: an organization rotates a few a year; a registry holds a few per organization. */
export const MAX_KEYS_PER_DOCUMENT = 10_000;
/** Revoked notices listed per key: revoking single notices is for a misprint or a stolen
 * batch, not for millions — those revoke the key. */
export const MAX_REVOKED_SERIALS_PER_KEY = 10_000;
const ED25519_PUBLIC_KEY_BYTES = 32;

export type { NoticeKey, NoticeKeysDocument } from './keys-schema.js';

/** The key id: the first 8 bytes of SHA-256 of the raw public key, in hex. */
export async function keyIdOf(rawPublicKey: Uint8Array): Promise<string> {
  if (rawPublicKey.length !== ED25519_PUBLIC_KEY_BYTES) throw new RangeError('an Ed25519 public key is 32 bytes');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(rawPublicKey)));
  return hex.encode(digest.subarray(0, KEY_ID_BYTES));
}

/** The raw key of a base64url public key, or undefined. */
export function decodePublicKey(text: string): Uint8Array | undefined {
  try {
    const raw = base64urlnopad.decode(text);
    return raw.length === ED25519_PUBLIC_KEY_BYTES ? raw : undefined;
  } catch {
    return undefined;
  }
}
