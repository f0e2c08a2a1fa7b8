// The answer to "is this notice real?" in plain words, in Japanese and English: who
// issued it, for which incident and when; what the genuine notice says (what leaked, what
// did not, the official contacts on record) to compare with the paper in hand; whether a
// typed postal code matches; and what to do when it is not genuine. The CLI, the HTTP API
// and the web page all build it here, from a checked payload or a code looked up in the store.
import { getOrganization } from '../knowledge/organizations.js';
import { dataClassLabel } from '../registry/data-classes.js';
import type { EnquiryChannel, Incident } from '../registry/types.js';
import type { LocalizedText } from '../verdict/types.js';
import { WELL_KNOWN_NOTICE_KEYS_PATH, type NoticeKey } from './keys.js';
import { matchPostalCode, type PostalMatch } from './postal.js';
import type { ShortCodeProblem } from './short-code.js';
import type { NoticeChannel, NoticeStatement, PayloadProblem } from './statement.js';
import type { PayloadCheck } from './verify.js';

export type NoticeStatus = 'genuine' | 'revoked' | 'unknown' | 'invalid-format' | 'bad-signature' | 'key-revoked';

/** What was checked: a typed short code (looked up on the server) or a QR payload (checked by signature). */
export type CheckedBy = 'code' | 'payload';

export interface OfficialContact {
  kind: 'phone' | 'web' | 'email';
  value: string;
  label?: LocalizedText;
  source: string;
}

export interface NoticeVerification {
  status: NoticeStatus;
  checkedBy: CheckedBy;
  /** The notice as issued; null when nothing was found or the input could not be read. */
  notice: Omit<NoticeStatement, 'postal'> | null;
  organization: {
    id: string;
    name: LocalizedText;
    /** Official web and mail domains on record, each with its source. */
    domains: { domain: string; source: string }[];
    /** Official phone numbers and enquiry desks on record, each with its source. */
    contacts: OfficialContact[];
    /** Where the organization publishes its notice keys (the key's registered domain). */
    keysPublishedAt: string;
  } | null;
  incident: {
    id: string;
    title: LocalizedText;
    leaked: { id: string; label: LocalizedText }[];
    notLeaked: { id: string; label: LocalizedText }[];
  } | null;
  postalCode: PostalMatch;
  /** The answer in one or two sentences. */
  summary: LocalizedText;
  advice: { code: string; message: LocalizedText }[];
}

/** How a notice was sent, in words (the answer's summary and the web page's details). */
export const CHANNEL_WORDS: Record<NoticeChannel, LocalizedText> = {
  postcard: { ja: 'はがき', en: 'postcard' },
  letter: { ja: '封書', en: 'letter' },
  email: { ja: 'メール', en: 'email' },
  sms: { ja: 'SMS', en: 'text message' },
};

const CODE_PROBLEMS: Record<ShortCodeProblem, LocalizedText> = {
  empty: { ja: '確認コードが入力されていません。', en: 'No code was given.' },
  'too-long': { ja: '確認コードとしては長すぎます。コードの部分だけを入力してください。', en: 'This is too long for a code. Type only the code.' },
  'not-a-code': {
    ja: '確認コードに使われない文字が入っています。はがきに印刷された英数字だけを入力してください。',
    en: 'It has characters a code never contains. Type only the letters and digits printed on the notice.',
  },
  'too-short': {
    ja: '文字が足りません。確認コードは4文字ずつの4つの組と、最後の1文字です。',
    en: 'Some characters are missing. A code is four groups of four characters and one more at the end.',
  },
  'too-many': { ja: '文字が多すぎます。確認コードは全部で17文字です。', en: 'There are too many characters. A code has 17 in all.' },
  'check-failed': {
    ja: 'どこかの文字が違っています（最後の1文字は、入力の間違いに気づくためのものです）。紙の文字と1文字ずつ見比べて、もう一度入力してください。',
    en: 'A character is wrong somewhere (the last one is there to catch typing mistakes). Compare it with the paper one character at a time and type it again.',
  },
};

const PAYLOAD_PROBLEMS: Record<PayloadProblem, LocalizedText> = {
  empty: { ja: 'QRコードの内容がありません。もう一度読み取ってください。', en: 'The QR code had no content. Please scan it again.' },
  'too-long': { ja: 'このQRコードは、確認用のQRコードとしては長すぎます。', en: 'This QR code is too long to be a verification code.' },
  'not-a-payload': { ja: 'このQRコードは、確認用のQRコードとして読めませんでした。', en: 'This QR code could not be read as a verification code.' },
  'unknown-version': { ja: 'このQRコードは、この確認サービスが知らない形式です。', en: 'This QR code is in a format this service does not know.' },
};

