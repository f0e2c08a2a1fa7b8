// The registry's HTTP routes through app.request(), on an in-memory SQLite store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../src/core/registry/seed.js';
import { lastChanged } from '../../src/core/registry/incident-index.js';
import { atomDate, atomFeed, createRegistryApp, FEED_ENTRIES } from '../../src/node/http/registry.js';
import { importHibpFile } from '../../src/node/store/hibp-import.js';
import { openStore, type Store } from '../../src/node/store/index.js';

const HIBP_2018 = join(import.meta.dirname, '../../../shared/data/hibp/breaches-2018-07.json');
const hibpPresent = existsSync(HIBP_2018);
if (!hibpPresent) console.warn(`registry-http.test.ts: skipping the HIBP list tests, ${HIBP_2018} is absent`);

const TOKEN = 'a-long-admin-token-for-tests';
/** Field names and order of Have I Been Pwned's breach model. */
const HIBP_FIELDS = [
  'Name', 'Title', 'Domain', 'BreachDate', 'AddedDate', 'ModifiedDate', 'PwnCount', 'Description', 'LogoPath',
  'DataClasses', 'IsVerified', 'IsFabricated', 'IsSensitive', 'IsRetired', 'IsSpamList', 'IsMalware',
  'IsSubscriptionFree', 'IsStealerLog',
];

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  if (hibpPresent) await importHibpFile(store, HIBP_2018);
});
afterAll(async () => {
  await store.close();
});

const app = () => createRegistryApp({ store, adminToken: TOKEN });

