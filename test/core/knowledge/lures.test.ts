import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileLureMatcher,
  findLures,
  getLureFamily,
  LURE_FAMILIES,
  LURE_FAMILY_IDS,
  type LureFamilyId,
  type LureHit,
} from '../../../src/core/knowledge/lures.js';
import { parseLures } from '../../../src/core/knowledge/lures-schema.js';
import { foldForMatching, normalizeForMatching } from '../../../src/core/normalize/index.js';
import rawLures from '../../../data/lures.json' with { type: 'json' };
import { HANG_GUARD_MS } from '../../hang-guard.js';

const SEED = join(import.meta.dirname, '../../../../shared/seed/ntt-west-notice-article.ja.txt');

/** The pipeline's folding: NFKC (with invisible characters removed) and lower case. */
function fold(text: string): string {
  return normalizeForMatching(text).mapped.text.toLowerCase();
}

function hitsOf(text: string): LureHit[] {
  return findLures(fold(text));
}

/** The families found, sorted, each once. */
function familiesOf(text: string): LureFamilyId[] {
  return [...new Set(hitsOf(text).map((h) => h.family))].sort();
}

function isLureFamily(id: LureFamilyId): boolean {
  return getLureFamily(id).kind === 'lure';
}

/** Strong hits of scam families (notice families are positive evidence). */
function strongLureHits(text: string): LureHit[] {
  return hitsOf(text).filter((h) => h.weight === 'strong' && isLureFamily(h.family));
}

function clone(): { families: Array<Record<string, unknown> & { phrases: Array<Record<string, unknown>> }> } {
  return structuredClone(rawLures) as never;
}

describe('data/lures.json', () => {
  it('has every family, each with a description, a source URL and a checked date', () => {
    expect(LURE_FAMILIES.map((f) => f.id)).toEqual([...LURE_FAMILY_IDS]);
    for (const family of LURE_FAMILIES) {
      expect(family.description.length, family.id).toBeGreaterThan(10);
      expect(family.description, family.id).not.toContain('\n');
      for (const url of [family.source, ...(family.seeAlso ?? [])]) {
        expect(['http:', 'https:'], family.id).toContain(new URL(url).protocol);
      }
      expect(family.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(family.checked))).toBe(false);
    }
  });

  it('has at least 12 phrases in every family, in both languages, strong and weak', () => {
    for (const family of LURE_FAMILIES) {
      expect(family.phrases.length, family.id).toBeGreaterThanOrEqual(12);
      expect(family.phrases.some((p) => p.lang === 'ja'), family.id).toBe(true);
      expect(family.phrases.some((p) => p.lang === 'en'), family.id).toBe(true);
      expect(family.phrases.some((p) => p.weight === 'strong'), family.id).toBe(true);
    }
  });

  it('writes every phrase the way the matcher sees it, once per family', () => {
    for (const family of LURE_FAMILIES) {
      const seen = new Set<string>();
      for (const { phrase } of family.phrases) {
        expect(foldForMatching(phrase), `${family.id}: ${phrase}`).toBe(phrase);
        expect(seen.has(phrase), `${family.id}: ${phrase} twice`).toBe(false);
        seen.add(phrase);
      }
    }
  });

  it('marks the genuine-notice families as notice, the rest as lure', () => {
    const notice = LURE_FAMILIES.filter((f) => f.kind === 'notice').map((f) => f.id);
    expect(notice).toEqual(['notice-nothing-asked', 'notice-apology']);
  });

  it('rejects bad data with a readable message', () => {
    const upper = clone();
    upper.families[0]!.phrases[0]!['phrase'] = 'PIN';
    expect(() => parseLures(upper)).toThrow(/NFKC, lower case/);

    const fullWidth = clone();
    fullWidth.families[0]!.phrases[0]!['phrase'] = 'ｐｉｎ';
    expect(() => parseLures(fullWidth)).toThrow(/NFKC, lower case/);

    const spaced = clone();
    spaced.families[0]!.phrases[0]!['phrase'] = '暗証 番号';
    expect(() => parseLures(spaced)).toThrow(/no space between kana or kanji/);

    const duplicate = clone();
    duplicate.families[0]!.phrases.push({ ...duplicate.families[0]!.phrases[0]! });
    expect(() => parseLures(duplicate)).toThrow(/listed twice/);

    const missing = clone();
    missing.families.pop();
    expect(() => parseLures(missing)).toThrow(/notice-apology is missing/);

    const wrongLang = clone();
    wrongLang.families[0]!.phrases[0] = { phrase: 'パスワード', lang: 'en', weight: 'weak' };
    expect(() => parseLures(wrongLang)).toThrow(/marked en but is not ASCII/);

    const badSource = clone();
    badSource.families[0]!['source'] = 'not a url';
    expect(() => parseLures(badSource)).toThrow(/invalid/);
  });
});

