// The NTT incident as it would be recorded once NTT West printed verification codes on its
// postcards, and a postcard of its wording (written for these tests) around a line of our
// choosing: for the tests of codes as evidence, with and without a registry behind them.
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';
import type { Incident } from '../../../src/core/registry/types.js';

export function incidentsWithCodes(): Incident[] {
  return SEED_INCIDENTS.map((incident) => {
    if (incident.id !== NTT_INCIDENT_ID) return incident;
    const copy = structuredClone(incident);
    for (const affected of copy.affected) {
      if (affected.organizationId === 'ntt-west') affected.notifications = affected.notifications.map((n) => (n.method === 'postcard' ? { ...n, verificationCode: true as const } : n));
    }
    return copy;
  });
}

export const nttPostcard = (extra: string): string =>
  [
    '【NTT西日本】お客さま情報の流出に関するお詫び',
    '弊社の業務委託先の元派遣社員により、お客さまの氏名、住所、電話番号が不正に持ち出されました。',
    'クレジットカード番号、口座番号、パスワードは含まれておりません。深くお詫び申し上げます。',
    extra,
    '西日本電信電話株式会社',
  ].join('\n');
