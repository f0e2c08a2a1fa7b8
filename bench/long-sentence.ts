// `npm run bench` (one row): a text that is one long sentence of a repeated lure word,
// 「流出」 100,000 times (200,000 characters, no 。). Every phrase's sentence is the
// whole text, so a check that reads the sentence again for each phrase is quadratic
// (before the sentences were looked up, 50,000 such characters took over 10 s); this row
// shows it stays near-linear. Run alone: node --import tsx bench/long-sentence.ts
import { checkInput } from '../src/core/check.js';

export const LONG_SENTENCE_ROW = 'check: one 200,000-character sentence of a repeated lure word';

const TEXT = '流出'.repeat(100_000);

/** Checks the text once, as an SMS. */
export async function checkLongSentence(): Promise<void> {
  await checkInput({ id: 'long-sentence', text: TEXT, channel: 'sms' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await checkLongSentence(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 5); i++) {
    const started = performance.now();
    await checkLongSentence();
    runs.push((performance.now() - started) / 1000);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(`${LONG_SENTENCE_ROW}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} s (runs ${runs.map((r) => r.toFixed(3)).join(', ')})`);
}