// One Japanese and one English example per family, with the exact families each finds.
const EXAMPLES: Array<{ family: LureFamilyId; text: string; families: LureFamilyId[] }> = [
  { family: 'credential-request', text: 'セキュリティ確認のため、ログインIDとパスワードを入力してください。', families: ['credential-request'] },
  { family: 'credential-request', text: 'Please reply with your PIN to keep your card active.', families: ['credential-request'] },
  { family: 'card-request', text: 'ご本人確認のため、カード番号をご入力ください。', families: ['card-request'] },
  { family: 'card-request', text: 'Enter your card details, including the CVV, on the form.', families: ['card-request'] },
  { family: 'bank-request', text: '還付のため口座番号を教えてください。', families: ['bank-request'] },
  { family: 'bank-request', text: 'Reply with your bank details so we can transfer the money.', families: ['bank-request'] },
  { family: 'personal-data-request', text: '運転免許証の写真をアップロードしてください。', families: ['personal-data-request'] },
  { family: 'personal-data-request', text: 'Please upload a photo of your ID card.', families: ['personal-data-request'] },
  { family: 'payment-demand', text: '【重要】未払い料金のお支払いのお願い', families: ['payment-demand'] },
  { family: 'payment-demand', text: 'Your toll balance of $4.15 is overdue.', families: ['payment-demand'] },
  { family: 'gift-card-crypto', text: 'コンビニでAmazonギフト券を購入し、番号を送ってください。', families: ['gift-card-crypto'] },
  { family: 'gift-card-crypto', text: 'Pay with gift cards from any store.', families: ['gift-card-crypto'] },
  { family: 'urgency-threat', text: '期限内にご対応がない場合は法的措置を取ります。', families: ['urgency-threat'] },
  { family: 'urgency-threat', text: 'FINAL NOTICE before the case goes to court.', families: ['urgency-threat'] },
  { family: 'account-problem', text: 'お客様のアカウントで異常なログインが検出されました。', families: ['account-problem'] },
  { family: 'account-problem', text: 'Please verify your account to continue.', families: ['account-problem'] },
  { family: 'delivery-failure', text: 'お荷物をお届けにあがりましたが宛先不明のため持ち戻りました。', families: ['delivery-failure'] },
  { family: 'delivery-failure', text: 'Delivery failed: incomplete address.', families: ['delivery-failure'] },
  { family: 'refund-benefit-prize', text: '医療費の還付金があります。', families: ['refund-benefit-prize'] },
  { family: 'refund-benefit-prize', text: 'Congratulations, you have won an iPhone!', families: ['refund-benefit-prize'] },
  { family: 'atm-refund', text: '還付の手続きは、携帯電話を持ってATMへ行ってください。', families: ['atm-refund'] },
  { family: 'atm-refund', text: 'Go to the nearest ATM and call us to receive your refund.', families: ['atm-refund', 'refund-benefit-prize'] },
  { family: 'app-install', text: 'こちらから構成プロファイルをインストールしてください。', families: ['app-install'] },
  { family: 'app-install', text: 'Download the APK below to track your parcel.', families: ['app-install', 'delivery-failure'] },
  { family: 'remote-access', text: 'AnyDeskをインストールしてください。遠隔操作でウイルスを除去します。', families: ['remote-access'] },
  { family: 'remote-access', text: 'We need remote access to fix it.', families: ['remote-access'] },
  { family: 'contact-me', text: '詳しくはLINEで友だち追加してください。', families: ['contact-me'] },
  { family: 'contact-me', text: 'Add us on WhatsApp for faster service.', families: ['contact-me'] },
  { family: 'data-deletion-offer', text: 'あなたの個人情報が漏れています。個人情報を削除しましょうか。', families: ['data-deletion-offer'] },
  { family: 'data-deletion-offer', text: 'We can delete your leaked data from these sites.', families: ['data-deletion-offer'] },
  {
    family: 'countermeasure-fee',
    text: '流出した個人情報の対策費用として5万円をお支払いください。',
    families: ['countermeasure-fee', 'notice-apology', 'payment-demand'],
  },
  { family: 'countermeasure-fee', text: 'A one-time protection fee of $299 is required.', families: ['countermeasure-fee'] },
  {
    family: 'fake-compensation',
    text: '情報漏えいの補償金の受け取りには、こちらから口座情報をご入力ください。',
    families: ['bank-request', 'fake-compensation', 'notice-apology'],
  },
  { family: 'fake-compensation', text: 'Fill in the compensation form to get paid.', families: ['fake-compensation'] },
  { family: 'notice-nothing-asked', text: '本件に関し、お客さまにお手続きいただく必要はございません。', families: ['notice-nothing-asked'] },
  { family: 'notice-nothing-asked', text: 'No action is required on your part.', families: ['notice-nothing-asked'] },
  { family: 'notice-apology', text: 'お客さま情報の漏えいについて、深くお詫び申し上げます。', families: ['notice-apology'] },
  { family: 'notice-apology', text: 'We are writing to tell you about a data breach.', families: ['notice-apology'] },
];