describe('GET /api/incidents', () => {
  it.each(['NTT西日本', 'エヌ・ティ・ティ西日本', 'NTT West', '西日本'])('finds the NTT incident from %s', async (q) => {
    const res = await app().request(`/api/incidents?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { id: string }[] };
    expect(body.results.map((r) => r.id)).toContain(NTT_INCIDENT_ID);
  });

  it('shows one incident with its affected organizations and sources; unknown ids are 404', async () => {
    const res = await app().request(`/api/incidents/${NTT_INCIDENT_ID}`);
    const incident = (await res.json()) as { affected: { organizationId: string; notExposed: string[] }[]; sources: unknown[] };
    expect(incident.affected[0]?.organizationId).toBe('ntt-west');
    expect(incident.affected[0]?.notExposed).toContain('Credit cards');
    expect(incident.sources.length).toBeGreaterThan(0);
    expect((await app().request('/api/incidents/no-such-incident')).status).toBe(404);
  });
});

describe.skipIf(!hibpPresent)('HIBP-compatible API', () => {
  it('GET /api/v3/breaches returns the 293 imported breaches (and our own) in HIBP field names, with attribution', async () => {
    const res = await app().request('/api/v3/breaches');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Attribution')).toMatch(/Have I Been Pwned.*CC BY 4\.0/);
    const list = (await res.json()) as Record<string, unknown>[];
    const seedIds = new Set(SEED_INCIDENTS.map((i) => i.id));
    expect(list.filter((b) => !seedIds.has(String(b['Name'])))).toHaveLength(293);
    const adobe = list.find((b) => b['Name'] === 'Adobe');
    expect(Object.keys(adobe ?? {})).toEqual(HIBP_FIELDS);
    expect(adobe).toMatchObject({ Domain: 'adobe.com', BreachDate: '2013-10-04', PwnCount: 152445165, LogoPath: 'https://logos.haveibeenpwned.com/Adobe.svg' });
  });

  it('?domain= filters, /api/v3/breach/:name is case-insensitive, unknown names are 404', async () => {
    const byDomain = (await (await app().request('/api/v3/breaches?domain=adobe.com')).json()) as { Name: string }[];
    expect(byDomain.map((b) => b.Name)).toEqual(['Adobe']);
    const one = (await (await app().request('/api/v3/breach/adobe')).json()) as { Name: string };
    expect(one.Name).toBe('Adobe');
    expect((await app().request('/api/v3/breach/NoSuchBreach')).status).toBe(404);
  });
});

describe('GET /feed.atom', () => {
  it('is Atom with entries newest first', async () => {
    const res = await app().request('http://registry.test/feed.atom');
    expect(res.headers.get('Content-Type')).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
    expect(updated.length).toBeGreaterThan(0);
    expect([...updated].sort().reverse()).toEqual(updated);
    for (const tag of ['id', 'title', 'updated']) expect(xml).toContain(`<${tag}>`);
  });

  it('escapes markup in titles', () => {
    const xml = atomFeed(
      [{ id: 'x', title: { ja: '<b>&', en: '<b>&' }, summary: { ja: 's', en: 's' }, status: 'reported', affected: [], timeline: [], followUpScams: [], sources: [{ url: 'https://example.org/', publisher: 'p' }], announcedDate: '2024-01-02' }],
      'http://registry.test',
    );
    expect(xml).toContain('<title>&#60;b&#62;&#38;</title>');
    expect(xml).toContain('<updated>2024-01-02T00:00:00Z</updated>');
  });
});

describe('writes', () => {
  const breach = JSON.stringify([{ Name: 'AdminTest', Title: 'Admin test', AddedDate: '2024-01-01T00:00:00Z', PwnCount: 1, Description: 'd', DataClasses: ['Names'] }]);

  it('are refused without the right token, and when no token is configured', async () => {
    expect((await app().request('/api/admin/import', { method: 'POST', body: breach })).status).toBe(401);
    const wrong = { Authorization: 'Bearer not-the-token' };
    expect((await app().request('/api/admin/import', { method: 'POST', body: breach, headers: wrong })).status).toBe(401);
    const off = createRegistryApp({ store, adminToken: '' });
    const res = await off.request('/api/admin/import', { method: 'POST', body: breach, headers: { Authorization: 'Bearer ' } });
    expect(res.status).toBe(403);
    expect(await store.getIncidentByName('AdminTest')).toBeUndefined();
  });

  it('import with the token', async () => {
    const headers = { Authorization: `Bearer ${TOKEN}` };
    const res = await app().request('/api/admin/import', { method: 'POST', body: breach, headers });
    expect(await res.json()).toMatchObject({ added: 1 });
    expect((await store.getIncidentByName('AdminTest'))?.attribution?.license).toBe('CC BY 4.0');
  });

  it('the public routes are read-only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await app().request(`/api/incidents/${NTT_INCIDENT_ID}`, { method })).status).toBe(404);
      expect((await app().request('/api/v3/breaches', { method })).status).toBe(404);
    }
  });
});

it('serves the seed postcard facts from a fresh store (no import needed)', async () => {
  const fresh = await openStore(':memory:');
  try {
    const res = await createRegistryApp({ store: fresh }).request(`/api/incidents/${NTT_INCIDENT_ID}`);
    expect(res.status).toBe(200);
  } finally {
    await fresh.close();
  }
});

describe('the feed carries the registry\'s own incidents', () => {
  it('every seed incident (up to the feed\'s size), even with the HIBP list imported, dated by its newest event', async () => {
    const xml = await (await app().request('http://registry.test/feed.atom')).text();
    const entries = [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    const newest = [...SEED_INCIDENTS].sort((a, b) => ((lastChanged(a) ?? '') < (lastChanged(b) ?? '') ? 1 : -1)).slice(0, FEED_ENTRIES);
    for (const incident of newest) {
      const entry = entries.find((e) => e.includes(`<id>http://registry.test/api/incidents/${incident.id}</id>`));
      expect(entry, incident.id).toBeDefined();
      const dated = [incident.announcedDate, incident.discoveredDate, ...incident.timeline.map((t) => t.date)].filter((d) => d !== undefined).sort();
      const latest = dated.at(-1) ?? incident.period?.start ?? '1970-01-01';
      expect(entry).toContain(`<updated>${atomDate(latest)}</updated>`);
      expect(entry).toContain(`<link rel="alternate" type="text/html" href="http://registry.test/incidents/${incident.id}"/>`);
    }
  });

  it('an event added to the timeline makes the incident the newest entry', async () => {
    const fresh = await openStore(':memory:');
    try {
      const base = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
      const event = { date: '2099-01-02', text: { ja: '追加の発表', en: 'A further announcement' }, sources: base.sources };
      await fresh.upsertIncident({ ...base, timeline: [...base.timeline, event] });
      const xml = await (await createRegistryApp({ store: fresh }).request('http://registry.test/feed.atom')).text();
      const first = /<entry>[\s\S]*?<\/entry>/.exec(xml)?.[0] ?? '';
      expect(first).toContain(`/api/incidents/${NTT_INCIDENT_ID}</id>`);
      expect(first).toContain('<updated>2099-01-02T00:00:00Z</updated>');
    } finally {
      await fresh.close();
    }
  });
});

