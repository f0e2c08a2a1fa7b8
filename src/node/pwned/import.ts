// Importing Pwned Passwords downloads into the range store, in bounded memory and
// resumable.
//
// Inputs (the formats of HIBP's PwnedPasswordsDownloader):
//   - one file of `HASH:COUNT` lines (40 hex for SHA-1, 32 for NTLM), sorted or not;
//   - a folder of range files named by their 5-hex prefix (`0A1B2.txt` or `0A1B2`),
//     each of `SUFFIX:COUNT` lines.
//
// Two passes, both streaming:
//   1. read: every line is parsed into a binary record and appended to one of up to
//      1,024 bucket files chosen by the hash's first bits (sorted or not, it does not
//      matter; a small input gets fewer buckets, ~32 MB of input each);
//   2. sort: bucket by bucket (at the full 2-billion corpus ~40 MB of input each, ~47 MB
//      in memory), records are sorted, duplicates summed, and appended to the store with
//      their part of the prefix index.
//
// Resuming: progress is checkpointed to <root>/<mode>.import/state.json — in pass 1 the
// input position (at a line boundary) and every bucket file's length, every
// `checkpointBytes` of input; in pass 2 the next bucket, every `checkpointBytes` sorted. Running the same import again
// after an interruption (Ctrl-C, kill, crash) truncates the files to the checkpoint and
// carries on; a different input, or a different mode, starts over. The finished store
// replaces the old one only at the end (a directory rename), so a server keeps answering
// from the old store meanwhile.
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  createReadStream,
  ftruncateSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
  type ReadStream,
} from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  COUNT_BYTES,
  HASH_BYTES,
  INDEX_BYTES,
  INDEX_ENTRY_BYTES,
  INDEX_FILE,
  META_FILE,
  PREFIX_BITS,
  PREFIX_COUNT,
  PREFIX_HEX,
  RECORDS_FILE,
  STORE_FORMAT,
  STORE_VERSION,
  defaultStoreRoot,
  modeName,
  recordBytes,
  storeDir,
  type PwnedMode,
  type StoreMeta,
} from './format.js';

/** Input bytes per bucket aimed at: the sort pass holds one bucket in memory. */
const TARGET_BUCKET_INPUT_BYTES = 32 * 1024 * 1024;

/** Most bits of the hash that choose a bucket: 1,024 buckets, so at the full corpus
 * (~40 GB of text) each holds ~40 MB of input and sorts in ~47 MB. More buckets would
 * mean more open files and smaller writes. */
const MAX_BUCKET_BITS = 10;

/** Buckets for an input: as few as keep each near TARGET_BUCKET_INPUT_BYTES (a small
 * file needs one; every bucket costs file operations), at most 2^MAX_BUCKET_BITS. */
export function bucketBitsFor(inputBytes: number): number {
  const wanted = Math.ceil(Math.log2(Math.max(1, inputBytes / TARGET_BUCKET_INPUT_BYTES)));
  return Math.min(MAX_BUCKET_BITS, Math.max(0, wanted));
}

/** Write buffer per bucket in pass 1 (at most 1,024 × 64 KB = 64 MB in all). */
const BUCKET_BUFFER_BYTES = 64 * 1024;

/** Largest bucket sorted in memory. A uniform hash corpus would need 10 billion
 * records to reach it; only a pathological input (one prefix repeated) does. */
const MAX_BUCKET_BYTES = 1024 * 1024 * 1024;

/** Longest input line accepted; HIBP lines are under 60 bytes. Stops a binary or
 * newline-free file from growing the line buffer without end. */
const MAX_LINE_BYTES = 1024;

/** Work between checkpoints by default (input read in pass 1, bucket bytes sorted in
 * pass 2): at most this much is done again after an interruption. */
export const DEFAULT_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/** Store output written in blocks of this size. */
const OUTPUT_BUFFER_BYTES = 4 * 1024 * 1024;

const MAX_COUNT = 0xffff_ffff;

export class ImportError extends Error {
  override name = 'ImportError';
}

/** The import was stopped (signal); running it again continues from the last checkpoint. */
export class ImportInterrupted extends Error {
  override name = 'ImportInterrupted';
}

export interface ImportProgress {
  phase: 'read' | 'sort';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Store root; default LEAKAID_PWNED or ./var/pwned/. */
  root?: string;
  mode?: PwnedMode;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  checkpointBytes?: number;
  /** 2^bucketBits buckets in pass 1; default from the input size (bucketBitsFor). */
  bucketBits?: number;
}

