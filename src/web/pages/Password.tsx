// Password check: strength with plain advice, and whether it appears in known leaks. Both
// run here; for the leak check only the first 5 characters of the password's SHA-1
// fingerprint go to the server, which answers with every fingerprint that starts that way.
import { useId, useState, type FormEvent } from 'react';
import { pwnedCount, strength, type StrengthResult } from '../../core/password/index.js';
import { Icon, type IconName } from '../icons.js';
import { useLang, type Text } from '../i18n.js';
import { Glossary, PageTitle, PrivacyNote } from '../ui.js';

const SCORE_VIEW: { icon: IconName; level: 'high' | 'medium' | 'low'; title: Text }[] = [
  { icon: 'danger', level: 'high', title: { ja: 'とても弱い：すぐに当てられてしまいます', en: 'Very weak: it can be guessed at once' } },
  { icon: 'danger', level: 'high', title: { ja: '弱い：当てられやすいパスワードです', en: 'Weak: easy to guess' } },
  { icon: 'warning', level: 'medium', title: { ja: 'ふつう：もう少し強くできます', en: 'Fair: it could be stronger' } },
  { icon: 'ok', level: 'low', title: { ja: '強い：当てられにくいパスワードです', en: 'Strong: hard to guess' } },
  { icon: 'ok', level: 'low', title: { ja: 'とても強い：当てられにくいパスワードです', en: 'Very strong: very hard to guess' } },
];

type Leak = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; count: number } | { kind: 'failed' };

export default function Password() {
  const { lang, t } = useLang();
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [result, setResult] = useState<StrengthResult | null>(null);
  const [leak, setLeak] = useState<Leak>({ kind: 'idle' });
  const id = useId();

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password === '') return;
    setResult(strength(password));
    setLeak({ kind: 'checking' });
    try {
      setLeak({ kind: 'done', count: await pwnedCount(password) });
    } catch {
      setLeak({ kind: 'failed' });
    }
  };

  const view = result === null ? undefined : SCORE_VIEW[result.score];
  return (
    <>
      <PageTitle title={{ ja: 'パスワードを確かめる', en: 'Check a password' }}>{t({ ja: 'パスワードを確かめる', en: 'Check a password' })}</PageTitle>
      <PrivacyNote
        text={{
          ja: 'パスワードは送りません。強さはこの端末の中で調べます。漏えいの確認では、パスワードから作った暗号のような文字の、最初の5文字だけを送ります。',
          en: 'Your password is not sent. Its strength is checked on this device; for the leak check only the first 5 characters of a scrambled fingerprint of it are sent.',
        }}
      />
      <form className="check-form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={id} className="field-label">
            {t({ ja: '確かめたいパスワード', en: 'The password to check' })}
          </label>
          <div className="password-row">
            <input
              id={id}
              type={visible ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setResult(null);
                setLeak({ kind: 'idle' });
              }}
            />
            <button type="button" className="secondary" aria-pressed={visible} onClick={() => setVisible(!visible)}>
              {t({ ja: '表示する', en: 'Show' })}
            </button>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t({ ja: '確かめる', en: 'Check' })}
          </button>
        </div>
      </form>

      {result !== null && view !== undefined && (
        <section className="result" aria-labelledby={`${id}-result`}>
          <div className={`verdict verdict-${view.level}`}>
            <Icon name={view.icon} className="verdict-icon" />
            <div>
              <h2 id={`${id}-result`}>{t(view.title)}</h2>
              <p>{result.summary[lang]}</p>
            </div>
          </div>
          {(result.warning !== null || result.japaneseHabits.length > 0 || result.suggestions.length > 0) && (
            <>
              <h3>{t({ ja: 'もっと強くするには', en: 'How to make it stronger' })}</h3>
              <ul>
                {result.warning !== null && <li>{result.warning[lang]}</li>}
                {result.japaneseHabits.map((habit, index) => (
                  <li key={`habit-${index}`}>{habit.message[lang]}</li>
                ))}
                {result.suggestions.map((suggestion, index) => (
                  <li key={`suggestion-${index}`}>{suggestion[lang]}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t({ ja: '漏えいしたパスワードの中にあるか', en: 'Is it among leaked passwords?' })}</h3>
          <p role="status">
            {leak.kind === 'checking' && t({ ja: '調べています…', en: 'Checking…' })}
            {leak.kind === 'failed' &&
              t({ ja: 'いまは調べられませんでした。時間をおいてお試しください。', en: 'This could not be checked right now. Please try again later.' })}
            {leak.kind === 'done' &&
              (leak.count > 0
                ? t({
                    ja: `このパスワードは、漏えいしたデータの中に ${leak.count.toLocaleString('ja-JP')} 回 見つかりました。使っているなら、すぐに変えてください。`,
                    en: `This password was found ${leak.count.toLocaleString('en-GB')} times in leaked data. If you use it, change it now.`,
                  })
                : t({
                    ja: '手もとの漏えいデータの中には見つかりませんでした。',
                    en: 'It was not found in the leaked data we have.',
                  }))}
          </p>
        </section>
      )}
      <section className="calm" aria-labelledby={`${id}-tips`}>
        <h2 id={`${id}-tips`}>{t({ ja: '安全なパスワードのコツ', en: 'Tips for a safe password' })}</h2>
        <ul>
          <li>{t({ ja: 'サービスごとに別のパスワードにする。', en: 'Use a different password for each service.' })}</li>
          <li>{t({ ja: '誕生日や電話番号は使わない。', en: 'Do not use birthdays or phone numbers.' })}</li>
          <li>{t({ ja: '使えるところでは二段階認証を設定する。', en: 'Turn on two-step verification wherever you can.' })}</li>
        </ul>
      </section>
      <Glossary terms={['twoStep', 'phishing']} />
    </>
  );
}
