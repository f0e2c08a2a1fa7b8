// Verifiable notices over HTTP: POST /api/verify (a typed short code, looked up in the
// store, or a QR payload, checked by signature), the registered keys for the browser
// (GET /api/notice-keys, and the same document at /.well-known/leakaid-notice-keys.json),
// and the administrator's routes to register and revoke keys and withdraw notices.
// Code look-ups are rate-limited per client with a count shared through the store, so
// the limit holds across several app servers on one PostgreSQL (lookup-counter.ts).
// Nothing in a verify request is logged or stored.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { NOTICE_KEYS_FORMAT, type NoticeKeysDocument, WELL_KNOWN_NOTICE_KEYS_PATH } from '../../core/notices/keys.js';
import { MAX_POSTAL_INPUT_CHARS } from '../../core/notices/postal.js';
import { MAX_PAYLOAD_TEXT_CHARS } from '../../core/notices/statement.js';
import { checkDate, IssuerRegistrationError, registerIssuerKey, today } from '../notices/issuers.js';
import { type LookupCounter, lookupWindowStart } from '../notices/lookup-counter.js';
import { createNoticeVerifier, VerifyInputError } from '../notices/verifier.js';
import type { Store } from '../store/index.js';
import { revokeKey, revokeNotice } from '../store/notices.js';
import { requireAdminToken } from './registry.js';

export interface NoticesAppDeps {
  store: Store;
  /** Token for the admin routes (the registry's). */
  adminToken: string;
  /** Who a request comes from (the socket's address). */
  clientKey: (c: Context) => string;
  lookupLimit: { perWindow: number; windowMs: number };
  /** The count behind lookupLimit, shared with POST /api/check. */
  lookupCounter: LookupCounter;
  now?: () => number;
}

const VerifyBody = z.strictObject({
  code: z.string().max(MAX_PAYLOAD_TEXT_CHARS).optional(),
  payload: z.string().max(MAX_PAYLOAD_TEXT_CHARS).optional(),
  postalCode: z.string().max(MAX_POSTAL_INPUT_CHARS).optional(),
});

const RegisterKeyBody = z.strictObject({
  organizationId: z.string().max(100),
  publicKey: z.string().max(100),
  domain: z.string().max(253),
  validFrom: z.string().max(10).optional(),
});

const RevokeBody = z.strictObject({ on: z.string().max(10).optional() });

function badRequest(c: Context, en: string, ja: string) {
  return c.json({ error: en, message: { ja, en } }, 400);
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}


export function createNoticesApp(deps: NoticesAppDeps): Hono {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const verifier = createNoticeVerifier(store, { now });
  const app = new Hono();

  const keysDocument = async (c: Context) => {
    const document: NoticeKeysDocument = { format: NOTICE_KEYS_FORMAT, keys: await verifier.keys() };
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(document);
  };
  app.get('/api/notice-keys', keysDocument);
  app.get(WELL_KNOWN_NOTICE_KEYS_PATH, keysDocument);

  app.post('/api/verify', async (c) => {
    const parsed = VerifyBody.safeParse(await jsonBody(c));
    if (!parsed.success) {
      return badRequest(c, 'Send JSON {"code": "..."} or {"payload": "..."}, with "postalCode" if you like.', '確認コード（code）か QRコードの内容（payload）を JSON で送ってください。');
    }
    const request = parsed.data;
    let outcome;
    try {
      outcome = await verifier.verify(request, () => deps.lookupCounter.count(deps.clientKey(c)));
    } catch (error) {
      if (error instanceof VerifyInputError) {
        return badRequest(c, `Cannot check: ${error.message}.`, error.message.startsWith('the postal code') ? '郵便番号は7けたの数字で入力してください（例: 530-0001）。' : '確認コード（code）か QRコードの内容（payload）の、どちらか一方を送ってください。');
      }
      throw error;
    }
    if (outcome.lookups !== undefined && outcome.lookups > deps.lookupLimit.perWindow) {
      const windowEnd = lookupWindowStart(now(), deps.lookupLimit.windowMs) + deps.lookupLimit.windowMs;
      c.header('Retry-After', String(Math.max(1, Math.ceil((windowEnd - now()) / 1000))));
      return c.json(
        {
          error: 'Too many code look-ups from this address. Please wait and try again.',
          message: {
            ja: '短い時間に確認コードの照会が多すぎます。しばらく待ってから、もう一度お試しください。',
            en: 'Too many code look-ups in a short time. Please wait a while and try again.',
          },
        },
        429,
      );
    }
    return c.body(outcome.json(), outcome.result.status === 'invalid-format' ? 400 : 200, { 'Content-Type': 'application/json' });
  });

  app.use('/api/admin/notice-keys', requireAdminToken(deps.adminToken));
  app.use('/api/admin/notice-keys/*', requireAdminToken(deps.adminToken));
  app.use('/api/admin/notices/*', requireAdminToken(deps.adminToken));

  app.post('/api/admin/notice-keys', async (c) => {
    const parsed = RegisterKeyBody.safeParse(await jsonBody(c));
    if (!parsed.success) return badRequest(c, 'Send JSON {organizationId, publicKey, domain, validFrom?}.', '登録する鍵の内容を JSON で送ってください。');
    try {
      const key = await registerIssuerKey(store, parsed.data);
      verifier.forgetKeys();
      return c.json(key, 201);
    } catch (error) {
      if (error instanceof IssuerRegistrationError) return badRequest(c, error.message, `鍵を登録できませんでした: ${error.message}`);
      throw error;
    }
  });

  const revokeDate = async (c: Context): Promise<string | undefined> => {
    const text = await c.req.text();
    const parsed = RevokeBody.safeParse(text.trim() === '' ? {} : safeJson(text));
    if (!parsed.success) return undefined;
    try {
      return checkDate(parsed.data.on ?? today(new Date(now())), 'on');
    } catch {
      return undefined;
    }
  };

  app.post('/api/admin/notice-keys/:keyId/revoke', async (c) => {
    const on = await revokeDate(c);
    if (on === undefined) return badRequest(c, 'Send nothing, or JSON {"on": "YYYY-MM-DD"}.', '日付は YYYY-MM-DD の形で送ってください。');
    if (!(await revokeKey(store.db, c.req.param('keyId'), on))) return c.json({ error: 'No such key.', message: { ja: 'この鍵は登録されていません。', en: 'No such key is registered.' } }, 404);
    verifier.forgetKeys();
    return c.json({ keyId: c.req.param('keyId'), revokedOn: on });
  });

  app.post('/api/admin/notices/:serial/revoke', async (c) => {
    const on = await revokeDate(c);
    if (on === undefined) return badRequest(c, 'Send nothing, or JSON {"on": "YYYY-MM-DD"}.', '日付は YYYY-MM-DD の形で送ってください。');
    if (!(await revokeNotice(store.db, c.req.param('serial'), on))) return c.json({ error: 'No such notice.', message: { ja: 'この通知番号はありません。', en: 'No notice has this serial.' } }, 404);
    verifier.forgetKeys();
    return c.json({ serial: c.req.param('serial'), revokedOn: on });
  });

  return app;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
