import type { CheckInput } from '../../core/check.js';
import type { Checker } from './pool.js';
import type { BatchOutcome } from './outcome.js';

/** An input, or the reason an input could not even be read (bad JSON line, too long). */
export type BatchItem = CheckInput | { id: string; unreadable: string };

/** Inputs are handed to the checker in chunks: one message to a worker thread costs
 * about as much as checking an SMS, so sending them one by one made two workers slower
 * than one. A chunk closes at this many inputs… */
const CHUNK_INPUTS = 64;
/** …or at this many characters/bytes, so a chunk of large emails stays small. */
const CHUNK_SIZE = 1024 * 1024;
/** Chunks in flight per worker: one being checked, one waiting, so no worker idles
 * while the reader fills the next; memory stays constant however long the batch is. */
const CHUNKS_PER_WORKER = 2;

function sizeOf(item: BatchItem): number {
  if ('text' in item) return item.text.length;
  if ('eml' in item) return item.eml.length;
  if ('bytes' in item) return item.bytes.length;
  return 0;
}

async function checkChunk(chunk: BatchItem[], checker: Checker): Promise<BatchOutcome[]> {
  const inputs = chunk.filter((item): item is CheckInput => !('unreadable' in item));
  const outcomes = inputs.length > 0 ? await checker.checkAll(inputs) : [];
  let next = 0;
  return chunk.map((item) => ('unreadable' in item ? { ok: false, id: item.id, error: item.unreadable } : outcomes[next++]!));
}

/**
 * Checks every item and hands outcomes to `emit` in input order, holding at most
 * `workers × CHUNKS_PER_WORKER` chunks at once; when `emit` returns a promise (its
 * output is full), the batch waits for it.
 */
export async function runBatch(
  items: AsyncIterable<BatchItem>,
  checker: Checker,
  workers: number,
  emit: (outcome: BatchOutcome) => void | Promise<void>,
): Promise<{ checked: number; failed: number }> {
  const window = Math.max(1, workers) * CHUNKS_PER_WORKER;
  const inFlight: Promise<BatchOutcome[]>[] = [];
  let checked = 0;
  let failed = 0;
  const drainOne = async (): Promise<void> => {
    for (const outcome of await inFlight.shift()!) {
      if (outcome.ok) checked++;
      else failed++;
      // A slow reader of the output holds the batch back rather than letting results pile up in memory.
      await emit(outcome);
    }
  };
  let chunk: BatchItem[] = [];
  let chunkSize = 0;
  const dispatch = async (): Promise<void> => {
    inFlight.push(checkChunk(chunk, checker));
    chunk = [];
    chunkSize = 0;
    if (inFlight.length >= window) await drainOne();
  };
  for await (const item of items) {
    chunk.push(item);
    chunkSize += sizeOf(item);
    if (chunk.length >= CHUNK_INPUTS || chunkSize >= CHUNK_SIZE) await dispatch();
  }
  if (chunk.length > 0) await dispatch();
  while (inFlight.length > 0) await drainOne();
  return { checked, failed };
}