const ADVICE = {
  compare: {
    ja: '手元の紙と見比べてください。漏れた情報・漏れていない情報・問い合わせ先が、ここに書かれたものと同じかどうか。違っていれば、その紙は本物ではありません。',
    en: 'Compare it with the paper in your hand: what leaked, what did not, and the contacts should be the same as shown here. If they differ, the paper is not genuine.',
  },
  neverAsks: {
    ja: '本物のお知らせでも、電話やメールでカード番号・暗証番号・パスワード・口座番号を聞くことはありません。お金を求めることもありません。',
    en: 'Even a genuine notice never asks for card numbers, PINs, passwords or bank details by phone or email, and never asks for money.',
  },
  callOnRecord: {
    ja: '問い合わせるときは、紙に書かれた電話番号ではなく、ここに示した公式の連絡先（または会社の公式サイトで自分で調べた番号）を使ってください。',
    en: 'To ask, use the official contacts shown here (or a number you look up yourself on the official website), not a number printed on the paper.',
  },
  doNotAct: {
    ja: 'その紙に書かれた番号に電話したり、QRコードやリンクの先で情報を入力したりしないでください。',
    en: 'Do not call the numbers on that paper, and do not enter anything on pages its QR codes or links lead to.',
  },
  retype: {
    ja: '入力の間違いがないか確かめてください。0（ゼロ）とO（オー）、1（いち）とI・Lは同じものとして読みます。',
    en: 'Check for typing mistakes. 0 (zero) and O, and 1 (one), I and L, are read as the same.',
  },
} satisfies Record<string, LocalizedText>;

function advice(...codes: (keyof typeof ADVICE)[]): NoticeVerification['advice'] {
  return codes.map((code) => ({ code: `notice.${code}`, message: ADVICE[code] }));
}

function contactsFor(organizationId: string, incident: Incident | undefined): OfficialContact[] {
  const organization = getOrganization(organizationId);
  const phones: OfficialContact[] = (organization?.phones ?? []).map((p) => ({
    kind: 'phone',
    value: p.number,
    label: { ja: p.purpose, en: p.purpose },
    source: p.source,
  }));
  const enquiries = incident?.affected.find((a) => a.organizationId === organizationId)?.enquiries ?? [];
  const fromIncident = enquiries.flatMap((e: EnquiryChannel) => {
    const source = e.sources.find((s) => s.url !== undefined)?.url;
    return source === undefined ? [] : [{ kind: e.kind, value: e.value, ...(e.label === undefined ? {} : { label: e.label }), source }];
  });
  // The incident's own desks first; a number listed in both places is shown once.
  const byValue = new Map<string, OfficialContact>();
  for (const contact of [...fromIncident, ...phones]) if (!byValue.has(contact.value)) byValue.set(contact.value, contact);
  return [...byValue.values()];
}

function organizationPart(organizationId: string, key: NoticeKey | undefined, incident: Incident | undefined): NoticeVerification['organization'] {
  const organization = getOrganization(organizationId);
  const affectedName = incident?.affected.find((a) => a.organizationId === organizationId)?.name;
  return {
    id: organizationId,
    name: organization?.display ?? affectedName ?? { ja: organizationId, en: organizationId },
    domains: (organization?.domains ?? []).map((d) => ({ domain: d.domain, source: d.source })),
    contacts: contactsFor(organizationId, incident),
    keysPublishedAt: key === undefined ? '' : `https://${key.domain}${WELL_KNOWN_NOTICE_KEYS_PATH}`,
  };
}

function incidentPart(incident: Incident, organizationId: string): NoticeVerification['incident'] {
  const affected = incident.affected.find((a) => a.organizationId === organizationId);
  const label = (id: string) => ({ id, label: dataClassLabel(id) });
  return {
    id: incident.id,
    title: incident.title,
    leaked: (affected?.dataClasses ?? []).map(label),
    notLeaked: (affected?.notExposed ?? []).map(label),
  };
}

