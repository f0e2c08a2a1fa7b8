import { useEffect, useId, useState, type FormEvent } from 'react';
import { searchOrganizations, type Organization } from '../../core/knowledge/organizations.js';
import type { IncidentSummary } from '../../core/registry/types.js';
import { searchIncidents } from '../api.js';
import { OfficialChannels } from '../channels.js';
import { useLang } from '../i18n.js';
import { Link, useRouter } from '../router.js';
import { Loading, PageTitle } from '../ui.js';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; incidents: IncidentSummary[] } | { kind: 'failed' };

export default function Search() {
  const { lang, t } = useLang();
  const { search, navigate } = useRouter();
  const query = search.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();

  useEffect(() => {
    setDraft(query);
    let current = true;
    setState({ kind: 'loading' });
    searchIncidents(query)
      .then((incidents) => current && setState({ kind: 'done', incidents }))
      .catch(() => current && setState({ kind: 'failed' }));
    return () => {
      current = false;
    };
  }, [query]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(draft.trim())}`);
  };

  return (
    <>
      <PageTitle title={{ ja: '漏えいした会社・事件を調べる', en: 'Look up a company or a data leak' }}>
        {t({ ja: '漏えいした会社・事件を調べる', en: 'Look up a company or a data leak' })}
      </PageTitle>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor={id} className="field-label">
          {t({ ja: '会社の名前や事件の名前（例：NTT西日本）', en: 'Company or incident name (for example, NTT West)' })}
        </label>
        <input id={id} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit" className="primary">
          {t({ ja: '調べる', en: 'Search' })}
        </button>
      </form>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && (
        <p className="error" role="alert">
          {t({ ja: '調べられませんでした。少し待ってから、もう一度お試しください。', en: 'The search did not work. Please wait a moment and try again.' })}
        </p>
      )}
      {state.kind === 'done' && (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`} role="status">
            {state.incidents.length === 0
              ? t({ ja: '事件の記録は見つかりませんでした', en: 'No incident on record' })
              : t({ ja: `${state.incidents.length} 件の事件`, en: `${state.incidents.length} incident${state.incidents.length === 1 ? '' : 's'}` })}
          </h2>
          {state.incidents.length === 0 && (
            <p>
              {t({
                ja: '別の言い方（会社の正式な名前、英語の名前など）でもお試しください。載っていなくても、その通知が偽物とは限りません。',
                en: 'Try another name (the full company name, or its Japanese name). An incident not listed here does not mean a notice is fake.',
              })}
            </p>
          )}
          <ul className="results">
            {state.incidents.map((incident) => (
              <li key={incident.id}>
                <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>
                  {incident.title[lang]}
                  {incident.announcedDate !== undefined && (
                    <span className="meta">
                      {t({ ja: '発表：', en: 'Announced: ' })}
                      {incident.announcedDate}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {query !== '' && <OfficialContacts organizations={searchOrganizations(query)} />}
    </>
  );
}

/** What the organizations themselves publish as their channels, each with its source:
 * the safe way to check a notice is through these, not through what the notice gives. */
function OfficialContacts({ organizations }: { organizations: Organization[] }) {
  const { t } = useLang();
  const id = useId();
  if (organizations.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-contacts`}>
      <h2 id={`${id}-contacts`}>{t({ ja: '会社・団体の公式の連絡先', en: 'Official contact details' })}</h2>
      <p>
        {t({
          ja: '会社・団体が自分で公表している連絡先です（出典つき）。届いた通知やメッセージに書かれた番号やリンクではなく、こちらで確かめてください。',
          en: 'These are the contact details the organizations publish themselves (with sources). Check with these, not with a number or link given in a notice or message.',
        })}
      </p>
      <ul className="organizations">
        {organizations.map((org) => (
          <li key={org.id} className="organization">
            <h3>{t(org.display)}</h3>
            <OfficialChannels organization={org} />
            <p>
              <Link to={`/org/${encodeURIComponent(org.id)}`}>
                {t({ ja: `${org.display.ja}のページ（漏えいの記録とお知らせの方法）`, en: `${org.display.en}: leaks on record and how it tells people` })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
