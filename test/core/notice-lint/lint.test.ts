// The notice linter on drafts written for these tests: a complete Japanese notice (modeled
// on the shape of the NTT West postcard, in our own words) and the same notice with one
// part taken out at a time; drafts that look like scams (a log-in link, a card request,
// pressure, a QR code to a form, compensation for bank details); English drafts; and
// full-width and half-width forms, whose spans must point at the characters as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DraftTooLargeError,
  EmptyDraftError,
  lintNotice,
  MAX_NOTICE_DRAFT_CHARS,
  needsChanges,
  type FindingCode,
  type NoticeLint,
} from '../../../src/core/notice-lint/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/notices');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** A complete notice in parts, each carrying only its own part's words, so that leaving
 * one out leaves exactly that part missing. */
const SECTIONS = {
  title: 'お客さま情報に関するお詫びとお知らせ',
  whatHappened: 'このたび、当社のお客さまの個人情報が外部に流出したことが分かりました。深くお詫び申し上げます。',
  when: '2025年6月3日に当社が把握し、同年6月10日に公表いたしました。',
  howDiscovered: '委託先からの報告を受け、当社の調査で判明したものです。',
  items: 'お客さまの氏名、住所、電話番号、生年月日が含まれていました。',
  notLeaked: 'クレジットカード番号、銀行口座番号は含まれておりません。',
  cause: '原因は、委託先の元従業員が管理者の権限を不正に使ったことです。',
  harm: '現時点で、この情報が悪用された二次被害の報告はございません。',
  measures: '再発防止のため、委託先を含めて管理体制を見直しました。',
  whatToDo: 'お客さまにお手続きいただく必要はございません。当社を名乗る不審な電話にはご注意ください。',
  neverAsk: '当社から、お電話やメールでカード番号やパスワードをお尋ねすることはありません。',
  contact: 'お問い合わせ先：お客さま専用ダイヤル 0120-000-000',
  hours: '受付時間 9:00〜17:00（土日祝日を除く）',
  signature: 'さくら通信株式会社',
} as const;
type Section = keyof typeof SECTIONS;

function draftWithout(...left: Section[]): string {
  return (Object.keys(SECTIONS) as Section[])
    .filter((section) => !left.includes(section))
    .map((section) => SECTIONS[section])
    .join('\n');
}

const codes = (lint: NoticeLint, severity?: string): FindingCode[] =>
  lint.findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.code);

/** The draft's own characters at each span of a finding. */
function marked(draft: string, lint: NoticeLint, code: FindingCode): string[] {
  const finding = lint.findings.find((f) => f.code === code);
  expect(finding, `finding ${code}`).toBeDefined();
  return finding!.spans.map(([start, end]) => draft.slice(start, end));
}

describe('a complete notice', () => {
  it('has every part and no finding (the sections, then the fixture in letter form)', async () => {
    for (const draft of [draftWithout(), fixture('ja-complete.txt')]) {
      const lint = await lintNotice(draft);
      expect(lint.findings.map((f) => f.code)).toEqual([]);
      expect(lint.parts.filter((p) => !p.present).map((p) => p.part)).toEqual([]);
      expect(needsChanges(lint)).toBe(false);
    }
  });

  it('marks where each part is', async () => {
    const draft = draftWithout();
    const lint = await lintNotice(draft);
    const part = (id: string): string[] => lint.parts.find((p) => p.part === id)!.spans.map(([s, e]) => draft.slice(s, e));
    expect(part('when')).toEqual(['2025年6月3日', '6月10日']);
    expect(part('items')).toEqual(expect.arrayContaining(['氏名', '住所', '電話番号', '生年月日']));
    expect(part('not-leaked')).toEqual(expect.arrayContaining(['クレジットカード番号', '銀行口座番号']));
    expect(part('contact')).toContain('0120-000-000');
    expect(part('contact-hours')).toEqual(expect.arrayContaining(['受付時間', '9:00']));
    expect(part('harm')).toContain('二次被害');
  });

  it('in English has every part too', async () => {
    const lint = await lintNotice(fixture('en-complete.txt'), { channel: 'email' });
    expect(lint.findings.map((f) => f.code)).toEqual([]);
  });
});

