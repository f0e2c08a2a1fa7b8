// The words around a plan (headings, "done on", "every month") shared by the Markdown,
// PDF and calendar renderings, so each says the same thing in the same words.
import type { PlanAnswer, PlanLang, PlanRecurrence, PlanResource } from './types.js';

type Text = Record<PlanLang, string>;

export const PLAN_LABELS = {
  title: { ja: '情報漏えいのあとにやること', en: 'What to do after your data leaked' },
  incident: { ja: '事案', en: 'Incident' },
  organization: { ja: '通知した会社・団体', en: 'Organization' },
  announcement: { ja: '公式の発表', en: 'Official announcement' },
  enquiries: { ja: 'この件の公式の問い合わせ先', en: 'Official enquiry desk for this incident' },
  officialDomain: { ja: '公式サイトのドメイン', en: 'Official website domain' },
  exposed: { ja: '漏れた情報', en: 'What leaked' },
  notExposed: { ja: '漏れていないと発表された情報', en: 'What the announcement says did NOT leak' },
  answers: { ja: 'あなたの答え', en: 'Your answers' },
  notNeeded: { ja: 'しなくてよいこと', en: 'What you do not need to do' },
  doneWhen: { ja: '終わったら', en: 'When done' },
  doneOn: { ja: '済み', en: 'done' },
  source: { ja: '出典', en: 'source' },
  hours: { ja: '受付', en: 'hours' },
  nothingInStage: { ja: 'ありません。', en: 'Nothing here.' },
  remaining: { ja: '残り', en: 'remaining' },
  planId: { ja: '計画の番号', en: 'Plan id' },
  unknownData: { ja: '（記録なし）', en: '(none recorded)' },
} as const satisfies Record<string, Text>;

export const ANSWER_LABELS: Record<PlanAnswer, Text> = {
  'reused-password': { ja: '同じパスワードをほかでも使っている', en: 'I use the same password elsewhere' },
  'card-online': { ja: 'カードをネットの買い物で使っている', en: 'I use the card online' },
  'clicked-link': { ja: 'あやしいリンクを開いた', en: 'I opened a suspicious link' },
  'gave-card': { ja: 'カード番号を入力した・伝えた', en: 'I entered or gave my card number' },
  'gave-password': { ja: 'パスワードを入力した・伝えた', en: 'I entered or gave a password' },
  'gave-bank': { ja: '口座番号や暗証番号を入力した・伝えた', en: 'I entered or gave bank details' },
  'paid-money': { ja: 'お金を払った・振り込んだ', en: 'I paid or transferred money' },
};

export function recurrenceLabel(recurrence: PlanRecurrence, lang: PlanLang): string {
  if (lang === 'ja') return `${recurrence.every === 'month' ? '毎月' : '毎週'}（${recurrence.times}回）`;
  return `every ${recurrence.every} (${recurrence.times} times)`;
}

/** One line for a help desk or page: name, phone, email, page, hours, and its source. */
export function resourceLine(resource: PlanResource, lang: PlanLang): string {
  const parts = [resource.name[lang]];
  if (resource.phone !== undefined) parts.push(lang === 'ja' ? `電話 ${resource.phone}` : `phone ${resource.phone}`);
  if (resource.email !== undefined) parts.push(resource.email);
  if (resource.url !== undefined) parts.push(resource.url);
  if (resource.hours !== undefined) parts.push(`${PLAN_LABELS.hours[lang]}: ${resource.hours[lang]}`);
  const joined = parts.join(lang === 'ja' ? '　' : ' · ');
  return resource.url === resource.source ? joined : `${joined} (${PLAN_LABELS.source[lang]}: ${resource.source})`;
}
