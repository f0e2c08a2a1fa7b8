// What a message asks, in the reader's words, in Japanese and English: one place for the
// check page, the CLI and the advice, so they always say the same thing.
import { CONCEPT_NAMES } from '../knowledge/scam-patterns.js';
import type { LocalizedText } from '../verdict/types.js';
import type { ExtractedRequest, RequestAct, RequestMeans } from './requests.js';

/** Acts that no real company, public office or police ever asks for by phone or message. */
export const DANGEROUS_ACTS: ReadonlySet<RequestAct> = new Set<RequestAct>([
  'pay',
  'buy-gift-card',
  'hand-over',
  'tell-secret',
  'tell-bank',
  'go-to-atm',
  'remote-access',
]);

/** Said of every dangerous act, wherever the requests are shown. */
export const NEVER_ASKED: LocalizedText = {
  ja: '本物の会社・役所・警察は、これを求めません。',
  en: 'Real companies, public offices and police never ask for this.',
};

/** Japanese may use the words the message asked for (暗証番号を教える); English keeps to the kind of thing. */
const ACT: Record<RequestAct, { ja: (object: string | null) => string; en: string }> = {
  pay: { ja: () => 'お金を払う・振り込む', en: 'Pay or send money' },
  'pay-for-order': { ja: () => '注文の代金を払う', en: 'Pay for an order' },
  'buy-gift-card': { ja: () => '電子マネーやギフトカードを買って払う', en: 'Pay with electronic money or gift cards' },
  'hand-over': {
    ja: (object) => (object !== null && /カード|通帳|印鑑|現金|お金/.test(object) ? `${object}を渡す` : 'お金やカードを渡す'),
    en: 'Hand over money or a card',
  },
  'tell-secret': { ja: (object) => `${object ?? '暗証番号やパスワード'}を教える`, en: 'Tell a PIN, password or code' },
  'tell-bank': { ja: (object) => `${object ?? '口座や預金のこと'}を教える`, en: 'Tell your bank account or savings details' },
  'tell-personal': { ja: (object) => `${object ?? '住所や生年月日など'}を教える`, en: 'Give your personal details' },
  'go-to-atm': { ja: () => 'ATMや銀行へ行く', en: 'Go to a cash machine (ATM) or a bank' },
  'remote-access': { ja: () => 'スマホやパソコンを遠くから操作させる', en: 'Let someone control your phone or computer from afar' },
  'install-app': { ja: () => 'アプリを入れる', en: 'Install an app' },
  'add-line': { ja: () => 'LINEで友だち追加する・グループを作る', en: 'Add someone on LINE or create a group' },
  'press-button': { ja: () => '電話のボタン（1番など）を押す', en: 'Press a number on the phone (such as 1)' },
  'update-account': { ja: () => 'アカウントや登録情報を確認・入力する', en: 'Confirm or enter account details' },
  call: { ja: () => '電話をかける・連絡する', en: 'Call or get in touch' },
  'follow-link': { ja: () => 'リンクを開く', en: 'Open a link' },
  reply: { ja: () => '返信する', en: 'Reply' },
};

const MEANS: Record<RequestMeans, LocalizedText> = {
  'e-money': { ja: '電子マネーで', en: 'with electronic money' },
  transfer: { ja: '振り込みで', en: 'by bank transfer' },
  'cash-delivery': { ja: '現金を郵便や宅配で送って', en: 'by sending cash by post or courier' },
  atm: { ja: 'ATMで', en: 'at an ATM' },
  'home-pickup': { ja: '家に来る人に', en: 'to someone who comes to your home' },
  'convenience-store': { ja: 'コンビニで', en: 'at a convenience store' },
};

/** Means the act already says (ATMへ行く at an ATM). */
const MEANS_IN_ACT: Partial<Record<RequestAct, RequestMeans>> = { 'go-to-atm': 'atm', 'buy-gift-card': 'e-money' };