describe('findLures', () => {
  it('has a Japanese and an English example for every family', () => {
    for (const id of LURE_FAMILY_IDS) {
      const texts = EXAMPLES.filter((e) => e.family === id).map((e) => e.text);
      expect(texts.some((t) => /[^\x20-\x7e]/.test(t)), id).toBe(true);
      expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t)), id).toBe(true);
    }
  });

  it.each(EXAMPLES)('finds $family in "$text"', ({ family, text, families }) => {
    const found = familiesOf(text);
    expect(found).toContain(family);
    expect(found).toEqual(families);
  });

  it('reports the phrase, its weight and its span, in text order', () => {
    const text = fold('至急：お客様の暗証番号を入力し、ギフトカードを購入してください');
    const hits = findLures(text);
    expect(hits).toEqual([
      { family: 'urgency-threat', phrase: '至急', weight: 'weak', span: [0, 2] },
      { family: 'credential-request', phrase: '暗証番号を入力', weight: 'strong', span: [7, 14] },
      { family: 'gift-card-crypto', phrase: 'ギフトカードを購入', weight: 'strong', span: [16, 25] },
    ]);
    for (const h of hits) expect(text.slice(...h.span)).toBe(h.phrase);
  });

  it('prefers the longest phrase at a position and does not report phrases inside it', () => {
    expect(findLures('暗証番号を入力').map((h) => h.phrase)).toEqual(['暗証番号を入力']);
    expect(findLures('暗証番号').map((h) => h.phrase)).toEqual(['暗証番号']);
    expect(findLures('個人情報を削除').map((h) => h.phrase)).toEqual(['個人情報を削除']);
    expect(findLures('we will never ask you for your password').map((h) => h.phrase)).toEqual(['we will never ask you', 'password']);
    expect(findLures('we will never ask for your password').map((h) => h.phrase)).toEqual(['we will never ask for your password']);
  });

  it('reports a phrase listed in two families once per family, on the same span', () => {
    expect(findLures('不正アクセスが判明')).toEqual([
      { family: 'account-problem', phrase: '不正アクセス', weight: 'weak', span: [0, 6] },
      { family: 'notice-apology', phrase: '不正アクセス', weight: 'weak', span: [0, 6] },
    ]);
  });

  it('matches ASCII phrases on word boundaries only', () => {
    expect(findLures('shopping for spinach, pinned post, pin2, a pins box')).toEqual([]);
    expect(findLures('your pin: 1234').map((h) => h.phrase)).toEqual(['pin']);
    expect(findLures('(pin)').map((h) => h.span)).toEqual([[1, 4]]);
    expect(findLures('apkpure and xapk')).toEqual([]);
    expect(findLures('download.apk now').map((h) => h.phrase)).toEqual(['apk']);
    expect(findLures('giftcard gift cards').map((h) => h.phrase)).toEqual(['gift cards']);
    // A Japanese neighbour is a boundary for an ASCII phrase.
    expect(findLures('暗証番号とpinを').map((h) => h.phrase)).toEqual(['暗証番号', 'pin']);
    expect(findLures('ログインidとパスワード').map((h) => h.phrase)).toEqual(['ログインid', 'パスワード']);
  });

  it('matches Japanese phrases inside running text, without boundaries', () => {
    expect(findLures('お客様の暗証番号が').map((h) => h.phrase)).toEqual(['暗証番号']);
    expect(findLures('至急ご確認ください').map((h) => h.phrase)).toEqual(['至急ご確認']);
  });

  it('sees through full-width letters, half-width kana and invisible characters after normalization', () => {
    expect(hitsOf('ＰＩＮを入力').map((h) => h.phrase)).toEqual(['pin']);
    expect(hitsOf('ｱﾌﾟﾘをインストール').map((h) => h.phrase)).toEqual(['アプリをインストール']);
    expect(hitsOf('暗証\u200B番号').map((h) => h.phrase)).toEqual(['暗証番号']);
    expect(hitsOf('ＡｎｙＤｅｓｋ').map((h) => h.phrase)).toEqual(['anydesk']);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(findLures('')).toEqual([]);
    expect(findLures('明日の会議は10時からです。よろしくお願いします。')).toEqual([]);
  });

  it('can be compiled over other data', () => {
    const match = compileLureMatcher([
      { ...getLureFamily('credential-request'), phrases: [{ phrase: 'a.b', lang: 'en', weight: 'strong' }] },
    ]);
    // Regex syntax in a phrase is a literal.
    expect(match('xa.b a.b axb')).toEqual([{ family: 'credential-request', phrase: 'a.b', weight: 'strong', span: [5, 8] }]);
  });
});