describe('a notice missing one part', () => {
  it.each<[Section[], FindingCode]>([
    [['whatHappened'], 'notice.missing.what-happened'],
    [['when'], 'notice.missing.when'],
    [['items'], 'notice.missing.items'],
    // "We never ask for card numbers or passwords" names items too, so both go.
    [['notLeaked', 'neverAsk'], 'notice.missing.not-leaked'],
    [['cause'], 'notice.missing.cause'],
    [['harm'], 'notice.missing.harm'],
    [['measures'], 'notice.missing.measures'],
    [['whatToDo'], 'notice.missing.what-to-do'],
    [['contact'], 'notice.missing.contact'],
    [['hours'], 'notice.missing.contact-hours'],
  ])('without %s: says %s, and only that is missing', async (left, code) => {
    const lint = await lintNotice(draftWithout(...left));
    expect(codes(lint, 'missing-required')).toEqual([code]);
    expect(codes(lint, 'looks-like-a-scam')).toEqual([]);
    expect(needsChanges(lint)).toBe(true);
    const finding = lint.findings[0]!;
    expect(finding.code).toBe(code);
    expect(finding.spans).toEqual([]);
    expect(finding.example?.ja).toBeTruthy();
    expect(finding.message.en).toMatch(/\w/);
  });

  it('without how it was found: advice, not a missing part', async () => {
    const lint = await lintNotice(draftWithout('howDiscovered'));
    expect(codes(lint)).toEqual(['notice.advice.how-discovered']);
    expect(needsChanges(lint)).toBe(false);
  });

  it('without the "we never ask" sentence: advises adding it, with the sentence', async () => {
    const lint = await lintNotice(draftWithout('neverAsk'));
    expect(codes(lint)).toEqual(['notice.advice.never-ask']);
    expect(lint.findings[0]!.example?.ja).toContain('お尋ねすることはありません');
  });

  it('with a postal address or the official web page instead of a phone: no hours needed', async () => {
    const byPost = draftWithout('contact', 'hours') + '\nお問い合わせは、〒100-0001 東京都千代田区千代田1-1 さくら通信 お客さま窓口まで郵送でお寄せください。';
    expect(codes(await lintNotice(byPost), 'missing-required')).toEqual([]);
    const byWeb = draftWithout('contact', 'hours') + '\n詳しくは当社ホームページのトップページをご覧ください。';
    expect(codes(await lintNotice(byWeb), 'missing-required')).toEqual([]);
  });

  it('lists the missing parts first, in the order a notice gives them', async () => {
    const lint = await lintNotice('お知らせ\n当社で個人情報の流出がありました。\nhttps://bit.ly/abc');
    const severities = lint.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    expect(codes(lint, 'missing-required').slice(0, 3)).toEqual(['notice.missing.when', 'notice.missing.items', 'notice.missing.cause']);
  });
});

const ORDER = ['missing-required', 'looks-like-a-scam', 'advice'];

