import { useLang } from '../i18n.js';
import { Link } from '../router.js';
import { PageTitle } from '../ui.js';

export function NotFound() {
  const { t } = useLang();
  return (
    <>
      <PageTitle title={{ ja: 'ページが見つかりません', en: 'Page not found' }}>
        {t({ ja: 'ページが見つかりません', en: 'Page not found' })}
      </PageTitle>
      <p>
        <Link to="/">{t({ ja: 'ホームに戻る', en: 'Back to the home page' })}</Link>
      </p>
    </>
  );
}
