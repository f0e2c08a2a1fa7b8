import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures, replaceUrls, stripListFooter, stripListTag, type ModelInput } from '../../../src/core/model/features.js';
import {
  explainSpamProbability,
  getEmailModel,
  getSmsModel,
  modelFor,
  modelInputFromMessage,
  modelLogit,
  spamProbability,
} from '../../../src/core/model/index.js';
import { loadModel } from '../../../src/core/model/model-file.js';
import { parseEmail } from '../../../src/core/message/email.js';
import { messageFromText } from '../../../src/core/message/text.js';

const MODEL_DIR = join(import.meta.dirname, '../../../data/model');
const readModel = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(MODEL_DIR, `${name}.json`), 'utf8'));

// Texts written for these tests (not from any corpus).
const ENGLISH_SPAM: ModelInput = {
  channel: 'email',
  subject: 'Congratulations!!! You have been selected for a FREE gift card',
  fromName: 'Rewards Center',
  fromDomain: 'winner-rewards-center.biz',
  text:
    'Dear Customer,\n\nCongratulations! You have been selected to receive a FREE $500 gift card. ' +
    'This is a limited time offer, act now! Click here to claim your prize: http://claim-prize-now.biz/win?id=8812\n\n' +
    'No purchase necessary. To be removed from our mailing list, click here or reply with REMOVE in the subject.',
};
const ENGLISH_HAM: ModelInput = {
  channel: 'email',
  subject: 'Re: notes from Tuesday meeting',
  fromName: 'Kenji Sato',
  fromDomain: 'example.org',
  text:
    "Hi Anna,\n\nThanks for sending the notes. I think the second option makes more sense, but we should check " +
    "the numbers with Tom before Friday. I'll update the draft tonight and send it round.\n\n" +
    '> Can you look at section 3 again?\n\nDone, I rewrote the paragraph about the test setup.\n\nKenji',
};
const JAPANESE_SMISHING: ModelInput = {
  channel: 'sms',
  text: '【重要】お客様のアカウントが一時停止されました。本日中に下記URLより本人確認を行ってください。 https://secure-account-verify.top/login',
};
const JAPANESE_NOTICE: ModelInput = {
  channel: 'sms',
  text: '明日10時に伺います。駐車場は建物の裏にありますので、そちらをご利用ください。よろしくお願いします。',
};

describe('data/model/*.json', () => {
  for (const name of ['email', 'sms'] as const) {
    it(`${name}.json loads, validates and stays small`, () => {
      const model = loadModel(readModel(name), name);
      expect(model.name).toBe(name);
      expect(model.size).toBeGreaterThan(1000);
      expect(model.size).toBeLessThanOrEqual(250_000);
      expect(statSync(join(MODEL_DIR, `${name}.json`)).size).toBeLessThan(1.5 * 1024 * 1024);
      const { fpr0_25, fpr1, fpr2, fpr2_5 } = model.thresholds;
      expect([fpr0_25, fpr1, fpr2, fpr2_5]).toEqual([fpr0_25, fpr1, fpr2, fpr2_5].sort((a, b) => b - a));
      expect(Number.isFinite(model.bias)).toBe(true);
      for (const w of model.weights) expect(Number.isFinite(w)).toBe(true);
    });
  }

  it('is what the module loaded, table and all (built-models.ts, which the CLI ships prebuilt)', () => {
    expect(getEmailModel()).toEqual(loadModel(readModel('email')));
    expect(getSmsModel()).toEqual(loadModel(readModel('sms')));
  });

  it('rejects broken files', () => {
    const good = readModel('sms');
    expect(() => loadModel({ ...good, format: 'other' })).toThrow(/invalid/);
    expect(() => loadModel({ ...good, count: (good.count as number) + 1 })).toThrow(/count/);
    expect(() => loadModel({ ...good, features: { ...(good.features as object), charMax: 99 } })).toThrow(/invalid/);
    const thresholds = good.thresholds as Record<string, number>;
    expect(() => loadModel({ ...good, thresholds: { ...thresholds, fpr0_25: thresholds.fpr2_5! / 2 } })).toThrow(/larger share/);
    // Two ids swapped: no longer ascending.
    const keys = Uint8Array.from(atob(good.keys as string), (c) => c.charCodeAt(0));
    const swapped = Uint8Array.from([...keys.slice(4, 8), ...keys.slice(0, 4), ...keys.slice(8)]);
    let binary = '';
    for (const byte of swapped) binary += String.fromCharCode(byte);
    expect(() => loadModel({ ...good, keys: btoa(binary) })).toThrow(/ascending/);
  });
});

