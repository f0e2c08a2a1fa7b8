// The store, the same suite on SQLite and on a real PostgreSQL server (started here when
// the binaries are installed; skipped with a message when not).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import type { Incident } from '../../../src/core/registry/types.js';
import { importHibpFile, importHibpText } from '../../../src/node/store/hibp-import.js';
import { openStore, type Store } from '../../../src/node/store/index.js';
import { postgresBinaries, startPostgres, type PostgresServer } from './postgres-server.js';

const SHARED_DATA = join(import.meta.dirname, '../../../../shared/data');
const HIBP_2018 = join(SHARED_DATA, 'hibp/breaches-2018-07.json');
const HIBP_PARTIAL = join(SHARED_DATA, 'hibp/breaches-recent-2025-2026.partial.json');
const hibpPresent = existsSync(HIBP_2018) && existsSync(HIBP_PARTIAL);
if (!hibpPresent) console.warn(`store.test.ts: skipping HIBP file imports, ${SHARED_DATA}/hibp is absent`);

const bin = postgresBinaries();
if (bin === null) console.warn('store.test.ts: skipping PostgreSQL, no /usr/lib/postgresql/*/bin/initdb (apt-get install -y postgresql)');

interface Backend {
  name: string;
  /** A new, empty store location. */
  fresh(): Promise<string>;
}

const tempDir = mkdtempSync(join(tmpdir(), 'leakaid-store-'));
let sqliteFiles = 0;
const sqlite: Backend = { name: 'SQLite', fresh: async () => join(tempDir, `store-${++sqliteFiles}.sqlite`) };

let server: PostgresServer | undefined;
let databases = 0;
const postgres: Backend = {
  name: 'PostgreSQL',
  async fresh() {
    if (server === undefined) throw new Error('PostgreSQL did not start');
    const name = `leakaid_test_${++databases}`;
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return server.url.replace(/\/postgres$/, `/${name}`);
  },
};

beforeAll(async () => {
  if (bin !== null) server = await startPostgres(bin);
}, 60_000);

afterAll(() => {
  server?.stop();
  rmSync(tempDir, { recursive: true, force: true });
});

const BACKENDS: Array<[Backend, boolean]> = [
  [sqlite, false],
  [postgres, bin === null],
];

