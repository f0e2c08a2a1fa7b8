// POST /api/notice/lint through the real application (in-memory store): findings for a
// draft, 400 for bad input, 413 past the body limit, and the draft in no log line.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NOTICE_DRAFT_CHARS, type NoticeLint } from '../../src/core/notice-lint/index.js';
import { RangeStores } from '../../src/node/pwned/store.js';
import { createApp, type AppDeps } from '../../src/node/server/app.js';
import { MAX_NOTICE_LINT_BODY_BYTES } from '../../src/node/server/limits.js';
import { openStore, type Store } from '../../src/node/store/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/notices');
const COMPLETE = readFileSync(join(FIXTURES, 'ja-complete.txt'), 'utf8');
const SCAM_LIKE = readFileSync(join(FIXTURES, 'ja-scam-lookalike.txt'), 'utf8');

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(async () => {
  await store.close();
});

function app(logger: AppDeps['logger'] = pino({ level: 'silent' })): Hono {
  return createApp({ logger, store, pwned: new RangeStores(join(tmpdir(), 'leakaid-no-pwned-store')), webRoot: null });
}

function post(target: Hono, body: unknown): Promise<Response> {
  return Promise.resolve(
    target.request('/api/notice/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('POST /api/notice/lint', () => {
  it('answers a complete notice with no findings', async () => {
    const response = await post(app(), { text: COMPLETE });
    expect(response.status).toBe(200);
    const lint = (await response.json()) as NoticeLint;
    expect(lint.findings).toEqual([]);
    expect(lint.channel).toBe('letter');
    expect(lint.parts.every((p) => p.present || !p.required)).toBe(true);
  });

  it('lists what to fix, most important first, with offsets into the text', async () => {
    const response = await post(app(), { text: SCAM_LIKE, channel: 'email', lang: 'en' });
    expect(response.status).toBe(200);
    const lint = (await response.json()) as NoticeLint;
    expect(lint.channel).toBe('email');
    expect(lint.findings[0]!.severity).toBe('missing-required');
    const shortener = lint.findings.find((f) => f.code === 'notice.scam.link-shortener')!;
    expect(shortener.severity).toBe('looks-like-a-scam');
    expect(shortener.spans.map(([s, e]) => SCAM_LIKE.slice(s, e))).toEqual(['https://bit.ly/3sakura']);
    expect(shortener.message.en).toContain('bit.ly');
    expect(lint.counts['looks-like-a-scam']).toBeGreaterThan(3);
  });

  it.each([
    ['not JSON', '{"text": '],
    ['no text', { channel: 'letter' }],
    ['text that is not a string', { text: 42 }],
    ['an unknown channel', { text: COMPLETE, channel: 'fax' }],
    ['an unknown field', { text: COMPLETE, eml: 'x' }],
    ['an empty draft', { text: ' \n　' }],
    ['a draft over the limit', { text: 'a'.repeat(MAX_NOTICE_DRAFT_CHARS + 1) }],
  ])('refuses %s with a one-line 400', async (_name, body) => {
    const response = await post(app(), body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(/^Bad request: /);
    expect(error).not.toContain('\n');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await post(app(), { text: 'あ'.repeat(MAX_NOTICE_LINT_BODY_BYTES / 3 + 10) });
    expect(response.status).toBe(413);
  });

  it('never logs the draft', async () => {
    const chunks: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const target = app(logger);
    await post(target, { text: SCAM_LIKE });
    await post(target, `{"text": "${SCAM_LIKE.slice(0, 40)}`);
    const logged = chunks.join('');
    expect(logged).toContain('/api/notice/lint');
    for (const secret of ['bit.ly', '暗証番号', '090-1234', '流出']) expect(logged).not.toContain(secret);
  });
});
