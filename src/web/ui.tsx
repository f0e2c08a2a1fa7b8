// Pieces every page uses: the page heading (focused after navigation so screen readers
// and keyboard users start at the top of the new page) and jargon with its explanation.
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './icons.js';
import { useLang, type Text } from './i18n.js';

export function PageTitle({ children, title }: { children: ReactNode; title: Text }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useLang();
  const documentTitle = `${t(title)} — leakaid`;
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** One-line explanations for words a reader may not know. */
export const GLOSSARY = {
  phishing: {
    term: { ja: 'フィッシング', en: 'Phishing' },
    text: {
      ja: '本物の会社や役所のふりをして、パスワードやカード番号、お金をだまし取ろうとするメッセージや電話のことです。',
      en: 'Messages or calls pretending to be a real company or public office, to trick you into giving passwords, card numbers or money.',
    },
  },
  url: {
    term: { ja: 'URL（ユーアールエル）', en: 'URL' },
    text: {
      ja: 'インターネット上の「住所」です。https:// などで始まる文字の並びで、押すとそのページが開きます。',
      en: 'The "address" of a page on the internet, like https://example.com; tapping it opens that page.',
    },
  },
  twoStep: {
    term: { ja: '二段階認証', en: 'Two-step verification' },
    text: {
      ja: 'パスワードに加えて、スマートフォンに届く番号なども入れないとログインできないようにする仕組みです。',
      en: 'Logging in needs a code sent to your phone as well as your password, so a stolen password alone is not enough.',
    },
  },
} satisfies Record<string, { term: Text; text: Text }>;

export function Glossary({ terms }: { terms: (keyof typeof GLOSSARY)[] }) {
  const { t } = useLang();
  return (
    <section className="glossary" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">{t({ ja: 'ことばの説明', en: 'What these words mean' })}</h2>
      <dl>
        {terms.map((key) => (
          <div key={key}>
            <dt>{t(GLOSSARY[key].term)}</dt>
            <dd>{t(GLOSSARY[key].text)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Loading() {
  const { t } = useLang();
  return (
    <p role="status" className="loading">
      {t({ ja: '読み込んでいます…', en: 'Loading…' })}
    </p>
  );
}

/** What stays on this device, said where the reader is about to type or tick. */
export function PrivacyNote({ text }: { text: Text }) {
  const { t } = useLang();
  return (
    <p className="privacy-note">
      <Icon name="lock" className="inline-icon" />
      {t(text)}
    </p>
  );
}
