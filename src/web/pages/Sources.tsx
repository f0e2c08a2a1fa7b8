// The sources behind a fact, as one line of links: every page that states a fact from
// the registry says where it comes from.
import type { Source } from '../../core/registry/types.js';
import { useLang } from '../i18n.js';

export function Sources({ sources }: { sources: Source[] }) {
  const { t } = useLang();
  if (sources.length === 0) return null;
  return (
    <p className="sources">
      {t({ ja: '出典：', en: 'Sources: ' })}
      {sources.map((source, index) => (
        <span key={`${source.url ?? source.publisher}:${index}`}>
          {index > 0 && '、'}
          <SourceName source={source} />
        </span>
      ))}
    </p>
  );
}

/** A source's publisher, linked when its address is on record, with its date. */
export function SourceName({ source }: { source: Source }) {
  return (
    <>
      {source.url !== undefined ? (
        <a href={source.url} rel="noreferrer">
          {source.publisher}
        </a>
      ) : (
        source.publisher
      )}
      {source.date !== undefined && ` (${source.date})`}
    </>
  );
}
