// What the store keeps of a short code: a hash to find the notice by, and a check value
// for the postal code that only someone holding the code can test. The code's 80 bits
// make both hopeless to reverse; a copy of the store alone reveals neither codes nor
// postal codes.
import { createHash } from 'node:crypto';

const CODE_CONTEXT = 'leakaid-code/1\n';
const POSTAL_CHECK_CONTEXT = 'leakaid-postal-code/1\n';
/** 128 bits: no two of billions of codes share a hash. */
const HASH_BYTES = 16;

export function codeHash(codeBytes: Uint8Array): string {
  return createHash('sha256').update(CODE_CONTEXT).update(codeBytes).digest().subarray(0, HASH_BYTES).toString('base64url');
}

/** The check value for a code and a normalized seven-digit postal code. */
export function postalCheck(codeBytes: Uint8Array, digits: string): string {
  return createHash('sha256').update(POSTAL_CHECK_CONTEXT).update(codeBytes).update(digits).digest().subarray(0, HASH_BYTES).toString('base64url');
}
