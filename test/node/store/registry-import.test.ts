// `leakaid incidents import FILE` in the registry's own format: every problem reported
// with its record and field, nothing imported while any remains, and importing twice
// changes nothing while a changed record replaces the stored one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/registry/types.js';
import { openStore, type Store } from '../../../src/node/store/index.js';
import {
  importRegistryFile,
  importRegistryText,
  parseRegistryRecords,
  problemLine,
  REGISTRY_IMPORT_MAX_BYTES,
  RegistryImportError,
} from '../../../src/node/store/registry-import.js';

const SOURCE = { url: 'https://example.org/news/3', publisher: 'Example News' };

const CONTRIBUTION: Incident = {
  id: 'minato-clinic-2025',
  title: { ja: 'みなと診療所 予約システムへの不正アクセス', en: 'Unauthorized access to Minato Clinic’s booking system' },
  summary: { ja: '予約システムに外部から不正なアクセスがありました。', en: 'The booking system was accessed from outside without authorization.' },
  announcedDate: '2025-03-04',
  status: 'confirmed',
  affected: [
    {
      organizationId: 'minato-clinic',
      name: { ja: 'みなと診療所', en: 'Minato Clinic' },
      dataClasses: ['Names', 'Phone numbers'],
      notExposed: ['Credit cards'],
      notifications: [{ method: 'email', date: '2025-03-04', sources: [SOURCE] }],
      enquiries: [],
      sources: [SOURCE],
    },
  ],
  timeline: [],
  followUpScams: [],
  sources: [SOURCE],
};

function problemsOf(text: string): string[] {
  try {
    parseRegistryRecords(text);
  } catch (error) {
    if (error instanceof RegistryImportError) return error.problems.map(problemLine);
    throw error;
  }
  return [];
}

describe('validating a contribution', () => {
  it('lists every problem of every record, with the record and the field', () => {
    const noName = { ...CONTRIBUTION, id: 'second-2025', affected: [{ ...CONTRIBUTION.affected[0]!, name: undefined, dataClasses: ['Names', 'Shoe sizes'] }] };
    const badDates = { ...CONTRIBUTION, id: 'third-2025', announcedDate: '4 March 2025', title: { ja: '', en: 'x' }, status: 'rumour' };
    expect(problemsOf(JSON.stringify([CONTRIBUTION, noName, badDates]))).toEqual([
      '[1] affected.0.dataClasses.1: unknown data class "Shoe sizes" (see data/registry/data-classes.json)',
      '[1] affected.0.name: "minato-clinic" is not in data/organizations.json, so the record needs its name ({"ja", "en"})',
      expect.stringMatching(/^\[2\] title\.ja: /),
      expect.stringMatching(/^\[2\] announcedDate: .*YYYY/),
      expect.stringMatching(/^\[2\] status: /),
    ]);
  });

  it('names a single record\'s fields without an index, and refuses what is not a record', () => {
    expect(problemsOf(JSON.stringify({ ...CONTRIBUTION, sources: [{ publisher: 'someone' }] }))).toEqual([
      'sources.0: a source without a URL needs a note saying where the fact comes from',
    ]);
    expect(problemsOf('{"id": ')[0]).toMatch(/^not JSON/);
    expect(problemsOf('[]')).toEqual(['the array holds no incident']);
    expect(problemsOf('"just text"')[0]).toMatch(/expected object/);
    expect(problemsOf(JSON.stringify([CONTRIBUTION, CONTRIBUTION]))).toEqual(['[1] id: the same id as record 0 ("minato-clinic-2025")']);
    expect(problemsOf(JSON.stringify({ ...CONTRIBUTION, hibp: { Name: 'x' } }))).toEqual([expect.stringMatching(/^hibp: .*--format hibp/)]);
  });
});

describe('importing into the store', () => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-registry-import-'));
  beforeAll(async () => {
    store = await openStore(':memory:');
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, then changes nothing the second time, then replaces an updated record', async () => {
    expect(await importRegistryText(store, JSON.stringify(CONTRIBUTION))).toEqual({ records: 1, added: 1, updated: 0, unchanged: 0 });
    expect(await importRegistryText(store, JSON.stringify([CONTRIBUTION]))).toEqual({ records: 1, added: 0, updated: 0, unchanged: 1 });
    const updated = { ...CONTRIBUTION, totalRecords: 1200 };
    expect(await importRegistryText(store, JSON.stringify(updated))).toEqual({ records: 1, added: 0, updated: 1, unchanged: 0 });
    expect((await store.getIncident(CONTRIBUTION.id))?.totalRecords).toBe(1200);
    expect((await store.searchIncidents('みなと診療所')).map((r) => r.id)).toEqual([CONTRIBUTION.id]);
  });

  it('imports nothing from a file with any problem', async () => {
    const good = { ...CONTRIBUTION, id: 'good-2025' };
    const bad = { ...CONTRIBUTION, id: 'bad-2025', status: 'rumour' };
    await expect(importRegistryText(store, JSON.stringify([good, bad]))).rejects.toBeInstanceOf(RegistryImportError);
    expect(await store.getIncident('good-2025')).toBeUndefined();
  });

  it('refuses a missing file and one over the size limit before reading it', async () => {
    await expect(importRegistryFile(store, join(dir, 'absent.json'))).rejects.toThrow(/cannot read .*ENOENT/);
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(REGISTRY_IMPORT_MAX_BYTES + 1));
    await expect(importRegistryFile(store, big)).rejects.toThrow(/larger than/);
  });
});
