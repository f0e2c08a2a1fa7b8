// "Which of my companies leaked?": a person picks the companies and public bodies they
// deal with (phone company, bank, card, shops, city) and sees the leaks on record for
// them, newest first, with what leaked and what did not, and a way to the plan. The
// registry in brief is fetched whole when the page opens, before anything is picked;
// the picks are matched here, in the browser, and kept only in this browser's storage.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { dataClassLabel } from '../../core/registry/data-classes.js';
import { incidentsForPicks, type IncidentIndexEntry } from '../../core/registry/incident-index.js';
import { INCIDENT_STATUS_LABELS } from '../../core/registry/labels.js';
import { buildDirectory, suggestOrganizations, type DirectoryOrganization } from '../../core/registry/organization-directory.js';
import { getIncidentIndex } from '../api.js';
import { Icon } from '../icons.js';
import { useLang } from '../i18n.js';
import { Link } from '../router.js';
import { Loading, PageTitle, PrivacyNote } from '../ui.js';

const STORAGE_KEY = 'leakaid.mine';
/** A household deals with a few dozen companies at most; a longer list is not one person's, and it bounds what is kept in storage. */
const MAX_PICKS = 100;

type IndexState =
  | { kind: 'loading' }
  | { kind: 'done'; entries: IncidentIndexEntry[]; directory: DirectoryOrganization[] }
  | { kind: 'failed' };

function loadPicks(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, MAX_PICKS) : [];
  } catch {
    // Storage refused (private browsing) or damaged: start with nothing picked.
    return [];
  }
}

function savePicks(picks: readonly string[]): void {
  try {
    if (picks.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(picks));
  } catch {
    // Storage refused: the picks still work for this visit.
  }
}

