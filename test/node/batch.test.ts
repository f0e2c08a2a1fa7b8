// runBatch hands outcomes over in input order and, when the output is full (emit returns
// a promise), checks nothing more until it has drained, so a slow reader of a long batch
// cannot make results pile up in memory.
import { describe, expect, it } from 'vitest';
import type { CheckInput } from '../../src/core/check.js';
import { runBatch, type BatchItem } from '../../src/node/check/batch.js';
import type { BatchOutcome } from '../../src/node/check/outcome.js';
import type { Checker } from '../../src/node/check/pool.js';

async function* items(count: number): AsyncGenerator<BatchItem> {
  for (let i = 0; i < count; i++) yield { id: `m${i}`, text: `message ${i}` };
}

/** A checker that records how many inputs it was given. */
function countingChecker(): { checker: Checker; checked: () => number } {
  let checked = 0;
  const checker: Checker = {
    checkAll: async (inputs: CheckInput[]) => {
      checked += inputs.length;
      return inputs.map((input): BatchOutcome => ({ ok: false, id: input.id, error: 'not checked in this test' }));
    },
    close: async () => {},
  };
  return { checker, checked: () => checked };
}

describe('runBatch', () => {
  it('waits for a full output to drain before checking more', async () => {
    const { checker, checked } = countingChecker();
    const emitted: string[] = [];
    let checkedWhenFull = -1;
    let checkedWhenDrained = -1;
    let drained: Promise<void> = Promise.resolve();
    await runBatch(items(1000), checker, 1, (outcome) => {
      emitted.push(outcome.id);
      if (emitted.length !== 1) return undefined;
      // The first result fills the output for 50 ms: nothing more may be checked meanwhile.
      checkedWhenFull = checked();
      drained = new Promise<void>((resolve) =>
        setTimeout(() => {
          checkedWhenDrained = checked();
          resolve();
        }, 50),
      );
      return drained;
    });
    await drained;
    expect(checkedWhenDrained).toBe(checkedWhenFull);
    expect(checked()).toBe(1000);
    expect(emitted).toEqual(Array.from({ length: 1000 }, (_, i) => `m${i}`));
  });
});
