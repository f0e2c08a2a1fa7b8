// A space or an invisible character inside Japanese words (a line a page wrapped when the
// text was copied, or filler put in to dodge filters) must not hide what a message asks.
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/core/check.js';

const codes = async (text: string): Promise<string[]> =>
  (await checkInput({ id: 'split-words', text, channel: 'sms' })).reasons.map((r) => r.code).sort();

describe('spaces and invisible characters between Japanese characters', () => {
  it.each([
    ['【楽天】未加算ポイントのお知らせ。ポイントを受け取るには、カード情報をご入力ください。', '【楽天】未加 算ポイントのお知らせ。ポイントを受け取るには、カード情 報をご入 力ください。', []],
    ['お客様の口座が凍結されました。解除には暗証番号の確認が必要です。', 'お客様の口座が凍 結されました。解除には暗証番 号の確 認が必要です。', []],
    // The invisible characters are evidence of their own.
    ['【楽天】カード情報をご入力ください。暗証番号も必要です。', '【楽天】カード情\u200b報をご入\u200b力ください。暗証\u2060番号も必要です。', ['lang.invisible']],
  ])('are read past: "%s"', async (plain, split, extra) => {
    expect(await codes(split)).toEqual([...(await codes(plain)), ...extra].sort());
  });
});