export default function Mine() {
  const { t } = useLang();
  const [index, setIndex] = useState<IndexState>({ kind: 'loading' });
  const [picks, setPicks] = useState<string[]>(loadPicks);

  useEffect(() => {
    let current = true;
    getIncidentIndex()
      .then((entries) => current && setIndex({ kind: 'done', entries, directory: buildDirectory(entries) }))
      .catch(() => current && setIndex({ kind: 'failed' }));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => savePicks(picks), [picks]);

  const title = { ja: '自分が利用している会社で、漏えいはあった？', en: 'Did any company I use have a data leak?' };
  return (
    <>
      <PageTitle title={title}>{t(title)}</PageTitle>
      <p className="lead">
        {t({
          ja: '携帯電話の会社、銀行、カード、よく使うお店、住んでいる市や町など、あなたが利用している会社・団体を選んでください。記録にある漏えいを、新しい順にお見せします。',
          en: 'Choose the companies and public bodies you deal with — your phone company, bank, card, the shops you use, your city or town. You will see the leaks on record for them, newest first.',
        })}
      </p>
      <PrivacyNote
        text={{
          ja: '選んだ会社は、この端末の中だけで調べます。どこにも送られません。次に開いたときのために、このブラウザの中にだけ覚えておきます。',
          en: 'The companies you choose are looked up only on this device and are never sent anywhere. They are remembered only in this browser, for your next visit.',
        }}
      />
      {index.kind === 'loading' && <Loading />}
      {index.kind === 'failed' && (
        <p className="error" role="alert">
          {t({ ja: '記録を読み込めませんでした。少し待ってから、ページを開き直してください。', en: 'The records could not be loaded. Please wait a moment and open the page again.' })}
        </p>
      )}
      {index.kind === 'done' && <MineView entries={index.entries} directory={index.directory} picks={picks} setPicks={setPicks} />}
    </>
  );
}

function MineView({
  entries,
  directory,
  picks,
  setPicks,
}: {
  entries: IncidentIndexEntry[];
  directory: DirectoryOrganization[];
  picks: string[];
  setPicks: (update: (picks: string[]) => string[]) => void;
}) {
  const { lang, t } = useLang();
  const byId = useMemo(() => new Map(directory.map((o) => [o.id, o])), [directory]);
  // Picks kept from an earlier visit whose organization is no longer on record are left out.
  const known = useMemo(() => picks.filter((id) => byId.has(id)), [picks, byId]);
  const results = useMemo(() => incidentsForPicks(entries, known), [entries, known]);
  const withLeaks = new Set(results.flatMap((r) => r.picked.map((a) => a.organizationId)));
  const nothingOnRecord = known.filter((id) => !withLeaks.has(id));
  const name = (id: string): string => byId.get(id)?.display[lang] ?? id;
  const separator = lang === 'ja' ? '、' : ', ';
  const pick = (org: DirectoryOrganization): void => setPicks((list) => (list.includes(org.id) || list.length >= MAX_PICKS ? list : [...list, org.id]));
  const pickerId = useId();
  const unpick = (id: string): void => {
    setPicks((list) => list.filter((p) => p !== id));
    // The button goes away with the pick: keep keyboard users in the text box, not at the top of the page.
    document.getElementById(pickerId)?.focus();
  };

  return (
    <>
      <OrganizationPicker id={pickerId} directory={directory} picked={known} onPick={pick} full={known.length >= MAX_PICKS} />
      {known.length > 0 && (
        <section aria-labelledby="picked-heading">
          <h2 id="picked-heading">{t({ ja: `選んだ会社・団体（${known.length}）`, en: `Your companies (${known.length})` })}</h2>
          <ul className="picks">
            {known.map((id) => (
              <li key={id} data-organization={id}>
                <span>{name(id)}</span>
                <button type="button" className="secondary" aria-label={t({ ja: `${name(id)}を外す`, en: `Remove ${name(id)}` })} onClick={() => unpick(id)}>
                  {t({ ja: '外す', en: 'Remove' })}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => setPicks(() => [])}>
            {t({ ja: 'すべて外す', en: 'Remove all' })}
          </button>
        </section>
      )}
      <section aria-labelledby="mine-results-heading" className="mine-results" data-picks={known.length}>
        <h2 id="mine-results-heading" role="status">
          {known.length === 0
            ? t({ ja: 'まだ何も選んでいません', en: 'Nothing chosen yet' })
            : results.length === 0
              ? t({ ja: '選んだ会社・団体の漏えいは、記録にありません', en: 'No leak on record for the companies you chose' })
              : t({ ja: `記録にある漏えい：${results.length} 件（新しい順）`, en: `${results.length} leak${results.length === 1 ? '' : 's'} on record (newest first)` })}
        </h2>
        {/* Said first, so that it is not missed below a long list. */}
        {nothingOnRecord.length > 0 && (
          <div className="mine-none">
            <p>
              {t({ ja: '次の会社・団体の漏えいは、記録にありません：', en: 'No leak on record for: ' })}
              {nothingOnRecord.map(name).join(lang === 'ja' ? '、' : ', ')}
            </p>
            <p>
              {t({
                ja: '記録にないことは「漏れていない」という意味ではありません。気になるお知らせが届いたら、確かめるページで調べられます。',
                en: 'Not being on record does not mean nothing leaked. If a notice worries you, you can check it on the check page.',
              })}{' '}
              <Link to="/check">{t({ ja: '届いたお知らせを確かめる', en: 'Check a notice you received' })}</Link>
            </p>
          </div>
        )}
        <ul className="mine-list">
          {results.map(({ entry, picked }) => (
            <li key={entry.id} className="mine-incident">
              <h3>
                <Link to={`/incidents/${encodeURIComponent(entry.id)}`}>{t(entry.title)}</Link>
              </h3>
              <p className="meta">
                {entry.date !== undefined && (
                  <>
                    {t({ ja: '発表：', en: 'Announced: ' })}
                    <time dateTime={entry.date}>{entry.date}</time>
                    {' — '}
                  </>
                )}
                {t(INCIDENT_STATUS_LABELS[entry.status])}
              </p>
              {picked.map((affected) => (
                <div key={affected.organizationId} className="mine-affected">
                  <p className="mine-org">
                    <Link to={`/org/${encodeURIComponent(affected.organizationId)}`}>{name(affected.organizationId)}</Link>
                  </p>
                  <p className="leaked mine-box">
                    <Icon name="warning" className="inline-icon" />
                    <strong>{t({ ja: '漏れたもの：', en: 'What leaked: ' })}</strong>
                    {affected.dataClasses.length > 0
                      ? affected.dataClasses.map((id) => t(dataClassLabel(id))).join(separator)
                      : t({ ja: 'まだわかっていません', en: 'not known yet' })}
                  </p>
                  {affected.notExposed.length > 0 ? (
                    <p className="not-leaked mine-box">
                      <Icon name="ok" className="inline-icon" />
                      <strong>{t({ ja: '漏れていないもの：', en: 'What did NOT leak: ' })}</strong>
                      {affected.notExposed.map((id) => t(dataClassLabel(id))).join(separator)}
                    </p>
                  ) : (
                    // Silence in the announcements is not reassurance: no green box for it.
                    <p className="not-stated mine-box">
                      <strong>{t({ ja: '漏れていないもの：', en: 'What did NOT leak: ' })}</strong>
                      {t({ ja: '発表では触れられていません', en: 'not stated in the announcements' })}
                    </p>
                  )}
                  <p className="actions">
                    <Link
                      to={`/plan?incident=${encodeURIComponent(entry.id)}&org=${encodeURIComponent(affected.organizationId)}`}
                      className="button-link"
                    >
                      {t({ ja: 'やることリストを作る', en: 'Make a to-do list' })}
                    </Link>
                  </p>
                </div>
              ))}
              {entry.fromHibp === true && (
                <p className="sources">
                  {t({ ja: 'データ提供：Have I Been Pwned（CC BY 4.0）', en: 'Data: Have I Been Pwned (CC BY 4.0)' })}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** A text box with suggestions (the ARIA combobox pattern): type any form of a name —
 * kanji, kana, English — then choose with a tap, or with the arrow keys and Enter. */
function OrganizationPicker({
  id,
  directory,
  picked,
  onPick,
  full,
}: {
  /** The text box's id. */
  id: string;
  directory: DirectoryOrganization[];
  picked: string[];
  onPick: (org: DirectoryOrganization) => void;
  full: boolean;
}) {
  const { lang, t } = useLang();
  const listId = `${id}-suggestions`;
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const suggestions = useMemo(
    () => suggestOrganizations(directory, typed).filter((org) => !picked.includes(org.id)),
    [directory, typed, picked],
  );
  const open = typed.trim() !== '' && suggestions.length > 0;
  const other = lang === 'ja' ? 'en' : 'ja';

  const choose = (org: DirectoryOrganization): void => {
    onPick(org);
    setTyped('');
    setActive(0);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = suggestions[Math.min(active, suggestions.length - 1)];
      if (chosen !== undefined) choose(chosen);
    } else if (event.key === 'Escape') {
      setTyped('');
      setActive(0);
    }
  };

  return (
    <div className="picker">
      <label htmlFor={id} className="field-label">
        {t({ ja: '会社・団体の名前（例：NTT西日本、楽天カード、ゆうちょ銀行、市の名前）', en: 'Company or public body (for example: NTT West, Rakuten Card, Japan Post Bank, your city)' })}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t({
          ja: '漢字・ひらがな・カタカナ・英語のどれでも探せます。候補を押すと選べます。',
          en: 'Type in Japanese or English; tap a suggestion to choose it.',
        })}
      </p>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
        value={typed}
        disabled={full}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="picker-input"
      />
      <ul id={listId} role="listbox" aria-label={t({ ja: '候補', en: 'Suggestions' })} className="suggestions" hidden={!open}>
        {open &&
          suggestions.map((org, i) => (
            <li
              key={org.id}
              id={`${listId}-${i}`}
              data-organization={org.id}
              role="option"
              aria-selected={i === Math.min(active, suggestions.length - 1)}
              className="suggestion"
              // Keep the focus in the text box, so the next name can be typed at once.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(org)}
            >
              <span className="suggestion-name">{org.display[lang]}</span>
              {org.display[other] !== org.display[lang] && <span className="suggestion-other" lang={other}>{org.display[other]}</span>}
            </li>
          ))}
      </ul>
      {full && (
        <p role="status" className="hint">
          {t({ ja: `選べるのは ${MAX_PICKS} 件までです。いくつか外すと、また選べます。`, en: `You can choose up to ${MAX_PICKS}. Remove some to choose others.` })}
        </p>
      )}
      {typed.trim() !== '' && suggestions.length === 0 && (
        <p role="status" className="hint">
          {t({
            ja: 'この名前の会社・団体は、記録の中に見つかりません。別の書き方（正式な名前、カタカナ、英語など）でもお試しください。',
            en: 'No company or public body by that name is on record. Try another form of the name (the full name, katakana, English).',
          })}
        </p>
      )}
    </div>
  );
}
