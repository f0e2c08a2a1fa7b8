// Incident search (the Search page, GET /api/incidents, `leakaid incidents search`) finds
// an incident by any form of an affected organization's name: kanji, kana, English,
// half-width katakana, full-width latin — for organizations of data/organizations.json
// and for those only the incident names. Fixtures written here, on an in-memory store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrganization } from '../../../src/core/knowledge/organizations.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import type { Incident } from '../../../src/core/registry/types.js';
import { openStore, type Store } from '../../../src/node/store/index.js';

const SOURCE = { url: 'https://example.org/news/2', publisher: 'Example News' };

const FIXTURE: Incident = {
  id: 'search-forms-fixture',
  title: { ja: '架空の漏えい（検索のテスト）', en: 'A made-up leak (search test)' },
  summary: { ja: 'テスト用の記録です。', en: 'A record for tests.' },
  status: 'reported',
  affected: [
    {
      organizationId: 'ntt-east',
      dataClasses: ['Names'],
      notExposed: [],
      notifications: [],
      enquiries: [],
      sources: [SOURCE],
    },
    {
      organizationId: 'hoshizora-gakuen',
      name: { ja: '星空学園', en: 'Hoshizora Academy' },
      dataClasses: ['Names'],
      notExposed: [],
      notifications: [],
      enquiries: [],
      sources: [SOURCE],
    },
  ],
  timeline: [],
  followUpScams: [],
  sources: [SOURCE],
};

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.upsertIncident(FIXTURE);
});
afterAll(async () => {
  await store.close();
});

async function found(query: string): Promise<string[]> {
  return (await store.searchIncidents(query)).map((r) => r.id);
}

describe('incident search by the forms of a name', () => {
  it.each([
    ['official kanji name', '東日本電信電話'],
    ['katakana reading', 'ヒガシニホンデンシンデンワ'],
    ['hiragana reading', 'ひがしにほんでんしんでんわ'],
    ['half-width katakana', 'ﾋｶﾞｼﾆﾎﾝﾃﾞﾝｼﾝﾃﾞﾝﾜ'],
    ['English', 'nippon telegraph and telephone east'],
    ['full-width latin', 'ＮＴＴ Ｅａｓｔ'],
    ['alias written without its dots', 'エヌティティ東日本'],
    ['a name only the incident gives, in kanji', '星空学園'],
    ['the same in English, upper case', 'HOSHIZORA ACADEMY'],
    ['the same in full-width latin', 'Ｈｏｓｈｉｚｏｒａ'],
  ])('%s: %s', async (_form, query) => {
    expect(await found(query)).toContain(FIXTURE.id);
  });

  it('does not find it by a name it does not carry', async () => {
    expect(await found('ヤマト運輸')).not.toContain(FIXTURE.id);
  });

  it('finds every seed incident by the Japanese and English names of each affected organization', async () => {
    for (const incident of SEED_INCIDENTS) {
      for (const affected of incident.affected) {
        const display = affected.name ?? getOrganization(affected.organizationId)?.display;
        for (const name of [display?.ja, display?.en]) {
          if (name === undefined) continue;
          const results = await store.searchIncidents(name);
          // Up to the search limit; a name shared by many incidents may push this one out.
          if (results.length < 50) expect(results.map((r) => r.id), `${incident.id}: ${name}`).toContain(incident.id);
        }
      }
    }
  });
});

describe('a store made before organizations got new names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-search-refresh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-derives the search text of seeded rows when opened, and of an imported record when it is written again', async () => {
    const location = join(dir, 'old.sqlite');
    const first = await openStore(location);
    try {
      // As an older store holds them: search text without today's names, seed versions of content alone.
      await first.upsertIncident(FIXTURE);
      await first.db.updateTable('incidents').set({ search_text: 'stale', updated: '' }).execute();
      await sql`UPDATE incidents_fts SET search_text = 'stale'`.execute(first.db);
      const rows = await first.db.selectFrom('seed_applied').select(['incident_id', 'content_hash']).execute();
      for (const row of rows) {
        await first.db.updateTable('seed_applied').set({ content_hash: row.content_hash.split(':')[0]! }).where('incident_id', '=', row.incident_id).execute();
      }
      expect((await first.searchIncidents('NTT西日本')).map((r) => r.id)).not.toContain(NTT_INCIDENT_ID);
    } finally {
      await first.close();
    }
    const again = await openStore(location);
    try {
      expect((await again.searchIncidents('NTT西日本')).map((r) => r.id)).toContain(NTT_INCIDENT_ID);
      expect((await again.recentIncidents(1, 'registry'))[0]?.id).not.toBe(FIXTURE.id);
      expect(await again.searchIncidents('星空学園')).toEqual([]);
      expect(await again.upsertIncident(FIXTURE)).toBe('unchanged');
      expect((await again.searchIncidents('星空学園')).map((r) => r.id)).toEqual([FIXTURE.id]);
    } finally {
      await again.close();
    }
  });
});
