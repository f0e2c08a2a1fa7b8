// One incident: what happened, who was affected, what leaked and — just as prominently —
// what did not, how people were told, where to ask, the scams that followed, when, and
// where to read more.
import { organizationName } from '../../core/knowledge/organizations.js';
import { dataClassLabel } from '../../core/registry/data-classes.js';
import { INCIDENT_STATUS_LABELS, NOTIFICATION_METHOD_LABELS } from '../../core/registry/labels.js';
import { PLAN_KNOWLEDGE } from '../../core/plan/index.js';
import { researchLinks, type SourceGroupKind } from '../../core/registry/research-links.js';
import type { AffectedOrganization, Incident as IncidentRecord } from '../../core/registry/types.js';
import { getIncident } from '../api.js';
import { Icon } from '../icons.js';
import { useLang, type Lang } from '../i18n.js';
import { Link } from '../router.js';
import { RecordPage } from '../record-page.js';
import { PageTitle } from '../ui.js';
import { SourceName, Sources } from './Sources.js';

function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

function orgName(affected: AffectedOrganization, lang: Lang): string {
  return affected.name?.[lang] ?? organizationName(affected.organizationId, lang);
}

export default function Incident({ id }: { id: string }) {
  return (
    <RecordPage
      id={id}
      load={getIncident}
      view={(incident) => <IncidentView incident={incident} />}
      missing={{ ja: 'この事件は記録にありません', en: 'This incident is not on record' }}
      search={{ ja: '事件を探す', en: 'Search for incidents' }}
    />
  );
}