export interface ImportResult {
  mode: PwnedMode;
  dir: string;
  records: number;
  /** True when an interrupted import of the same input was continued. */
  resumed: boolean;
}

interface Source {
  path: string;
  size: number;
  mtimeMs: number;
  /** For a folder's range files: the 5-hex prefix from the file name. */
  prefix: string | null;
}

interface ImportState {
  identity: string;
  phase: 'read' | 'sort';
  source: number;
  offset: number;
  line: number;
  bucketBits: number;
  bucketBytes: number[];
  nextBucket: number;
  outputRecords: number;
}

const RANGE_FILE_NAME = /^([0-9A-Fa-f]{5})(?:\.txt)?$/;

async function listSources(input: string): Promise<Source[]> {
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new ImportError(`cannot read ${input}: no such file or folder`);
  }
  if (info.isFile()) return [{ path: resolve(input), size: info.size, mtimeMs: info.mtimeMs, prefix: null }];
  if (!info.isDirectory()) throw new ImportError(`${input} is neither a file nor a folder`);
  const names = (await readdir(input)).filter((name) => RANGE_FILE_NAME.test(name)).sort();
  if (names.length === 0) throw new ImportError(`${input} has no range files (files named by a 5-hex prefix, like 0A1B2.txt)`);
  // One at a time: the downloader's folder has 1,048,576 files.
  const sources: Source[] = [];
  for (const name of names) {
    const path = resolve(input, name);
    const s = await stat(path);
    sources.push({ path, size: s.size, mtimeMs: s.mtimeMs, prefix: RANGE_FILE_NAME.exec(name)![1]!.toUpperCase() });
  }
  return sources;
}

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
}
const COLON = 0x3a;
const NEWLINE = 0x0a;
const CR = 0x0d;

/** Pass 1 writer: per-bucket buffers flushed to bucket files at known lengths. */
class Buckets {
  /** Opened on first write: a small input touches few buckets. */
  private readonly fds: (number | undefined)[];
  private readonly buffers: Buffer[] = [];
  private readonly fill: number[];
  private readonly shift: number;

  constructor(
    private readonly dir: string,
    readonly lengths: number[],
    bits: number,
  ) {
    this.fds = new Array<number | undefined>(lengths.length);
    this.fill = new Array<number>(lengths.length).fill(0);
    this.shift = 24 - bits;
    for (let b = 0; b < lengths.length; b++) this.buffers.push(Buffer.allocUnsafe(BUCKET_BUFFER_BYTES));
  }

  /** The bucket of a hash: its first `bits` bits. */
  bucketOf(hash: Buffer): number {
    return ((hash[0]! << 16) | (hash[1]! << 8) | hash[2]!) >>> this.shift;
  }

  private fd(bucket: number): number {
    let fd = this.fds[bucket];
    if (fd === undefined) {
      fd = openSync(bucketPath(this.dir, bucket), constants.O_RDWR | constants.O_CREAT);
      // Back to the checkpoint: anything written after it is written again.
      ftruncateSync(fd, this.lengths[bucket]!);
      this.fds[bucket] = fd;
    }
    return fd;
  }

  add(bucket: number, record: Buffer, width: number): void {
    let fill = this.fill[bucket]!;
    if (fill + width > BUCKET_BUFFER_BYTES) {
      this.flushBucket(bucket);
      fill = 0;
    }
    record.copy(this.buffers[bucket]!, fill, 0, width);
    this.fill[bucket] = fill + width;
  }

  private flushBucket(bucket: number): void {
    const fill = this.fill[bucket]!;
    if (fill === 0) return;
    writeSync(this.fd(bucket), this.buffers[bucket]!, 0, fill, this.lengths[bucket]!);
    this.lengths[bucket]! += fill;
    this.fill[bucket] = 0;
  }

  flush(): void {
    for (let b = 0; b < this.lengths.length; b++) this.flushBucket(b);
  }

  close(): void {
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
  }
}

function bucketPath(workDir: string, bucket: number): string {
  return join(workDir, `bucket-${bucket.toString().padStart(4, '0')}.bin`);
}

