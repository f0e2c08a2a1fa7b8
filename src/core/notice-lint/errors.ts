// What the linter refuses, before reading a draft.

/** Longest draft the linter reads, in UTF-16 units. A notice is one letter or email: the
 * NTT West postcard is about 1,000 characters, a long email notice 5,000. The cap bounds
 * the checker's work per draft: on one sentence that repeats a lure word, its time grows
 * faster than the length (`node --import tsx bench/notice-lint.ts`: about 0.7 s at 10,000
 * characters, 13 s at 50,000), and a pasted mailbox must not tie up the server or the tab. */
export const MAX_NOTICE_DRAFT_CHARS = 10_000;

/** The draft is empty or only white space. */
export class EmptyDraftError extends Error {
  override readonly name = 'EmptyDraftError';

  constructor() {
    super('The draft is empty: give the text of the notice.');
  }
}

/** The draft is longer than MAX_NOTICE_DRAFT_CHARS. */
export class DraftTooLargeError extends Error {
  override readonly name = 'DraftTooLargeError';
  readonly limit = MAX_NOTICE_DRAFT_CHARS;

  constructor(readonly length: number) {
    super(`The draft is too long: ${length} characters, the limit is ${MAX_NOTICE_DRAFT_CHARS}. Give one notice at a time.`);
  }
}

/** Throws EmptyDraftError or DraftTooLargeError for a draft the linter does not read. */
export function assertDraft(draft: string): void {
  if (draft.length > MAX_NOTICE_DRAFT_CHARS) throw new DraftTooLargeError(draft.length);
  if (!/\S/.test(draft)) throw new EmptyDraftError();
}