function IncidentView({ incident }: { incident: IncidentRecord }) {
  const { lang, t } = useLang();
  return (
    <article>
      <PageTitle title={incident.title}>{t(incident.title)}</PageTitle>
      <p className="status">
        <strong>{t(INCIDENT_STATUS_LABELS[incident.status])}</strong>
        {incident.announcedDate !== undefined && (
          <>
            {' '}
            — {t({ ja: '発表', en: 'announced' })} <time dateTime={incident.announcedDate}>{incident.announcedDate}</time>
          </>
        )}
      </p>

      <p className="actions">
        <Link to={`/plan?incident=${encodeURIComponent(incident.id)}`} className="button-link">
          {t({ ja: 'この事件のやることリストを作る', en: 'Make a to-do list for this incident' })}
        </Link>
      </p>

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t({ ja: '何が起きたのか', en: 'What happened' })}</h2>
        <p>{t(incident.summary)}</p>
        {incident.cause !== undefined && <p>{t(incident.cause)}</p>}
        {incident.totalRecords !== undefined && (
          <p>
            {t({ ja: '漏れた件数（全体）：', en: 'Records in all: ' })}
            <strong>
              {formatNumber(incident.totalRecords, lang)}
              {t({ ja: ' 件', en: '' })}
            </strong>
          </p>
        )}
        <Sources sources={incident.sources} />
      </section>

      <section aria-labelledby="who-heading">
        <h2 id="who-heading">{t({ ja: '影響を受けた会社と、漏れたもの・漏れていないもの', en: 'Who was affected, what leaked and what did not' })}</h2>
        {incident.affected.map((affected) => (
          <AffectedView key={affected.organizationId} affected={affected} />
        ))}
      </section>

      {(incident.involved ?? []).length > 0 && (
        <section aria-labelledby="involved-heading">
          <h2 id="involved-heading">{t({ ja: 'かかわった会社（委託先など）', en: 'Other organizations involved (contractors and others)' })}</h2>
          <ul>
            {(incident.involved ?? []).map((involved) => (
              <li key={involved.organizationId}>
                <Link to={`/org/${encodeURIComponent(involved.organizationId)}`}>
                  {involved.name?.[lang] ?? organizationName(involved.organizationId, lang)}
                </Link>
                {t({ ja: '：', en: ': ' })}
                {t(involved.role)}
                <Sources sources={involved.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {incident.followUpScams.length > 0 && (
        <section aria-labelledby="scams-heading">
          <h2 id="scams-heading">{t({ ja: 'この事件のあとに出てきた詐欺', en: 'Scams that followed this leak' })}</h2>
          <ul>
            {incident.followUpScams.map((scam, index) => (
              <li key={index}>
                {t(scam.text)}
                <Sources sources={scam.sources} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/check">{t({ ja: '届いたメッセージを確かめる', en: 'Check a message you received' })}</Link>
          </p>
        </section>
      )}

      {incident.timeline.length > 0 && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t({ ja: 'これまでの流れ', en: 'Timeline' })}</h2>
          <ol className="timeline">
            {incident.timeline.map((event, index) => (
              <li key={index}>
                <time dateTime={event.date}>{event.date}</time> {t(event.text)}
                <Sources sources={event.sources} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <ReadMore incident={incident} />
    </article>
  );
}

const GROUP_TITLES: Record<SourceGroupKind, { ja: string; en: string }> = {
  organization: { ja: '会社・団体自身の発表', en: 'From the organizations themselves' },
  public: { ja: '国や自治体などの公的機関', en: 'From public bodies' },
  press: { ja: '報道・その他', en: 'News reports and others' },
  unlinked: { ja: 'ウェブアドレスが記録されていない出典', en: 'Sources without a recorded web address' },
};

/** The Personal Information Protection Commission's helpline, from the plan's sourced
 * help desks (data/plan-steps.json): where a person can complain about how a business
 * handled their data. */
const PPC_HELPLINE = PLAN_KNOWLEDGE.resources.get('ppc-dial');

function ReadMore({ incident }: { incident: IncidentRecord }) {
  const { lang, t } = useLang();
  const links = researchLinks(incident);
  const nameOf = (id: string): string => {
    const affected = incident.affected.find((a) => a.organizationId === id);
    return affected === undefined ? organizationName(id, lang) : orgName(affected, lang);
  };
  // The organizations' own announcements lead their group.
  const announcements =
    links.announcements.length === 0 ? null : (
      <ul className="read-more">
        {links.announcements.map((a) => (
          <li key={a.url}>
            <a href={a.url} rel="noreferrer">
              {t({ ja: `${nameOf(a.organizationId)}の発表`, en: `Announcement by ${nameOf(a.organizationId)}` })}
            </a>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="read-more-heading">
      <h2 id="read-more-heading">{t({ ja: 'もっと詳しく知るには', en: 'Where to read more' })}</h2>
      {links.announcements.length > 0 && !links.groups.some((g) => g.kind === 'organization') && (
        <>
          <h3>{t(GROUP_TITLES.organization)}</h3>
          {announcements}
        </>
      )}
      {links.groups.map((group) => (
        <div key={group.kind}>
          <h3>{t(GROUP_TITLES[group.kind])}</h3>
          {group.kind === 'organization' && announcements}
          <ul className="read-more">
            {group.sources.map((source, index) => (
              <li key={`${source.url ?? source.publisher}:${index}`}>
                <SourceName source={source} />
                {source.url === undefined && source.note !== undefined && <span className="meta">{source.note}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {PPC_HELPLINE !== undefined && PPC_HELPLINE.url !== undefined && (
        <p>
          {t({
            ja: '会社の個人情報の扱いについて相談や苦情があるときは：',
            en: 'To ask about or complain of how a business handled your personal data: ',
          })}
          <a href={PPC_HELPLINE.url} rel="noreferrer">
            {t(PPC_HELPLINE.name)}
          </a>
        </p>
      )}
    </section>
  );
}

function AffectedView({ affected }: { affected: AffectedOrganization }) {
  const { lang, t } = useLang();
  const name = orgName(affected, lang);
  return (
    <section className="affected" aria-label={name}>
      <h3>
        <Link to={`/org/${encodeURIComponent(affected.organizationId)}`}>{name}</Link>
      </h3>
      {(affected.recordsNote ?? affected.records) !== undefined && (
        <p>
          {affected.recordsNote !== undefined
            ? t(affected.recordsNote)
            : `${formatNumber(affected.records ?? 0, lang)}${t({ ja: ' 件', en: ' records' })}`}
        </p>
      )}
      <div className="leaked-grid">
        <div className="leaked">
          <h4 className="box-title">
            <Icon name="warning" className="inline-icon" />
            {t({ ja: '漏れたもの', en: 'What leaked' })}
          </h4>
          {affected.dataClasses.length > 0 ? (
            <ul>
              {affected.dataClasses.map((id) => (
                <li key={id}>{t(dataClassLabel(id))}</li>
              ))}
            </ul>
          ) : (
            <p>{t({ ja: 'まだわかっていません', en: 'Not known yet' })}</p>
          )}
        </div>
        <div className="not-leaked">
          <h4 className="box-title">
            <Icon name="ok" className="inline-icon" />
            {t({ ja: '漏れていないもの', en: 'What did NOT leak' })}
          </h4>
          {affected.notExposed.length > 0 ? (
            <ul>
              {affected.notExposed.map((id) => (
                <li key={id}>{t(dataClassLabel(id))}</li>
              ))}
            </ul>
          ) : (
            <p>{t({ ja: '公式の発表では触れられていません', en: 'Not stated in the announcements' })}</p>
          )}
        </div>
      </div>

      {affected.notifications.length > 0 && (
        <>
          <h4>{t({ ja: 'お知らせの届き方', en: 'How people were told' })}</h4>
          <ul>
            {affected.notifications.map((notification, index) => (
              <li key={index}>
                {t(NOTIFICATION_METHOD_LABELS[notification.method])}
                {notification.date !== undefined && ` (${notification.date})`}
                <Sources sources={notification.sources} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>{t({ ja: '公式の窓口', en: 'Official contact points' })}</h4>
      {affected.announcementUrl !== undefined && (
        <p>
          <a href={affected.announcementUrl} rel="noreferrer">
            {t({ ja: '会社の公式発表', en: 'The organization’s announcement' })}
          </a>
        </p>
      )}
      {affected.enquiries.length > 0 ? (
        <ul>
          {affected.enquiries.map((enquiry, index) => (
            <li key={index}>
              {enquiry.label !== undefined && <>{t(enquiry.label)}：</>}
              {enquiry.kind === 'phone' ? <a href={`tel:${enquiry.value.replace(/-/g, '')}`}>{enquiry.value}</a> : enquiry.value}
              <Sources sources={enquiry.sources} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {t({
            ja: 'この事件の問い合わせ先は、出典を確かめられたものがまだ記録されていません。通知に書かれた番号ではなく、会社の公式サイトで確かめてください。',
            en: 'No enquiry desk for this incident is on record with a source yet. Find it on the company’s official website, not from a number in a message.',
          })}
        </p>
      )}
      <Sources sources={affected.sources} />
    </section>
  );
}
