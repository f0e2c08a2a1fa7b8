// The request reader (src/core/extract/requests.ts) on Japanese as people write it and
// report it: every form of asking has a trigger and a look-alike that must not be read
// as a request. The texts are written for these tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRETEXTS, PRETEXT_WORDS, requestViews } from '../../../src/core/extract/request-words.js';
import { readRequests, type RequestAct } from '../../../src/core/extract/requests.js';
import type { Channel } from '../../../src/core/message/types.js';
import { foldForMatching } from '../../../src/core/normalize/index.js';

const read = (text: string, channel: Channel = 'sms') => readRequests(foldForMatching(text), channel);
const acts = (text: string, channel: Channel = 'sms'): RequestAct[] => read(text, channel).requests.map((r) => r.act);

describe('forms of asking', () => {
  const asked: [form: string, text: string, channel: Channel, act: RequestAct][] = [
    ['〜てください', '暗証番号を教えてください。', 'sms', 'tell-secret'],
    ['〜て下さい (kanji)', '至急ご連絡下さい。', 'sms', 'call'],
    ['〜をお願いします', '登録料のお振込みをお願いします。', 'email', 'pay'],
    ['〜が必要です', 'お客様情報の更新が必要です。', 'sms', 'update-account'],
    ['〜しないと (threat)', '本日中に払わないと法的措置をとります。', 'sms', 'pay'],
    ['〜なき場合 (threat)', '本日中にご連絡なき場合は訴訟に移行します。', 'letter', 'call'],
    ['〜でください (voiced)', '示談金を指定の口座に振り込んでください。', 'sms', 'pay'],
    ['〜できないか (plea)', '今日中に百万円を用意できないか。', 'call', 'pay'],
    ['〜してほしいと言われた (reported)', '警察を名乗る人に、暗証番号を教えてほしいと言われた。', 'call', 'tell-secret'],
    ['〜を聞かれた (reported)', '電話で口座番号を聞かれた。', 'call', 'tell-bank'],
    ['〜するように言われた (reported)', 'コンビニで電子マネーを買うように言われた。', 'call', 'buy-gift-card'],
    ['「…」と電話があった (reported quote)', '「ATMに着いたらお電話ください」と電話があった。', 'call', 'call'],
    ['announced: 取りに伺います', '職員がキャッシュカードを取りに伺います。', 'call', 'hand-over'],
    ['announced: 自宅に向かわせる', 'カードを止めるため、係の者を自宅に向かわせる。', 'call', 'hand-over'],
    ['ATM as the place', 'お近くのＡＴＭで手続きができます。', 'call', 'go-to-atm'],
    ['press a key', '詳しくは1番を押してください。', 'call', 'press-button'],
    ['chain: 〜て〜してください', '詳しくは『1』を押して担当に繋いでください。', 'call', 'press-button'],
    ['pointer with the link removed', '不在のため持ち帰りました。下記よりご確認ください', 'sms', 'follow-link'],
    ['pointer: 詳細はこちら', 'お支払い方法に問題があります。詳細はこちら', 'sms', 'follow-link'],
    ['bare link verb at the end', '制限解除は以下をタップ', 'sms', 'follow-link'],
    ['add a LINE ID', '下記のLINE IDを友だち追加してください。', 'sms', 'add-line'],
    ['install', '専用アプリをインストールしてください。', 'sms', 'install-app'],
    ['half-width katakana', 'ﾊﾟｽﾜｰﾄﾞを入力してください', 'sms', 'tell-secret'],
    ['full-width letters', 'ＡＴＭへ行ってください', 'call', 'go-to-atm'],
    ['written in hiragana', 'あんしょうばんごうを　おしえてください', 'call', 'tell-secret'],
  ];
  it.each(asked)('%s', (_form, text, channel, act) => {
    expect(acts(text, channel), text).toContain(act);
  });

  it('a reported request is marked reported; the message\'s own request is not', () => {
    expect(read('暗証番号を教えてほしいと言われた。', 'call').requests[0]?.reported).toBe(true);
    expect(read('暗証番号を教えてください。', 'sms').requests[0]?.reported).toBe(false);
  });

  it('records what, by what means and why', () => {
    const [request] = read('医療費の還付金があります。コンビニで電子マネーを買ってください。', 'call').requests;
    expect(request).toMatchObject({ act: 'buy-gift-card', object: '電子マネー', pretext: 'refund' });
    expect(request?.means).toEqual(expect.arrayContaining(['e-money', 'convenience-store']));
  });
});

