// Human-readable output of `leakaid check`, in Japanese (default) or English, for a
// reader who is not technical: plain labels, one item per line.
import type { NodeCheckResult } from '../check/outcome.js';
import type { DeadlineKind, PhoneType } from '../../core/extract/types.js';
import { NEVER_ASKED, requestViews } from '../../core/extract/request-words.js';
import type { ExtractedRequest } from '../../core/extract/requests.js';
import type { AttachmentFlag, Channel, MailAddress } from '../../core/message/types.js';
import type { Risk } from '../../core/verdict/types.js';

export type Lang = 'ja' | 'en';
type Text = Record<Lang, string>;

const CHANNEL: Record<Channel, Text> = {
  email: { ja: 'メール', en: 'email' },
  sms: { ja: 'SMS(ショートメッセージ)', en: 'SMS (text message)' },
  letter: { ja: 'はがき・手紙', en: 'postcard or letter' },
  call: { ja: '電話', en: 'phone call' },
  web: { ja: 'ウェブサイト', en: 'website' },
  unknown: { ja: '不明(指定なし)', en: 'not given' },
};

const PHONE: Record<PhoneType, Text> = {
  'toll-free': { ja: 'フリーダイヤル(通話無料)', en: 'toll-free' },
  'navi-dial': { ja: 'ナビダイヤル(0570、通話料がかかります)', en: 'navi-dial (0570, the caller pays)' },
  'ip-phone': { ja: 'IP電話(050)', en: 'IP phone (050)' },
  mobile: { ja: '携帯電話', en: 'mobile phone' },
  'fixed-line': { ja: '固定電話', en: 'landline' },
  premium: { ja: '有料の番号(高い通話料がかかることがあります)', en: 'premium-rate (calls can be expensive)' },
  'shared-cost': { ja: '通話料を分担する番号', en: 'shared-cost number' },
  pager: { ja: 'ポケットベル', en: 'pager' },
  'emergency-or-short': { ja: '短い番号(110・188など)', en: 'short number (such as 110 or 188)' },
  unknown: { ja: '種類不明', en: 'type unknown' },
};

const DEADLINE: Record<DeadlineKind, Text> = {
  today: { ja: '今日中', en: 'today' },
  within: { ja: '期限つき', en: 'within a time limit' },
  tomorrow: { ja: '明日まで', en: 'by tomorrow' },
  date: { ja: '日付の期限', en: 'by a date' },
  immediately: { ja: 'すぐに', en: 'immediately' },
};

const ATTACHMENT: Record<AttachmentFlag, Text> = {
  executable: { ja: 'プログラム', en: 'program' },
  script: { ja: 'スクリプト', en: 'script' },
  shortcut: { ja: 'ショートカット', en: 'shortcut' },
  'disk-image': { ja: 'ディスクイメージ', en: 'disk image' },
  html: { ja: 'ウェブページ(HTML)', en: 'web page (HTML)' },
  'macro-office': { ja: 'マクロ付きOffice文書', en: 'Office file with macros' },
  archive: { ja: '圧縮ファイル', en: 'archive' },
  'encrypted-archive': { ja: 'パスワード付き圧縮ファイル', en: 'password-protected archive' },
};

/** One line per request (each once, the dangerous first): what it asks, why by its
 * account, its words, and for a dangerous act that no one genuine asks this. */
function requestLines(requests: readonly ExtractedRequest[], lang: Lang): string[] {
  return requestViews(requests).map((view) =>
    [
      `${view.dangerous ? `⛔ ${LABEL.danger[lang]}: ` : '・'}${view.act[lang]}`,
      view.pretext === null ? '' : lang === 'ja' ? ` — 理由: ${view.pretext.ja}` : ` — reason given: ${view.pretext.en}`,
      ` — 「${view.evidence}」`,
      view.dangerous ? ` — ${NEVER_ASKED[lang]}` : '',
    ].join(''),
  );
}

