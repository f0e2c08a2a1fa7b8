// POST /api/check: the checker as an HTTP service for helpers and scripts (the web app
// checks in the browser instead). The request is checked in memory and answered;
// nothing of it is stored or logged. GET /api/notice-records gives the web app the
// incident records breach notices are compared with.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkInput, type CheckInput } from '../../core/check.js';
import { InputTooLargeError, NothingToCheckError } from '../../core/message/errors.js';
import { CHANNELS } from '../../core/message/types.js';
import type { NoticeCodeVerifier } from '../../core/notices/in-message.js';
import type { Incident } from '../../core/registry/types.js';

export interface CheckAppDeps {
  /** The incidents breach notices are compared with (the registry's, cached by the caller). */
  incidents: () => Promise<readonly Incident[]>;
  /** Asks the registry about a notice's verification codes for this request's client. */
  noticeCodes?: (c: Context) => NoticeCodeVerifier;
}

/** The id the result carries: a request has no file name. */
const RESULT_ID = 'message';

const checkRequest = z
  .object({
    text: z.string().optional(),
    eml: z.string().optional(),
    channel: z.enum(['auto', ...CHANNELS]).optional(),
    lang: z.enum(['ja', 'en']).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.eml === undefined), {
    message: 'give exactly one of "text" or "eml"',
  });

export type CheckRequest = z.infer<typeof checkRequest>;

function badRequest(detail: string): { error: string } {
  return { error: `Bad request: ${detail}` };
}

export function createCheckApp(deps: CheckAppDeps): Hono {
  const app = new Hono();
  app.post('/api/check', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(badRequest('the body must be JSON like {"text": "..."}'), 400);
    }
    const parsed = checkRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
      return c.json(badRequest(`${where}${issue?.message ?? 'invalid body'}`), 400);
    }
    const { text, eml, channel } = parsed.data;
    const input: CheckInput =
      text !== undefined ? { id: RESULT_ID, text, channel: channel ?? 'auto' } : { id: RESULT_ID, eml: eml ?? '', channel: channel ?? 'auto' };
    try {
      const verifyNoticeCode = deps.noticeCodes?.(c);
      return c.json(await checkInput(input, verifyNoticeCode === undefined ? { incidents: deps.incidents } : { incidents: deps.incidents, verifyNoticeCode }));
    } catch (error) {
      if (error instanceof InputTooLargeError) return c.json({ error: error.message }, 413);
      if (error instanceof NothingToCheckError) return c.json(badRequest(error.message), 400);
      throw error;
    }
  });
  // The same records for the web app, which checks in the page: it asks once when the
  // check page opens, before anything is typed, so the request says nothing of a message.
  app.get('/api/notice-records', async (c) => c.json({ incidents: await deps.incidents() }));
  return app;
}
