// A space inside Japanese words (a line a page wrapped when the text was copied, or filler
// put in to dodge filters) must not hide what a message asks.
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/core/check.js';

const codes = async (text: string): Promise<string[]> =>
  (await checkInput({ id: 'spaces', text, channel: 'sms' })).reasons.map((r) => r.code).sort();

describe('spaces between Japanese characters', () => {
  it.each([
    ['【楽天】未加算ポイントのお知らせ。ポイントを受け取るには、カード情報をご入力ください。', '【楽天】未加 算ポイントのお知らせ。ポイントを受け取るには、カード情 報をご入 力ください。'],
    ['お客様の口座が凍結されました。解除には暗証番号の確認が必要です。', 'お客様の口座が凍 結されました。解除には暗証番 号の確 認が必要です。'],
  ])('are read past: "%s"', async (plain, spaced) => {
    expect(await codes(spaced)).toEqual(await codes(plain));
  });
});