const LABEL = {
  channel: { ja: '受け取り方', en: 'Received as' },
  from: { ja: '差出人', en: 'From' },
  replyTo: { ja: '返信先', en: 'Reply-To' },
  returnPath: { ja: '送信元(Return-Path)', en: 'Return-Path' },
  subject: { ja: '件名', en: 'Subject' },
  date: { ja: '日付', en: 'Date' },
  links: { ja: 'リンク', en: 'Links' },
  goesTo: { ja: '行き先のドメイン', en: 'goes to the domain' },
  shows: { ja: '画面に見えている文字', en: 'shown as' },
  ipHost: { ja: 'ドメインではなく数字のアドレス(IP)', en: 'a numeric (IP) address, not a domain' },
  userinfo: { ja: '「@」の前に書かれた文字(行き先ではありません)', en: 'text before "@" (not where it goes)' },
  defanged: { ja: '無害化された書き方', en: 'written in defanged form' },
  phones: { ja: '電話番号', en: 'Phone numbers' },
  abroad: { ja: '海外の番号', en: 'number abroad' },
  emails: { ja: 'メールアドレス', en: 'Email addresses' },
  money: { ja: '金額', en: 'Amounts of money' },
  deadlines: { ja: '期限・急がせる言葉', en: 'Deadlines and pressure' },
  organizations: { ja: '名前が出てくる会社・団体', en: 'Organizations named' },
  spaced: { ja: '文字を空白で区切って書いた語', en: 'Words written with spaces between letters' },
  lookalike: { ja: '似た文字で書かれています', en: 'written with look-alike characters' },
  spacedOut: { ja: '空白で区切って書かれています', en: 'spaced out' },
  invisible: { ja: '見えない文字', en: 'Invisible characters' },
  attachments: { ja: '添付ファイル', en: 'Attachments' },
  auth: { ja: '送信元の確認結果(メールサーバーの記録)', en: 'Sender checks recorded by the mail server' },
  signatures: { ja: '電子署名の確認(いま DNS で確認)', en: 'Signatures verified now (through DNS)' },
  unsigned: { ja: '署名なし', en: 'not signed' },
  skipped: { ja: '大きすぎて確認しなかった部分', en: 'Not checked because it was too large' },
  nothing: { ja: 'リンク・電話番号・金額などは見つかりませんでした。', en: 'No links, phone numbers, amounts or the like were found.' },
  reasons: { ja: 'そう判断した理由', en: 'Why' },
  advice: { ja: 'これからすること', en: 'What to do now' },
  requests: { ja: 'このメッセージがあなたに求めていること', en: 'What this message asks you to do' },
  danger: { ja: '危険', en: 'Danger' },
  details: { ja: 'メッセージに含まれていたもの', en: 'What the message contains' },
  score: { ja: '点', en: 'points' },
} satisfies Record<string, Text>;

const HEADLINE: Record<Risk, { icon: string; color: string; text: Text }> = {
  high: {
    icon: '⛔',
    color: '\x1b[1;31m',
    text: { ja: '危険 — 詐欺の可能性が高いメッセージです', en: 'Dangerous — this is very likely a scam' },
  },
  medium: {
    icon: '⚠️',
    color: '\x1b[1;33m',
    text: { ja: '注意 — 詐欺の疑いがあります', en: 'Be careful — this may be a scam' },
  },
  low: {
    icon: '✅',
    color: '\x1b[1;32m',
    text: { ja: '低リスク — 危険な点は見つかりませんでした', en: 'Low risk — we found nothing dangerous' },
  },
};

/** The medium headline of a message that only looks like mass mail (CheckResult.bulk). */
const BULK_HEADLINE = { ...HEADLINE.medium, text: { ja: '注意 — 広告・宣伝メールのようです', en: 'Be careful — this looks like advertising mail' } };