function formatDate(date: string, lang: 'ja' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月${d}日` : date;
}

export interface NoticeFacts {
  status: Exclude<NoticeStatus, 'invalid-format'>;
  checkedBy: CheckedBy;
  /** The statement found (from the store or a payload); undefined for a code not on record. */
  statement?: NoticeStatement;
  key?: NoticeKey;
  /** The incident the statement names, read from the registry. */
  incident?: Incident;
  postalCode: PostalMatch;
}

/** A typed code or a QR payload that could not be read at all. */
export function invalidFormat(...[checkedBy, problem]: ['code', ShortCodeProblem] | ['payload', PayloadProblem]): NoticeVerification {
  return {
    status: 'invalid-format',
    checkedBy,
    notice: null,
    organization: null,
    incident: null,
    postalCode: 'not-asked',
    summary: checkedBy === 'code' ? CODE_PROBLEMS[problem] : PAYLOAD_PROBLEMS[problem],
    advice: checkedBy === 'code' ? advice('retype') : advice('doNotAct', 'callOnRecord'),
  };
}

export function describeNotice(facts: NoticeFacts): NoticeVerification {
  const { statement, key, incident, status } = facts;
  const organization = statement === undefined ? null : organizationPart(statement.organizationId, key, incident);
  const name = (lang: 'ja' | 'en') => organization?.name[lang] ?? '';
  const base = {
    status,
    checkedBy: facts.checkedBy,
    notice: statement === undefined ? null : withoutPostal(statement),
    organization,
    incident: statement !== undefined && incident !== undefined ? incidentPart(incident, statement.organizationId) : null,
    postalCode: facts.postalCode,
  };
  switch (status) {
    case 'genuine': {
      const s = statement!;
      const title = incident?.title ?? { ja: s.incidentId, en: s.incidentId };
      const summary: LocalizedText = {
        ja: `このお知らせは本物です。${name('ja')}が${formatDate(s.issued, 'ja')}に${CHANNEL_WORDS[s.channel].ja}で送った、「${title.ja}」についてのお知らせです。${postalSentence(facts.postalCode).ja}`,
        en: `This notice is genuine. ${name('en')} sent it by ${CHANNEL_WORDS[s.channel].en} on ${s.issued}, about "${title.en}".${postalSentence(facts.postalCode).en}`,
      };
      return { ...base, summary: trimEnd(summary), advice: advice('compare', 'neverAsks', 'callOnRecord') };
    }
    case 'revoked':
      return {
        ...base,
        summary: {
          ja: `このお知らせは${name('ja')}が取り消しています。書かれている内容には従わず、公式の連絡先に確かめてください。`,
          en: `${name('en')} has withdrawn this notice. Do not act on it; check with the official contacts.`,
        },
        advice: advice('doNotAct', 'callOnRecord', 'neverAsks'),
      };
    case 'key-revoked':
      return {
        ...base,
        summary: {
          ja: `このお知らせの署名に使われた鍵は、${name('ja')}が${key?.revokedOn === undefined ? '' : `${formatDate(key.revokedOn, 'ja')}に`}無効にしています。本物とは確かめられません。公式の連絡先に確かめてください。`,
          en: `${name('en')} has revoked the key this notice was signed with${key?.revokedOn === undefined ? '' : ` (on ${key.revokedOn})`}. It cannot be confirmed as genuine; check with the official contacts.`,
        },
        advice: advice('doNotAct', 'callOnRecord', 'neverAsks'),
      };
    case 'bad-signature':
      return {
        ...base,
        summary: {
          ja: `このQRコードは${name('ja')}を名乗っていますが、署名が合いません。書き換えられたか、偽物です。`,
          en: `This QR code claims to come from ${name('en')}, but its signature does not match. It was altered or forged.`,
        },
        advice: advice('doNotAct', 'callOnRecord', 'neverAsks'),
      };
    case 'unknown':
      return facts.checkedBy === 'code'
        ? {
            ...base,
            summary: {
              ja: 'この確認コードは登録されていません。入力の間違いでなければ、このお知らせは偽物のおそれがあります。',
              en: 'This code is not on record. Unless it was mistyped, the notice may be fake.',
            },
            advice: advice('retype', 'doNotAct', 'callOnRecord'),
          }
        : {
            ...base,
            summary: {
              ja: 'このQRコードは、登録されたどの発行元の鍵でも署名されていません。偽物のおそれがあります。',
              en: 'This QR code was not signed with any registered issuer key. It may be fake.',
            },
            advice: advice('doNotAct', 'callOnRecord', 'neverAsks'),
          };
  }
}

/**
 * The answer for a checked QR payload: what the server says for POST /api/verify with a
 * payload, and what the verification page says without sending anything. `incident` is
 * the one the statement names (read from the registry, or undefined when unknown); the
 * postal code is compared only for a genuine notice.
 */
export async function answerPayloadCheck(check: PayloadCheck, incident: Incident | undefined, postalCode: string | undefined): Promise<NoticeVerification> {
  if (check.status === 'invalid-format') return invalidFormat('payload', check.problem);
  return describeNotice({
    status: check.status,
    checkedBy: 'payload',
    statement: check.statement,
    ...('key' in check ? { key: check.key } : {}),
    ...(incident === undefined ? {} : { incident }),
    postalCode: check.status === 'genuine' ? await matchPostalCode(check.statement.postal, postalCode) : 'not-asked',
  });
}

function postalSentence(match: PostalMatch): LocalizedText {
  switch (match) {
    case 'match':
      return { ja: '郵便番号も一致しました。あなたの住所あてに送られたものです。', en: ' The postal code matches too: it was sent to your address.' };
    case 'mismatch':
      return {
        ja: 'ただし、入力された郵便番号は、このお知らせのあて先と一致しません。ほかの人あてのお知らせか、郵便番号の入力違いです。',
        en: ' But the postal code you typed does not match the address it was sent to: it is someone else’s notice, or the postal code was mistyped.',
      };
    case 'not-on-notice':
      return { ja: '（このお知らせには郵便番号の確認がありません。）', en: ' (This notice has no postal code to confirm.)' };
    case 'not-asked':
      return { ja: '', en: '' };
  }
}

function trimEnd(text: LocalizedText): LocalizedText {
  return { ja: text.ja.trimEnd(), en: text.en.trimEnd() };
}

function withoutPostal(statement: NoticeStatement): Omit<NoticeStatement, 'postal'> {
  const { postal: _postal, ...rest } = statement;
  return rest;
}
