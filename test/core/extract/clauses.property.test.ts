// The sentence helpers of extract/clauses.ts read the same sentences as a scan of each
// phrase's sentence would (sentenceAround, and a test of the whole sentence), but look
// each sentence up instead of reading it again for every phrase in it: a long sentence of
// a repeated lure word must not make the check quadratic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/core/check.js';
import {
  insideReportedQuote,
  NEGATION,
  REPORTED_SPEECH,
  sentenceAround,
  sentenceFinder,
  sentenceTester,
  WARNING,
} from '../../../src/core/extract/clauses.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

/** Pieces that reach sentence breaks, quotes and every pattern, overlapping ones too. */
const PIECES = [
  '。', '！', '？', '!', '?', '.', '\n', ' ', '、', '「', '」', '『', '』', '“', '”', '"',
  '流出', '至急', '暗証番号', '詐欺', 'にご注意', 'という', 'と言われ', 'ありません', 'ございません',
  'were not', 'not included', 'were not included', 'never ask', 'scam', 'claiming', 'beware', 'ver. 2',
  'あ', 'a',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

/** Text and phrase spans in it, in text order (as the lure check asks). */
const textAndSpans = pieceText.chain((text) =>
  fc
    .array(
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 6 })).map(([start, length]): [number, number] => [start, Math.min(text.length, start + length)]),
      { maxLength: 20 },
    )
    .map((spans) => ({ text, spans: spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]) })),
);

/** insideReportedQuote as it was written before its search for the closing quote was bounded. */
function insideReportedQuoteUnbounded(text: string, start: number, end: number): boolean {
  const pairs: Record<string, string> = { '「': '」', '『': '』', '“': '”' };
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - 200); i--) {
    if (text[i]! in pairs) {
      open = i;
      break;
    }
    if (Object.values(pairs).includes(text[i]!)) return false;
  }
  if (open < 0) return false;
  const close = text.indexOf(pairs[text[open]!]!, end);
  if (close < 0 || close - end > 200) return false;
  return /^(?:という|といった|と言われ|といわれ|と言って|との|などと|と告げ|と持ちかけ)/.test(text.slice(close + 1, close + 9));
}

describe('sentences looked up, not rescanned', () => {
  it('sentenceFinder finds the sentence sentenceAround finds, and sentenceTester answers as a test of it', () => {
    fc.assert(
      fc.property(textAndSpans, fc.boolean(), ({ text, spans }, shuffled) => {
        const find = sentenceFinder(text);
        const testers = [NEGATION, WARNING, REPORTED_SPEECH].map((pattern) => [pattern, sentenceTester(text, pattern)] as const);
        // In text order, as the lure check asks, or out of order: the answers do not depend on it.
        for (const [start, end] of shuffled ? [...spans].reverse() : spans) {
          const sentence = find(start, end);
          const expected = sentenceAround(text, start, end);
          expect(sentence.text).toBe(expected);
          expect(text.slice(sentence.start, sentence.end)).toBe(expected);
          for (const [pattern, test] of testers) expect(test(sentence), `${pattern.source} in ${JSON.stringify(expected)}`).toBe(pattern.test(expected));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('sentenceTester answers as a test of any stretch, stretches that share an end included', () => {
    // Sentences from sentenceFinder never start inside a match; these stretches do
    // ("were not| included" for "not included").
    const stretches = pieceText.chain((text) =>
      fc
        .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })), { maxLength: 20 })
        .map((pairs) => ({
          text,
          spans: pairs.map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) % 3 === 0 ? text.length : Math.max(a, b) })).sort((x, y) => x.start - y.start),
        })),
    );
    fc.assert(
      fc.property(stretches, ({ text, spans }) => {
        for (const pattern of [NEGATION, WARNING, REPORTED_SPEECH]) {
          const test = sentenceTester(text, pattern);
          for (const { start, end } of spans) {
            const words = text.slice(start, end);
            expect(test({ start, end, text: words }), `${pattern.source} in ${JSON.stringify(words)}`).toBe(pattern.test(words));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives every phrase of one sentence the same sentence, found once', () => {
    const text = '流出'.repeat(100_000);
    const find = sentenceFinder(text);
    const sentences = new Set<unknown>();
    for (let i = 0; i < text.length; i += 2) sentences.add(find(i, i + 2));
    expect(sentences.size).toBe(1);
    const withBreaks = '流出した。'.repeat(1_000);
    const findEach = sentenceFinder(withBreaks);
    const each = new Set<unknown>();
    for (let i = 0; i < withBreaks.length; i += 5) each.add(findEach(i, i + 2));
    expect(each.size).toBe(1_000);
  });

  it('insideReportedQuote answers as before its search for the closing quote was bounded', () => {
    fc.assert(
      fc.property(textAndSpans, ({ text, spans }) => {
        for (const [start, end] of spans) expect(insideReportedQuote(text, start, end)).toBe(insideReportedQuoteUnbounded(text, start, end));
      }),
      { numRuns: 1500 },
    );
  });
});

const SIZE = 200_000;
/** Lure and request words repeated with no sentence break, or with one after each (the
 * English sentence runs on to the line's end, so every phrase's sentence is long). */
const REPEATED: [string, 'sms' | 'email' | 'letter'][] = [
  ['流出', 'sms'],
  ['流出', 'email'],
  ['流出', 'letter'],
  ['至急', 'sms'],
  ['「至急', 'sms'],
  ['暗証番号', 'sms'],
  ['暗証番号を教えてください', 'sms'],
  ['振り込んでください', 'letter'],
  ['流出。', 'sms'],
  ['urgent ', 'email'],
  ['urgent. ', 'sms'],
  ['詐欺', 'sms'],
];

describe('checkInput finishes on one long sentence of a repeated lure word', () => {
  it.each(REPEATED)(`%j repeated to ${SIZE.toLocaleString('en')} characters (%s; < ${HANG_GUARD_MS} ms)`, async (word, channel) => {
    const text = word.repeat(Math.ceil(SIZE / word.length)).slice(0, SIZE);
    const started = performance.now();
    const result = await checkInput({ id: 'repeated', text, channel });
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(result.message.textLength).toBeGreaterThan(0);
  });
});
