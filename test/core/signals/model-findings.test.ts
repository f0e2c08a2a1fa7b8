// The model's probability bands, tested on assessments built here: a message that lands
// exactly between the two thresholds is hard to write by hand.
import { describe, expect, it } from 'vitest';
import type { SpamAssessment } from '../../../src/core/model/index.js';
import { toMessage } from '../../../src/core/check.js';
import { extract } from '../../../src/core/extract/index.js';
import { findingsForAssessment, senderShown } from '../../../src/core/signals/model.js';
import { mail, type Input } from './reason-cases.js';

const assessment = (probability: number, coverage = 0.9): SpamAssessment => ({
  probability,
  model: 'email',
  thresholds: { fpr1: 0.66, fpr2: 0.54 },
  coverage,
});

const codes = (a: SpamAssessment): string[] => findingsForAssessment(a).map((f) => f.code);

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

describe('a mail that does not show its sender (issue 13)', () => {
  const shownBy = async (input: Input): Promise<boolean> => {
    const message = await toMessage({ id: 'test', ...input });
    return senderShown(message, extract(message).extracted);
  };
  const offer = 'Lose weight the natural way! Our formula is 100% guaranteed.';

  it('gives model.spam-unidentified between the 2% and the 1% thresholds, where a mail that shows its sender gets model.spam-possible', () => {
    expect(findingsForAssessment(assessment(0.6), false).map((f) => f.code)).toEqual(['model.spam-unidentified']);
    expect(codes(assessment(0.6))).toEqual(['model.spam-possible']);
    expect(findingsForAssessment(assessment(0.5), false)).toEqual([]);
    expect(findingsForAssessment(assessment(0.7), false).map((f) => f.code)).toEqual(['model.spam-likely']);
  });

  it('a shop whose links lead to its own domain shows its sender', async () => {
    expect(await shownBy(mail({ from: ['Northwind Outfitters', 'news@northwind-outfitters.com'], subject: 'Summer sale', text: `${offer}\nShop: https://www.northwind-outfitters.com/sale\n` }))).toBe(true);
  });

  it('a free-mail sender, a sender whose links go elsewhere, and a sender with no link do not', async () => {
    expect(await shownBy(mail({ from: ['Kelly', 'kelly.offers2002@hotmail.com'], subject: 'Summer sale', text: `${offer}\nShop: https://www.diet-formula.example/buy\n` }))).toBe(false);
    expect(await shownBy(mail({ from: ['Health Team', 'team@mailer-health.example'], subject: 'Summer sale', text: `${offer}\nShop: https://www.diet-formula.example/buy\n` }))).toBe(false);
    expect(await shownBy(mail({ from: ['Health Team', 'team@mailer-health.example'], subject: 'Summer sale', text: `${offer}\nCall 1-800-555-0199 to order.\n` }))).toBe(false);
  });

  it('a shop whose replies go to a free-mail box does not, though its links lead to its domain', async () => {
    const input = mail({
      from: ['Northwind Outfitters', 'news@northwind-outfitters.com'],
      replyTo: 'northwind.orders@hotmail.com',
      subject: 'Summer sale',
      text: `${offer}\nShop: https://www.northwind-outfitters.com/sale\n`,
    });
    expect(await shownBy(input)).toBe(false);
  });

  it('a sender the receiving server vouched for shows itself, whatever its links', async () => {
    const input = mail({
      from: ['Health Team', 'team@mailer-health.example'],
      headers: ['Authentication-Results: mx.example.jp; dkim=pass header.d=mailer-health.example; dmarc=pass header.from=mailer-health.example'],
      subject: 'Summer sale',
      text: `${offer}\nShop: https://www.diet-formula.example/buy\n`,
    });
    expect(await shownBy(input)).toBe(true);
  });

  it('text messages, and mail pasted without its headers, are not judged this way', async () => {
    expect(await shownBy({ text: `${offer} https://www.diet-formula.example/buy`, channel: 'sms' })).toBe(true);
    expect(await shownBy({ text: `${offer} https://www.diet-formula.example/buy`, channel: 'email' })).toBe(true);
  });
});
