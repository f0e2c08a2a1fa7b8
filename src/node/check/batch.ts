import type { CheckInput } from '../../core/check.js';
import type { Checker } from './pool.js';
import type { Outcome } from './outcome.js';

/** An input, or the reason an input could not even be read (bad JSON line, too long). */
export type BatchItem = CheckInput | { id: string; unreadable: string };

/** Inputs in flight per worker: enough to keep every worker busy while the reader
 * waits, few enough that memory stays constant however long the batch is. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Checks every item and hands outcomes to `emit` in input order, holding at most
 * `workers × IN_FLIGHT_PER_WORKER` inputs at once.
 */
export async function runBatch(
  items: AsyncIterable<BatchItem>,
  checker: Checker,
  workers: number,
  emit: (outcome: Outcome) => void,
): Promise<{ checked: number; failed: number }> {
  const window = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  const inFlight: Promise<Outcome>[] = [];
  let checked = 0;
  let failed = 0;
  const drainOne = async (): Promise<void> => {
    const outcome = await inFlight.shift()!;
    if (outcome.ok) checked++;
    else failed++;
    emit(outcome);
  };
  for await (const item of items) {
    inFlight.push(
      'unreadable' in item ? Promise.resolve({ ok: false, id: item.id, error: item.unreadable }) : checker.check(item),
    );
    if (inFlight.length >= window) await drainOne();
  }
  while (inFlight.length > 0) await drainOne();
  return { checked, failed };
}