/** Written to a temporary file and renamed, so a checkpoint is either old or new, never torn. */
function saveState(workDir: string, state: ImportState): void {
  const path = join(workDir, 'state.json');
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

async function loadState(workDir: string, identity: string): Promise<ImportState | null> {
  try {
    const state = JSON.parse(await readFile(join(workDir, 'state.json'), 'utf8')) as ImportState;
    return state.identity === identity ? state : null;
  } catch {
    return null;
  }
}

/** Pass 1 over one source, from `state.offset`, keeping `state` at the last whole line read. */
async function readSource(
  source: Source,
  mode: PwnedMode,
  buckets: Buckets,
  state: ImportState,
  options: { signal?: AbortSignal; afterChunk: (bytes: number) => void },
): Promise<void> {
  const hashBytes = HASH_BYTES[mode];
  const width = hashBytes + COUNT_BYTES;
  const record = Buffer.alloc(width);
  const fixedNibbles = source.prefix ? PREFIX_HEX : 0;
  const hexDigits = hashBytes * 2 - fixedNibbles;
  if (source.prefix) {
    for (let k = 0; k < PREFIX_HEX; k++) setNibble(record, k, HEX_VALUE[source.prefix.charCodeAt(k)]!);
  }
  const what = source.prefix ? `a ${hexDigits}-hex suffix` : `a ${hexDigits}-hex ${modeName(mode)} hash`;
  const otherMode = mode === 'sha1' ? 'ntlm' : 'sha1';

  let line = state.line;
  const fail = (message: string): never => {
    throw new ImportError(`${source.path}, line ${line}: ${message}`);
  };

  /** Parses bytes[start, end) (no newline); skips blank lines and zero counts (padding). */
  const parseLine = (bytes: Buffer, start: number, end: number): void => {
    line++;
    if (end > start && bytes[end - 1] === CR) end--;
    if (end === start) return;
    const colon = start + hexDigits;
    if (end <= colon || bytes[colon] !== COLON) {
      const found = bytes.indexOf(COLON, start);
      const length = found < 0 || found >= end ? end - start : found - start;
      const hint = length === (HASH_BYTES[otherMode] * 2 - fixedNibbles) ? ` (this looks like ${modeName(otherMode)}: use --mode ${otherMode})` : '';
      fail(`expected ${what}, a colon and a count${hint}`);
    }
    for (let k = 0; k < hexDigits; k++) {
      const v = HEX_VALUE[bytes[start + k]!]!;
      if (v < 0) fail(`expected ${what}, found a character that is not hexadecimal`);
      setNibble(record, fixedNibbles + k, v);
    }
    let count = 0;
    if (colon + 1 === end) fail('the count is missing after the colon');
    for (let i = colon + 1; i < end; i++) {
      const digit = bytes[i]! - 0x30;
      if (digit < 0 || digit > 9) fail('the count is not a whole number');
      count = count * 10 + digit;
    }
    if (count > MAX_COUNT) fail(`the count is larger than ${MAX_COUNT}`);
    if (count === 0) return;
    record.writeUInt32BE(count, hashBytes);
    buckets.add(buckets.bucketOf(record), record, width);
  };

  let offset = state.offset;
  let carry: Buffer | null = null;
  const stream: ReadStream = createReadStream(source.path, { start: offset, highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new ImportInterrupted('import interrupted');
      let start = 0;
      if (carry) {
        const newline = chunk.indexOf(NEWLINE);
        if (newline < 0) {
          carry = Buffer.concat([carry, chunk]);
          if (carry.length > MAX_LINE_BYTES) fail(`the line is longer than ${MAX_LINE_BYTES} bytes; is this a Pwned Passwords file?`);
          continue;
        }
        const joined: Buffer = Buffer.concat([carry, chunk.subarray(0, newline)]);
        parseLine(joined, 0, joined.length);
        offset += joined.length + 1;
        start = newline + 1;
        carry = null;
      }
      for (;;) {
        const newline = chunk.indexOf(NEWLINE, start);
        if (newline < 0) break;
        parseLine(chunk, start, newline);
        offset += newline + 1 - start;
        start = newline + 1;
      }
      if (start < chunk.length) {
        carry = Buffer.from(chunk.subarray(start));
        if (carry.length > MAX_LINE_BYTES) fail(`the line is longer than ${MAX_LINE_BYTES} bytes; is this a Pwned Passwords file?`);
      }
      const consumed = offset - state.offset;
      Object.assign(state, { offset, line });
      options.afterChunk(consumed);
    }
    if (carry) {
      parseLine(carry, 0, carry.length);
      offset += carry.length;
    }
  } finally {
    stream.destroy();
  }
  state.line = line;
  state.offset = offset;
}

function setNibble(target: Buffer, nibble: number, value: number): void {
  const at = nibble >> 1;
  target[at] = nibble & 1 ? (target[at]! & 0xf0) | value : (value << 4) | (target[at]! & 0x0f);
}

/** Bits 20–51 of the hash (the 32 after the prefix) as an unsigned number. */
function key32(data: Buffer, at: number): number {
  return (
    (((data[at + 2]! & 0x0f) << 28) | (data[at + 3]! << 20) | (data[at + 4]! << 12) | (data[at + 5]! << 4) | (data[at + 6]! >> 4)) >>>
    0
  );
}

/** Largest prefix group sorted by packed numeric keys (key × 2^21 + position stays below 2^53). */
const PACKED_GROUP_LIMIT = 1 << 21;

/** The order of a bucket's records by full hash: counting sort on the prefix, then a
 * numeric sort of the next 32 bits within each prefix, then exact comparison of ties. */
function sortBucket(data: Buffer, n: number, width: number, hashBytes: number, bits: number): Uint32Array {
  const PREFIXES_PER_BUCKET = 1 << (PREFIX_BITS - bits);
  const localPrefix = (i: number) => {
    const at = i * width;
    return (((data[at]! << 12) | (data[at + 1]! << 4) | (data[at + 2]! >> 4)) & (PREFIXES_PER_BUCKET - 1)) >>> 0;
  };
  const starts = new Uint32Array(PREFIXES_PER_BUCKET + 1);
  for (let i = 0; i < n; i++) starts[localPrefix(i) + 1]!++;
  for (let p = 0; p < PREFIXES_PER_BUCKET; p++) starts[p + 1]! += starts[p]!;
  const order = new Uint32Array(n);
  const next = starts.slice(0, PREFIXES_PER_BUCKET);
  for (let i = 0; i < n; i++) order[next[localPrefix(i)]!++] = i;

  const compareFull = (a: number, b: number) => data.compare(data, b * width, b * width + hashBytes, a * width, a * width + hashBytes);
  const keys = new Float64Array(Math.min(n, PACKED_GROUP_LIMIT));
  const slice = new Uint32Array(Math.min(n, PACKED_GROUP_LIMIT));
  for (let p = 0; p < PREFIXES_PER_BUCKET; p++) {
    const from = starts[p]!;
    const m = starts[p + 1]! - from;
    if (m < 2) continue;
    if (m > PACKED_GROUP_LIMIT) {
      const sorted = Array.from(order.subarray(from, from + m)).sort(compareFull);
      order.set(sorted, from);
      continue;
    }
    for (let k = 0; k < m; k++) {
      slice[k] = order[from + k]!;
      keys[k] = key32(data, slice[k]! * width) * PACKED_GROUP_LIMIT + k;
    }
    keys.subarray(0, m).sort();
    for (let k = 0; k < m; k++) order[from + k] = slice[keys[k]! % PACKED_GROUP_LIMIT]!;
    // Records equal in those 32 bits (rare) are ordered by the whole hash.
    let run = 0;
    for (let k = 1; k <= m; k++) {
      const same = k < m && Math.floor(keys[k]! / PACKED_GROUP_LIMIT) === Math.floor(keys[k - 1]! / PACKED_GROUP_LIMIT);
      if (same) continue;
      if (k - run > 1) order.set(Array.from(order.subarray(from + run, from + k)).sort(compareFull), from + run);
      run = k;
    }
  }
  return order;
}

/** Pass 2 for one bucket: appends its sorted, de-duplicated records and its index entries. */
function writeBucket(
  data: Buffer,
  bucket: number,
  bits: number,
  mode: PwnedMode,
  out: { records: number; index: number; outputRecords: number },
): void {
  const PREFIXES_PER_BUCKET = 1 << (PREFIX_BITS - bits);
  const hashBytes = HASH_BYTES[mode];
  const inWidth = hashBytes + COUNT_BYTES;
  const outWidth = recordBytes(mode);
  const n = data.length / inWidth;
  const order = sortBucket(data, n, inWidth, hashBytes, bits);
  const index = new BigUint64Array(PREFIXES_PER_BUCKET);
  const buffer = Buffer.allocUnsafe(Math.max(outWidth, Math.min(n * outWidth, OUTPUT_BUFFER_BYTES - (OUTPUT_BUFFER_BYTES % outWidth))));
  let fill = 0;
  let written = out.outputRecords;
  let previous = -1;
  let nextPrefix = 0;
  const flush = () => {
    writeSync(out.records, buffer, 0, fill, (written - fill / outWidth) * outWidth);
    fill = 0;
  };
  for (let k = 0; k < n; k++) {
    const at = order[k]! * inWidth;
    const count = data.readUInt32BE(at + hashBytes);
    if (
      previous >= 0 &&
      data.readUInt32BE(at + 2) === data.readUInt32BE(previous + 2) &&
      data.compare(data, previous, previous + hashBytes, at, at + hashBytes) === 0
    ) {
      // The same hash twice (input joined from several downloads): counts add up.
      const slot = fill - COUNT_BYTES;
      const sum = buffer.readUInt32BE(slot) + count;
      if (sum > MAX_COUNT) throw new ImportError(`a hash is counted more than ${MAX_COUNT} times in all`);
      buffer.writeUInt32BE(sum, slot);
      continue;
    }
    const local = ((data[at]! << 12) | (data[at + 1]! << 4) | (data[at + 2]! >> 4)) & (PREFIXES_PER_BUCKET - 1);
    while (nextPrefix <= local) index[nextPrefix++] = BigInt(written);
    if (fill + outWidth > buffer.length) flush();
    data.copy(buffer, fill, at + 2, at + hashBytes);
    buffer.writeUInt32BE(count, fill + hashBytes - 2);
    fill += outWidth;
    written++;
    previous = at;
  }
  if (fill > 0) flush();
  while (nextPrefix < PREFIXES_PER_BUCKET) index[nextPrefix++] = BigInt(written);
  writeSync(out.index, new Uint8Array(index.buffer), 0, index.byteLength, bucket * PREFIXES_PER_BUCKET * INDEX_ENTRY_BYTES);
  out.outputRecords = written;
}

/**
 * Imports a Pwned Passwords file or folder into the store for `options.mode` (default
 * SHA-1) under `options.root` (default LEAKAID_PWNED or ./var/pwned/). Resumes an
 * interrupted import of the same input.
 */
export async function importPwned(input: string, options: ImportOptions = {}): Promise<ImportResult> {
  const mode = options.mode ?? 'sha1';
  const root = options.root ?? defaultStoreRoot();
  const checkpointBytes = options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES;
  const sources = await listSources(input);
  const totalBytes = sources.reduce((sum, s) => sum + s.size, 0);
  const bucketBits = options.bucketBits ?? bucketBitsFor(totalBytes);
  if (!Number.isInteger(bucketBits) || bucketBits < 0 || bucketBits > MAX_BUCKET_BITS) {
    throw new ImportError(`bucketBits must be a whole number from 0 to ${MAX_BUCKET_BITS}`);
  }
  // A digest, not the list itself: a folder's list is ~80 MB, and the state is rewritten at every checkpoint.
  const identity = createHash('sha256')
    .update(JSON.stringify({ mode, bucketBits, sources: sources.map((s) => [s.path, s.size, s.mtimeMs]) }))
    .digest('hex');
  const workDir = join(root, `${mode}.import`);
  await mkdir(workDir, { recursive: true });

  let state = await loadState(workDir, identity);
  const resumed = state !== null;
  if (!state) {
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    state = {
      identity,
      phase: 'read',
      source: 0,
      offset: 0,
      line: 0,
      bucketBits,
      bucketBytes: new Array<number>(1 << bucketBits).fill(0),
      nextBucket: 0,
      outputRecords: 0,
    };
    saveState(workDir, state);
  }

  if (state.phase === 'read') {
    const buckets = new Buckets(workDir, state.bucketBytes, state.bucketBits);
    // Input bytes read since the last checkpoint, across source files: a folder of a
    // million small range files is checkpointed by size, not file by file.
    let unsaved = 0;
    const checkpoint = () => {
      buckets.flush();
      saveState(workDir, state);
      unsaved = 0;
    };
    let before = sources.slice(0, state.source).reduce((sum, s) => sum + s.size, 0);
    try {
      while (state.source < sources.length) {
        const source = sources[state.source]!;
        await readSource(source, mode, buckets, state, {
          ...(options.signal ? { signal: options.signal } : {}),
          afterChunk: (bytes) => {
            options.onProgress?.({ phase: 'read', done: before + state.offset, total: totalBytes });
            unsaved += bytes;
            if (unsaved >= checkpointBytes) checkpoint();
          },
        });
        before += source.size;
        Object.assign(state, { source: state.source + 1, offset: 0, line: 0 });
        if (unsaved >= checkpointBytes) checkpoint();
      }
      state.phase = 'sort';
      checkpoint();
    } finally {
      buckets.close();
    }
  }

  const recordsPath = join(workDir, RECORDS_FILE);
  const indexPath = join(workDir, INDEX_FILE);
  closeSync(openSync(recordsPath, 'a'));
  closeSync(openSync(indexPath, 'a'));
  const out = { records: openSync(recordsPath, 'r+'), index: openSync(indexPath, 'r+'), outputRecords: state.outputRecords };
  try {
    ftruncateSync(out.records, state.outputRecords * recordBytes(mode));
    ftruncateSync(out.index, INDEX_BYTES);
    const inWidth = HASH_BYTES[mode] + COUNT_BYTES;
    // Checkpointed by bytes sorted, not bucket by bucket: a checkpoint costs a file
    // rename, and redoing a few buckets after an interruption costs little. A bucket
    // file is deleted only once a checkpoint is past it.
    let sortedSinceCheckpoint = 0;
    let sortedBuckets: string[] = [];
    const sortCheckpoint = () => {
      saveState(workDir, state);
      for (const path of sortedBuckets) rmSync(path);
      sortedBuckets = [];
      sortedSinceCheckpoint = 0;
    };
    const buckets = state.bucketBytes.length;
    for (let bucket = state.nextBucket; bucket < buckets; bucket++) {
      if (options.signal?.aborted) throw new ImportInterrupted('import interrupted');
      const length = state.bucketBytes[bucket]!;
      if (length > MAX_BUCKET_BYTES) {
        throw new ImportError(`one part of the input is larger than ${MAX_BUCKET_BYTES} bytes; the input is not a hash list`);
      }
      const path = bucketPath(workDir, bucket);
      const data = Buffer.allocUnsafe(length);
      if (length > 0) {
        const fd = openSync(path, 'r');
        try {
          for (let read = 0; read < length; ) read += readSync(fd, data, read, length - read, read);
        } finally {
          closeSync(fd);
        }
      }
      if (length % inWidth !== 0) throw new ImportError(`${path} is damaged; delete ${workDir} and import again`);
      writeBucket(data, bucket, state.bucketBits, mode, out);
      state.nextBucket = bucket + 1;
      state.outputRecords = out.outputRecords;
      sortedSinceCheckpoint += length;
      if (length > 0) sortedBuckets.push(path);
      if (sortedSinceCheckpoint >= checkpointBytes) sortCheckpoint();
      options.onProgress?.({ phase: 'sort', done: bucket + 1, total: buckets });
    }
    sortCheckpoint();
    const total = Buffer.alloc(INDEX_ENTRY_BYTES);
    total.writeBigUInt64LE(BigInt(out.outputRecords));
    writeSync(out.index, total, 0, INDEX_ENTRY_BYTES, PREFIX_COUNT * INDEX_ENTRY_BYTES);
    fsyncSync(out.records);
    fsyncSync(out.index);
  } finally {
    closeSync(out.records);
    closeSync(out.index);
  }

  const meta: StoreMeta = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    mode,
    records: state.outputRecords,
    importedAt: new Date().toISOString(),
    source: sources.length === 1 ? basename(sources[0]!.path) : `${basename(input)}/ (${sources.length} range files)`,
  };
  // Buckets left empty at the last checkpoint may still hold bytes from an interrupted run.
  for (const name of await readdir(workDir)) if (name.startsWith('bucket-')) await unlink(join(workDir, name));
  await writeFile(join(workDir, META_FILE), JSON.stringify(meta, null, 2));
  await unlink(join(workDir, 'state.json'));
  const dir = storeDir(root, mode);
  const old = `${dir}.old-${process.pid}`;
  await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(workDir, dir);
  await rm(old, { recursive: true, force: true });
  return { mode, dir, records: meta.records, resumed };
}
