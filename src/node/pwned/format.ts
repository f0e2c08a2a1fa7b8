// The range store's on-disk format, shared by the importer and the reader.
//
//   <root>/<mode>/records.bin  fixed-width records sorted by hash: the hash without its
//                              first two bytes (those are implied by the prefix index),
//                              then the count as a big-endian uint32.
//   <root>/<mode>/index.bin    2^20 + 1 little-endian uint64: entry p is the number of
//                              records whose 5-hex prefix is below p; the last is the total.
//   <root>/<mode>/meta.json    format, version, mode, record count, when and from what.
//
// A range answer is one index lookup (two numbers) and one read of the records between
// them, so a store of any size is served without being loaded.
import { join } from 'node:path';

export type PwnedMode = 'sha1' | 'ntlm';
export const PWNED_MODES: readonly PwnedMode[] = ['sha1', 'ntlm'];

/** How people write the hash's name: SHA-1, NTLM. */
export function modeName(mode: PwnedMode): string {
  return mode === 'sha1' ? 'SHA-1' : 'NTLM';
}

/** Bytes of each hash: SHA-1 is 20 bytes, NTLM (MD4) 16. */
export const HASH_BYTES: Record<PwnedMode, number> = { sha1: 20, ntlm: 16 };

/** The 5-hex-character prefix: 20 bits, 2^20 ranges. */
export const PREFIX_BITS = 20;
export const PREFIX_COUNT = 1 << PREFIX_BITS;
export const PREFIX_HEX = 5;

/** Bytes of a hash kept in a record: all but the first two (the prefix covers them and
 * half of the third; that half-byte is kept to keep records byte-aligned). */
export function storedHashBytes(mode: PwnedMode): number {
  return HASH_BYTES[mode] - 2;
}

export const COUNT_BYTES = 4;

export function recordBytes(mode: PwnedMode): number {
  return storedHashBytes(mode) + COUNT_BYTES;
}

/** Hex characters of the suffix in a range answer: 35 for SHA-1, 27 for NTLM. */
export function suffixHex(mode: PwnedMode): number {
  return HASH_BYTES[mode] * 2 - PREFIX_HEX;
}

export const INDEX_ENTRY_BYTES = 8;
export const INDEX_BYTES = (PREFIX_COUNT + 1) * INDEX_ENTRY_BYTES;

export const STORE_FORMAT = 'leakaid-pwned-range-store';
export const STORE_VERSION = 1;

export interface StoreMeta {
  format: typeof STORE_FORMAT;
  version: number;
  mode: PwnedMode;
  records: number;
  importedAt: string;
  source: string;
}

export const RECORDS_FILE = 'records.bin';
export const INDEX_FILE = 'index.bin';
export const META_FILE = 'meta.json';

/** Where the stores live: LEAKAID_PWNED, or ./var/pwned/ under the working directory. */
export function defaultStoreRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env['LEAKAID_PWNED'] || join(process.cwd(), 'var', 'pwned');
}

export function storeDir(root: string, mode: PwnedMode): string {
  return join(root, mode);
}

const PREFIX_PATTERN = /^[0-9A-Fa-f]{5}$/;

/** The 20-bit number of a 5-hex prefix, or null when it is not 5 hex characters. */
export function parsePrefix(prefix: string): number | null {
  return PREFIX_PATTERN.test(prefix) ? Number.parseInt(prefix, 16) : null;
}
