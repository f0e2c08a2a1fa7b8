// The model's probability bands, tested on assessments built here: a message that lands
// exactly between two thresholds is hard to write by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpamAssessment } from '../../../src/core/model/index.js';
import { checkInput, toMessage } from '../../../src/core/check.js';
import { extract } from '../../../src/core/extract/index.js';
import { findingsForAssessment, senderView, type SenderView } from '../../../src/core/signals/model.js';
import { mail, type Input } from './reason-cases.js';

const assessment = (probability: number, coverage = 0.9): SpamAssessment => ({
  probability,
  model: 'email',
  thresholds: { fpr0_25: 0.8, fpr1: 0.66, fpr2: 0.54, fpr2_5: 0.4 },
  coverage,
});

const codes = (a: SpamAssessment, sender: SenderView = 'unknown'): string[] => findingsForAssessment(a, sender).map((f) => f.code);

describe('findingsForAssessment', () => {
  it('gives model.spam-likely at or above the 1% false-positive threshold', () => {
    expect(codes(assessment(0.66))).toEqual(['model.spam-likely']);
  });

  it('gives model.spam-possible between the 2% and the 1% thresholds, and not just below', () => {
    expect(codes(assessment(0.6))).toEqual(['model.spam-possible']);
    expect(codes(assessment(0.5))).toEqual([]);
  });

  it('gives model.ham-likely for ordinary wording', () => {
    expect(codes(assessment(0.01))).toEqual(['model.ham-likely']);
  });

  it('says nothing when the model knows too few of the words (Japanese text)', () => {
    expect(codes(assessment(0.99, 0.2))).toEqual([]);
    expect(codes(assessment(0.01, 0.2))).toEqual([]);
  });

  it('reports the probability as its evidence', () => {
    expect(findingsForAssessment(assessment(0.7))[0]?.evidence).toBe('0.70');
  });
});

describe('how much of a text the model must know to speak', () => {
  // Written here: a fax-back order form, its blanks drawn with underscores. Counted per
  // occurrence, the one unknown run of underscores made this English text look as foreign
  // to the model as Japanese, and the model stayed silent.
  const form = ['NAME', 'COMPANY', 'ADDRESS', 'CITY', 'STATE', 'PHONE', 'FAX', 'E-MAIL'].map((field) => `${field}:${'_'.repeat(60)}`).join('\n');
  const formMail = mail({
    from: ['Marketing', 'offers@example.net'],
    subject: 'REACH MILLIONS OF BUYERS!',
    text: `Promote your business to one million email addresses for as low as $50! Complete and fax this form today and a consultant will call you.\n\n${form}\n`,
  });

  it('reads English with a form of blank lines', async () => {
    const result = await checkInput({ id: 'form', ...formMail });
    expect(result.reasons.map((r) => r.code)).toContain('model.spam-likely');
  });

  it('stays out of Japanese text, with or without a long line of one character', async () => {
    for (const filler of ['', '＿'.repeat(300), '_'.repeat(300)]) {
      const input = mail({ from: ['銀行', 'info@example.jp'], subject: '【重要】ご確認', text: `お客様の口座が凍結されました。${filler}至急ご確認ください。\n` });
      const codes = (await checkInput({ id: 'ja', ...input })).reasons.map((r) => r.code);
      expect(codes.filter((code) => code.startsWith('model.'))).toEqual([]);
    }
  });
});

describe('a probability given instead of the model (npm run eval -- --oof)', () => {
  const note = { id: 'note', text: 'Hi Sam, the meeting moved to Thursday at ten in the small room. See you there, Alex', channel: 'email' as const };

  it("replaces the shipped model's probability, and the thresholds still decide", async () => {
    const codes = async (spamProbability?: number): Promise<string[]> =>
      (await checkInput(note, { spamProbability })).reasons.map((r) => r.code).filter((code) => code.startsWith('model.'));
    expect(await codes()).not.toContain('model.spam-likely');
    expect(await codes(0.99)).toEqual(['model.spam-likely']);
  });
});