describe('GET /api/incident-index', () => {
  it('lists every incident in brief: affected organizations, what leaked and what did not', async () => {
    const res = await app().request('/api/incident-index');
    expect(res.status).toBe(200);
    const { incidents } = (await res.json()) as { incidents: { id: string; affected: { organizationId: string; dataClasses: string[]; notExposed: string[] }[] }[] };
    for (const seed of SEED_INCIDENTS) expect(incidents.map((i) => i.id)).toContain(seed.id);
    const ntt = incidents.find((i) => i.id === NTT_INCIDENT_ID)!;
    const west = ntt.affected.find((a) => a.organizationId === 'ntt-west')!;
    expect(west.dataClasses).toContain('Names');
    expect(west.notExposed).toContain('Credit cards');
    // In brief: no summaries, sources or timelines.
    expect(JSON.stringify(ntt)).not.toContain('"sources"');
  });
});

describe('GET /api/organizations/:id', () => {
  it('gives the official channels with sources, the incidents and how people were told', async () => {
    const res = await app().request('/api/organizations/ntt-west');
    expect(res.status).toBe(200);
    const profile = (await res.json()) as {
      display: { ja: string };
      organization: { domains: { domain: string; source: string }[] };
      incidents: { id: string }[];
      noticeMethods: { method: string; incidentId: string }[];
    };
    expect(profile.display.ja).toBe('NTT西日本');
    expect(profile.organization.domains[0]).toMatchObject({ domain: 'ntt-west.co.jp', source: expect.stringMatching(/^https:/) });
    expect(profile.incidents.map((i) => i.id)).toContain(NTT_INCIDENT_ID);
    expect(profile.noticeMethods).toContainEqual(expect.objectContaining({ method: 'postcard', incidentId: NTT_INCIDENT_ID }));
  });

  it('knows an organization that only an incident names, and answers 404 for an unknown id', async () => {
    const named = SEED_INCIDENTS.flatMap((i) => i.affected).find((a) => a.name !== undefined)!;
    const res = await app().request(`/api/organizations/${named.organizationId}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { display: unknown }).display).toEqual(named.name);
    expect((await app().request('/api/organizations/no-such-organization')).status).toBe(404);
  });
});

describe('GET /api/schema/incident.json', () => {
  it('is the incident format as JSON Schema, with what every source needs', async () => {
    const res = await app().request('/api/schema/incident.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/schema\+json/);
    const schema = (await res.json()) as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { items?: { anyOf?: unknown; required?: string[] } }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'summary', 'status', 'affected', 'timeline', 'followUpScams', 'sources']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['sources']?.items?.required).toEqual(['publisher']);
    expect(schema.properties['sources']?.items?.anyOf).toEqual([{ required: ['url'] }, { required: ['note'] }]);
    // Every field the seed files use is described.
    for (const incident of SEED_INCIDENTS) for (const key of Object.keys(incident)) expect(schema.properties, key).toHaveProperty(key);
  });
});

describe('PUT /api/admin/incidents/:id', () => {
  it('lists every problem of a bad record, each with its field', async () => {
    const ntt = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
    const bad = { ...ntt, id: 'put-test', title: { ja: '', en: 'x' }, announcedDate: 'yesterday' };
    const res = await app().request('/api/admin/incidents/put-test', { method: 'PUT', body: JSON.stringify(bad), headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path).sort()).toEqual(['announcedDate', 'title.ja']);
    expect(await store.getIncident('put-test')).toBeUndefined();
  });
});

describe('POST /api/admin/import?format=registry', () => {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const ntt = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
  const contribution = { ...ntt, id: 'admin-registry-test', title: { ja: '管理者の取り込み', en: 'Admin import' } };

  it('imports a contribution once, then changes nothing', async () => {
    const first = await app().request('/api/admin/import?format=registry', { method: 'POST', body: JSON.stringify(contribution), headers });
    expect(await first.json()).toEqual({ records: 1, added: 1, updated: 0, unchanged: 0 });
    const again = await app().request('/api/admin/import?format=registry', { method: 'POST', body: JSON.stringify([contribution]), headers });
    expect(await again.json()).toEqual({ records: 1, added: 0, updated: 0, unchanged: 1 });
  });

  it('lists every problem and imports nothing; an unknown format is refused', async () => {
    const bad = [{ ...contribution, id: 'admin-ok-2' }, { ...contribution, id: 'admin-bad', status: 'rumour', announcedDate: 'soon' }];
    const res = await app().request('/api/admin/import?format=registry', { method: 'POST', body: JSON.stringify(bad), headers });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: { record: number; path: string }[] };
    expect(body.problems.map((p) => `${p.record} ${p.path}`)).toEqual(['1 announcedDate', '1 status']);
    expect(await store.getIncident('admin-ok-2')).toBeUndefined();
    expect((await app().request('/api/admin/import?format=csv', { method: 'POST', body: '[]', headers })).status).toBe(400);
  });
});
