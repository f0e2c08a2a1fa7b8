import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_BYTES, recordBytes, storeDir } from '../../../src/node/pwned/format.js';
import { ImportError, ImportInterrupted, importPwned } from '../../../src/node/pwned/import.js';
import { ntlmHex } from '../../../src/node/pwned/ntlm.js';
import { RangeStore } from '../../../src/node/pwned/store.js';
import { shuffled, sortedByHash, tempDir, writeHashFile, writeRangeFolder, type HashCount, removeTempDirs } from './fixtures.js';

const HEX = '0123456789ABCDEF';
const hexChars = (n: number) => fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: n, maxLength: n });

/** Hashes that share prefixes and the next 32 bits often, to reach every sorting path. */
const hashCounts = (hexLength: number) =>
  fc.uniqueArray(
    fc.record({
      hash: fc.tuple(fc.constantFrom('00000', '21BD1', 'FFFFF', '7A3C0'), fc.constantFrom('', '12345678'), hexChars(hexLength)).map(
        ([prefix, shared, rest]) => (prefix + shared + rest).slice(0, hexLength),
      ),
      count: fc.integer({ min: 1, max: 0xffff_ffff }),
    }),
    { selector: (e) => e.hash, minLength: 1, maxLength: 300 },
  );

async function expectStoreHolds(root: string, mode: 'sha1' | 'ntlm', entries: HashCount[]): Promise<void> {
  const store = await RangeStore.open(root, mode);
  try {
    expect(store.size).toBe(entries.length);
    const byPrefix = new Map<string, HashCount[]>();
    for (const e of sortedByHash(entries)) byPrefix.set(e.hash.slice(0, 5), [...(byPrefix.get(e.hash.slice(0, 5)) ?? []), e]);
    for (const [prefix, inPrefix] of byPrefix) {
      expect(await store.range(prefix)).toEqual(inPrefix.map((e) => ({ suffix: e.hash.slice(5), count: e.count })));
    }
    for (const e of entries.slice(0, 200)) expect(await store.count(e.hash.toLowerCase())).toBe(e.count);
  } finally {
    await store.close();
  }
}

function randomEntries(n: number, hashBytes = 20): HashCount[] {
  return Array.from({ length: n }, (_, i) => ({ hash: randomBytes(hashBytes).toString('hex').toUpperCase(), count: (i % 1000) + 1 }));
}

afterAll(removeTempDirs);