describe('whether a mail shows its sender (issue 13)', () => {
  const viewOf = async (input: Input): Promise<SenderView> => {
    const message = await toMessage({ id: 'test', ...input });
    return senderView(message, extract(message).extracted);
  };
  const offer = 'Lose weight the natural way! Our formula is 100% guaranteed.';

  it('gives model.spam-unidentified from the 2.5% threshold up to the 1% threshold, where model.spam-likely starts', () => {
    expect(codes(assessment(0.4), 'hidden')).toEqual(['model.spam-unidentified']);
    expect(codes(assessment(0.6), 'hidden')).toEqual(['model.spam-unidentified']);
    expect(codes(assessment(0.39), 'hidden')).toEqual([]);
    expect(codes(assessment(0.66), 'hidden')).toEqual(['model.spam-likely']);
  });

  // Genuine commercial mail that links to its own site was the model's most common false
  // alarm: a mail that shows its sender needs wording past the 0.25% threshold.
  it('gives a mail that shows its sender model.spam-likely only from the 0.25% threshold, and model.spam-possible below it', () => {
    expect(codes(assessment(0.79), 'shown')).toEqual(['model.spam-possible']);
    expect(codes(assessment(0.8), 'shown')).toEqual(['model.spam-likely']);
    expect(codes(assessment(0.5), 'shown')).toEqual([]);
  });

  it('judges text without a sender address at the 1% threshold', () => {
    expect(codes(assessment(0.66), 'unknown')).toEqual(['model.spam-likely']);
    expect(codes(assessment(0.6), 'unknown')).toEqual(['model.spam-possible']);
  });

  it('a genuine coupon mail that links to its own shop, worded like advertising, is told so at low risk', async () => {
    // Written for eval/fixtures/commercial-dev; its wording scores 0.82, which the 1%
    // threshold (0.70) called model.spam-likely and medium.
    const bytes = readFileSync(join(import.meta.dirname, '../../../eval/fixtures/commercial-dev/066-paperclip-office-coupon-2003.eml'));
    const result = await checkInput({ id: 'coupon', bytes });
    expect(result.reasons.map((r) => r.code)).toContain('model.spam-possible');
    expect(result.risk).toBe('low');
  });

  it('a shop whose links lead to its own domain shows its sender', async () => {
    expect(await viewOf(mail({ from: ['Northwind Outfitters', 'news@northwind-outfitters.com'], subject: 'Summer sale', text: `${offer}\nShop: https://www.northwind-outfitters.com/sale\n` }))).toBe('shown');
  });

  it('a free-mail sender, a sender whose links go elsewhere, and a sender with no link do not', async () => {
    expect(await viewOf(mail({ from: ['Kelly', 'kelly.offers2002@hotmail.com'], subject: 'Summer sale', text: `${offer}\nShop: https://www.diet-formula.example/buy\n` }))).toBe('hidden');
    expect(await viewOf(mail({ from: ['Health Team', 'team@mailer-health.example'], subject: 'Summer sale', text: `${offer}\nShop: https://www.diet-formula.example/buy\n` }))).toBe('hidden');
    expect(await viewOf(mail({ from: ['Health Team', 'team@mailer-health.example'], subject: 'Summer sale', text: `${offer}\nCall 1-800-555-0199 to order.\n` }))).toBe('hidden');
  });

  it('a shop whose replies go to a free-mail box does not, though its links lead to its domain', async () => {
    const input = mail({
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      replyTo: 'northwind.orders@hotmail.com',
      subject: 'Summer sale',
      text: `${offer}\nShop: https://www.northwind-outfitters.com/sale\n`,
    });
    expect(await viewOf(input)).toBe('hidden');
  });

  it('a sender the receiving server vouched for shows itself, whatever its links', async () => {
    const input = mail({
      from: ['Health Team', 'team@mailer-health.example'],
      headers: ['Authentication-Results: mx.example.jp; dkim=pass header.d=mailer-health.example; dmarc=pass header.from=mailer-health.example'],
      subject: 'Summer sale',
      text: `${offer}\nShop: https://www.diet-formula.example/buy\n`,
    });
    expect(await viewOf(input)).toBe('shown');
  });

  it('text messages, and mail pasted without its headers, are not judged this way', async () => {
    expect(await viewOf({ text: `${offer} https://www.diet-formula.example/buy`, channel: 'sms' })).toBe('unknown');
    expect(await viewOf({ text: `${offer} https://www.diet-formula.example/buy`, channel: 'email' })).toBe('unknown');
  });
});
