// POST /api/check asks the server's registry about a notice's verification code, and
// counts each look-up against the same per-client limit as POST /api/verify: the check
// cannot be used to guess codes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/check.js';
import { formatShortCode } from '../../../src/core/notices/short-code.js';
import { RangeStores } from '../../../src/node/pwned/store.js';
import { createApp } from '../../../src/node/server/app.js';
import { openStore, type Store } from '../../../src/node/store/index.js';
import { issueTestNotices, newIssuerKey } from './issued-notices.js';

const dir = mkdtempSync(join(tmpdir(), 'leakaid-check-http-'));
let store: Store;
let app: Hono;
let code = '';

beforeAll(async () => {
  const location = join(dir, 'store.sqlite');
  store = await openStore(location);
  const [row] = await issueTestNotices(store, location, dir, { key: newIssuerKey(), name: 'recipients', postalCodes: ['530-0001'] });
  code = row![2]!;
  app = createApp({
    logger: pino({ level: 'silent' }),
    store,
    pwned: new RangeStores(join(dir, 'no-pwned')),
    webRoot: null,
    clientKey: (c) => c.req.header('x-test-client') ?? 'unknown',
    noticeLookupLimit: { perWindow: 2, windowMs: 600_000 },
  });
}, 60_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const notice = (shown: string): string =>
  ['【NTT西日本】お客さま情報の流出に関するお詫び', '氏名、住所、電話番号が不正に持ち出されました。深くお詫び申し上げます。', `確認コード：${shown}`, '西日本電信電話株式会社'].join('\n');

async function check(text: string, client: string): Promise<string[]> {
  const response = await app.request('/api/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': client },
    body: JSON.stringify({ text, channel: 'letter' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as CheckResult).reasons.map((r) => r.code);
}

describe('POST /api/check and verification codes', () => {
  it('says a code issued by the registry is genuine, and one it never issued is not', async () => {
    expect(await check(notice(code), 'reader')).toContain('incident.code-genuine');
    expect(await check(notice(formatShortCode(new Uint8Array(10).fill(3))), 'reader-2')).toContain('incident.code-not-genuine');
  });

  it('counts each code against the client\'s look-ups: past the limit the code is left unchecked, not answered', async () => {
    const guesses = [1, 2].map((n) => formatShortCode(new Uint8Array(10).fill(n + 10)));
    for (const guess of guesses) expect(await check(notice(guess), 'guesser')).toContain('incident.code-not-genuine');
    const third = await check(notice(code), 'guesser');
    expect(third).toContain('incident.code-unchecked');
    expect(third).not.toContain('incident.code-genuine');
  });
});
