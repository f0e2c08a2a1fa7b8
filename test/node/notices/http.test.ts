// POST /api/verify, the keys documents and the admin routes, through the app as the
// server runs it; and the look-up limit shared by two servers on one PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoticeVerification } from '../../../src/core/notices/answer.js';
import { NoticeKeysDocumentSchema } from '../../../src/core/notices/keys-schema.js';
import { LOOKUP_COUNT_FLUSH_MS } from '../../../src/node/notices/lookup-counter.js';
import { RangeStores } from '../../../src/node/pwned/store.js';
import { createApp } from '../../../src/node/server/app.js';
import { startServer } from '../../../src/node/server/serve.js';
import { openStore, type Store } from '../../../src/node/store/index.js';
import { postgresBinaries, startPostgres, type PostgresServer } from '../store/postgres-server.js';
import { issueTestNotices, newIssuerKey } from './issued-notices.js';

const bin = postgresBinaries();
if (bin === null) console.warn('notices http.test.ts: skipping the two-server test, no PostgreSQL binaries (apt-get install -y postgresql)');

const dir = mkdtempSync(join(tmpdir(), 'leakaid-notices-http-'));
const noPwnedStore = new RangeStores(join(dir, 'no-pwned'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'test-admin-token';
const THREE_POSTAL_CODES = ['530-0001', '600-8216', '100-0005'];
const CLIENT = 'client-header';

describe('notices over HTTP (SQLite)', () => {
  let store: Store;
  let rows: string[][];
  let app: Hono;
  const key = newIssuerKey();

  beforeAll(async () => {
    const location = join(dir, 'http.sqlite');
    store = await openStore(location);
    rows = await issueTestNotices(store, location, dir, { key, name: 'http', postalCodes: THREE_POSTAL_CODES });
    app = createApp({
      logger: pino({ level: 'silent' }),
      store,
      pwned: noPwnedStore,
      webRoot: null,
      adminToken: TOKEN,
      clientKey: (c) => c.req.header('x-test-client') ?? 'unknown',
      noticeLookupLimit: { perWindow: 3, windowMs: 60_000 },
    });
  });

  afterAll(async () => {
    await store.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }));

  it('answers a typed code with the plain-words result, in both languages', async () => {
    const response = await post('/api/verify', { code: rows[0]![2], postalCode: '〒530-0001' }, { 'x-test-client': 'a' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as NoticeVerification;
    expect(result).toMatchObject({ status: 'genuine', checkedBy: 'code', postalCode: 'match', notice: { serial: rows[0]![1] } });
    expect(result.summary.ja).toContain('本物です');
    expect(result.summary.en).toContain('genuine');
  });

  it('answers a QR payload by its signature, and refuses a tampered one', async () => {
    const ok = (await (await post('/api/verify', { payload: rows[1]![3] })).json()) as NoticeVerification;
    expect(ok).toMatchObject({ status: 'genuine', checkedBy: 'payload' });
    const url = rows[1]![3]!;
    const at = url.indexOf('#') + 30;
    const tampered = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
    const bad = (await (await post('/api/verify', { payload: tampered })).json()) as NoticeVerification;
    expect(['bad-signature', 'invalid-format', 'unknown']).toContain(bad.status);
    expect(bad.status).not.toBe('genuine');
  });

  it('refuses bad input with 400 and a message in both languages', async () => {
    for (const body of ['not json', {}, { code: 'A', payload: 'B' }, { code: 5 }, { code: 'X', extra: 1 }, { code: rows[0]![2], postalCode: '12' }]) {
      const response = await post('/api/verify', body, { 'x-test-client': 'bad-input' });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = (await response.json()) as { error: string; message: { ja: string; en: string } };
      expect(answer.message.ja.length).toBeGreaterThan(0);
    }
    const typo = await post('/api/verify', { code: 'ABCD-EFGH-JKMN-PQRS' }, { 'x-test-client': 'bad-input' });
    expect(typo.status).toBe(400);
    expect(await typo.json()).toMatchObject({ status: 'invalid-format', summary: { ja: expect.stringContaining('文字が足りません') } });
  });

  it('limits code look-ups per client, and says when to try again', async () => {
    const client = { 'x-test-client': 'guesser' };
    for (let i = 0; i < 3; i++) expect((await post('/api/verify', { code: '0000-0000-0000-0000-0' }, client)).status).toBe(200);
    const limited = await post('/api/verify', { code: rows[0]![2] }, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client, and QR payloads (checked by signature, not looked up), are not limited.
    expect((await post('/api/verify', { code: rows[0]![2] }, { 'x-test-client': 'someone-else' })).status).toBe(200);
    expect((await post('/api/verify', { payload: rows[0]![3] }, client)).status).toBe(200);
  });

  it('serves the registered keys at /api/notice-keys and /.well-known/leakaid-notice-keys.json, in the published format', async () => {
    for (const path of ['/api/notice-keys', '/.well-known/leakaid-notice-keys.json']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const document = NoticeKeysDocumentSchema.parse(await response.json());
      expect(document.keys).toEqual([expect.objectContaining({ keyId: key.keyId, organizationId: 'ntt-west', domain: 'ntt-west.co.jp', status: 'active' })]);
    }
  });

  it('lets only the administrator register keys, revoke them and withdraw notices', async () => {
    const other = newIssuerKey();
    const body = { organizationId: 'ntt-west', publicKey: other.publicKey.toString('base64url'), domain: 'www.ntt-west.co.jp' };
    expect((await post('/api/admin/notice-keys', body)).status).toBe(401);
    expect((await post('/api/admin/notice-keys', body, { authorization: 'Bearer wrong' })).status).toBe(401);
    const admin = { authorization: `Bearer ${TOKEN}` };
    expect((await post('/api/admin/notice-keys', { ...body, domain: 'ntt-west.example' }, admin)).status).toBe(400);
    expect((await post('/api/admin/notice-keys', { ...body, organizationId: 'no-such-org' }, admin)).status).toBe(400);
    const registered = await post('/api/admin/notice-keys', body, admin);
    expect(registered.status).toBe(201);
    expect(await registered.json()).toMatchObject({ keyId: other.keyId, status: 'active' });
    expect((await post('/api/admin/notice-keys', body, admin)).status).toBe(400);

    const byCode = async (row: string[], client: string) => (await (await post('/api/verify', { code: row[2] }, { 'x-test-client': client })).json()) as NoticeVerification;
    expect((await byCode(rows[2]!, 'before-withdrawal')).status).toBe('genuine');
    expect((await post(`/api/admin/notices/${rows[2]![1]}/revoke`, '', admin)).status).toBe(200);
    expect(await byCode(rows[2]!, 'after-withdrawal')).toMatchObject({ status: 'revoked', notice: { serial: rows[2]![1] } });
    expect((await post('/api/admin/notices/ZZZZZZZZ-1/revoke', '', admin)).status).toBe(404);
    const withdrawn = (await (await post('/api/verify', { payload: rows[2]![3] })).json()) as NoticeVerification;
    expect(withdrawn.status).toBe('revoked');

    expect((await post(`/api/admin/notice-keys/${key.keyId}/revoke`, { on: 'soon' }, admin)).status).toBe(400);
    expect((await post(`/api/admin/notice-keys/${key.keyId}/revoke`, { on: '2026-12-24' }, admin)).status).toBe(200);
    const revoked = (await (await post('/api/verify', { payload: rows[1]![3] })).json()) as NoticeVerification;
    expect(revoked.status).toBe('key-revoked');
    expect(await byCode(rows[0]!, 'after-key-revocation')).toMatchObject({ status: 'key-revoked', notice: { serial: rows[0]![1] }, summary: { en: expect.stringContaining('(on 2026-12-24)') } });
    const keys = NoticeKeysDocumentSchema.parse(await (await app.request('/api/notice-keys')).json()).keys;
    expect(keys.find((k) => k.keyId === key.keyId)).toMatchObject({ status: 'revoked', revokedOn: '2026-12-24', revokedSerials: [rows[2]![1]] });
  });
});

describe.skipIf(bin === null)('the look-up limit across two servers on one PostgreSQL', () => {
  let postgres: PostgresServer;
  let rows: string[][];

  beforeAll(async () => {
    postgres = await startPostgres(bin!);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query('CREATE DATABASE leakaid_two_servers');
    await client.end();
    const location = postgres.url.replace(/\/postgres$/, '/leakaid_two_servers');
    const store = await openStore(location);
    try {
      rows = await issueTestNotices(store, location, dir, { key: newIssuerKey(), name: 'two-servers', postalCodes: THREE_POSTAL_CODES });
    } finally {
      await store.close();
    }
    postgres.url = location;
  }, 60_000);

  afterAll(() => {
    postgres?.stop();
  });

  it('counts one client\'s look-ups on both servers together', async () => {
    const options = {
      port: 0,
      host: '127.0.0.1',
      db: postgres.url,
      webRoot: null,
      logger: pino({ level: 'silent' }),
      clientKey: () => CLIENT,
      noticeLookupLimit: { perWindow: 4, windowMs: 600_000 },
    };
    const [a, b] = await Promise.all([startServer(options), startServer(options)]);
    try {
      const verify = async (server: { url: string }) =>
        (await fetch(`${server.url}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: rows[0]![2] }) })).status;
      // Four look-ups on a, the limit; a refuses the fifth from its own count.
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push(await verify(a));
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      // b has seen one look-up and answers it; when it adds that one to the shared count
      // (within LOOKUP_COUNT_FLUSH_MS) it learns of a's five, and refuses.
      expect(await verify(b)).toBe(200);
      await vi.waitFor(async () => expect(await verify(b)).toBe(429), { timeout: 5_000, interval: LOOKUP_COUNT_FLUSH_MS });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
