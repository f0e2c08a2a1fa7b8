// How an incident's status and notification methods read to a person, in both languages:
// one wording for the CLI and the web app.
import type { LocalizedText } from '../verdict/types.js';
import type { Incident, NotificationMethod } from './types.js';

export const INCIDENT_STATUS_LABELS: Record<Incident['status'], LocalizedText> = {
  confirmed: { ja: '会社が発表した事実です', en: 'Confirmed by the organization' },
  reported: { ja: '報道による情報です', en: 'Reported by the press' },
  unverified: { ja: 'まだ確かめられていない情報です', en: 'Not verified yet' },
};

export const NOTIFICATION_METHOD_LABELS: Record<NotificationMethod, LocalizedText> = {
  postcard: { ja: 'はがき', en: 'Postcard' },
  'registered-mail': { ja: '簡易書留などの郵便', en: 'Registered mail' },
  letter: { ja: '封書（手紙）', en: 'Letter' },
  email: { ja: 'メール', en: 'Email' },
  sms: { ja: 'SMS', en: 'Text message (SMS)' },
  website: { ja: '会社のウェブサイトでの発表', en: 'Announcement on the company website' },
  phone: { ja: '電話', en: 'Phone call' },
};