describe('what makes a genuine notice look like a scam', () => {
  it('finds the log-in link, the shortener, the card request, pressure, the QR form, compensation for bank details and a mobile number', async () => {
    const draft = fixture('ja-scam-lookalike.txt');
    const lint = await lintNotice(draft);
    expect(codes(lint, 'looks-like-a-scam')).toEqual(
      expect.arrayContaining([
        'notice.scam.link-shortener',
        'notice.scam.asks-secret',
        'notice.scam.asks-bank',
        'notice.scam.pressure',
        'notice.scam.compensation-registration',
        'notice.scam.qr-code-form',
        'notice.scam.personal-phone',
      ]),
    );
    expect(marked(draft, lint, 'notice.scam.link-shortener')).toEqual(['https://bit.ly/3sakura']);
    expect(marked(draft, lint, 'notice.scam.asks-secret').join(' ')).toContain('暗証番号');
    expect(marked(draft, lint, 'notice.scam.pressure')).toEqual(['至急']);
    expect(marked(draft, lint, 'notice.scam.qr-code-form')).toEqual(['QRコード']);
    expect(marked(draft, lint, 'notice.scam.personal-phone')).toEqual(['090-1234-5678']);
    // What to write instead, in both languages.
    const secret = lint.findings.find((f) => f.code === 'notice.scam.asks-secret')!;
    expect(secret.message.ja).toContain('お尋ねすることはありません');
    expect(secret.message.en).toContain('never ask');
    expect(secret.checkerCodes).toContain('request.tell-secret');
    expect(needsChanges(lint)).toBe(true);
  });

  it('a link to a log-in page on a domain that is not the organization\'s own on record', async () => {
    const draft = draftWithout() + '\nNTT西日本\n詳しくは https://ntt-west-support.com/login でご確認ください。';
    const lint = await lintNotice(draft);
    expect(lint.organization?.id).toBe('ntt-west');
    expect(marked(draft, lint, 'notice.scam.link-login')).toEqual(['https://ntt-west-support.com/login']);
    const notOwn = lint.findings.find((f) => f.code === 'notice.scam.link-not-own-domain')!;
    expect(marked(draft, lint, 'notice.scam.link-not-own-domain')).toEqual(['https://ntt-west-support.com/login']);
    expect(notOwn.message.ja).toContain('NTT西日本');
    expect(notOwn.message.en).toContain('ntt-west-support.com');
    // And where the official domain on record is.
    expect(lint.findings.find((f) => f.code === 'notice.advice.official-contact')!.message.ja).toContain('ntt-west.co.jp');
  });

  it('a word of urgency alone is only advice; pressing an instruction is a scam look-alike', async () => {
    const calm = await lintNotice(draftWithout() + '\n当社は至急、調査を進めております。');
    expect(codes(calm)).toEqual(['notice.advice.urgency-words']);
    const pressing = await lintNotice(draftWithout() + '\n本日中に至急お電話でご連絡ください。');
    expect(codes(pressing, 'looks-like-a-scam')).toContain('notice.scam.pressure');
  });

  it('asks for money, or for My Number', async () => {
    const money = await lintNotice(draftWithout() + '\n流出対策の費用として3,000円をお振込みください。');
    expect(codes(money, 'looks-like-a-scam')).toContain('notice.scam.asks-money');
    const myNumber = await lintNotice(draftWithout() + '\nご本人確認のため、マイナンバーをご返信ください。');
    expect(codes(myNumber, 'looks-like-a-scam')).toContain('notice.scam.asks-personal-details');
  });

  it('a phone number not on record for an organization whose numbers are on record', async () => {
    const signed = (phone: string): string => draftWithout('contact', 'signature') + `\nお問い合わせ先：${phone}\nNTTファイナンス株式会社`;
    const other = await lintNotice(signed('03-1234-5678'));
    expect(other.organization?.id).toBe('ntt-finance');
    const finding = other.findings.find((f) => f.code === 'notice.scam.phone-not-on-record')!;
    expect(finding.message.ja).toContain('0800-333-0030');
    const official = await lintNotice(signed('0800-333-0030'));
    expect(codes(official)).not.toContain('notice.scam.phone-not-on-record');
    expect(codes(official)).not.toContain('notice.advice.official-contact');
  });

  it('an organization on record without numbers: list yours on your website, and name your official domain', async () => {
    const draft = draftWithout('signature') + '\n西日本電信電話株式会社';
    const lint = await lintNotice(draft);
    expect(lint.organization?.id).toBe('ntt-west');
    expect(marked(draft, lint, 'notice.advice.phone-not-listed')).toEqual(['0120-000-000']);
    expect(lint.findings.find((f) => f.code === 'notice.advice.official-contact')!.message.ja).toContain('ntt-west.co.jp');
    expect(needsChanges(lint)).toBe(false);
    const namingDomain = await lintNotice(draft + '\n当社ホームページ（www.ntt-west.co.jp）でもお知らせしています。');
    expect(codes(namingDomain)).not.toContain('notice.advice.official-contact');
  });

  it('a link on the official domain is advice to point to the top page instead', async () => {
    const draft = draftWithout('signature') + '\n詳しくは https://www.ntt-west.co.jp/news/ をご覧ください。\nNTT西日本';
    const lint = await lintNotice(draft);
    expect(codes(lint, 'looks-like-a-scam')).toEqual([]);
    expect(marked(draft, lint, 'notice.advice.link')).toEqual(['https://www.ntt-west.co.jp/news/']);
  });

  it('a QR code to the announcement, not a form, is advice', async () => {
    const lint = await lintNotice(draftWithout() + '\n右のQRコードから、当社の発表をご覧いただけます。');
    expect(codes(lint)).toEqual(['notice.advice.qr-code']);
  });

  it('sensitive items that leaked: advice to say what to do about them', async () => {
    const lint = await lintNotice(draftWithout('notLeaked', 'neverAsk').replace('生年月日', '生年月日、クレジットカード番号') + '\nパスワードは含まれておりません。');
    const advice = lint.findings.find((f) => f.code === 'notice.advice.sensitive-items')!;
    expect(advice.message.ja).toContain('クレジットカード');
    expect(advice.message.en).toContain('Credit cards');
  });

  it('in English: the log-in link, the card request, pressure and compensation', async () => {
    const draft = fixture('en-scam-lookalike.txt');
    const lint = await lintNotice(draft, { channel: 'email' });
    expect(codes(lint, 'looks-like-a-scam')).toEqual(
      expect.arrayContaining(['notice.scam.link-login', 'notice.scam.asks-secret', 'notice.scam.pressure', 'notice.scam.compensation-registration']),
    );
    expect(marked(draft, lint, 'notice.scam.link-login')).toEqual(['https://secure-verify-account.top/login']);
    expect(codes(lint, 'missing-required')).toEqual(expect.arrayContaining(['notice.missing.when', 'notice.missing.not-leaked', 'notice.missing.contact']));
  });

  it('a look-alike domain in a draft whose sender is not read: the checker\'s words, no placeholder left', async () => {
    const lint = await lintNotice(draftWithout() + '\n詳しくは https://ntt-west-support.com/ をご覧ください。', { channel: 'email' });
    const notOwn = lint.findings.find((f) => f.code === 'notice.scam.link-not-own-domain')!;
    expect(notOwn.message.ja).toContain('ntt-west-support.com');
    for (const finding of lint.findings) expect(`${finding.message.ja}${finding.message.en}`).not.toMatch(/\{\w+\}/);
  });

  it('as an SMS, a link is judged the same way', async () => {
    const lint = await lintNotice('【さくら通信】個人情報流出のお詫び。補償のお手続きはこちら https://bit.ly/3sakura', { channel: 'sms' });
    expect(lint.channel).toBe('sms');
    expect(codes(lint, 'looks-like-a-scam')).toContain('notice.scam.link-shortener');
  });
});

