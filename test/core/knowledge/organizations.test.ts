import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import {
  getOrganization,
  officialDomain,
  ORGANIZATIONS,
  organizationForDomain,
  organizationName,
  searchOrganizations,
} from '../../../src/core/knowledge/organizations.js';
import { parseOrganizations } from '../../../src/core/knowledge/organizations-schema.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function sourcedEntries() {
  return ORGANIZATIONS.flatMap((org) => [
    ...org.domains.map((d) => ({ org: org.id, what: d.domain, source: d.source, checked: d.checked })),
    ...org.smsSenders.map((s) => ({ org: org.id, what: s.sender, source: s.source, checked: s.checked })),
    ...org.phones.map((p) => ({ org: org.id, what: p.number, source: p.source, checked: p.checked })),
  ]);
}

describe('data/organizations.json', () => {
  it('has the first organizations', () => {
    const ids = ORGANIZATIONS.map((o) => o.id);
    for (const id of [
      'ntt-west',
      'ntt-east',
      'ntt-docomo',
      'kddi',
      'softbank',
      'yamato',
      'sagawa',
      'japan-post',
      'amazon-jp',
      'rakuten',
      'nta',
      'smbc-card',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has unique ids', () => {
    const ids = ORGANIZATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every domain, SMS sender and phone number a source URL and a checked date', () => {
    const entries = sourcedEntries();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const url = new URL(e.source);
      expect(['http:', 'https:'], `${e.org} ${e.what}`).toContain(url.protocol);
      expect(e.checked, `${e.org} ${e.what}`).toMatch(ISO_DATE);
      expect(Number.isNaN(Date.parse(e.checked)), `${e.org} ${e.what}`).toBe(false);
    }
  });

  it('lists only registrable domains (eTLD+1 per tldts), each for one organization unless shared within a group', () => {
    const seen = new Map<string, string>();
    for (const org of ORGANIZATIONS) {
      for (const { domain, sharedWithinGroup } of org.domains) {
        expect(getDomain(domain), domain).toBe(domain);
        expect(domain).toBe(domain.toLowerCase());
        if (sharedWithinGroup !== true) expect(seen.has(domain), `${domain} listed twice`).toBe(false);
        seen.set(domain, org.id);
      }
    }
  });

  it('lists japanpost.jp for both 日本郵便 and ゆうちょ銀行, marked shared within the group', () => {
    for (const id of ['japan-post', 'japan-post-bank']) {
      expect(officialDomain(id, 'www.jp-bank.japanpost.jp')?.sharedWithinGroup, id).toBe(true);
    }
    const sharing = ORGANIZATIONS.filter((o) => o.domains.some((d) => d.domain === 'japanpost.jp')).map((o) => o.id);
    expect(sharing).toEqual(['japan-post', 'japan-post-bank']);
  });

  it('writes phone numbers in national format', () => {
    for (const org of ORGANIZATIONS) for (const p of org.phones) expect(p.number).toMatch(/^0\d{1,4}(-\d{1,4}){1,3}$/);
  });

  it('has names to match in every organization', () => {
    for (const org of ORGANIZATIONS) {
      expect(org.names.ja.length, org.id).toBeGreaterThan(0);
      expect(org.display.ja.length).toBeGreaterThan(0);
      expect(org.display.en.length).toBeGreaterThan(0);
    }
  });
});

describe('parseOrganizations', () => {
  const valid = () => ({
    organizations: [
      {
        id: 'example-co',
        display: { ja: '例', en: 'Example' },
        names: { ja: ['例株式会社'], kana: [], en: ['Example'] },
        aliases: [],
        category: 'other',
        domains: [{ domain: 'example.co.jp', source: 'https://example.co.jp/', checked: '2026-11-29' }],
        smsSenders: [],
        phones: [],
      },
    ],
  });

  it('accepts valid data', () => {
    expect(parseOrganizations(valid())[0]!.id).toBe('example-co');
  });

  it.each([
    ['a subdomain', (d: ReturnType<typeof valid>) => (d.organizations[0]!.domains[0]!.domain = 'www.example.co.jp')],
    ['a public suffix', (d: ReturnType<typeof valid>) => (d.organizations[0]!.domains[0]!.domain = 'co.jp')],
    ['upper case', (d: ReturnType<typeof valid>) => (d.organizations[0]!.domains[0]!.domain = 'Example.co.jp')],
    ['a missing source', (d: ReturnType<typeof valid>) => delete (d.organizations[0]!.domains[0] as { source?: string }).source],
    ['a source that is not a URL', (d: ReturnType<typeof valid>) => (d.organizations[0]!.domains[0]!.source = 'their website')],
    ['a bad date', (d: ReturnType<typeof valid>) => (d.organizations[0]!.domains[0]!.checked = '29/11/2026')],
    ['a bad id', (d: ReturnType<typeof valid>) => (d.organizations[0]!.id = 'Example Co')],
    ['an unknown field', (d: ReturnType<typeof valid>) => Object.assign(d.organizations[0]!, { website: 'x' })],
    ['a duplicate id', (d: ReturnType<typeof valid>) => d.organizations.push({ ...d.organizations[0]!, domains: [] })],
    [
      'a domain in two organizations',
      (d: ReturnType<typeof valid>) => d.organizations.push({ ...d.organizations[0]!, id: 'other-co' }),
    ],
  ])('rejects %s', (_label, mutate) => {
    const data = valid();
    mutate(data);
    expect(() => parseOrganizations(data)).toThrow(/organizations\.json is invalid/);
  });

  describe('a domain shared within a group', () => {
    /** valid() with a second organization listing the same domain; `marks` says which
     * of the two entries carry sharedWithinGroup. */
    const sharedBy = (marks: [boolean, boolean]) => {
      const data = valid();
      const first = data.organizations[0]!;
      data.organizations.push({ ...first, id: 'example-bank', domains: [{ ...first.domains[0]! }] });
      data.organizations.forEach((org, i) => {
        if (marks[i]) Object.assign(org.domains[0]!, { sharedWithinGroup: true });
      });
      return data;
    };

    it('is accepted when every organization listing it marks it', () => {
      const orgs = parseOrganizations(sharedBy([true, true]));
      expect(orgs.map((o) => [o.id, o.domains[0]!.domain, o.domains[0]!.sharedWithinGroup])).toEqual([
        ['example-co', 'example.co.jp', true],
        ['example-bank', 'example.co.jp', true],
      ]);
    });

    it.each([
      ['neither', [false, false]],
      ['only the first', [true, false]],
      ['only the second', [false, true]],
    ] as const)('is rejected when %s of the two entries is marked', (_label, marks) => {
      expect(() => parseOrganizations(sharedBy([...marks]))).toThrow(/listed for both example-co and example-bank/);
    });

    it('is rejected when one organization lists it twice, even marked', () => {
      const data = valid();
      const entry = { ...data.organizations[0]!.domains[0]!, sharedWithinGroup: true };
      data.organizations[0]!.domains = [entry, { ...entry }];
      expect(() => parseOrganizations(data)).toThrow(/listed for both example-co and example-co/);
    });

    it('is rejected when marked but listed for one organization only', () => {
      const data = valid();
      Object.assign(data.organizations[0]!.domains[0]!, { sharedWithinGroup: true });
      expect(() => parseOrganizations(data)).toThrow(/marked sharedWithinGroup but listed only for example-co/);
    });

    it('accepts only true as the mark', () => {
      const data = sharedBy([true, true]);
      Object.assign(data.organizations[1]!.domains[0]!, { sharedWithinGroup: false });
      expect(() => parseOrganizations(data)).toThrow(/organizations\.json is invalid/);
    });
  });

  it('rejects a phone number that is not in national format', () => {
    const data = valid();
    (data.organizations[0] as { phones: unknown[] }).phones.push({
      number: '+81 3 1234 5678',
      purpose: 'support',
      source: 'https://example.co.jp/',
      checked: '2026-11-29',
    });
    expect(() => parseOrganizations(data)).toThrow();
  });
});

describe('lookups', () => {
  it('finds an organization by id', () => {
    expect(getOrganization('ntt-west')?.names.ja).toContain('西日本電信電話株式会社');
    expect(getOrganization('no-such-org')).toBeUndefined();
  });

  it('finds the owner of a domain or host', () => {
    expect(organizationForDomain('ntt-west.co.jp')?.id).toBe('ntt-west');
    expect(organizationForDomain('www.ntt-west.co.jp')?.id).toBe('ntt-west');
    expect(organizationForDomain('E-TAX.NTA.GO.JP.')?.id).toBe('nta');
    expect(organizationForDomain('contact.vpass.ne.jp')?.id).toBe('smbc-card');
    expect(organizationForDomain('amazon.co.jp.evil.top')).toBeUndefined();
    expect(organizationForDomain('ntt-west.co.jp-security.com')).toBeUndefined();
    expect(organizationForDomain('localhost')).toBeUndefined();
  });

  it('returns the domain entry only for the right organization', () => {
    expect(officialDomain('yamato', 'www.kuronekoyamato.co.jp')?.domain).toBe('kuronekoyamato.co.jp');
    expect(officialDomain('sagawa', 'www.kuronekoyamato.co.jp')).toBeUndefined();
    expect(officialDomain('no-such-org', 'www.kuronekoyamato.co.jp')).toBeUndefined();
    expect(officialDomain('yamato', 'localhost')).toBeUndefined();
  });

  it('gives a domain shared within a group to the first organization listing it, and finds it official for each', () => {
    expect(organizationForDomain('www.jp-bank.japanpost.jp')?.id).toBe('japan-post');
    expect(organizationForDomain('www.post.japanpost.jp')?.id).toBe('japan-post');
    expect(officialDomain('japan-post-bank', 'www.jp-bank.japanpost.jp')?.domain).toBe('japanpost.jp');
    expect(officialDomain('japan-post', 'www.jp-bank.japanpost.jp')?.domain).toBe('japanpost.jp');
    expect(officialDomain('nhk', 'www.jp-bank.japanpost.jp')).toBeUndefined();
  });

  it('marks domains that also hold customer mailboxes', () => {
    expect(officialDomain('ntt-docomo', 'docomo.ne.jp')?.customerMailboxes).toBe(true);
    expect(officialDomain('ntt-west', 'ntt-west.co.jp')?.customerMailboxes).toBeUndefined();
  });

  it('gives a display name in each language', () => {
    expect(organizationName('ntt-west', 'ja')).toBe('NTT西日本');
    expect(organizationName('ntt-west', 'en')).toBe('NTT West');
    expect(organizationName('unknown-id', 'ja')).toBe('unknown-id');
  });
});

describe('searchOrganizations', () => {
  it.each([
    ['ヤマト運輸', 'yamato'],
    ['やまと運輸', 'yamato'],
    ['ﾔﾏﾄ運輸', 'yamato'],
    ['NTT西日本', 'ntt-west'],
    ['エヌ・ティ・ティ西日本', 'ntt-west'],
    ['ntt west', 'ntt-west'],
    ['ＮＴＴ西日本', 'ntt-west'],
    ['ntt-west.co.jp', 'ntt-west'],
    ['佐川', 'sagawa'],
    ['アマゾン', 'amazon-jp'],
    ['ゆうちょ', 'japan-post-bank'],
    ['ゆうちょ銀行', 'japan-post-bank'],
    ['日本放送協会', 'nhk'],
    ['NHK', 'nhk'],
    ['ビザ', 'visa'],
    ['Booking.com', 'booking'],
  ])('finds %s', (query, id) => {
    expect(searchOrganizations(query).map((o) => o.id)).toContain(id);
  });

  it('puts names that start with the query first', () => {
    expect(searchOrganizations('ドコモ')[0]?.id).toBe('ntt-docomo');
  });

  it.each(['', 'x', '　', 'ゆうちょ銀行ではない何か'])('finds nothing for %j', (query) => {
    expect(searchOrganizations(query)).toEqual([]);
  });
});
