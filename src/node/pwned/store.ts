// Reading the range store: the prefix index (8 MB) is read once; each range is read from
// disk when asked for (one positioned read), so memory does not grow with the store.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  INDEX_BYTES,
  INDEX_FILE,
  META_FILE,
  PREFIX_COUNT,
  PREFIX_HEX,
  RECORDS_FILE,
  STORE_FORMAT,
  STORE_VERSION,
  modeName,
  parsePrefix,
  recordBytes,
  storeDir,
  storedHashBytes,
  type PwnedMode,
  type StoreMeta,
} from './format.js';

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface RangeEntry {
  /** Upper-case hex suffix: 35 characters (SHA-1) or 27 (NTLM). */
  suffix: string;
  count: number;
}

export class RangeStore {
  private constructor(
    readonly mode: PwnedMode,
    readonly meta: StoreMeta,
    private readonly index: BigUint64Array,
    private readonly records: FileHandle,
  ) {}

  /** Opens the store for `mode` under `root`; a clear StoreError when it is missing or not ours. */
  static async open(root: string, mode: PwnedMode): Promise<RangeStore> {
    const dir = storeDir(root, mode);
    let meta: StoreMeta;
    try {
      meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as StoreMeta;
    } catch {
      throw new StoreError(`no ${modeName(mode)} password store at ${dir} (import one with: leakaid pwned import FILE --mode ${mode})`);
    }
    if (meta.format !== STORE_FORMAT || meta.version !== STORE_VERSION || meta.mode !== mode) {
      throw new StoreError(`${dir} is not a ${modeName(mode)} password store of version ${STORE_VERSION}; import it again`);
    }
    const indexBytes = await readFile(join(dir, INDEX_FILE));
    if (indexBytes.length !== INDEX_BYTES) throw new StoreError(`${join(dir, INDEX_FILE)} is damaged; import the store again`);
    const index = new BigUint64Array(indexBytes.buffer, indexBytes.byteOffset, PREFIX_COUNT + 1);
    const records = await open(join(dir, RECORDS_FILE), 'r');
    const { size } = await records.stat();
    if (size !== Number(index[PREFIX_COUNT]) * recordBytes(mode)) {
      await records.close();
      throw new StoreError(`${join(dir, RECORDS_FILE)} does not match its index; import the store again`);
    }
    return new RangeStore(mode, meta, index, records);
  }

  get size(): number {
    return Number(this.index[PREFIX_COUNT]);
  }

  /** Raw records of one prefix (a 20-bit number), read from disk. */
  private async rangeBytes(prefix: number): Promise<Buffer> {
    const first = Number(this.index[prefix]);
    const end = Number(this.index[prefix + 1]);
    const width = recordBytes(this.mode);
    const bytes = Buffer.allocUnsafe((end - first) * width);
    if (bytes.length === 0) return bytes;
    const { bytesRead } = await this.records.read(bytes, 0, bytes.length, first * width);
    if (bytesRead !== bytes.length) throw new StoreError('the password store was cut short; import it again');
    return bytes;
  }

  /** Every suffix under a 5-hex prefix, in hash order. Throws StoreError on a bad prefix. */
  async range(prefixHex: string): Promise<RangeEntry[]> {
    const prefix = parsePrefix(prefixHex);
    if (prefix === null) throw new StoreError('the hash prefix must be 5 hexadecimal characters');
    const bytes = await this.rangeBytes(prefix);
    const width = recordBytes(this.mode);
    const hashBytes = storedHashBytes(this.mode);
    const entries: RangeEntry[] = [];
    for (let at = 0; at < bytes.length; at += width) {
      // The first hex digit is the prefix's fifth; the suffix starts after it.
      const suffix = bytes.toString('hex', at, at + hashBytes).slice(1).toUpperCase();
      entries.push({ suffix, count: bytes.readUInt32BE(at + hashBytes) });
    }
    return entries;
  }

  /** How often a full hash (hex, any case) was seen; 0 when never. */
  async count(hashHex: string): Promise<number> {
    const hex = hashHex.toUpperCase();
    const entries = await this.range(hex.slice(0, PREFIX_HEX));
    const suffix = hex.slice(PREFIX_HEX);
    return entries.find((e) => e.suffix === suffix)?.count ?? 0;
  }

  async close(): Promise<void> {
    await this.records.close();
  }
}

/** The stores a server answers from, one per mode, opened on first use and kept until
 * close(); a failed open (no store imported yet) is retried on the next request. */
export class RangeStores {
  private readonly opened = new Map<PwnedMode, Promise<RangeStore>>();

  constructor(private readonly root: string) {}

  get(mode: PwnedMode): Promise<RangeStore> {
    let pending = this.opened.get(mode);
    if (!pending) {
      pending = RangeStore.open(this.root, mode);
      pending.catch(() => this.opened.delete(mode));
      this.opened.set(mode, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    const pending = [...this.opened.values()];
    this.opened.clear();
    const stores = await Promise.allSettled(pending);
    await Promise.all(stores.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
  }
}
