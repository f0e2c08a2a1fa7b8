// An organization's official channels — web and mail domains, phone numbers, SMS
// senders — each with the source it was taken from: the safe way to check a notice is
// through these, never through what the notice itself gives. The search results and
// the organization page show them alike.
import type { Organization } from '../core/knowledge/organizations.js';
import { useLang } from './i18n.js';

export function SourceLink({ url }: { url: string }) {
  const { t } = useLang();
  return (
    <a href={url} rel="noreferrer" className="source-link">
      {t({ ja: '出典', en: 'source' })}
    </a>
  );
}

export function hasChannels(org: Organization): boolean {
  return org.domains.length + org.phones.length + org.smsSenders.length > 0;
}

export function OfficialChannels({ organization: org }: { organization: Organization }) {
  const { t } = useLang();
  return (
    <dl>
      {org.domains.length > 0 && (
        <>
          <dt>{t({ ja: '公式サイト・メールのドメイン', en: 'Official web and mail domains' })}</dt>
          {org.domains.map((d) => (
            <dd key={d.domain}>
              {d.domain} <SourceLink url={d.source} />
            </dd>
          ))}
        </>
      )}
      {org.phones.length > 0 && (
        <>
          <dt>{t({ ja: '電話番号', en: 'Phone numbers' })}</dt>
          {org.phones.map((p) => (
            <dd key={p.number}>
              {p.number}（{p.purpose}） <SourceLink url={p.source} />
            </dd>
          ))}
        </>
      )}
      {org.smsSenders.length > 0 && (
        <>
          <dt>{t({ ja: 'SMSの送信元', en: 'SMS senders' })}</dt>
          {org.smsSenders.map((sender) => (
            <dd key={sender.sender}>
              {sender.sender} <SourceLink url={sender.source} />
            </dd>
          ))}
        </>
      )}
    </dl>
  );
}