/** A small breach list of our own: valid, invalid and partial records. */
const OWN_BREACHES = [
  {
    Name: 'ExampleShop',
    Title: 'Example Shop',
    Domain: 'shop.example',
    BreachDate: '2024-02-01',
    AddedDate: '2024-03-01T10:00:00Z',
    ModifiedDate: '2024-03-02T10:00:00Z',
    PwnCount: 1234,
    Description: 'In February 2024, <a href="https://shop.example/news">Example Shop</a> lost customer data.',
    DataClasses: ['Email addresses', 'Passwords'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    LogoPath: 'https://logos.haveibeenpwned.com/ExampleShop.png',
  },
  { Name: 'NoCount', Title: 'No count', AddedDate: '2024-03-01T10:00:00Z', Description: '', DataClasses: [] },
  'not an object',
  { Title: '例の店 Partial', AddedDate: '2025-01-02T03:04:05Z', PwnCount: 10, Description: 'x', DataClasses: ['Names'] },
];

describe.each(BACKENDS)('store on %s', (backend, skip) => {
  let store: Store;
  beforeAll(async () => {
    if (skip) return;
    store = await openStore(await backend.fresh());
  }, 60_000);
  afterAll(async () => {
    if (!skip) await store.close();
  });

  it.skipIf(skip)('is seeded with the NTT incident: organizations, records, what leaked and what did not, sources', async () => {
    const incident = await store.getIncident(NTT_INCIDENT_ID);
    expect(incident).toBeDefined();
    const west = incident?.affected.find((a) => a.organizationId === 'ntt-west');
    expect(west?.records).toBe(1_200_000);
    expect(west?.dataClasses).toEqual(expect.arrayContaining(['Names', 'Physical addresses', 'Phone numbers', 'Service types', 'Line IDs']));
    expect(west?.notExposed).toEqual(expect.arrayContaining(['Credit cards', 'Bank account numbers', 'Passwords']));
    expect(west?.sources.length).toBeGreaterThan(0);
    expect(incident?.affected.map((a) => a.organizationId)).toEqual(expect.arrayContaining(['ntt-west', 'ntt-docomo', 'fukuoka-pref']));
    expect(await store.countIncidents('registry')).toBe(SEED_INCIDENTS.length);
  });

  it.skipIf(skip).each([
    'NTT西日本',
    'エヌ・ティ・ティ西日本',
    'NTT West',
    'ntt west',
    'ＮＴＴ西日本',
    'nttwest',
    '西日本',
    '西日本電信電話',
    'にしにほんでんしんでんわ',
    '福岡',
    'ドコモ',
    'ProCX',
    'ビジネスソリューションズ',
  ])('search finds the NTT incident from %s', async (query) => {
    const results = await store.searchIncidents(query);
    expect(results.map((r) => r.id)).toContain(NTT_INCIDENT_ID);
  });

  it.skipIf(skip).each(['NTT東日本', 'ヤマト運輸', 'zz', '%', '_', '"', "'", '\\'])('search does not find it from %s', async (query) => {
    expect((await store.searchIncidents(query)).map((r) => r.id)).not.toContain(NTT_INCIDENT_ID);
  });

  it.skipIf(skip)('finds incidents by organization, affected or involved', async () => {
    expect((await store.incidentsForOrganizations(['ntt-west'])).map((i) => i.id)).toContain(NTT_INCIDENT_ID);
    expect((await store.incidentsForOrganizations(['ntt-marketing-act-procx'])).map((i) => i.id)).toContain(NTT_INCIDENT_ID);
    expect(await store.incidentsForOrganizations(['yamato'])).toEqual([]);
    expect(await store.incidentsForOrganizations([])).toEqual([]);
  });

  it.skipIf(skip)('imports valid HIBP records, reports invalid ones by index, and a second import changes nothing', async () => {
    const text = JSON.stringify(OWN_BREACHES);
    const first = await importHibpText(store, text);
    expect(first).toMatchObject({ records: 2, added: 2, updated: 0, unchanged: 0 });
    expect(first.invalid.map((i) => i.index)).toEqual([1, 2]);
    expect(first.invalid[0]?.reason).toMatch(/PwnCount/);
    const second = await importHibpText(store, text);
    expect(second).toMatchObject({ records: 2, added: 0, updated: 0, unchanged: 2 });
    const shop = await store.getIncidentByName('exampleshop');
    expect(shop?.attribution?.name).toBe('Have I Been Pwned');
    expect(shop?.hibp?.Name).toBe('ExampleShop');
    expect((await store.listIncidents({ domain: 'SHOP.example' })).map((i) => i.id)).toEqual(['hibp-exampleshop']);
    const partial = await store.getIncidentByName('Partial-20250102030405');
    expect(partial?.hibp?.BreachDate).toBe('');
  });

  it.skipIf(skip)('a changed record is updated, not duplicated', async () => {
    const changed = [{ ...(OWN_BREACHES[0] as object), PwnCount: 2000, ModifiedDate: '2024-04-01T00:00:00Z' }];
    expect(await importHibpText(store, JSON.stringify(changed))).toMatchObject({ added: 0, updated: 1 });
    expect((await store.getIncident('hibp-exampleshop'))?.totalRecords).toBe(2000);
  });

  it.skipIf(skip)('a record with fewer fields completes the one on record and erases nothing', async () => {
    const full = OWN_BREACHES[0] as { Name: string; Domain: string; BreachDate: string; IsVerified: boolean };
    const partial = [{ Name: full.Name, Title: 'Example Shop', AddedDate: '2025-01-01T00:00:00Z', PwnCount: 3000, Description: 'Newer text.', DataClasses: ['Email addresses'] }];
    expect(await importHibpText(store, JSON.stringify(partial))).toMatchObject({ added: 0, updated: 1 });
    const merged = (await store.getIncident('hibp-exampleshop'))?.hibp;
    expect(merged).toMatchObject({ PwnCount: 3000, Description: 'Newer text.', Domain: full.Domain, BreachDate: full.BreachDate, IsVerified: full.IsVerified });
    expect(await importHibpText(store, JSON.stringify(partial))).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it.skipIf(skip || !hibpPresent)('imports the July 2018 HIBP list as 293 incidents, the second time adds nothing', async () => {
    const location = await backend.fresh();
    const own = await openStore(location);
    try {
      expect(await importHibpFile(own, HIBP_2018)).toMatchObject({ records: 293, added: 293, invalid: [] });
      expect(await importHibpFile(own, HIBP_2018)).toMatchObject({ added: 0, updated: 0, unchanged: 293 });
      expect(await own.countIncidents('hibp')).toBe(293);
      expect((await own.listIncidents({ domain: 'adobe.com' })).map((i) => i.id)).toEqual(['hibp-adobe']);
      expect((await own.searchIncidents('000webhost')).map((r) => r.id)).toEqual(['hibp-000webhost']);
      const partial = await importHibpFile(own, HIBP_PARTIAL);
      expect(partial.invalid).toEqual([]);
      expect(partial.records).toBe(JSON.parse(readFileSync(HIBP_PARTIAL, 'utf8')).length);
      expect(await importHibpFile(own, HIBP_PARTIAL)).toMatchObject({ added: 0, updated: 0 });
      // Adobe is in both files (the newer one in the current field set): still found by its domain.
      expect((await own.listIncidents({ domain: 'adobe.com' })).map((i) => i.id)).toEqual(['hibp-adobe']);
    } finally {
      await own.close();
    }
  }, 60_000);

  it.skipIf(skip)('reopening keeps the data and does not seed twice; an edited seed row is kept', async () => {
    const location = await backend.fresh();
    const first = await openStore(location);
    const seed = await first.getIncident(NTT_INCIDENT_ID);
    const edited: Incident = { ...seed!, totalRecords: 9_000_000 };
    await first.upsertIncident(edited);
    await first.close();
    const again = await openStore(location);
    try {
      expect(await again.countIncidents()).toBe(SEED_INCIDENTS.length);
      expect((await again.getIncident(NTT_INCIDENT_ID))?.totalRecords).toBe(9_000_000);
    } finally {
      await again.close();
    }
  });

  it.skipIf(skip)('any stored title is found by any part of it, and no query breaks the search', async () => {
    const location = await backend.fresh();
    const own = await openStore(location);
    try {
      const base = SEED_INCIDENTS[0]!;
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(...'abcXYZ 日本西東エヌ・%_"\'\\-0') }),
          fc.nat(),
          fc.nat(),
          async (title, a, b) => {
            fc.pre(title.trim() !== '');
            const id = `prop-${++n}`;
            await own.upsertIncident({ ...base, id, title: { ja: title, en: title }, summary: { ja: 'x', en: 'x' }, affected: [], involved: [] });
            const folded = title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
            const start = a % folded.length;
            const part = folded.slice(start, start + 1 + (b % (folded.length - start)));
            // A query of only spaces asks for nothing and finds nothing.
            if (part.trim() === '') return;
            const found = (await own.searchIncidents(part)).map((r) => r.id);
            // Up to SEARCH_LIMIT results; ours must be among them unless many earlier ones share the part.
            if (found.length < 50) expect(found, `"${part}" in "${title}"`).toContain(id);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await own.close();
    }
  }, 60_000);
});
