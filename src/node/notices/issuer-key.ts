// An issuer's Ed25519 signing key: made by `leakaid issuer keygen` into a PEM file that
// only its owner can read, read back from that file or from LEAKAID_ISSUER_KEY, and never
// written to the store. From its 32-byte seed come, by HKDF, the secrets that make the
// short codes and postal salts, so the same key and serial always give the same code.
import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { SHORT_CODE_BYTES } from '../../core/notices/short-code.js';
import { KEY_ID_BYTES, POSTAL_SALT_BYTES } from '../../core/notices/statement.js';

/** The environment variable that may hold the PEM text instead of a file. */
export const ISSUER_KEY_ENV = 'LEAKAID_ISSUER_KEY';
/** A key file is a few hundred bytes; a larger file given as --key is something else. */
const MAX_KEY_FILE_BYTES = 16 * 1024;
const CODE_INFO = 'leakaid notice code/1';

export class IssuerKeyError extends Error {
  override name = 'IssuerKeyError';
}

export interface IssuerKey {
  /** The PEM text, for worker threads (a KeyObject's secret cannot cross to them otherwise). */
  pem: string;
  privateKey: KeyObject;
  /** Raw 32-byte public key. */
  publicKey: Buffer;
  keyId: string;
  /** HMAC key for each serial's short code and postal salt. */
  codeSecret: Buffer;
}

/** Writes a new private key as PKCS#8 PEM, readable and writable by the owner only; refuses to overwrite a file. */
export function generateIssuerKeyFile(path: string): IssuerKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new IssuerKeyError(`${path} exists; a key file is never overwritten (choose another name)`);
    throw new IssuerKeyError(`cannot create ${path}: ${code ?? (error as Error).message}`);
  }
  try {
    writeSync(fd, pem);
  } finally {
    closeSync(fd);
  }
  return issuerKeyFromPem(pem);
}

/** The key from --key FILE, else from LEAKAID_ISSUER_KEY. A file others can read is refused, as ssh refuses one. */
export function loadIssuerKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): IssuerKey {
  if (file !== undefined) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw new IssuerKeyError(`cannot read the key file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      const stat = fstatSync(fd);
      if ((stat.mode & 0o077) !== 0) throw new IssuerKeyError(`${file} can be read by other users; make it private first (chmod 600 ${file})`);
      if (stat.size > MAX_KEY_FILE_BYTES) throw new IssuerKeyError(`${file} is too large to be a key file`);
      return issuerKeyFromPem(readFileSync(fd, 'utf8'));
    } finally {
      closeSync(fd);
    }
  }
  const pem = env[ISSUER_KEY_ENV];
  if (pem === undefined || pem.trim() === '') throw new IssuerKeyError(`give the signing key with --key FILE or the ${ISSUER_KEY_ENV} environment variable`);
  return issuerKeyFromPem(pem);
}

export function issuerKeyFromPem(pem: string): IssuerKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new IssuerKeyError('the signing key is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new IssuerKeyError(`the signing key is ${privateKey.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  return {
    pem,
    privateKey,
    publicKey,
    keyId: keyIdOfRaw(publicKey),
    codeSecret: Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), CODE_INFO, 32)),
  };
}

/** The same key id as core's keyIdOf, without awaiting WebCrypto. */
export function keyIdOfRaw(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest().subarray(0, KEY_ID_BYTES).toString('hex');
}

/**
 * The secrets of one serial, from one HMAC-SHA256: its first 10 bytes are the short code,
 * the next 12 the postal salt (separate bytes of one pseudorandom output are independent).
 */
export function serialSecrets(key: Pick<IssuerKey, 'codeSecret'>, serial: string): { code: Buffer; salt: Buffer } {
  const mac = createHmac('sha256', key.codeSecret).update(serial).digest();
  return { code: mac.subarray(0, SHORT_CODE_BYTES), salt: mac.subarray(SHORT_CODE_BYTES, SHORT_CODE_BYTES + POSTAL_SALT_BYTES) };
}
