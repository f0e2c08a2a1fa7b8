// Incident search (the Search page, GET /api/incidents, `leakaid incidents search`) finds
// an incident by any form of an affected organization's name: kanji, kana, English,
// half-width katakana, full-width latin — for organizations of data/organizations.json
// and for those only the incident names. Fixtures written here, on an in-memory store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrganization } from '../../../src/core/knowledge/organizations.js';
import { SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
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
