// A shop's order confirmation asks the reader to pay for what they bought: by transfer,
// at a convenience store, later by invoice or at the door. That is told as the price of
// an order, with what to check if they did not order, not as a scam's demand for money;
// the same words under another reason to pay (an unpaid bill, a lawsuit) or in gift
// cards stay dangerous. The messages are written for this test.
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/core/check.js';
import { mail } from '../signals/reason-cases.js';

const shop = (text: string) =>
  checkInput({
    id: 'order',
    ...mail({ from: ['ひので書房オンラインストア', 'order@hinode-shobo.example'], subject: '【ひので書房】ご注文ありがとうございます（ご注文番号：HS-0731）', text }),
  });

describe("paying for one's own order", () => {
  it.each([
    ['at a convenience store', 'ご注文ありがとうございます。お支払い方法：コンビニ払い。下記の払込番号で、お近くのコンビニエンスストアにて9月25日までにお支払いください。払込番号：1234-5678-9012。'],
    ['by bank transfer', 'ご注文を承りました。お支払い方法：銀行振込。下記口座へ9月25日までにお振込みください。振込先：みずほ銀行 渋谷支店 普通 1234567 カ）ヒノデショボウ。ご入金確認後、商品を配送いたします。'],
    ['later, by invoice', 'ご購入いただきありがとうございます。お支払いは後払いです。商品に同封の請求書で、発行日から14日以内にコンビニ・郵便局・銀行でお支払いください。'],
    ['in full-width and half-width kana', 'ご注文ありがとうございます。ｺﾝﾋﾞﾆ払いをお選びいただきました。９月２５日までにお支払いください。'],
  ])('%s is low risk, with what to check before paying', async (_how, text) => {
    const result = await shop(text);
    expect(result.risk).toBe('low');
    expect(result.requests.map((r) => r.act)).toEqual(['pay-for-order']);
    const codes = result.reasons.map((r) => r.code);
    expect(codes).toContain('request.pay-for-order');
    expect(codes).not.toEqual(expect.arrayContaining(['request.pay', 'request.risky-means', 'request.under-pretext']));
    expect(result.advice.map((a) => a.code)).toContain('order-payment-check');
  });

  it('by text message is a demand for money: shops confirm orders by mail', async () => {
    const result = await checkInput({ id: 'sms', channel: 'sms', text: 'ご注文ありがとうございます。お支払いは下記口座へ本日中にお振込みください。' });
    expect(result.requests.map((r) => r.act)).toEqual(['pay']);
    expect(result.risk).toBe('high');
  });

  it.each([
    ['an unpaid bill and a lawsuit', 'ご注文ありがとうございます。ご注文の代金が未払いです。本日中にコンビニでお支払いください。お支払いがない場合、法的措置をとります。', 'pay'],
    ['gift cards', 'ご購入いただきありがとうございます。商品の発送には手数料が必要です。Amazonギフトカードでお支払いください。', 'buy-gift-card'],
  ])('under %s stays a dangerous demand', async (_what, text, act) => {
    const result = await shop(text);
    expect(result.risk).toBe('high');
    expect(result.requests.map((r) => r.act)).toContain(act);
    expect(result.requests.map((r) => r.act)).not.toContain('pay-for-order');
  });
});
