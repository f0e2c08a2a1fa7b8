// What the pages of one record (an incident, an organization) share: fetching it by id,
// and what to show while it loads, when it is not on record, or when it cannot be read.
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api.js';
import { useLang, type Text } from './i18n.js';
import { Link } from './router.js';
import { Loading, PageTitle } from './ui.js';

type RecordState<T> = { kind: 'loading' } | { kind: 'done'; record: T } | { kind: 'missing' } | { kind: 'failed' };

/**
 * Fetches the record `id` with `load` and shows it with `view`. `missing` titles the
 * page when the server does not know the id (404); `search` is the link offered then.
 */
export function RecordPage<T>({
  id,
  load,
  view,
  missing,
  search,
}: {
  id: string;
  load: (id: string) => Promise<T>;
  view: (record: T) => ReactNode;
  missing: Text;
  search: Text;
}) {
  const { t } = useLang();
  const [state, setState] = useState<RecordState<T>>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    load(id)
      .then((record) => current && setState({ kind: 'done', record }))
      .catch((error: unknown) => current && setState({ kind: error instanceof ApiError && error.status === 404 ? 'missing' : 'failed' }));
    return () => {
      current = false;
    };
  }, [id, load]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'done') return <>{view(state.record)}</>;
  const title = state.kind === 'missing' ? missing : { ja: '読み込めませんでした', en: 'This page could not be loaded' };
  return (
    <>
      <PageTitle title={title}>{t(title)}</PageTitle>
      <p>
        <Link to="/search">{t(search)}</Link>
      </p>
    </>
  );
}
