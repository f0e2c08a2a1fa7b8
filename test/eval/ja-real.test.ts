// The ja-real loader (eval/datasets.ts) and the "links removed" view of `npm run eval`.
// The data lives outside the repository (../shared/data/ja-real); without it the loader
// tests skip with a message. The link-removal tests use only texts written here.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInput, toMessage } from '../../src/core/check.js';
import { extractUrls } from '../../src/core/extract/urls.js';
import { CHANNELS } from '../../src/core/message/types.js';
import { normalizeForMatching } from '../../src/core/normalize/index.js';
import { JA_REAL_PATH, jaReal, jaRealInput, jaRealText, linkSpans, removeLinks } from '../../eval/datasets.js';

const present = existsSync(JA_REAL_PATH);
if (!present) console.warn(`ja-real loader tests skipped: ${JA_REAL_PATH} not found (../shared/data is not on this machine).`);

const urlsIn = (text: string): string[] =>
  extractUrls(normalizeForMatching(text).mapped, text, { limit: Number.MAX_SAFE_INTEGER }).urls.map((u) => u.raw);

describe.skipIf(!present)('jaReal() on ../shared/data/ja-real/messages.jsonl', () => {
  const messages = present ? jaReal()! : [];

  it('loads 315 messages with unique ids', () => {
    expect(messages).toHaveLength(315);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  });

  it('labels every message scam or legit and gives it text', () => {
    for (const m of messages) {
      expect(['scam', 'legit']).toContain(m.label);
      expect(m.text.length).toBeGreaterThan(0);
    }
  });

  it('gives the checker a channel it accepts, and the checker keeps it', async () => {
    for (const m of messages) {
      const input = jaRealInput(m);
      expect(CHANNELS).toContain(input.channel);
      expect(input.channel).toBe(m.channel);
      expect((await toMessage(input)).channel).toBe(m.channel);
    }
  });

  it('puts the subject, when there is one, on its own first line', () => {
    for (const m of messages) {
      const text = jaRealText(m);
      if (m.subject !== null && m.subject.trim() !== '') expect(text).toBe(`${m.subject}\n${m.text}`);
      else expect(text).toBe(m.text);
    }
  });

  it('leaves no URL the extractor can find once links are removed', () => {
    for (const m of messages) expect(urlsIn(removeLinks(jaRealText(m)))).toEqual([]);
  });
});

describe('removeLinks (the "links removed" view)', () => {
  const cases: [string, string][] = [
    ['詳しくは「https://example.com/a」。をご覧ください', '詳しくは「」。をご覧ください'],
    ['こちら→https://example.com/login?id=1、本日中に', 'こちら→、本日中に'],
    ['ご確認ください（https://example.jp/x）。', 'ご確認ください（）。'],
    ['ＵＲＬ：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ　至急', 'ＵＲＬ：　至急'],
    ['【重要】example.co.jp からのお知らせ', '【重要】 からのお知らせ'],
    ['再配達はhttps://example.com/a\n電話はこちら', '再配達は\n電話はこちら'],
    ['two: http://a.example/1 and www.example.com/2.', 'two:  and .'],
    ['同じリンク https://example.com/a と https://example.com/a', '同じリンク  と '],
    ['伏せ字：https://~ です', '伏せ字： です'],
    ['伏せ字「https://・・・・」です', '伏せ字「」です'],
    ['伏せ字 http:〇〇〇(URL)', '伏せ字 (URL)'],
    ['伏せ字 https://bit.ly/〜〜 から', '伏せ字  から'],
    ['伏せ字 http://... です', '伏せ字  です'],
    ['リンクのない文章です。電話 0120-000-000 まで。', 'リンクのない文章です。電話 0120-000-000 まで。'],
  ];

  it.each(cases)('%j → %j', (text, expected) => {
    expect(removeLinks(text)).toBe(expected);
  });

  it('removes exactly the spans the extractor finds, keeping every other character', () => {
    const text = '「https://example.com/a」。続きは ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ／ｂ 、または hxxps://evil[.]example/c を開かないで';
    const found = extractUrls(normalizeForMatching(text).mapped, text, { limit: 100 }).urls;
    expect(found.length).toBe(3);
    expect(linkSpans(text)).toEqual(found.map((u) => u.sourceSpan));
    let expected = text;
    for (const u of [...found].reverse()) expected = expected.slice(0, u.sourceSpan[0]) + expected.slice(u.sourceSpan[1]);
    expect(removeLinks(text)).toBe(expected);
    expect(urlsIn(removeLinks(text))).toEqual([]);
  });

  it('keeps an email address, which is not a link', () => {
    expect(removeLinks('お問い合わせ: info@example.co.jp まで')).toBe('お問い合わせ: info@example.co.jp まで');
  });
});

// Floors under the checker on the real Japanese development messages: not the accuracy
// figure (npm run eval prints that), but a guard so that a rule change that makes the
// checker call real scams safe, or real notices dangerous, fails here.
describe.skipIf(!present)('the checker on ja-real (development split): floors', () => {
  const messages = present ? jaReal()! : [];
  const judged = async () => Promise.all(messages.map(async (m) => ({ m, risk: (await checkInput(jaRealInput(m))).risk })));

  it('flags at least 85% of the real scams and judges at least 70% high; at most 2 genuine messages high and 10% flagged', async () => {
    const all = await judged();
    const scams = all.filter((j) => j.m.label === 'scam');
    const genuine = all.filter((j) => j.m.label === 'legit');
    expect(scams.filter((j) => j.risk !== 'low').length / scams.length).toBeGreaterThanOrEqual(0.85);
    expect(scams.filter((j) => j.risk === 'high').length / scams.length).toBeGreaterThanOrEqual(0.7);
    expect(genuine.filter((j) => j.risk === 'high').length).toBeLessThanOrEqual(2);
    expect(genuine.filter((j) => j.risk !== 'low').length / genuine.length).toBeLessThanOrEqual(0.1);
  });

  it('never calls the scams that follow a leak, or fake police and refund calls, low risk', async () => {
    const followUps = new Set(['deletion-offer', 'breach-followup', 'police-impersonation', 'cash-card-pickup', 'refund-atm', 'fake-compensation']);
    const missed = (await judged()).filter((j) => j.m.label === 'scam' && followUps.has(j.m.kind) && j.risk === 'low').map((j) => j.m.id);
    expect(missed).toEqual([]);
  });
});
