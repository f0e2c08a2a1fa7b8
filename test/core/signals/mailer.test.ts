// The made-up program names bulk software writes into X-Mailer, against the names real
// mail programs and mailing services use (English and Japanese mail). All names here are
// written for the test.
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/core/check.js';
import { isMadeUpMailerName } from '../../../src/core/signals/mailer.js';
import { mail } from './reason-cases.js';

describe('isMadeUpMailerName', () => {
  it.each(['tQ7vLm2XpR9kWz', 'Hk3pZrW8qYvN2sLd', 'mWq4RzT9xLp2Vb', 'pLx8QwE3rTzK7nMv'])('%s is made up', (name) => {
    expect(isMadeUpMailerName(name)).toBe(true);
  });

  it.each([
    'Microsoft Outlook 16.0',
    'Mutt/1.3.19i',
    'Becky! ver. 2.81.04',
    'Thunderbird',
    'iPhone Mail (20A362)',
    'Apple Mail (2.3731.700.6)',
    'YahooMailWebService/0.8.111_241',
    'Shuriken Pro3',
    'Denbun POP ver.3.5',
    // One word with a number, written as words: a product's own name.
    'ExchangeServer2019',
    'WebMailPro2000',
    'MailChimpMailer',
    // An ID in hexadecimal has no capitals and small letters mixed.
    'a3f9c2e1b4d7e5f6',
    'A3F9C2E1B4D7E5F6',
    // Too short to tell.
    'xK9pQ2',
  ])('%s is a real name', (name) => {
    expect(isMadeUpMailerName(name)).toBe(false);
  });
});

describe('sender.forged-mailer through the whole check', () => {
  const codes = async (headers: string[], japanese: boolean): Promise<string[]> => {
    const input = japanese
      ? mail({ headers, from: ['文具のお店', 'info@bungu-shop.example'], subject: '夏のセールのお知らせ', text: '夏のセールを始めました。\n' })
      : mail({ headers, from: ['Office Supplies', 'sales@office-supplies.example'], subject: 'Summer sale', text: 'Our summer sale has started.\n' });
    return (await checkInput({ id: 'test', ...input })).reasons.map((r) => r.code);
  };

  it('is raised for a made-up name, in English and Japanese mail', async () => {
    expect(await codes(['X-Mailer: Hk3pZrW8qYvN2sLd'], false)).toContain('sender.forged-mailer');
    expect(await codes(['X-Mailer: Hk3pZrW8qYvN2sLd'], true)).toContain('sender.forged-mailer');
  });

  it('is not raised for a real program, or without the header', async () => {
    expect(await codes(['X-Mailer: Becky! ver. 2.81.04'], true)).not.toContain('sender.forged-mailer');
    expect(await codes(['X-Mailer: Microsoft Outlook 16.0'], false)).not.toContain('sender.forged-mailer');
    expect(await codes([], false)).not.toContain('sender.forged-mailer');
  });

  it('alone makes a mail medium, never high', async () => {
    const input = mail({ headers: ['X-Mailer: Hk3pZrW8qYvN2sLd'], from: ['Office Supplies', 'sales@office-supplies.example'], subject: 'Summer sale', text: 'Our summer sale has started.\n' });
    expect((await checkInput({ id: 'test', ...input })).risk).toBe('medium');
  });
});
