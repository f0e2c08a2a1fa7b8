// Limits of the HTTP server. Each says what it stops; past one the client gets a clear
// one-line error with the matching status, never a hung or crashed server.

/** Largest request body of POST /api/check. The checker refuses inputs over 25 MB
 * anyway, but reading 25 MB per request lets a handful of clients fill memory; one
 * .eml with a few attachments fits in 2 MB, a pasted SMS or letter in far less. */
export const MAX_CHECK_BODY_BYTES = 2 * 1024 * 1024;

/** Largest request body of POST /api/notice/lint: a draft at the linter's limit
 * (MAX_NOTICE_DRAFT_CHARS, 10,000 characters) is 30 KB of UTF-8 Japanese, 60 KB when JSON
 * escapes every character; past this the body cannot hold a draft the linter would read. */
export const MAX_NOTICE_LINT_BODY_BYTES = 128 * 1024;

/** Largest request body of any other POST or PUT (plan requests are a few hundred bytes).
 * Stops large uploads to routes that never need them. */
export const MAX_OTHER_BODY_BYTES = 64 * 1024;

/** Largest incident record an administrator may PUT. The NTT record, with every source,
 * is about 20 KB; dozens of affected organizations still fit. */
export const MAX_INCIDENT_BODY_BYTES = 1024 * 1024;

/** POST and PUT requests one client may make per window. A person checks a few messages a
 * minute; a script hammering the checker from one address is slowed down instead of
 * taking the server's CPU from everyone else. */
export const WRITE_REQUESTS_PER_WINDOW = 60;

/** Length of the rate-limit window. */
export const RATE_WINDOW_MS = 60_000;

/** Clients whose counts are remembered at once. Stops a flood from many addresses
 * (or spoofed ones behind a proxy) from growing the table without bound; past it the
 * oldest entries are forgotten first. */
export const MAX_TRACKED_CLIENTS = 10_000;

/** How long a graceful shutdown waits for open requests before closing anyway. Stops
 * one stuck keep-alive connection from keeping the process alive forever. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** How long the registry's incidents are reused for comparing notices before being read
 * again. Reading them per request would cost a query per check; an import made while the
 * server runs shows up within this time. */
export const INCIDENT_CACHE_MS = 60_000;

/** Short-code look-ups (POST /api/verify with a code) one client may make per
 * NOTICE_LOOKUP_WINDOW_MS, counted in the store so every app server shares the count.
 * A person typing a code from a postcard needs a few tries; guessing is hopeless anyway
 * (80 bits per code), and this keeps a script from turning the server into a free
 * database load. */
export const NOTICE_LOOKUPS_PER_WINDOW = 30;

/** The window of NOTICE_LOOKUPS_PER_WINDOW. */
export const NOTICE_LOOKUP_WINDOW_MS = 10 * 60_000;
