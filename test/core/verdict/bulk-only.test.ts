// Advertising is not danger: reasons that only describe how mass mail looks, with hints
// of low severity beside them, never make a message high; one reason about harm lifts
// that cap.
import { describe, expect, it } from 'vitest';
import reasonsData from '../../../data/reasons.json' with { type: 'json' };
import { checkInput } from '../../../src/core/check.js';
import { mail } from '../signals/reason-cases.js';

const BULK = new Set(reasonsData.reasons.filter((r) => 'bulk' in r).map((r) => r.code));

/** Advertising that asks for nothing and names no one. */
const AD_TEXT =
  'Dear Friend,\n\nAct now! Order our amazing herbal diet pills today and get a F R E E bottle.\n' +
  'To be removed from our mailing list, reply with REMOVE. This is a one time mailing.\n';

const SPAM_TEXT =
  'Dear Friend,\n\nAct now! Order our amazing herbal diet pills today and get a F R E E bottle. Use your member password at checkout.\n\n' +
  'To be removed from our mailing list, reply with REMOVE. This is a one time mailing.\n';

describe('bulk-mail features alone', () => {
  it('make a message medium at most, however many add up, with a hint beside them', async () => {
    const result = await checkInput({
      id: 'bulk',
      ...mail({
        from: ['Best Deals', 'xk7q2vbn9@deals-mailer.example'],
        replyTo: 'orders@other-mailer.example',
        returnPath: 'bounce@third-mailer.example',
        subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
        text: SPAM_TEXT,
      }),
    });
    const warnings = result.reasons.filter((r) => r.score > 0);
    expect(warnings.map((r) => r.code)).toEqual(
      expect.arrayContaining(['model.spam-likely', 'sender.random', 'lang.spaced-word', 'lure.credential-request.weak']),
    );
    expect(warnings.every((r) => BULK.has(r.code) || r.severity === 'low' || r.severity === 'info')).toBe(true);
    expect(result.reasons.reduce((sum, r) => sum + r.score, 0)).toBeGreaterThanOrEqual(reasonsData.thresholds.high);
    expect(result.risk).toBe('medium');
    expect(result.score).toBe(reasonsData.thresholds.high - 1);
    // It mentions the reader's password: that is how phishing reads, so it is not told as mere advertising.
    expect(result.bulk).toBe(false);
  });

  it('are told as what they are, advertising to delete unopened, not "this may be a scam"', async () => {
    const advert = { from: ['Best Deals', 'xk7q2vbn9@deals-mailer.example'] as [string, string], subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!' };
    const result = await checkInput({ id: 'advertising', ...mail({ ...advert, text: AD_TEXT }) });
    expect(result.risk).toBe('medium');
    expect(result.bulk).toBe(true);
    expect(result.advice[0]?.code).toBe('advertising-delete');
    expect(result.advice.map((a) => a.code)).not.toContain('dont-open-link');
    // The same words sent as a company's own service mail speak for it: a possible scam, not advertising.
    const asCompany = await checkInput({ id: 'as-company', ...mail({ ...advert, from: ['Service', 'service@paypal.com'], text: `Dear PayPal Member,\n\n${AD_TEXT}` }) });
    expect(asCompany.claimed.organizations).toEqual(['paypal']);
    expect(asCompany.risk).toBe('medium');
    expect(asCompany.bulk).toBe(false);
  });

  it('are not called advertising when the warning has no bulk-mail feature, or harm beside it', async () => {
    // A shortener behind "tap here" is medium on two low hints, neither of them about mass mail.
    const shortener = await checkInput({
      id: 'shortener',
      text: 'はじめまして。メッセージが届いています。続きの確認はこちら https://bit.ly/3xYzAbc',
      channel: 'sms',
    });
    expect(shortener.risk).toBe('medium');
    expect(shortener.reasons.filter((r) => r.score > 0).some((r) => BULK.has(r.code))).toBe(false);
    expect(shortener.bulk).toBe(false);
    expect(shortener.advice[0]?.code).not.toBe('advertising-delete');
    const ordinary = await checkInput({ id: 'ordinary', text: '明日の会議は10時からです。資料は共有フォルダにあります。', channel: 'sms' });
    expect(ordinary.risk).toBe('low');
    expect(ordinary.bulk).toBe(false);
  });

  it('do add up to high beside a reason about harm', async () => {
    const result = await checkInput({
      id: 'bulk-and-harm',
      ...mail({
        from: ['Best Deals', 'xk7q2vbn9@deals-mailer.example'],
        subject: 'LIMITED TIME: Lose 30 lbs FAST - FREE trial!!!',
        text: `${SPAM_TEXT}\nOrder here: http://203.0.113.7/order\n`,
      }),
    });
    expect(result.reasons.map((r) => r.code)).toContain('link.ip-host');
    expect(result.risk).toBe('high');
    expect(result.bulk).toBe(false);
  });
});
