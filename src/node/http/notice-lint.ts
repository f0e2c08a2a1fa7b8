// POST /api/notice/lint: the notice linter for organizations' scripts and tools (the web
// page lints in the browser instead). The draft is read in memory and answered; nothing
// of it is stored or logged.
import { Hono } from 'hono';
import { z } from 'zod';
import { DraftTooLargeError, EmptyDraftError, lintNotice, NOTICE_CHANNELS } from '../../core/notice-lint/index.js';
import type { Incident } from '../../core/registry/types.js';

export interface NoticeLintAppDeps {
  /** The incidents the checker compares notices with (the registry's, cached by the caller). */
  incidents: () => Promise<readonly Incident[]>;
}

const lintRequest = z.strictObject({
  text: z.string(),
  channel: z.enum(NOTICE_CHANNELS).optional(),
  lang: z.enum(['ja', 'en']).optional(),
});

function badRequest(detail: string): { error: string } {
  return { error: `Bad request: ${detail}` };
}

export function createNoticeLintApp(deps: NoticeLintAppDeps): Hono {
  const app = new Hono();
  app.post('/api/notice/lint', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(badRequest('the body must be JSON like {"text": "..."}'), 400);
    }
    const parsed = lintRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
      return c.json(badRequest(`${where}${issue?.message ?? 'invalid body'}`), 400);
    }
    const { text, channel } = parsed.data;
    try {
      return c.json(await lintNotice(text, { channel: channel ?? 'letter', incidents: deps.incidents }));
    } catch (error) {
      if (error instanceof EmptyDraftError || error instanceof DraftTooLargeError) return c.json(badRequest(error.message), 400);
      throw error;
    }
  });
  return app;
}