describe('pwned range store', () => {
  it('reproduces the count of every hash of an unsorted SHA-1 file (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hashCounts(40), async (entries) => {
        const dir = tempDir('prop');
        const bucketBits = entries.length % 11; // one bucket up to 1,024
        await importPwned(writeHashFile(dir, 'in.txt', entries), { root: join(dir, 'store'), bucketBits });
        await expectStoreHolds(join(dir, 'store'), 'sha1', entries);
        const store = await RangeStore.open(join(dir, 'store'), 'sha1');
        expect(await store.count('F'.repeat(40))).toBe(entries.find((e) => e.hash === 'F'.repeat(40))?.count ?? 0);
        await store.close();
      }),
      { numRuns: 12 },
    );
  });

  it('reproduces NTLM files too (property), with 27-character suffixes', async () => {
    await fc.assert(
      fc.asyncProperty(hashCounts(32), async (entries) => {
        const dir = tempDir('ntlm');
        await importPwned(writeHashFile(dir, 'ntlm.txt', entries, '\n'), { root: join(dir, 'store'), mode: 'ntlm' });
        await expectStoreHolds(join(dir, 'store'), 'ntlm', entries);
      }),
      { numRuns: 6 },
    );
  });

  it('builds the same store from a sorted file, an unsorted file and a folder of range files', async () => {
    const dir = tempDir('formats');
    const entries = randomEntries(5000);
    await importPwned(writeHashFile(dir, 'sorted.txt', sortedByHash(entries)), { root: join(dir, 'a') });
    await importPwned(writeHashFile(dir, 'unsorted.txt', shuffled(entries), '\n'), { root: join(dir, 'b'), bucketBits: 10 });
    await importPwned(writeRangeFolder(dir, 'ranges', entries), { root: join(dir, 'c') });
    const sameFiles = (root: string, other: string) =>
      ['records.bin', 'index.bin'].every((f) => readFileSync(join(storeDir(root, 'sha1'), f)).equals(readFileSync(join(storeDir(other, 'sha1'), f))));
    expect(sameFiles(join(dir, 'b'), join(dir, 'a'))).toBe(true);
    expect(sameFiles(join(dir, 'c'), join(dir, 'a'))).toBe(true);
    expect(statSync(join(storeDir(join(dir, 'a'), 'sha1'), 'records.bin')).size).toBe(entries.length * recordBytes('sha1'));
    expect(statSync(join(storeDir(join(dir, 'a'), 'sha1'), 'index.bin')).size).toBe(INDEX_BYTES);
    await expectStoreHolds(join(dir, 'c'), 'sha1', entries);
  });

  it('adds up the counts of a hash listed twice and skips zero-count padding lines', async () => {
    const dir = tempDir('dups');
    const hash = createHash('sha1').update('password').digest('hex').toUpperCase();
    const other = createHash('sha1').update('letmein').digest('hex').toUpperCase();
    writeFileSync(join(dir, 'in.txt'), `${hash}:5\n${other}:0\n${hash.toLowerCase()}:7\n\n`);
    const result = await importPwned(join(dir, 'in.txt'), { root: join(dir, 'store') });
    expect(result.records).toBe(1);
    await expectStoreHolds(join(dir, 'store'), 'sha1', [{ hash, count: 12 }]);
  });

  it('resumes an interrupted import, in either pass, even with data written after the last checkpoint', async () => {
    const dir = tempDir('resume');
    const entries = randomEntries(60_000); // ~2.8 MB: several read chunks and checkpoints
    const input = writeHashFile(dir, 'in.txt', shuffled(entries));
    const root = join(dir, 'store');
    const work = join(root, 'sha1.import');

    const stopWhen = (phase: 'read' | 'sort', done: number) => {
      const controller = new AbortController();
      return {
        signal: controller.signal,
        onProgress: (p: { phase: string; done: number }) => {
          if (p.phase === phase && p.done >= done) controller.abort();
        },
      };
    };
    const options = { root, checkpointBytes: 256 * 1024, bucketBits: 4 };
    await expect(importPwned(input, { ...options, ...stopWhen('read', 1_500_000) })).rejects.toThrow(
      ImportInterrupted,
    );
    const state = JSON.parse(readFileSync(join(work, 'state.json'), 'utf8'));
    expect(state.phase).toBe('read');
    expect(state.offset).toBeGreaterThan(0);
    expect(state.offset).toBeLessThan(statSync(input).size);
    // A crash may leave records past the checkpoint; they must not be counted twice.
    const bucket = readdirSync(work).find((f) => f.startsWith('bucket-'))!;
    appendFileSync(join(work, bucket), randomBytes(24 * 3));

    await expect(importPwned(input, { ...options, ...stopWhen('sort', 8) })).rejects.toThrow(ImportInterrupted);
    const sorting = JSON.parse(readFileSync(join(work, 'state.json'), 'utf8'));
    expect(sorting.phase).toBe('sort');
    expect(sorting.nextBucket).toBeGreaterThan(0);
    appendFileSync(join(work, 'records.bin'), randomBytes(22 * 5));

    const result = await importPwned(input, options);
    expect(result.resumed).toBe(true);
    expect(result.records).toBe(entries.length);
    await expectStoreHolds(root, 'sha1', entries);
    expect(readdirSync(root)).toEqual(['sha1']);
  });

  it('starts over when the input changed since the interruption', async () => {
    const dir = tempDir('changed');
    const input = writeHashFile(dir, 'in.txt', randomEntries(50_000));
    const root = join(dir, 'store');
    const controller = new AbortController();
    await expect(
      importPwned(input, { root, signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow(ImportInterrupted);
    const replacement = randomEntries(100);
    writeHashFile(dir, 'in.txt', replacement);
    const result = await importPwned(input, { root });
    expect(result.resumed).toBe(false);
    await expectStoreHolds(root, 'sha1', replacement);
  });

  it('replaces an existing store only when the new one is complete', async () => {
    const dir = tempDir('replace');
    const root = join(dir, 'store');
    const first = randomEntries(10);
    await importPwned(writeHashFile(dir, 'one.txt', first), { root });
    const second = randomEntries(20);
    await importPwned(writeHashFile(dir, 'two.txt', second), { root });
    await expectStoreHolds(root, 'sha1', second);
  });

  it('refuses broken input with a clear one-line error naming the line', async () => {
    const dir = tempDir('bad');
    const root = join(dir, 'store');
    const sha = createHash('sha1').update('x').digest('hex').toUpperCase();
    const cases: [string, RegExp][] = [
      [`${sha}:1\nnot a hash line\n`, /in\.txt, line 2: expected a 40-hex SHA-1 hash, a colon and a count$/],
      [`${sha.slice(0, 39)}Z:1\n`, /line 1: .*not hexadecimal/],
      [`${sha}:\n`, /line 1: the count is missing/],
      [`${sha}:12x\n`, /line 1: the count is not a whole number/],
      [`${sha}:99999999999\n`, /line 1: the count is larger than 4294967295/],
      [`${ntlmHex('password')}:3\n`, /this looks like NTLM: use --mode ntlm/],
      ['A'.repeat(5000), /longer than 1024 bytes/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'in.txt'), text);
      const error = await importPwned(join(dir, 'in.txt'), { root }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    await expect(importPwned(join(dir, 'missing.txt'), { root })).rejects.toThrow(/no such file or folder/);
    await expect(importPwned(dir, { root })).rejects.toThrow(/has no range files/);
  });

  it('hashes NTLM as MD4 of UTF-16LE (RFC 1320 vectors)', () => {
    expect(ntlmHex('password')).toBe('8846F7EAEE8FB117AD06BDD830B7586C');
    expect(ntlmHex('')).toBe('31D6CFE0D16AE931B73C59D7E0C089C0');
  });

  it('reads ranges from disk on request, not the whole store', async () => {
    const dir = tempDir('disk');
    const entries = randomEntries(2000);
    await importPwned(writeHashFile(dir, 'in.txt', entries), { root: join(dir, 'store') });
    const store = await RangeStore.open(join(dir, 'store'), 'sha1');
    // Records changed on disk after opening are what the next lookup sees.
    const records = join(storeDir(join(dir, 'store'), 'sha1'), 'records.bin');
    const first = sortedByHash(entries)[0]!;
    const bytes = readFileSync(records);
    bytes.writeUInt32BE(424242, recordBytes('sha1') - 4);
    writeFileSync(records, bytes);
    expect(await store.count(first.hash)).toBe(424242);
    await store.close();
    await expect(RangeStore.open(join(dir, 'nothing'), 'sha1')).rejects.toThrow(/no SHA-1 password store/);
  });
});
