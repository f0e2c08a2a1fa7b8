import { describe, expect, it } from 'vitest';
import jaData from '../../../data/model/ja.json' with { type: 'json' };
import { jaGrams, jaModelText, jaReadable, jaScamLikely, jaScore, loadJaModel } from '../../../src/core/model/ja-model.js';

const model = loadJaModel(jaData, 'data/model/ja.json');

// Texts written for this test (not from any dataset).
const SCAM = '【重要】お客様のアカウントが一時停止されました。本日中に下記URLより本人確認を行ってください。確認がない場合、ご利用を制限します。 https://example-verify.top/login';
const SCAM_NO_LINK = '【重要】お客様のアカウントが一時停止されました。本日中に下記URLより本人確認を行ってください。確認がない場合、ご利用を制限します。';
const NOTICE = '不審なメールにご注意ください\n当社を装ったメールが確認されています。当社がメールでパスワードやカード番号をお尋ねすることはありません。お心当たりのないメールは開かずに削除してください。';

describe('ja model file', () => {
  it('loads, and is small', () => {
    expect(model.weights.size).toBeGreaterThan(100);
    expect(model.weights.size).toBeLessThanOrEqual(20_000);
    expect(new TextEncoder().encode(JSON.stringify(jaData)).length).toBeLessThan(100 * 1024);
    expect(model.thresholds.fpr5).toBeGreaterThanOrEqual(model.thresholds.fpr10);
  });

  it('rejects a broken file', () => {
    expect(() => loadJaModel({ ...jaData, weights: [1] })).toThrow(/invalid/);
    expect(() => loadJaModel({ ...jaData, format: 'other' })).toThrow(/invalid/);
    expect(() => loadJaModel(null)).toThrow(/invalid/);
  });
});

describe('ja features', () => {
  it('folds width and digits, cuts links, collapses spaces', () => {
    expect(jaModelText('ＡＢＣ　１２３ https://x.example/a?b=1  円')).toBe('abc 000 円');
    expect(jaModelText('詳細は http:〇〇〇 から')).toBe('詳細は から');
    expect(jaModelText('hxxps://bad.example/ です')).toBe('です');
  });

  it('makes distinct 1–3-grams, never a lone space', () => {
    const grams = jaGrams('あい う');
    expect([...grams].sort()).toEqual(['あ', 'あい', 'あい ', 'い', 'い ', 'い う', ' う', 'う'].sort());
    expect(grams.has(' ')).toBe(false);
    expect(jaGrams('').size).toBe(0);
  });

  it('needs some Japanese to read', () => {
    expect(jaReadable(SCAM)).toBe(true);
    expect(jaReadable('Your parcel is waiting, confirm your address.')).toBe(false);
    expect(jaReadable('東京都千代田区')).toBe(false);
    expect(jaReadable('')).toBe(false);
  });
});

describe('ja model scoring', () => {
  it('is deterministic, bounded and never throws', () => {
    for (const text of ['', ' ', '0'.repeat(50_000), '\u0000\uffff', SCAM, NOTICE, '🙂'.repeat(100)]) {
      const a = jaScore(text, model);
      expect(a).toEqual(jaScore(text, model));
      expect(Number.isFinite(a.logit)).toBe(true);
      expect(a.probability).toBeGreaterThanOrEqual(0);
      expect(a.probability).toBeLessThanOrEqual(1);
      expect(a.coverage).toBeGreaterThanOrEqual(0);
      expect(a.coverage).toBeLessThanOrEqual(1);
    }
  });

  it('reads a message the same with or without its link', () => {
    expect(jaScore(SCAM, model).logit).toBeCloseTo(jaScore(SCAM_NO_LINK, model).logit, 10);
  });

  it('scores an account-suspension lure above a warning notice', () => {
    expect(jaScore(SCAM, model).probability).toBeGreaterThan(jaScore(NOTICE, model).probability);
  });

  it('gives no opinion on text with little Japanese', () => {
    expect(jaScamLikely('', model)).toBe(false);
    expect(jaScamLikely('URGENT: your account is locked, verify now', model)).toBe(false);
  });
});
