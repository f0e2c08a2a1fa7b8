// The per-client count of typed-code look-ups behind POST /api/verify's limit (and the
// codes POST /api/check looks up). Each app server counts in memory and adds its counts
// to the store's shared count in one statement every LOOKUP_COUNT_FLUSH_MS, learning the
// other servers' counts in the answer; a look-up itself only reads the store. Writing the
// count on every look-up made the store's work per look-up almost double.
import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';
import { addLookups, type LookupTally, pruneLookups } from '../store/notices.js';

/** How often a server adds its clients' look-ups to the shared count. A client spreading
 * look-ups over several servers can pass the limit by what it sends within this time. */
export const LOOKUP_COUNT_FLUSH_MS = 100;

/** Clients whose counts one server keeps in memory at once. Stops a flood from many
 * addresses from growing memory without bound: past it, clients with nothing left to add
 * are forgotten, oldest first, and their count is read back from the store at the next
 * flush after their next look-up. */
export const MAX_COUNTED_CLIENTS = 50_000;

/** The stored form of a client whose look-ups are counted: a hash, so the table holds no addresses. */
export function lookupClientHash(client: string): string {
  return createHash('sha256').update(`leakaid-lookup-client/1\n${client}`).digest('base64url').slice(0, 22);
}

/** The start of the rate-limit window `now` falls in. */
export function lookupWindowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export interface LookupCounter {
  /** Counts one look-up by `client` (a socket address) and returns the client's look-ups in
   * the current window, this one included, as far as this server knows. */
  count(client: string): number;
  /** Adds what was counted to the store now (the timer does this on its own). */
  flush(): Promise<void>;
  /** Adds what was counted and stops: before the store is closed. */
  close(): Promise<void>;
}

interface ClientCount {
  /** lookupClientHash of the client: what the store knows it by. */
  storedAs: string;
  windowStart: number;
  /** The shared count the store returned at the last flush. */
  stored: number;
  /** Sent in the flush under way. */
  sending: number;
  /** Counted since. */
  pending: number;
}

export function createLookupCounter(store: Store, options: { windowMs: number; now?: () => number; flushMs?: number; maxClients?: number }): LookupCounter {
  const now = options.now ?? Date.now;
  const flushMs = options.flushMs ?? LOOKUP_COUNT_FLUSH_MS;
  const maxClients = options.maxClients ?? MAX_COUNTED_CLIENTS;
  // By the client's address (held in memory only, as the request rate limit holds it), in
  // order of last look-up, so the first idle entries are the stalest.
  const clients = new Map<string, ClientCount>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | undefined;
  let prunedBefore = 0;
  let forgottenBefore = 0;
  /** Look-ups counted and not yet taken by a flush. */
  let unsent = 0;
  let closed = false;

  function schedule(): void {
    if (timer === undefined && !closed) {
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, flushMs);
      timer.unref();
    }
  }

  function forgetIdle(windowStart: number): void {
    if (forgottenBefore === windowStart && clients.size <= maxClients) return;
    forgottenBefore = windowStart;
    for (const [key, entry] of clients) {
      const idle = entry.pending === 0 && entry.sending === 0;
      if (idle && (entry.windowStart < windowStart || clients.size > maxClients)) clients.delete(key);
    }
  }

  async function send(): Promise<void> {
    const tallies: { entry: ClientCount; tally: LookupTally }[] = [];
    unsent = 0;
    for (const entry of clients.values()) {
      if (entry.pending === 0) continue;
      entry.sending = entry.pending;
      entry.pending = 0;
      tallies.push({ entry, tally: { clientKey: entry.storedAs, windowStart: entry.windowStart, count: entry.sending } });
    }
    const windowStart = lookupWindowStart(now(), options.windowMs);
    try {
      if (prunedBefore < windowStart) {
        await pruneLookups(store.db, windowStart);
        prunedBefore = windowStart;
      }
      const counts = tallies.length === 0 ? new Map<string, number>() : await addLookups(store.db, store.dialect, tallies.map((t) => t.tally));
      for (const { entry, tally } of tallies) {
        const stored = counts.get(tally.clientKey);
        if (stored !== undefined) entry.stored = stored;
        entry.sending = 0;
      }
      // A timer that fired while this flush was under way joined it: send what came since.
      if (unsent > 0) schedule();
    } catch {
      // The store is unreachable (its look-ups fail too): keep the counts for the next flush.
      for (const { entry } of tallies) {
        entry.pending += entry.sending;
        unsent += entry.sending;
        entry.sending = 0;
      }
    }
    forgetIdle(windowStart);
  }

  function flush(): Promise<void> {
    flushing ??= send().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  return {
    count(client) {
      const windowStart = lookupWindowStart(now(), options.windowMs);
      let entry = clients.get(client);
      if (entry === undefined || entry.windowStart < windowStart) {
        // A new window starts afresh; the old entry, if a flush holds it, is left to it.
        entry = { storedAs: entry?.storedAs ?? lookupClientHash(client), windowStart, stored: 0, sending: 0, pending: 0 };
      }
      clients.delete(client);
      clients.set(client, entry);
      entry.pending++;
      unsent++;
      schedule();
      return entry.stored + entry.sending + entry.pending;
    },
    async flush() {
      await flushing;
      await flush();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await flushing;
      await flush();
    },
  };
}
