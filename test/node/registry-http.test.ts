// The registry's HTTP routes through app.request(), on an in-memory SQLite store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID } from '../../src/core/registry/seed.js';
import { atomFeed, createRegistryApp } from '../../src/node/http/registry.js';
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
    expect(list.filter((b) => b['Name'] !== NTT_INCIDENT_ID)).toHaveLength(293);
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