describe('findLures on genuine messages', () => {
  it('finds nothing in an English order confirmation', () => {
    const text = [
      'Thank you for shopping with us!',
      'Order #112-5550199 will ship tomorrow. Estimated arrival: Tuesday.',
      'Items: spinach seeds (2), pinned badge (1).',
      'You can review your order under Your Orders.',
    ].join('\n');
    expect(hitsOf(text)).toEqual([]);
  });

  it('marks only a weak payment phrase in a Japanese order confirmation', () => {
    const text = [
      'このたびはご注文いただき誠にありがとうございます。',
      'ご注文番号：250-1234567-7654321',
      'お届け予定日：11月30日（土）',
      'お支払い方法：クレジットカード（末尾1234）',
      '商品の発送が完了しましたら、発送のお知らせをお送りします。',
    ].join('\n');
    expect(familiesOf(text)).toEqual(['payment-demand']);
    expect(hitsOf(text).map((h) => `${h.phrase}:${h.weight}`)).toEqual(['お支払い:weak']);
  });

  it('marks only weak phrases in a real-style card fraud alert, plus its "we never ask" wording', () => {
    const text = [
      '【三井住友カード】ご利用確認のお願い',
      'いつも三井住友カードをご利用いただきありがとうございます。',
      'お客様のカードで第三者による不正利用の可能性がある取引を検知したため、カードのご利用を一時的に制限させていただいております。',
      'お心当たりのない取引がございましたら、カード裏面に記載の電話番号までお電話ください。',
      'なお、当社からお電話やメールでカード番号・暗証番号をお尋ねすることはございません。',
    ].join('\n');
    expect(familiesOf(text)).toEqual(['account-problem', 'card-request', 'contact-me', 'credential-request', 'notice-nothing-asked']);
    expect(strongLureHits(text)).toEqual([]);
    expect(hitsOf(text).filter((h) => h.weight === 'strong').map((h) => h.phrase)).toEqual(['お尋ねすることはございません']);
  });

  it('marks only weak phrases in an English bank alert', () => {
    const text =
      'We noticed unusual activity on your card ending 1234. If this was not you, call the number on the back of your card. ' +
      'We will never ask for your password or PIN.';
    expect(familiesOf(text)).toEqual(['account-problem', 'credential-request', 'notice-nothing-asked']);
    expect(strongLureHits(text)).toEqual([]);
  });

  it('marks the NTT West apology postcard and article as a breach notice, with no strong lure phrase', (context) => {
    if (!existsSync(SEED)) {
      console.log(`skipped: seed article not found at ${SEED}`);
      context.skip();
      return;
    }
    const text = readFileSync(SEED, 'utf8');
    expect(familiesOf(text)).toEqual([
      'account-problem',
      'bank-request',
      'card-request',
      'credential-request',
      'notice-apology',
      'personal-data-request',
    ]);
    expect(strongLureHits(text)).toEqual([]);
    const apology = hitsOf(text).filter((h) => h.family === 'notice-apology' && h.weight === 'strong').map((h) => h.phrase);
    for (const phrase of ['深くお詫び', '漏えい', '二次被害', '再発防止', '不正に持ち出']) expect(apology).toContain(phrase);
  });
});