/** The reason a message gives, by pretext (data/scam-patterns.json, without "pretext."). */
export const PRETEXT_WORDS: Readonly<Record<string, LocalizedText>> = {
  'deletion-offer': { ja: '個人情報を消す（削除する）', en: 'deleting your personal data' },
  leak: { ja: '個人情報が漏れた', en: 'your personal data leaked' },
  refund: { ja: '還付金・給付金', en: 'a refund or benefit' },
  compensation: { ja: '被害金を取り戻す・補償', en: 'getting lost money back' },
  unpaid: { ja: '未払いの料金', en: 'an unpaid bill' },
  lawsuit: { ja: '裁判・差し押さえ', en: 'a lawsuit or seizure' },
  investigation: { ja: '犯罪の捜査', en: 'a criminal investigation' },
  'account-lock': { ja: '口座やアカウントが止まる', en: 'an account locked or stopped' },
  intrusion: { ja: 'カードやアカウントの不正利用', en: 'misuse of your card or account' },
  'line-cut': { ja: '電話などが使えなくなる', en: 'your phone or a service will be cut off' },
  delivery: { ja: '荷物の配達', en: 'a parcel delivery' },
  undelivered: { ja: '荷物を届けられなかった', en: 'a parcel that could not be delivered' },
  prize: { ja: '当選・プレゼント', en: 'a prize or gift' },
  'relative-trouble': { ja: '家族のトラブル', en: 'a relative in trouble' },
  secrecy: { ja: '誰にも言わないように', en: 'keeping it secret' },
  'automated-voice': { ja: '自動音声の案内', en: 'an automated voice message' },
  virus: { ja: 'ウイルスの警告', en: 'a virus warning' },
  investment: { ja: '投資・副業のもうけ話', en: 'an investment or side job' },
  loan: { ja: 'お金を貸す話（融資）', en: 'a loan' },
};

/** Every pretext the data knows, for tests that keep the words complete. */
export const PRETEXTS: readonly string[] = CONCEPT_NAMES.filter((n) => n.startsWith('pretext.')).map((n) => n.slice('pretext.'.length));

export interface RequestView {
  /** What it asks, in plain words, with how (「お金を払う・振り込む（電子マネーで）」). */
  act: LocalizedText;
  /** The reason it gives, or null. */
  pretext: LocalizedText | null;
  /** The message's words (NFKC, lower case: as the checker read them). */
  evidence: string;
  dangerous: boolean;
}

/** An object word as a reader writes it: PIN, ID, ATM in capitals. */
const displayWord = (word: string): string => (/^[a-z ]+$/.test(word) ? word.toUpperCase() : word);

const bracketed = (items: string[], open: string, close: string, join: string): string =>
  items.length === 0 ? '' : `${open}${items.join(join)}${close}`;

/** Each request once (the same words twice are one item), the dangerous ones first. */
export function requestViews(requests: readonly ExtractedRequest[]): RequestView[] {
  const views = new Map<string, RequestView>();
  for (const request of requests) {
    const words = ACT[request.act];
    const object = request.object === null ? null : displayWord(request.object);
    const means = request.means.filter((m) => m !== MEANS_IN_ACT[request.act]).map((m) => MEANS[m]);
    const act: LocalizedText = {
      ja: words.ja(object) + bracketed(means.map((m) => m.ja), '（', '）', '・'),
      en: words.en + bracketed(means.map((m) => m.en), ' (', ')', ', '),
    };
    const pretext = request.pretext === null ? null : (PRETEXT_WORDS[request.pretext] ?? null);
    const key = `${act.ja}|${pretext?.ja ?? ''}`;
    if (!views.has(key)) views.set(key, { act, pretext, evidence: request.evidence, dangerous: DANGEROUS_ACTS.has(request.act) });
  }
  const all = [...views.values()];
  return [...all.filter((v) => v.dangerous), ...all.filter((v) => !v.dangerous)];
}
