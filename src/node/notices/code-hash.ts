// What the store keeps of a short code: a hash to find the notice by, and a check value
// for the postal code that only someone holding the code can test. The code's 80 bits
// make both hopeless to reverse; a copy of the store alone reveals neither codes nor
// postal codes.
import { hash } from 'node:crypto';

const CODE_CONTEXT = 'leakaid-code/1\n';
const POSTAL_CHECK_CONTEXT = 'leakaid-postal-code/1\n';
/** 128 bits: no two of billions of codes share a hash. */
const HASH_BYTES = 16;

const CODE_CONTEXT_BYTES = Buffer.from(CODE_CONTEXT);
const POSTAL_CHECK_CONTEXT_BYTES = Buffer.from(POSTAL_CHECK_CONTEXT);

// crypto.hash (one call, no Hash object) because issuance hashes twice per notice, millions of times.
export function codeHash(codeBytes: Uint8Array): string {
  return hash('sha256', Buffer.concat([CODE_CONTEXT_BYTES, codeBytes]), 'buffer').subarray(0, HASH_BYTES).toString('base64url');
}

/** The check value for a code and a normalized seven-digit postal code. */
export function postalCheck(codeBytes: Uint8Array, digits: string): string {
  return hash('sha256', Buffer.concat([POSTAL_CHECK_CONTEXT_BYTES, codeBytes, Buffer.from(digits, 'latin1')]), 'buffer').subarray(0, HASH_BYTES).toString('base64url');
}
