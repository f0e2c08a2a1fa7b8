// Finding organizations by any form of their names (the /mine type-ahead, `leakaid
// incidents mine`, `leakaid org`), the incidents for a person's picks, and an
// organization's page. Fixtures are written here; the last tests run over the real data.
import { describe, expect, it } from 'vitest';
import { ORGANIZATIONS, organizationNames } from '../../../src/core/knowledge/organizations.js';
import { incidentsForPicks, lastChanged, toIndexEntry, type IncidentIndexEntry } from '../../../src/core/registry/incident-index.js';
import {
  buildDirectory,
  organizationProfile,
  resolveOrganizationName,
  suggestOrganizations,
} from '../../../src/core/registry/organization-directory.js';
import { SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import type { Incident } from '../../../src/core/registry/types.js';

const SOURCE = { url: 'https://example.org/news/1', publisher: 'Example News' };

/** A leak at a town known only from this incident, and one at NTT East (in data/organizations.json). */
const TOWN_LEAK: Incident = {
  id: 'sakura-town-2021',
  title: { ja: 'さくら町 USBメモリの紛失', en: 'Sakura Town lost a USB stick' },
  summary: { ja: '町の職員がUSBメモリをなくしました。', en: 'A town employee lost a USB stick.' },
  announcedDate: '2021-05-10',
  status: 'confirmed',
  affected: [
    {
      organizationId: 'sakura-town',
      name: { ja: 'さくら町役場', en: 'Sakura Town Office' },
      dataClasses: ['Names', 'Physical addresses'],
      notExposed: ['Bank account numbers'],
      notifications: [{ method: 'letter', date: '2021-05-20', sources: [SOURCE] }],
      enquiries: [],
      sources: [SOURCE],
    },
  ],
  timeline: [{ date: '2021-06-01', text: { ja: '再発防止策を公表', en: 'Measures announced' }, sources: [SOURCE] }],
  followUpScams: [],
  sources: [SOURCE],
};

const EAST_LEAK: Incident = {
  ...TOWN_LEAK,
  id: 'ntt-east-fixture-2024',
  title: { ja: 'NTT東日本 テスト用の記録', en: 'NTT East test record' },
  announcedDate: '2024-02',
  timeline: [],
  affected: [{ ...TOWN_LEAK.affected[0]!, organizationId: 'ntt-east', name: undefined, notifications: [{ method: 'postcard', sources: [SOURCE] }] }],
  involved: [{ organizationId: 'sakura-town', role: { ja: '委託先', en: 'Contractor' }, sources: [SOURCE] }],
};

const ENTRIES: IncidentIndexEntry[] = [TOWN_LEAK, EAST_LEAK].map(toIndexEntry);
const directory = buildDirectory(ENTRIES);

describe('finding an organization by any form of its name', () => {
  it.each([
    ['official kanji name', '東日本電信電話株式会社', 'ntt-east'],
    ['katakana reading', 'ヒガシニホンデンシンデンワ', 'ntt-east'],
    ['the reading in hiragana', 'ひがしにほんでんしんでんわ', 'ntt-east'],
    ['half-width katakana', 'ﾋｶﾞｼﾆﾎﾝﾃﾞﾝｼﾝﾃﾞﾝﾜ', 'ntt-east'],
    ['English, lower case', 'nippon telegraph and telephone east', 'ntt-east'],
    ['full-width latin with an ideographic space', 'ＮＴＴ　Ｅａｓｔ', 'ntt-east'],
    ['an alias with a middle dot left out', 'エヌティティ東日本', 'ntt-east'],
    ['a name known only from an incident, in Japanese', 'さくら町役場', 'sakura-town'],
    ['the same in katakana', 'サクラ町役場', 'sakura-town'],
    ['a name known only from an incident, in English', 'sakura town office', 'sakura-town'],
    ['the English name in full-width letters', 'Ｓａｋｕｒａ　Ｔｏｗｎ', 'sakura-town'],
  ])('%s: %s', (_form, typed, id) => {
    expect(suggestOrganizations(directory, typed).map((o) => o.id)).toContain(id);
  });

  it('puts exact names first, then names that start with what was typed, then the rest', () => {
    const found = suggestOrganizations(directory, 'NTT東日本').map((o) => o.id);
    expect(found[0]).toBe('ntt-east');
    expect(suggestOrganizations(directory, 'ヤマト')[0]?.id).toBe('yamato');
  });

  it('suggests nothing for blank input, and at most a short list', () => {
    expect(suggestOrganizations(directory, '  ・ ')).toEqual([]);
    expect(suggestOrganizations(directory, '株式会社').length).toBeLessThanOrEqual(8);
  });

  it('resolves a typed name: found, several to choose from, or not on record', () => {
    expect(resolveOrganizationName(directory, 'ﾔﾏﾄ運輸')).toMatchObject({ kind: 'found', organizations: [{ id: 'yamato' }] });
    expect(resolveOrganizationName(directory, 'ntt-east')).toMatchObject({ kind: 'found', organizations: [{ id: 'ntt-east' }] });
    const several = resolveOrganizationName(directory, 'NTT');
    expect(several.kind).toBe('ambiguous');
    expect(resolveOrganizationName(directory, 'どこにもない会社')).toEqual({ kind: 'unknown' });
  });
});

describe('the incidents for a person\'s picks', () => {
  it('are those that affected a picked organization, newest first, with only the picked parts', () => {
    const found = incidentsForPicks(ENTRIES, ['sakura-town', 'ntt-east']);
    expect(found.map((f) => f.entry.id)).toEqual(['ntt-east-fixture-2024', 'sakura-town-2021']);
    expect(found[1]?.picked).toEqual([expect.objectContaining({ organizationId: 'sakura-town', dataClasses: ['Names', 'Physical addresses'], notExposed: ['Bank account numbers'] })]);
    // Being a contractor in an incident is not being affected by it.
    expect(incidentsForPicks(ENTRIES, ['sakura-town']).map((f) => f.entry.id)).toEqual(['sakura-town-2021']);
    expect(incidentsForPicks(ENTRIES, [])).toEqual([]);
    expect(incidentsForPicks(ENTRIES, ['yamato'])).toEqual([]);
  });

  it('an incident is last changed at its newest dated event', () => {
    expect(lastChanged(TOWN_LEAK)).toBe('2021-06-01');
    expect(lastChanged(EAST_LEAK)).toBe('2024-02');
  });
});

describe('an organization\'s page', () => {
  it('has its official channels, its incidents as affected or involved, and how it told people', () => {
    const east = organizationProfile('ntt-east', [TOWN_LEAK, EAST_LEAK])!;
    expect(east.organization?.domains.map((d) => d.domain)).toContain('ntt-east.co.jp');
    expect(east.incidents.map((i) => i.id)).toEqual(['ntt-east-fixture-2024']);
    expect(east.noticeMethods).toEqual([{ method: 'postcard', incidentId: 'ntt-east-fixture-2024', sources: [SOURCE] }]);
    const town = organizationProfile('sakura-town', [TOWN_LEAK, EAST_LEAK])!;
    expect(town.display).toEqual({ ja: 'さくら町役場', en: 'Sakura Town Office' });
    expect(town.organization).toBeUndefined();
    expect(town.incidents.map((i) => [i.id, i.affected !== undefined, i.involved !== undefined])).toEqual([
      ['ntt-east-fixture-2024', false, true],
      ['sakura-town-2021', true, false],
    ]);
    expect(organizationProfile('nobody', [TOWN_LEAK])).toBeUndefined();
  });
});

describe('the real data', () => {
  const real = buildDirectory(SEED_INCIDENTS.map(toIndexEntry));

  it('finds every organization in data/organizations.json by each of its names', () => {
    for (const org of ORGANIZATIONS) {
      for (const name of organizationNames(org)) {
        const resolved = resolveOrganizationName(real, name);
        expect(resolved.kind === 'found' ? resolved.organizations.map((o) => o.id) : resolved, `${org.id}: ${name}`).toContain(org.id);
      }
    }
  });

  it('finds every affected organization of every incident by its names, and the incident for it', () => {
    for (const incident of SEED_INCIDENTS) {
      for (const affected of incident.affected) {
        const names = affected.name === undefined ? [] : [affected.name.ja, affected.name.en];
        for (const name of names) {
          const resolved = resolveOrganizationName(real, name);
          const ids = resolved.kind === 'found' ? resolved.organizations.map((o) => o.id) : [];
          expect(ids, `${incident.id}: ${name}`).toContain(affected.organizationId);
        }
        const found = incidentsForPicks(SEED_INCIDENTS.map(toIndexEntry), [affected.organizationId]).map((f) => f.entry.id);
        expect(found, `${incident.id}: ${affected.organizationId}`).toContain(incident.id);
      }
    }
  });
});