describe('full-width and half-width forms', () => {
  const toFullWidth = (text: string): string => text.replace(/[0-9A-Za-z:\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('reads full-width digits and half-width kana as the same notice, and marks them as written', async () => {
    const draft = toFullWidth(draftWithout()).replace('パスワード', 'ﾊﾟｽﾜｰﾄﾞ');
    expect(draft).toContain('２０２５年６月３日');
    expect(draft).toContain('０１２０－０００－０００');
    const lint = await lintNotice(draft);
    expect(codes(lint)).toEqual([]);
    const when = lint.parts.find((p) => p.part === 'when')!;
    expect(draft.slice(...when.spans[0]!)).toBe('２０２５年６月３日');
    const contact = lint.parts.find((p) => p.part === 'contact')!;
    expect(contact.spans.map(([s, e]) => draft.slice(s, e))).toContain('０１２０－０００－０００');
  });

  it('reads words split by a space or an invisible character, and marks them as written', async () => {
    const draft = draftWithout() + '\n本人確認のため、暗証 番号をご入\u200b力ください。';
    const lint = await lintNotice(draft);
    expect(marked(draft, lint, 'notice.scam.asks-secret').join(' ')).toContain('暗証 番号');
  });

  it('marks a full-width log-in link as written', async () => {
    const draft = draftWithout() + '\n詳しくは ｈｔｔｐｓ：／／ｂｉｔ．ｌｙ／ａｂｃ をご覧ください。';
    const lint = await lintNotice(draft);
    expect(marked(draft, lint, 'notice.scam.link-shortener')).toEqual(['ｈｔｔｐｓ：／／ｂｉｔ．ｌｙ／ａｂｃ']);
  });
});

describe('bad input', () => {
  it('refuses an empty draft', async () => {
    for (const draft of ['', '  \n\t　']) await expect(lintNotice(draft)).rejects.toBeInstanceOf(EmptyDraftError);
  });

  it('refuses a draft over the limit before reading it', async () => {
    await expect(lintNotice('あ'.repeat(MAX_NOTICE_DRAFT_CHARS + 1))).rejects.toBeInstanceOf(DraftTooLargeError);
  });

  it('reads a draft at the limit', async () => {
    const lint = await lintNotice(draftWithout().padEnd(MAX_NOTICE_DRAFT_CHARS, 'あ'));
    expect(lint.parts.length).toBeGreaterThan(0);
  });
});