function address(a: MailAddress): string {
  if (a.name && a.address) return `${a.name} <${a.address}>`;
  return a.name || a.address;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(0)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

/** `color`: the terminal shows ANSI colours. The icon and the words carry the meaning
 * on their own, so nothing is lost without colour. */
export function formatResult(
  result: NodeCheckResult,
  lang: Lang,
  organizationName: (id: string) => string,
  color: boolean,
): string {
  const out: string[] = [`■ ${result.id}`];
  const headline = result.bulk ? BULK_HEADLINE : HEADLINE[result.risk];
  const title = `${headline.icon} ${headline.text[lang]} (${result.score}/100 ${LABEL.score[lang]})`;
  out.push(`  ${color ? `${headline.color}${title}\x1b[0m` : title}`);
  if (result.reasons.length > 0) {
    out.push(`  ${LABEL.reasons[lang]}:`);
    for (const reason of result.reasons) out.push(`    ${reason.severity === 'positive' ? '○' : '・'}${reason.message[lang]}`);
  }
  if (result.requests.length > 0) {
    out.push(`  ${LABEL.requests[lang]}:`);
    for (const line of requestLines(result.requests, lang)) out.push(`    ${line}`);
  }
  out.push(`  ${LABEL.advice[lang]}:`);
  for (const advice of result.advice) out.push(`    ・${advice.message[lang]}`);
  out.push(`  ${LABEL.details[lang]}:`);
  const line = (label: Text, value: string): void => {
    out.push(`    ${label[lang]}: ${value}`);
  };
  const list = (label: Text, items: string[]): void => {
    if (items.length === 0) return;
    out.push(`    ${label[lang]} (${items.length}):`);
    for (const item of items) out.push(`      ・${item}`);
  };
  const { message: m, extracted: x } = result;

  line(LABEL.channel, CHANNEL[m.channel][lang]);
  if (m.from) line(LABEL.from, address(m.from));
  if (m.replyTo.length > 0) line(LABEL.replyTo, m.replyTo.map(address).join(', '));
  if (m.returnPath) line(LABEL.returnPath, m.returnPath);
  if (m.subject) line(LABEL.subject, m.subject);
  if (m.date) line(LABEL.date, m.date);

  list(
    LABEL.links,
    x.urls.map((u) => {
      const notes = [`${LABEL.goesTo[lang]}: ${u.isIp ? `${u.host} — ${LABEL.ipHost[lang]}` : (u.registrableDomain ?? u.host)}`];
      if (u.hostUnicode !== u.host) notes.push(u.hostUnicode);
      if (u.visibleText !== null) notes.push(`${LABEL.shows[lang]}: 「${u.visibleText}」`);
      if (u.userinfo !== null) notes.push(`${LABEL.userinfo[lang]}: ${u.userinfo}`);
      if (u.defanged) notes.push(LABEL.defanged[lang]);
      return `${u.raw}\n        ${notes.join('\n        ')}`;
    }),
  );
  list(
    LABEL.phones,
    x.phones.map((p) => `${p.national} — ${PHONE[p.type][lang]}${p.international ? ` (${LABEL.abroad[lang]} ${p.e164})` : ''}`),
  );
  list(LABEL.emails, x.emails.map((e) => e.address));
  list(LABEL.money, x.money.map((money) => money.raw));
  list(LABEL.deadlines, x.deadlines.map((d) => `${d.raw} — ${DEADLINE[d.kind][lang]}`));
  // The same name in the display name and in the text is one line for the reader.
  list(LABEL.organizations, [
    ...new Set(
      x.organizations.map((o) => {
        const disguise =
          o.disguise === 'confusable' ? ` — ${LABEL.lookalike[lang]}` : o.disguise === 'spaced' ? ` — ${LABEL.spacedOut[lang]}` : '';
        return `${organizationName(o.organizationId)} (「${o.raw}」)${disguise}`;
      }),
    ),
  ]);
  list(LABEL.spaced, x.spacedWords.map((w) => w.joined));
  if (x.invisible.total > 0) {
    line(LABEL.invisible, x.invisible.codePoints.map((c) => `${c.codePoint} ×${c.count}`).join(', '));
  }
  list(
    LABEL.attachments,
    m.attachments.map((a) => {
      const flags = a.flags.map((f) => ATTACHMENT[f][lang]).join(', ');
      return `${a.name ?? '(no name)'} (${a.mediaType}, ${size(a.size)}${flags ? `, ${flags}` : ''})`;
    }),
  );
  if (m.authResults.length > 0) {
    line(LABEL.auth, m.authResults.map((r) => `${r.methodName}=${r.result}`).join(', '));
  }
  const auth = result.authentication;
  if (auth !== undefined) {
    const dkim = auth.dkim.length === 0 ? LABEL.unsigned[lang] : auth.dkim.map((d) => `${d.result} (${d.domain ?? '?'})`).join(', ');
    line(LABEL.signatures, `DKIM ${dkim} / DMARC ${auth.dmarc.result} / ARC ${auth.arc.result}`);
  }
  list(LABEL.skipped, result.skipped.map((s) => s.detail));
  const found = x.urls.length + x.phones.length + x.emails.length + x.money.length + x.deadlines.length;
  if (found === 0 && m.attachments.length === 0) out.push(`    ${LABEL.nothing[lang]}`);
  return out.join('\n');
}
