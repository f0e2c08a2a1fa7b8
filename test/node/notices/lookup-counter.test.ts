// The look-up count behind POST /api/verify's limit: counted in memory at once, added to
// the store's shared count in one statement per flush, with the other servers' counts
// learned from the answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLookupCounter, type LookupCounter } from '../../../src/node/notices/lookup-counter.js';
import { openStore, type Store } from '../../../src/node/store/index.js';

const WINDOW_MS = 600_000;
// Flushes run only when a test asks for them.
const NEVER = 3_600_000;

describe('the look-up counter', () => {
  let store: Store;
  const counters: LookupCounter[] = [];
  const counter = (options: { now?: () => number; maxClients?: number } = {}, on: Store = store) => {
    const made = createLookupCounter(on, { windowMs: WINDOW_MS, flushMs: NEVER, ...options });
    counters.push(made);
    return made;
  };

  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(async () => {
    await Promise.all(counters.splice(0).map((c) => c.close()));
    await store.close();
  });

  it('counts a client\'s look-ups at once, before anything reaches the store', () => {
    const one = counter();
    expect([one.count('203.0.113.7'), one.count('203.0.113.7'), one.count('198.51.100.2')]).toEqual([1, 2, 1]);
  });

  it('learns the look-ups other servers counted when it adds its own', async () => {
    const [a, b] = [counter(), counter()];
    for (let i = 0; i < 3; i++) a.count('203.0.113.7');
    b.count('203.0.113.7');
    await a.flush();
    await b.flush();
    // b's view now holds a's three; a's will when it next adds one of its own.
    expect(b.count('203.0.113.7')).toBe(5);
    expect(a.count('203.0.113.7')).toBe(4);
    await a.flush();
    expect(a.count('203.0.113.7')).toBe(6);
  });

  it('starts a new window afresh, in memory and in the store', async () => {
    let time = 5 * WINDOW_MS;
    const [a, b] = [counter({ now: () => time }), counter({ now: () => time })];
    for (let i = 0; i < 4; i++) a.count('203.0.113.7');
    await a.flush();
    time += WINDOW_MS;
    expect(a.count('203.0.113.7')).toBe(1);
    b.count('203.0.113.7');
    await b.flush();
    expect(b.count('203.0.113.7')).toBe(2);
  });

  it('keeps its counts when the store cannot be reached, and adds them later', async () => {
    const broken = await openStore(':memory:');
    await broken.close();
    const reachable: Store = { ...store, db: broken.db };
    const one = counter({}, reachable);
    one.count('203.0.113.7');
    one.count('203.0.113.7');
    await one.flush();
    expect(one.count('203.0.113.7')).toBe(3);
    (reachable as { db: Store['db'] }).db = store.db;
    await one.flush();
    const other = counter();
    other.count('203.0.113.7');
    await other.flush();
    expect(other.count('203.0.113.7')).toBe(5);
  });

  it('forgets the stalest idle clients past its bound, and reads their count back from the store', async () => {
    const one = counter({ maxClients: 2 });
    one.count('203.0.113.1');
    one.count('203.0.113.1');
    one.count('203.0.113.2');
    one.count('203.0.113.3');
    await one.flush();
    // 203.0.113.1 was forgotten: its new look-up counts from one until the store answers.
    expect(one.count('203.0.113.1')).toBe(1);
    await one.flush();
    expect(one.count('203.0.113.1')).toBe(4);
    expect(one.count('203.0.113.3')).toBe(2);
  });

  it('adds its counts when it closes', async () => {
    const one = createLookupCounter(store, { windowMs: WINDOW_MS, flushMs: NEVER });
    one.count('203.0.113.7');
    one.count('203.0.113.7');
    await one.close();
    const other = counter();
    other.count('203.0.113.7');
    await other.flush();
    expect(other.count('203.0.113.7')).toBe(4);
  });
});
