import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type AppDeps } from '../../src/node/server/app.js';
import { createLogger } from '../../src/node/server/logging.js';
import { RangeStores } from '../../src/node/pwned/store.js';
import { openStore, type Store } from '../../src/node/store/index.js';
import { MAX_CHECK_BODY_BYTES, MAX_OTHER_BODY_BYTES, WRITE_REQUESTS_PER_WINDOW } from '../../src/node/server/limits.js';

const PHISHING_SMS =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xyz.top/abc';

function captureLogs(): { lines: () => string[]; logger: AppDeps['logger'] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines: () => chunks.join('').split('\n').filter(Boolean), logger: pino(stream) };
}

function webRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'leakaid-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>leakaid</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  return root;
}

describe('the server log', () => {
  it('holds each line in its file as soon as it is logged, so a crash right after loses none', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'leakaid-log-')), 'server.log');
    const logger = createLogger(path);
    logger.info({ method: 'POST', path: '/api/verify', status: 200 }, 'request');
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ service: 'leakaid', msg: 'request', path: '/api/verify', status: 200 })]);
  });
});

let store: Store;
// Never imported: /range answers 503 and nothing is opened, so there is nothing to close.
const noPwnedStore = new RangeStores(join(tmpdir(), 'leakaid-no-pwned-store'));

beforeAll(async () => {
  store = await openStore(':memory:');
});

afterAll(async () => {
  await store.close();
});

function app(overrides: Partial<AppDeps> = {}): Hono {
  return createApp({ logger: pino({ level: 'silent' }), store, pwned: noPwnedStore, webRoot: null, ...overrides });
}

