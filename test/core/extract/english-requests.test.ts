// The English request reader (src/core/extract/english-requests.ts), reached through
// readRequests as every check reaches it: each way of asking for something risky has a
// trigger, and each thing that is not an ask a look-alike. The texts are written for
// these tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequests, type RequestAct } from '../../../src/core/extract/requests.js';
import type { Channel } from '../../../src/core/message/types.js';
import { foldForMatching } from '../../../src/core/normalize/index.js';

const read = (text: string, channel: Channel = 'email') => readRequests(foldForMatching(text), channel);
const acts = (text: string, channel: Channel = 'email'): RequestAct[] => read(text, channel).requests.map((r) => r.act);

describe('English asks for something risky', () => {
  const asked: [form: string, text: string, act: RequestAct][] = [
    ['please + enter + your password', 'Dear member, please enter your password at the page below to keep your access.', 'tell-secret'],
    ['a command at the start of a sentence', 'Your card is on hold. Enter your PIN and card number to release it.', 'tell-secret'],
    ['click here to + confirm', 'Click here to confirm your credit card details.', 'tell-secret'],
    ['reply with a list ending in bank details', 'Kindly reply with your full name, phone number and bank account details.', 'tell-bank'],
    ['a sensitive personal number', 'You are required to send us your social security number before the transfer.', 'tell-personal'],
    ['verify the account', 'Please verify your account information within 48 hours.', 'update-account'],
    ['a fee by a money service', 'Send the release fee of $250 by Western Union today.', 'pay'],
    ['gift cards', 'Go to the store and buy itunes cards for the amount.', 'buy-gift-card'],
    ['remote access', 'Please allow remote access so that our technician can remove the virus.', 'remote-access'],
    ['a subscription that will end', 'Your subscription payment failed. Please update your payment information to keep watching.', 'update-account'],
    ['a wrapped line', 'To keep your account open you must\nconfirm your billing information today.', 'update-account'],
  ];
  it.each(asked)('%s', (_, text, act) => {
    expect(acts(text)).toContain(act);
  });

  it('names the means of paying', () => {
    const pay = read('Pay the clearance fee with gift cards from any store.').requests.find((r) => r.act === 'pay');
    expect(pay?.means).toEqual(['e-money']);
  });
});

describe('English that asks nothing risky', () => {
  const notAsked: [what: string, text: string][] = [
    ['a denial', 'We will never ask you to enter your password by email.'],
    ['a prohibition', 'Do not send your bank account details to anyone.'],
    ['a failure, not an ask', 'We were unable to verify your billing information.'],
    ['a warning that describes a scam', 'Beware of emails asking you to verify your account information.'],
    ['a gift to the reader', 'We want to send you a gift card for your birthday!'],
    ['a catalog request', 'To order the catalog, send us your name and address.'],
    ['newsletter asks', 'Click here to read more. Shop now and save. To unsubscribe, reply with REMOVE in the subject.'],
    ['not the reader\'s own secret', 'Log in as root, then enter the root password and restart the server.'],
    ['a quoted forward', 'Funny one:\n> > Please give generously.\n> > Simply email us by return with your credit card details.\n'],
    ['a newsletter\'s own sign-in to manage the subscription', 'To unsubscribe or change your preferences, please enter your member ID and password at http://www.weekly-news.example/account.'],
    ['a mailing list\'s reminder', 'You will need to enter your password to change your membership options or to unsubscribe from the mailing list.'],
    ['a word that contains a verb', 'Please entertain your guests; the password to the wifi is on the fridge.'],
  ];
  it.each(notAsked)('%s', (_, text) => {
    expect(acts(text)).toEqual([]);
  });

  it('a web page in English describes scams, it does not make them', () => {
    expect(acts('Please enter your password at the link below.', 'web')).toEqual([]);
  });
});

describe('robustness', () => {
  it('reads a long text of repeated objects in linear time', () => {
    const text = 'please enter your '.repeat(5) + 'password '.repeat(20_000) + 'your your your '.repeat(10_000);
    const started = performance.now();
    read(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws and reads at most a bounded number of requests', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('please ', 'enter ', 'your ', 'password', 'bank details', '. ', '\n', '> ', 'never ', 'western union ', 'send ', 'the '), { maxLength: 200 }), (parts) => {
        const { requests } = read(parts.join(''));
        expect(requests.length).toBeLessThanOrEqual(20);
      }),
    );
  });
});