describe('spamProbability', () => {
  it('is deterministic, also between other inputs', () => {
    const first = spamProbability(ENGLISH_SPAM);
    spamProbability(ENGLISH_HAM);
    spamProbability(JAPANESE_SMISHING);
    expect(spamProbability(ENGLISH_SPAM)).toBe(first);
    expect(loadModel(readModel('email')) && modelLogit(loadModel(readModel('email')), ENGLISH_SPAM)).toBe(modelLogit(getEmailModel(), ENGLISH_SPAM));
  });

  it('tells an obvious English spam from an ordinary English mail', () => {
    const spam = spamProbability(ENGLISH_SPAM);
    const ham = spamProbability(ENGLISH_HAM);
    expect(spam).toBeGreaterThan(getEmailModel().thresholds.fpr1);
    expect(ham).toBeLessThan(getEmailModel().thresholds.fpr2);
    expect(spam).toBeGreaterThan(ham);
  });

  it('scores a Japanese smishing SMS above a genuine Japanese message', () => {
    // The models learned from English only: for Japanese they go by what is shared
    // (a link and its shape, punctuation), so only the direction is asserted.
    expect(spamProbability(JAPANESE_SMISHING)).toBeGreaterThan(spamProbability(JAPANESE_NOTICE));
  });

  it('scores the same English texts the same way through the SMS model', () => {
    const asSms = (input: ModelInput): ModelInput => ({ channel: 'sms', text: input.text });
    expect(spamProbability(asSms(ENGLISH_SPAM))).toBeGreaterThan(spamProbability(asSms(ENGLISH_HAM)));
  });

  it('picks the model by channel, and by mail parts when the channel is unknown', () => {
    expect(modelFor({ channel: 'email', text: '' })).toBe(getEmailModel());
    expect(modelFor({ channel: 'sms', text: '' })).toBe(getSmsModel());
    expect(modelFor({ channel: 'unknown', text: 'hello' })).toBe(getSmsModel());
    expect(modelFor({ channel: 'unknown', text: 'hello', subject: 'Invoice' })).toBe(getEmailModel());
  });

  it('never reads recipients and ignores which address a body mentions', async () => {
    const eml = (to: string, inBody: string): string =>
      `From: Shop <news@shop.example>\r\nTo: ${to}\r\nDelivered-To: ${to}\r\nSubject: Your order\r\n\r\n` +
      `Your order has shipped. This message was sent to ${inBody}.\r\n`;
    const a = modelInputFromMessage(await parseEmail(eml('alice@example.com', 'alice@example.com')));
    const b = modelInputFromMessage(await parseEmail(eml('trap@spam-trap.example.net', 'bob.smith@other.example.jp')));
    expect(spamProbability(a)).toBe(spamProbability(b));
    const c = modelInputFromMessage(await parseEmail(eml('alice@example.com', 'you')));
    expect(JSON.stringify(c)).not.toContain('alice');
  });

  it('ignores where a URL leads beyond its shape', () => {
    const text = (path: string): ModelInput => ({ channel: 'sms', text: `Your parcel is waiting: https://parcel-track.example.com/${path}` });
    expect(spamProbability(text('a/b?id=1'))).toBe(spamProbability(text('zzz/qq?token=998877')));
  });

  it('explains itself with contributions that add up', () => {
    const { probability, contributions } = explainSpamProbability(ENGLISH_SPAM, 1_000_000);
    expect(probability).toBeCloseTo(spamProbability(ENGLISH_SPAM), 5);
    const logit = getEmailModel().bias + contributions.reduce((sum, c) => sum + c.logit, 0);
    expect(logit).toBeCloseTo(modelLogit(getEmailModel(), ENGLISH_SPAM), 4);
    expect(contributions.every((c) => c.feature.length > 0)).toBe(true);
    expect(explainSpamProbability(ENGLISH_SPAM, 5).contributions).toHaveLength(5);
  });

  it('reads a Message the way the checker builds it', () => {
    const input = modelInputFromMessage(messageFromText(JAPANESE_SMISHING.text, 'sms'));
    expect(spamProbability(input)).toBe(spamProbability(JAPANESE_SMISHING));
  });

  it('returns a probability in [0, 1] and never throws, for any text', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }));
    const input = fc.record({
      channel: fc.constantFrom('email', 'sms', 'letter', 'call', 'web', 'unknown' as const),
      subject: fc.option(text, { nil: null }),
      fromName: fc.option(text, { nil: null }),
      fromDomain: fc.option(fc.oneof(fc.domain(), text), { nil: null }),
      text,
      htmlText: fc.option(text, { nil: null }),
      links: fc.array(fc.record({ href: fc.oneof(fc.webUrl(), text), text: fc.option(text, { nil: null }) }), { maxLength: 5 }),
      attachments: fc.array(fc.record({ flags: fc.array(fc.constantFrom('executable', 'macro-office', 'archive')) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(input, (value) => {
        const p = spamProbability(value);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(spamProbability(value)).toBe(p);
      }),
      { numRuns: 500 },
    );
  });
});

