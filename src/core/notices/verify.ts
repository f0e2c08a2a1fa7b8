// Checks a QR payload against the registered keys with WebCrypto (Ed25519 is in Node 20
// and current browsers), so a phone can check a notice without sending anything on it.
import { base64urlnopad } from '@scure/base';
import type { NoticeKey } from './keys.js';
import { MAX_SHORT_CODE_INPUT_CHARS } from './short-code.js';
import { decodePayload, type NoticeStatement, type PayloadProblem } from './statement.js';

export type PayloadCheck =
  | { status: 'invalid-format'; problem: PayloadProblem }
  /** Well formed, but signed by no key the registry knows. */
  | { status: 'unknown'; statement: NoticeStatement }
  | { status: 'bad-signature'; statement: NoticeStatement; key: NoticeKey }
  | { status: 'key-revoked'; statement: NoticeStatement; key: NoticeKey }
  /** Signed by a registered key, but the organization withdrew this one notice. */
  | { status: 'revoked'; statement: NoticeStatement; key: NoticeKey }
  | { status: 'genuine'; statement: NoticeStatement; key: NoticeKey };

/** Imported keys, kept per key id: importing costs more than verifying. */
const importedKeys = new Map<string, Promise<CryptoKey>>();

function importKey(key: NoticeKey): Promise<CryptoKey> {
  const cacheKey = `${key.keyId}:${key.publicKey}`;
  let imported = importedKeys.get(cacheKey);
  if (imported === undefined) {
    imported = crypto.subtle.importKey('raw', new Uint8Array(base64urlnopad.decode(key.publicKey)), { name: 'Ed25519' }, false, ['verify']);
    importedKeys.set(cacheKey, imported);
  }
  return imported;
}

/**
 * The payload's status against `keys`: its signature must verify under the key its key id
 * names, that key must belong to the organization the statement names and not be revoked,
 * and the notice must not be dated before the key was valid.
 */
export async function verifyPayload(input: string, keys: readonly NoticeKey[]): Promise<PayloadCheck> {
  const decoded = decodePayload(input);
  if (!decoded.ok) return { status: 'invalid-format', problem: decoded.problem };
  const { statement, signature } = decoded.notice;
  const key = keys.find((k) => k.keyId === statement.keyId);
  if (key === undefined) return { status: 'unknown', statement };
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, await importKey(key), new Uint8Array(signature), decoded.signedBytes);
  // A key speaks only for its own organization, and not for days before it existed.
  if (!valid || key.organizationId !== statement.organizationId || statement.issued < key.validFrom) {
    return { status: 'bad-signature', statement, key };
  }
  if (key.status === 'revoked') return { status: 'key-revoked', statement, key };
  if (key.revokedSerials?.includes(statement.serial) === true) return { status: 'revoked', statement, key };
  return { status: 'genuine', statement, key };
}

/** Whether what someone gave is a QR payload (the verification URL, or the text after its
 * '#') rather than a typed short code, which is never that long and never has a '#'. */
export function isPayloadInput(input: string): boolean {
  const text = input.trim();
  return text.includes('#') || text.length > MAX_SHORT_CODE_INPUT_CHARS;
}
