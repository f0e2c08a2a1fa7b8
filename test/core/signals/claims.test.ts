// Which organizations a message claims to be from (src/core/signals/claims.ts), beyond
// what the reason cases show: greeting the reader as the company's customer, and a
// sender address of the company's own that speaks for a service, not a person.
import { describe, expect, it } from 'vitest';
import { toMessage } from '../../../src/core/check.js';
import { extract } from '../../../src/core/extract/index.js';
import { findClaims } from '../../../src/core/signals/claims.js';
import { mail, sms, type Input } from './reason-cases.js';

async function claimed(input: Input): Promise<string[]> {
  const message = await toMessage({ id: 'claims', ...input } as Parameters<typeof toMessage>[0]);
  return findClaims(message, extract(message).extracted).organizations.map((o) => o.id);
}

const letterFrom = (address: string, text: string, subject = 'Notice'): Input =>
  mail({ from: ['', address], subject, text });

describe('claims: greeting the reader as the company’s customer', () => {
  it('takes "Dear PayPal Member", "Dear valued eBay customer" and "Valued eBay Member" as claims', async () => {
    expect(await claimed(letterFrom('x@mailer.example', 'Dear PayPal Member,\nYour account was flagged.'))).toEqual(['paypal']);
    expect(await claimed(letterFrom('x@mailer.example', 'Dear valued eBay customer, please update.'))).toEqual(['ebay']);
    expect(await claimed(letterFrom('x@mailer.example', 'Update within 24 hours\nValued eBay Member, according to our policy…'))).toEqual(['ebay']);
  });

  it('takes Japanese greetings of a company’s customers as claims', async () => {
    expect(await claimed(letterFrom('x@mailer.example', '三井住友カードをご利用のお客様\nご利用確認のお願いです。', 'ご利用確認'))).toEqual(['smbc-card']);
    expect(await claimed(letterFrom('x@mailer.example', 'いつもありがとうございます。楽天会員様限定のご案内です。', 'ご案内'))).toEqual(['rakuten']);
  });

  it('does not take talk about a company’s customers as a claim', async () => {
    expect(await claimed(letterFrom('friend@mailer.example', 'PayPal users have reported fake mails this week.\nBe careful.'))).toEqual([]);
    expect(await claimed(letterFrom('friend@mailer.example', 'My dear friend, eBay customers get refunds.'))).toEqual([]);
    expect(await claimed(letterFrom('friend@mailer.example', '三井住友カードを使っています。ポイントが貯まるので。', '近況'))).toEqual([]);
  });
});

describe('claims: a sender address at the company’s own domain', () => {
  it('is a claim when the mailbox speaks for a service', async () => {
    for (const address of ['service@paypal.com', 'security@paypal.com', 'aw-confirm@ebay.com', 'support_refnum_26@ebay.com', 'paypal@email.paypal.com']) {
      expect(await claimed(letterFrom(address, 'Please confirm your account.')), address).toEqual([address.includes('ebay') ? 'ebay' : 'paypal']);
    }
  });

  it('names the company of a group’s shared domain that the message names (japanpost.jp)', async () => {
    expect(await claimed(letterFrom('information@jp-bank.japanpost.jp', 'ゆうちょ銀行からのお知らせです。', 'お知らせ'))).toEqual(['japan-post-bank']);
    expect(await claimed(letterFrom('info@japanpost.jp', '日本郵便からのお知らせです。', 'お知らせ'))).toEqual(['japan-post']);
  });

  it('is not a claim when a person writes from their employer’s domain', async () => {
    expect(await claimed(letterFrom('jdoe@microsoft.com', 'Here is the patch I mentioned on the list.'))).toEqual([]);
  });

  it('is not a claim for the company’s customer mailboxes (gmail.com, docomo.ne.jp)', async () => {
    expect(await claimed(letterFrom('support@gmail.com', 'Please confirm your account.'))).toEqual([]);
    expect(await claimed(letterFrom('info-desk@docomo.ne.jp', 'ご確認ください。', 'ご確認'))).toEqual([]);
  });

  it('is only for email: an SMS has no sender address', async () => {
    expect(await claimed(sms('Please confirm your account.'))).toEqual([]);
  });
});

describe('claims: a name in parentheses', () => {
  it('takes a parenthesised name that opens its line as a heading, in email as in SMS', async () => {
    expect(await claimed(letterFrom('x@mailer.example', '（佐川急便）お荷物のお届けについてのご連絡です。\n下記をご確認ください。', 'お届けについて'))).toEqual(['sagawa']);
    expect(await claimed(letterFrom('x@mailer.example', 'Hello,\n  (Microsoft) Your mailbox is almost full.'))).toEqual(['microsoft']);
  });

  it('does not take an aside in running text as a claim (a blog feed that mentions companies)', async () => {
    const post = (text: string): Input => mail({ from: ['zawodny', 'rssfeeds@feeds.example'], subject: 'Weekend plans', text });
    expect(await claimed(post("I'll be away this weekend, so I'll miss the air\nshow (Google can't find a good official site either). Pity."))).toEqual([]);
    expect(await claimed(post('The setup registers itself with IIS (Microsoft’s web server), so nothing is left to do.'))).toEqual([]);
    expect(await claimed(post('週末の予定です。荷物は明日届くはず（ヤマト運輸で送ってもらいました）。'))).toEqual([]);
  });
});
