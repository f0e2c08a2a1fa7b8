// One organization: its official channels with their sources (how to reach it safely),
// the leaks on record for it, and how it has told people before — what a genuine notice
// from it looks like.
import { dataClassLabel } from '../../core/registry/data-classes.js';
import { NOTIFICATION_METHOD_LABELS } from '../../core/registry/labels.js';
import type { OrganizationProfile } from '../../core/registry/organization-directory.js';
import { getOrganizationProfile } from '../api.js';
import { hasChannels, OfficialChannels } from '../channels.js';
import { useLang } from '../i18n.js';
import { Link } from '../router.js';
import { RecordPage } from '../record-page.js';
import { PageTitle } from '../ui.js';
import { Sources } from './Sources.js';

export default function Organization({ id }: { id: string }) {
  return (
    <RecordPage
      id={id}
      load={getOrganizationProfile}
      view={(profile) => <OrganizationView profile={profile} />}
      missing={{ ja: 'この会社・団体は記録にありません', en: 'This organization is not on record' }}
      search={{ ja: '会社・事件を探す', en: 'Search for a company or incident' }}
    />
  );
}

function OrganizationView({ profile }: { profile: OrganizationProfile }) {
  const { lang, t } = useLang();
  const org = profile.organization;
  return (
    <article>
      <PageTitle title={profile.display}>{t(profile.display)}</PageTitle>

      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading">{t({ ja: '公式の連絡先（出典つき）', en: 'Official contact details (with sources)' })}</h2>
        {org !== undefined && hasChannels(org) ? (
          <>
            <p>
              {t({
                ja: 'この会社・団体が自分で公表している連絡先です。届いた通知やメッセージに書かれた番号やリンクではなく、こちらで確かめてください。',
                en: 'These are the contact details the organization publishes itself. Check with these, not with a number or link given in a notice or message.',
              })}
            </p>
            <div className="organization">
              <OfficialChannels organization={org} />
            </div>
          </>
        ) : (
          <p>
            {t({
              ja: '出典を確かめられた公式の連絡先は、まだ記録されていません。通知に書かれた番号ではなく、会社・団体の公式サイトや、以前から知っている番号で確かめてください。',
              en: 'No official contact details with a source are on record yet. Check through the official website or a number you already know, not a number given in a notice.',
            })}
          </p>
        )}
      </section>

      <section aria-labelledby="org-incidents-heading">
        <h2 id="org-incidents-heading">{t({ ja: '記録にある漏えい（新しい順）', en: 'Leaks on record (newest first)' })}</h2>
        {profile.incidents.length === 0 ? (
          <p>
            {t({
              ja: 'この会社・団体の漏えいは記録にありません。記録にないことは「漏れていない」という意味ではありません。',
              en: 'No leak is on record for this organization. Not being on record does not mean nothing leaked.',
            })}
          </p>
        ) : (
          <ul className="results">
            {profile.incidents.map((incident) => (
              <li key={incident.id}>
                <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>
                  {t(incident.title)}
                  <span className="meta">
                    {incident.date !== undefined && (
                      <>
                        {t({ ja: '発表：', en: 'Announced: ' })}
                        {incident.date}
                      </>
                    )}
                    {incident.affected !== undefined && incident.affected.dataClasses.length > 0 && (
                      <>
                        {incident.date !== undefined && ' — '}
                        {t({ ja: '漏れたもの：', en: 'What leaked: ' })}
                        {incident.affected.dataClasses.map((c) => dataClassLabel(c)[lang]).join(lang === 'ja' ? '、' : ', ')}
                      </>
                    )}
                    {incident.involved !== undefined && (
                      <>
                        {incident.date !== undefined && ' — '}
                        {t(incident.involved.role)}
                      </>
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {profile.incidents.some((i) => i.fromHibp === true) && (
          <p className="sources">{t({ ja: 'データ提供：Have I Been Pwned（CC BY 4.0）', en: 'Data: Have I Been Pwned (CC BY 4.0)' })}</p>
        )}
      </section>

      {profile.noticeMethods.length > 0 && (
        <section aria-labelledby="notices-heading">
          <h2 id="notices-heading">{t({ ja: 'これまでのお知らせの届き方', en: 'How it has told people before' })}</h2>
          <p>
            {t({
              ja: '漏えいのとき、この会社・団体がお知らせに使った方法です。これと違う方法で「おわび」や「補償」の連絡が来たら、公式の連絡先で確かめてください。',
              en: 'How this organization told people about its leaks. If an apology or an offer of compensation reaches you some other way, check it through the official contact details.',
            })}
          </p>
          <ul>
            {profile.noticeMethods.map((notice, index) => (
              <li key={index}>
                {t(NOTIFICATION_METHOD_LABELS[notice.method])}
                {notice.date !== undefined && ` (${notice.date})`}
                {' — '}
                <Link to={`/incidents/${encodeURIComponent(notice.incidentId)}`}>
                  {t(profile.incidents.find((i) => i.id === notice.incidentId)?.title ?? { ja: notice.incidentId, en: notice.incidentId })}
                </Link>
                <Sources sources={notice.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <p>
        <Link to="/mine">{t({ ja: '自分が利用している会社の漏えいをまとめて調べる', en: 'Check all the companies you use at once' })}</Link>
      </p>
    </article>
  );
}
