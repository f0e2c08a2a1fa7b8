// "Where to read more": the announcements, then every cited source once, grouped as the
// organization's own, public bodies', the press's and those without a web address.
import { describe, expect, it } from 'vitest';
import { researchLinks } from '../../../src/core/registry/research-links.js';
import type { Incident, Source } from '../../../src/core/registry/types.js';

const OWN: Source = { url: 'https://www.ntt-west.co.jp/news/2310/231017a.html', publisher: 'NTT西日本' };
const MINISTRY: Source = { url: 'https://www.soumu.go.jp/menu_news/s-news/01kiban.html', publisher: '総務省' };
const CITY: Source = { url: 'https://www.city.example.lg.jp/news/1.html', publisher: '例市' };
const PRESS: Source = { url: 'https://www3.nhk.or.jp/news/html/20231018/k10014229441000.html', publisher: 'NHK' };
const UNLINKED: Source = { publisher: '消費者向けの記事', note: 'web address not recorded' };
const ANNOUNCEMENT = 'https://www.ntt-west.co.jp/info/support/oshirase20231017.html';

const INCIDENT: Incident = {
  id: 'read-more-fixture',
  title: { ja: 'テスト', en: 'Test' },
  summary: { ja: 'テスト', en: 'Test' },
  status: 'confirmed',
  affected: [
    {
      organizationId: 'ntt-west',
      dataClasses: ['Names'],
      notExposed: [],
      notifications: [{ method: 'postcard', sources: [UNLINKED, { url: ANNOUNCEMENT, publisher: 'NTT西日本' }] }],
      announcementUrl: ANNOUNCEMENT,
      enquiries: [],
      sources: [PRESS, OWN],
    },
  ],
  timeline: [{ date: '2023-10-17', text: { ja: '公表', en: 'Announced' }, sources: [MINISTRY, PRESS, CITY] }],
  followUpScams: [],
  sources: [PRESS, UNLINKED],
};

describe('researchLinks', () => {
  it('lists the announcement, then each source once in its group, in a fixed order', () => {
    expect(researchLinks(INCIDENT)).toEqual({
      announcements: [{ organizationId: 'ntt-west', url: ANNOUNCEMENT }],
      groups: [
        { kind: 'organization', sources: [OWN] },
        { kind: 'public', sources: [MINISTRY, CITY] },
        { kind: 'press', sources: [PRESS] },
        { kind: 'unlinked', sources: [UNLINKED] },
      ],
    });
  });

  it('counts an official domain as the organization\'s own only when that organization is part of the incident', () => {
    const other = { ...INCIDENT, affected: [{ ...INCIDENT.affected[0]!, organizationId: 'ntt-east', announcementUrl: undefined }] };
    const kinds = researchLinks(other).groups.map((g) => [g.kind, g.sources.map((s) => s.publisher)]);
    expect(kinds).toContainEqual(['press', ['NHK', 'NTT西日本', 'NTT西日本']]);
    expect(kinds.map(([kind]) => kind)).not.toContain('organization');
  });
});