function postCheck(target: Hono, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    target.request('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('security headers', () => {
  it('sends a strict policy on API responses, pages and errors, from the running server', async () => {
    const { startServer } = await import('../../src/node/server/serve.js');
    const server = await startServer({ port: 0, host: '127.0.0.1', db: ':memory:', webRoot: webRoot(), logger: pino({ level: 'silent' }) });
    try {
      for (const path of ['/healthz', '/', '/check', '/api/no-such-route']) {
        const response = await fetch(`${server.url}${path}`);
        const csp = response.headers.get('Content-Security-Policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("style-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
        expect(response.headers.get('X-Frame-Options')).toBe('DENY');
        // The answer's own headers stand beside them.
        expect(response.headers.get('Content-Type')).toMatch(path === '/' || path === '/check' ? /^text\/html/ : /^application\/json/);
      }
    } finally {
      await server.close();
    }
  });
});

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const response = await app().request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/check', () => {
  it('returns the result object for a phishing SMS', async () => {
    const response = await postCheck(app(), { text: PHISHING_SMS, channel: 'sms' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { risk: string; reasons: { code: string }[]; incident: unknown };
    expect(result.risk).toBe('high');
    expect(result.reasons.map((r) => r.code)).toContain('link.not-official');
    expect(result).toHaveProperty('incident');
  });

  it('answers with every property its OpenAPI schema says a result has', async () => {
    const document = (await (await app().request('/api/openapi.json')).json()) as {
      components: { schemas: { CheckResult: { required: string[]; properties: Record<string, unknown> } } };
    };
    const schema = document.components.schemas.CheckResult;
    const result = (await (await postCheck(app(), { text: PHISHING_SMS, channel: 'sms' })).json()) as Record<string, unknown>;
    for (const property of schema.required) {
      expect(result, property).toHaveProperty(property);
      expect(schema.properties, property).toHaveProperty(property);
    }
    expect(result['bulk']).toBe(false);
  });

  it('answers 400, not "low risk", when there is nothing to check', async () => {
    for (const body of [{ text: '' }, { text: ' \n\u3000 ' }, { eml: 'From: a\r\nSubject:\r\n\r\n' }]) {
      const response = await postCheck(app(), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('Nothing to check');
    }
  });

  it('checks a raw email', async () => {
    const eml = [
      'From: "Amazon" <no-reply@amaz0n-security.top>',
      'To: you@example.com',
      'Subject: アカウントを確認してください',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'お支払い方法に問題があります。24時間以内に https://amaz0n-security.top/login で更新してください。',
    ].join('\r\n');
    const response = await postCheck(app(), { eml, lang: 'en' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { risk: string; message: { channel: string } };
    expect(result.message.channel).toBe('email');
    expect(result.risk).not.toBe('low');
  });

  it.each([
    ['not JSON', '{"text": '],
    ['neither text nor eml', { channel: 'sms' }],
    ['both text and eml', { text: 'a', eml: 'b' }],
    ['an unknown channel', { text: 'a', channel: 'fax' }],
    ['text that is not a string', { text: 42 }],
  ])('refuses %s with a one-line 400', async (_name, body) => {
    const response = await postCheck(app(), body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(/^Bad request: /);
    expect(error).not.toContain('\n');
  });

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const response = await postCheck(app(), { text: 'あ'.repeat(MAX_CHECK_BODY_BYTES / 3 + 10) });
    expect(response.status).toBe(413);
  });

  it('never logs the message, even when the request fails', async () => {
    const { lines, logger } = captureLogs();
    const target = app({ logger });
    await postCheck(target, { text: PHISHING_SMS, channel: 'sms' });
    await postCheck(target, `{"text": "${PHISHING_SMS}"`);
    await target.request('/api/check?text=' + encodeURIComponent(PHISHING_SMS), { method: 'POST', body: '{}' });
    const logged = lines().join('\n');
    expect(lines().length).toBeGreaterThanOrEqual(3);
    expect(logged).toContain('/api/check');
    for (const secret of ['sagawa', '佐川', 'お荷物', 'text=']) expect(logged).not.toContain(secret);
  });
});

describe('size limits on other POSTs', () => {
  it('allows the smaller limit on routes other than the checker', async () => {
    const response = await app().request('/api/anything', { method: 'POST', body: 'x'.repeat(MAX_OTHER_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
  });
});

describe('rate limit', () => {
  it('limits POST and PUT requests per client and says when to retry', async () => {
    const target = app({
      clientKey: (c) => c.req.header('x-client') ?? 'unknown',
      rateLimit: { requestsPerWindow: 3, windowMs: 60_000 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postCheck(target, { text: 'hello' }, { 'x-client': 'a' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await postCheck(target, { text: 'hello' }, { 'x-client': 'a' });
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another client is not affected, and GET requests are never limited.
    expect((await postCheck(target, { text: 'hello' }, { 'x-client': 'b' })).status).toBe(200);
    expect((await target.request('/healthz', { headers: { 'x-client': 'a' } })).status).toBe(200);
    expect((await target.request('/api/admin/incidents/x', { method: 'PUT', headers: { 'x-client': 'a' }, body: '{}' })).status).toBe(429);
  });

  it('opens a new window after the old one ends', async () => {
    let now = 0;
    const { writeRateLimit } = await import('../../src/node/server/rate-limit.js');
    const { Hono } = await import('hono');
    const target = new Hono();
    target.use('*', writeRateLimit({ requestsPerWindow: 1, windowMs: 1000, clientKey: () => 'a', now: () => now }));
    target.post('/x', (c) => c.text('ok'));
    expect((await target.request('/x', { method: 'POST' })).status).toBe(200);
    expect((await target.request('/x', { method: 'POST' })).status).toBe(429);
    now = 1000;
    expect((await target.request('/x', { method: 'POST' })).status).toBe(200);
  });

  it('defaults to a limit a person never reaches but a flood does', async () => {
    const target = app();
    const statuses = new Set<number>();
    for (let i = 0; i <= WRITE_REQUESTS_PER_WINDOW; i++) statuses.add((await postCheck(target, { text: 'hi' })).status);
    expect(statuses).toEqual(new Set([200, 429]));
  });
});

const operation = z.object({
  operationId: z.string().min(1),
  summary: z.string().min(1),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/), z.object({ description: z.string().min(1) })),
});
const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] as const;

const openApiShape = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(
    z.string().regex(/^\//),
    z.strictObject({
      parameters: z.array(z.object({ name: z.string(), in: z.enum(['path', 'query', 'header']) })).optional(),
      get: operation.optional(),
      post: operation.optional(),
      put: operation.optional(),
      delete: operation.optional(),
      patch: operation.optional(),
      head: operation.optional(),
      options: operation.optional(),
    }),
  ),
  components: z.object({ schemas: z.record(z.string(), z.unknown()), securitySchemes: z.record(z.string(), z.unknown()).optional() }),
});

/** Every $ref in the document points at a schema it defines. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refs(inner)));
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose references resolve', async () => {
    const response = await app().request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = openApiShape.parse(await response.json());
    for (const ref of refs(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
    }
  });

  it('describes every mounted API route, and only those', async () => {
    const target = app({ webRoot: webRoot() });
    const document = openApiShape.parse(await (await target.request('/api/openapi.json')).json());
    const described = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        METHODS.filter((method) => item[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const mounted = new Set(
      target.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '*' && route.path !== '/*')
        .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
    );
    expect([...mounted].sort()).toEqual([...described].sort());
  });
});

describe('the web app', () => {
  it('serves index.html for client routes, revalidated', async () => {
    const target = app({ webRoot: webRoot() });
    for (const path of ['/', '/check', '/incidents/ntt-business-solutions-2023']) {
      const response = await target.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year', async () => {
    const response = await app({ webRoot: webRoot() }).request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toContain('immutable');
  });

  it('answers unknown API paths and missing assets with 404, not the app', async () => {
    const target = app({ webRoot: webRoot() });
    expect((await target.request('/api/nothing-here')).status).toBe(404);
    expect((await target.request('/assets/missing-123.js')).status).toBe(404);
  });

  it('says how to build the app when it is missing', async () => {
    const response = await app({ webRoot: join(tmpdir(), 'no-such-dir') }).request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});

describe('the registry through the server', () => {
  it('finds the NTT incident (seeded) and keeps the search words out of the logs', async () => {
    const { lines, logger } = captureLogs();
    const target = app({ logger });
    const response = await target.request('/api/incidents?q=' + encodeURIComponent('NTT西日本'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { id: string }[] };
    expect(body.results.map((r) => r.id)).toContain('ntt-business-solutions-2023');
    expect((await target.request('/api/incidents/ntt-business-solutions-2023')).status).toBe(200);
    expect(lines().join('\n')).not.toContain('西日本');
    expect(lines().join('\n')).not.toContain('q=');
  });

  it('gives the web app the records notices are compared with', async () => {
    const response = await app().request('/api/notice-records');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { incidents: { id: string; affected: unknown[] }[] };
    const ntt = body.incidents.find((i) => i.id === 'ntt-business-solutions-2023');
    expect(ntt?.affected.length).toBeGreaterThan(0);
  });

  it('compares a breach notice sent to /api/check with the registry', async () => {
    const notice = [
      '謹啓 平素はNTT西日本をご利用いただき、誠にありがとうございます。',
      '当社がテレマーケティング業務を委託していた会社の元派遣社員により、お客様の情報が不正に持ち出されたことが判明いたしました。',
      '持ち出された情報は、氏名、住所、電話番号等です。クレジットカード情報、パスワードは含まれておりません。',
      '敬白 西日本電信電話株式会社',
    ].join('\n');
    const result = (await (await postCheck(app(), { text: notice, channel: 'letter' })).json()) as { incident: { id: string } | null };
    expect(result.incident?.id).toBe('ntt-business-solutions-2023');
  });
});

describe('startServer', () => {
  it('listens on a free port, answers, and closes', async () => {
    const { startServer } = await import('../../src/node/server/serve.js');
    const server = await startServer({ port: 0, host: '127.0.0.1', db: ':memory:', webRoot: null, logger: pino({ level: 'silent' }) });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('checks a request over a socket, and refuses a declared length over the limit before the body arrives', async () => {
    const { startServer } = await import('../../src/node/server/serve.js');
    const server = await startServer({ port: 0, host: '127.0.0.1', db: ':memory:', webRoot: null, logger: pino({ level: 'silent' }) });
    try {
      const checked = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: PHISHING_SMS, channel: 'sms' }),
      });
      expect(((await checked.json()) as { risk: string }).risk).toBe('high');
      // Only the start of the body is sent: the answer must not wait for the rest.
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(MAX_CHECK_BODY_BYTES + 1) },
        });
        request.on('response', (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', reject);
        request.write('{"text": "');
      });
      expect(status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
