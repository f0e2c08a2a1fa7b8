export { lintNotice, type LintOptions } from './lint.js';
export { assertDraft, DraftTooLargeError, EmptyDraftError, MAX_NOTICE_DRAFT_CHARS } from './errors.js';
export * from './types.js';
