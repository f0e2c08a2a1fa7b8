import { useEffect, useId, useState, type FormEvent } from 'react';
// Organizations are looked up in the page: those of data/organizations.json at once, and
// with the registry in brief (fetched without the query) also those that only incidents name.
import { getOrganization, searchOrganizations } from '../../core/knowledge/organizations.js';
import { buildDirectory, suggestOrganizations, type DirectoryOrganization } from '../../core/registry/organization-directory.js';
import type { LocalizedText } from '../../core/verdict/types.js';
import type { IncidentSummary } from '../../core/registry/types.js';
import { getIncidentIndex, searchIncidents } from '../api.js';
import { hasChannels, OfficialChannels } from '../channels.js';
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
  const [directory, setDirectory] = useState<DirectoryOrganization[] | null>(null);
  const id = useId();

  useEffect(() => {
    let current = true;
    getIncidentIndex()
      .then((entries) => current && setDirectory(buildDirectory(entries)))
      // Without the index, the organizations of data/organizations.json are still found.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

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
      {query !== '' && (
        <OfficialContacts organizations={directory === null ? searchOrganizations(query) : suggestOrganizations(directory, query)} />
      )}
    </>
  );
}

/** What the organizations themselves publish as their channels, each with its source:
 * the safe way to check a notice is through these, not through what the notice gives. */
function OfficialContacts({ organizations }: { organizations: { id: string; display: LocalizedText }[] }) {
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
          <OrganizationCard key={org.id} id={org.id} display={org.display} />
        ))}
      </ul>
    </section>
  );
}

function OrganizationCard({ id, display }: { id: string; display: LocalizedText }) {
  const { t } = useLang();
  const known = getOrganization(id);
  return (
    <li className="organization">
      <h3>{t(display)}</h3>
      {known !== undefined && hasChannels(known) ? (
        <OfficialChannels organization={known} />
      ) : (
        <p>{t({ ja: '出典つきの公式の連絡先は、まだ記録されていません。', en: 'No official contact details with a source are on record yet.' })}</p>
      )}
      <p>
        <Link to={`/org/${encodeURIComponent(id)}`}>
          {t({ ja: `${display.ja}のページ（漏えいの記録とお知らせの方法）`, en: `${display.en}: leaks on record and how it tells people` })}
        </Link>
      </p>
    </li>
  );
}