describe('findLures properties', () => {
  const phrases = [...new Set(LURE_FAMILIES.flatMap((f) => f.phrases.map((p) => p.phrase)))];
  const pieces = fc.oneof(
    fc.constantFrom(...phrases),
    fc.constantFrom(...phrases).map((p) => p.slice(0, Math.max(1, p.length - 1))),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.constantFrom(' ', '、', '。', 'x', '1', '_', '\n'),
  );
  const texts = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')));

  it('never throws, and every hit is the listed phrase at its span, in order, without overlap', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const text = fold(raw);
        const hits = findLures(text);
        let previous: [number, number] = [0, 0];
        for (const hit of hits) {
          expect(text.slice(...hit.span)).toBe(hit.phrase);
          const sameSpan = hit.span[0] === previous[0] && hit.span[1] === previous[1];
          if (!sameSpan) expect(hit.span[0]).toBeGreaterThanOrEqual(previous[1]);
          previous = hit.span;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every listed phrase when it stands alone', () => {
    for (const family of LURE_FAMILIES) {
      for (const { phrase } of family.phrases) {
        expect(findLures(` ${phrase} `).some((h) => h.phrase === phrase && h.family === family.id), phrase).toBe(true);
      }
    }
  });

  it('scans long adversarial text in bounded time', () => {
    // Near-misses of the longest phrases force the deepest trie walks at every position.
    const longest = [...phrases].sort((a, b) => b.length - a.length).slice(0, 20);
    const nearMisses = longest.map((p) => p.slice(0, -1)).join('');
    const text = nearMisses.repeat(Math.ceil(200_000 / nearMisses.length)).slice(0, 200_000);
    const started = performance.now();
    findLures(text);
    findLures('a'.repeat(200_000));
    findLures('パ'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });
});