describe('look-alikes that ask nothing', () => {
  const notAsked: [what: string, text: string, channel: Channel, act: RequestAct][] = [
    ['a denial: …することはございません', '当社が暗証番号をお聞きすることはございません。', 'sms', 'tell-secret'],
    ['a denial after a list: …をすることはありません', '・電子マネーによる支払いのご案内\nをすることはありません。', 'web', 'pay'],
    ['a prohibition: 教えないでください', '暗証番号は誰にも教えないでください。', 'sms', 'tell-secret'],
    ['a prohibition: 押さずに', '音声ガイダンスで番号を押さずに、すぐに電話を切りましょう。', 'web', 'press-button'],
    ['the passive: 変更されていない場合', 'パスワードが長期間変更されていない場合は自動でリセットされます。', 'sms', 'update-account'],
    ['the sender\'s own act: ご連絡させていただきます', '担当者より改めてご連絡させていただきます。', 'letter', 'call'],
    ['a restriction: 〜にのみ入力してください', 'ワンタイムパスワードは、ご購入画面にのみ入力してください。', 'email', 'tell-secret'],
    ['a public warning quoting a scam', '「暗証番号を教えてください」という電話は詐欺です。', 'web', 'tell-secret'],
    ['a warning page reporting a call', '警察官を名乗る男から暗証番号を教えてほしいと言われたという相談が寄せられています。', 'web', 'tell-secret'],
    ['undoing an act: アンインストール', '偽アプリは、アンインストールしてください。', 'sms', 'install-app'],
    ['not asked: 聞かれませんでした', '暗証番号は一切聞かれませんでした。', 'call', 'tell-secret'],
    ['cash on delivery: 配達員へお支払いください', '［お支払い方法］代金引換（商品お受け取り時に配達員へお支払いください）', 'email', 'pay'],
    ['cash on delivery: 代引きでお支払いください', 'ご注文の商品は、代引きでお支払いください。', 'email', 'pay'],
    ['cash on delivery, half-width kana: 配達員に', 'お届けの際、配達員に代金（ﾃｽｳﾘｮｳ込み）をお支払いください。', 'email', 'pay'],
  ];
  it.each(notAsked)('%s', (_what, text, channel, act) => {
    expect(acts(text, channel), text).not.toContain(act);
  });

  it('a payment at the door for one\'s own order is none, but a 代引き charge by link, transfer or shop counter is asked', () => {
    for (const text of [
      '【日本郵便】代引き料金のお支払いが確認できません。こちらからお支払いください https://example.top/x',
      'お支払いは代金引換ですが、配達員へ渡す前に、手数料500円を以下の口座へお振込みください。',
      '代引き手数料をコンビニでお支払いください。',
    ]) {
      expect(acts(text, 'sms'), text).toContain('pay');
    }
    expect(acts('代金引換の手数料を電子マネーでお支払いください。', 'sms')).toContain('buy-gift-card');
  });

  it('a word inside a longer word is not that word: ブロック is no ロック, 配送料 no 配送', () => {
    const reading = read('不正なログインをブロックしました。配送料が変わる場合はお問い合わせください。', 'email');
    expect(reading.concepts.map((c) => c.hit.concept)).not.toEqual(expect.arrayContaining(['pretext.account-lock']));
    expect(reading.requests.every((r) => r.pretext === null)).toBe(true);
  });

  it('a note of a call is the call itself, but the same words on a warning page describe a scam', () => {
    const note = '警察官を名乗る男から電話があり、キャッシュカードを預かると言われた。';
    expect(acts(note, 'call')).toContain('hand-over');
    expect(acts(`${note}このような電話は詐欺です。`, 'web')).not.toContain('hand-over');
  });

  it('a notice with a warning at its foot still asks what it asks under its own pretext', () => {
    const notice = 'カードのご利用を一部制限しました。ご本人のご利用か、こちらから回答ください。\n弊社を装った不審なメールにご注意ください。';
    expect(read(notice, 'email').warning).toBe(true);
    expect(acts(notice, 'email')).toContain('follow-link');
  });

  it('in a warning, the items listed after 「次のような…」 are examples, not requests', () => {
    const page = 'フィッシング詐欺にご注意ください。次のような文面のメールが届いています。\n・口座が凍結されました。\n・下記より手続きをしてください。';
    expect(acts(page, 'web')).toEqual([]);
  });

  it('a quotation with its own 。 stays one sentence with the words that report it', () => {
    const text = '「お荷物を持ち帰りました。下記よりご確認ください。」というSMSが届いています。詐欺ですのでご注意ください。';
    const reading = read(text, 'email');
    expect(reading.warning).toBe(true);
    expect(reading.requests).toEqual([]);
    expect(reading.speaks(foldForMatching(text).indexOf('下記'))).toBe(false);
  });
});

describe('hostile input', () => {
  const fragments = ['暗証番号', 'を', '教え', 'て', 'ください', '「', '」', '。', '\n', 'ない', 'で', 'atm', '、', 'ことはありません', '振り込', 'んで', 'と言われた', '(', ')', 'こちら', 'から'];

  it('never throws; evidence is text of the message; requests are bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 400 }), fc.constantFrom<Channel>('sms', 'call', 'web', 'email'), (parts, channel) => {
        const folded = foldForMatching(parts.join(''));
        const reading = readRequests(folded, channel);
        expect(reading.requests.length).toBeLessThanOrEqual(50);
        for (const r of reading.requests) expect(folded).toContain(r.evidence);
        for (let offset = 0; offset < folded.length; offset += 7) expect(typeof reading.speaks(offset)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('reads 200,000 characters of repeated requests, quotes that never close and endless lines', () => {
    for (const text of ['暗証番号を教えてください。'.repeat(15_000), '「'.repeat(200_000), 'て'.repeat(200_000), '教え'.repeat(100_000)]) {
      const reading = read(text, 'call');
      expect(reading.requests.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('the words shown for requests', () => {
  it('every pretext in the data has words in both languages', () => {
    for (const pretext of PRETEXTS) expect(PRETEXT_WORDS[pretext], pretext).toBeDefined();
  });

  it('lists each request once, the dangerous first, naming what was asked', () => {
    const views = requestViews(read('電話をください。暗証番号を教えてください。暗証番号を教えてください。', 'call').requests);
    expect(views.map((v) => v.act.ja)).toEqual(['暗証番号を教える', '電話をかける・連絡する']);
    expect(views[0]?.dangerous).toBe(true);
  });
});