describe('features', () => {
  it('cut out URLs and host names as the URL regex replacing over the whole text does', () => {
    // The regex of features.ts, run over the whole text: what replaceUrls must equal.
    const URL_RE =
      /(?:\b(?:https?|hxxps?|ftp):\/\/|\bwww\.)[a-z0-9\-._~:/?#[\]@!$&()*+,;=%]+|(?<![a-z0-9@.\-_])(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?::\d{2,5})?(?:\/[a-z0-9\-._~:/?#[\]@!$&()*+,;=%]*)?/g;
    // Upper case and digits after a port test what the regex reads before a match.
    const piece = fc.constantFrom('a', 'bc', 'com', '.', ':', '//', '/', 'http', 'hxxps', 'www', '-', '_', '@', '?', '8', ' ', '\n', 'é', '(', 'x.jp', 'é.com', 'A', ':123456', 'q'.repeat(25));
    const replace = (match: string): string => (match.length % 3 === 0 ? match : ` <${match}> `);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(replaceUrls(text, replace)).toBe(text.replace(URL_RE, replace));
      }),
      { numRuns: 3000 },
    );
  });

  it('stay linear on hostile text (long dotted runs, address-like runs, one huge word)', () => {
    const hostile = ['a.'.repeat(50_000), 'a@'.repeat(50_000), `${'x'.repeat(100_000)}.com`, '-- \n'.repeat(30_000) + 'mailman/listinfo', 'http://'.repeat(20_000)];
    for (const text of hostile) {
      const p = spamProbability({ channel: 'email', subject: text, text, htmlText: text.toUpperCase() });
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });


  const config = getEmailModel().config;
  const idsOf = (input: ModelInput): number[] => {
    const { ids, count } = extractFeatures(input, config);
    return [...ids.subarray(0, count)].sort((a, b) => a - b);
  };

  it('fold digits, case, width and invisible characters', () => {
    const base = idsOf({ channel: 'sms', text: 'Call 0120 123 456 NOW' });
    expect(idsOf({ channel: 'sms', text: 'call 0570 999 000 now' })).toEqual(base);
    expect(idsOf({ channel: 'sms', text: 'Ｃａｌｌ　０１２０ 123 456 N\u200bOW' })).toEqual(base);
  });

  it('drop mailing-list subject tags and footers', () => {
    expect(stripListTag('Re: [SAtalk] spam rules')).toBe('Re: spam rules');
    expect(stripListTag('[ILUG] question')).toBe('question');
    expect(stripListTag('Win $$$ now [28dk3]')).toBe('Win $$$ now [28dk3]');
    const body = 'I think the patch is fine.\n\nPaul\n';
    const footer = '_______________________________________________\nSome-list mailing list\nSome-list@lists.example.org\nhttp://lists.example.org/mailman/listinfo/some-list\n';
    expect(stripListFooter(body + footer)).toBe(body);
    const spam = 'Buy now!\n-----\nTo be removed from our mailing list reply REMOVE.\n';
    expect(stripListFooter(spam)).toBe(spam);
  });
});
