import { lazy, Suspense } from 'react';
import { useLang } from './i18n.js';
import { Link, useRouter } from './router.js';
import { Home } from './pages/Home.js';
import { NotFound } from './pages/NotFound.js';
import { Loading } from './ui.js';

// The checker and its data (organizations, lure phrases, the text model) load only when
// the check page opens, so the first screen stays small.
const Check = lazy(() => import('./pages/Check.js'));
const Incident = lazy(() => import('./pages/Incident.js'));
// Search also looks through the organizations' data (names, domains, sources).
const Search = lazy(() => import('./pages/Search.js'));
const Plan = lazy(() => import('./pages/Plan.js'));
// "Which of my companies leaked?" and organization pages read the registry (and the organizations' data).
const Mine = lazy(() => import('./pages/Mine.js'));
const Organization = lazy(() => import('./pages/Organization.js'));
// Checking a notice reads the organizations' data, and jsQR where the browser has no QR reader.
const Verify = lazy(() => import('./pages/Verify.js'));
// The password dictionaries are large too.
const Password = lazy(() => import('./pages/Password.js'));
// Organizations' notice linter runs the checker too.
const NoticeLint = lazy(() => import('./pages/NoticeLint.js'));

const INCIDENT_PATH = /^\/incidents\/([^/]+)$/;
const ORGANIZATION_PATH = /^\/org\/([^/]+)$/;

function Page() {
  const { path } = useRouter();
  if (path === '/') return <Home />;
  if (path === '/check') return <Check />;
  if (path === '/search') return <Search />;
  if (path === '/plan') return <Plan />;
  if (path === '/password') return <Password />;
  if (path === '/mine') return <Mine />;
  if (path === '/notice-lint') return <NoticeLint />;
  if (path === '/verify') return <Verify />;
  const incident = INCIDENT_PATH.exec(path);
  if (incident?.[1]) return <Incident id={decodeURIComponent(incident[1])} />;
  const organization = ORGANIZATION_PATH.exec(path);
  if (organization?.[1]) return <Organization id={decodeURIComponent(organization[1])} />;
  return <NotFound />;
}

export function App() {
  const { lang, setLang, t } = useLang();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <>
      <a className="skip-link" href="#main">
        {t({ ja: '本文へ移動', en: 'Skip to content' })}
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          leakaid
          <span className="site-tagline">{t({ ja: '個人情報が漏れたときの相談窓口', en: 'Help when your data has leaked' })}</span>
        </Link>
        <button type="button" className="lang-switch" lang={other} onClick={() => setLang(other)}>
          {other === 'en' ? 'English' : '日本語'}
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t({
            ja: '確かめる文章は、お使いの端末の中だけで調べます。どこにも送られず、保存もされません。',
            en: 'Messages you check are examined only on your own device. They are never sent anywhere or stored.',
          })}
        </p>
      </footer>
    </>
  );
}
