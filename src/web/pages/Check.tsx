// The check page. The checker (src/core) runs here, in the browser: the message is read
// from the text box or the chosen file and never leaves this page.
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { checkMessage, toMessage, type ChannelHint, type CheckResult } from '../../core/check.js';
import { NEVER_ASKED, requestViews, type RequestView } from '../../core/extract/request-words.js';
import type { ExtractedRequest } from '../../core/extract/requests.js';
import { organizationName } from '../../core/knowledge/organizations.js';
import { MAX_INPUT_BYTES } from '../../core/limits.js';
import { InputTooLargeError, NothingToCheckError } from '../../core/message/errors.js';
import type { Message } from '../../core/message/types.js';
import { evidenceLocator } from '../../core/normalize/index.js';
import { SEED_INCIDENTS } from '../../core/registry/seed.js';
import type { Incident, IncidentMatch } from '../../core/registry/types.js';
import type { Reason, Risk } from '../../core/verdict/types.js';
import { getNoticeRecords } from '../api.js';
import { Icon, type IconName } from '../icons.js';
import { useLang, type Text } from '../i18n.js';
import { Link } from '../router.js';
import { Glossary, PageTitle, PrivacyNote } from '../ui.js';
import { highlightSegments, type Highlight } from './highlight.js';

const MAX_INPUT_MB = MAX_INPUT_BYTES / (1024 * 1024);

type Source = 'letter' | 'email' | 'sms' | 'call';

const SOURCES: { value: Source; label: Text }[] = [
  { value: 'letter', label: { ja: 'はがき・手紙', en: 'Postcard or letter' } },
  { value: 'email', label: { ja: 'メール', en: 'Email' } },
  { value: 'sms', label: { ja: 'SMS（携帯電話のショートメッセージ）', en: 'Text message (SMS)' } },
  { value: 'call', label: { ja: '電話（言われた内容を書いてください）', en: 'Phone call (write down what was said)' } },
];

const RISK_VIEW: Record<Risk, { icon: IconName; title: Text; text: Text }> = {
  high: {
    icon: 'danger',
    title: { ja: '危険：詐欺の可能性が高いです', en: 'Danger: this is very likely a scam' },
    text: {
      ja: 'リンクを開いたり、電話をかけたり、返信したりしないでください。',
      en: 'Do not open its links, call its numbers or reply to it.',
    },
  },
  medium: {
    icon: 'warning',
    title: { ja: '注意：詐欺の疑いがあります', en: 'Be careful: this may be a scam' },
    text: {
      ja: 'すぐには行動せず、下の「次にすること」を先に読んでください。',
      en: 'Do not act on it yet; read “What to do next” below first.',
    },
  },
  low: {
    icon: 'ok',
    title: { ja: '危険な点は見つかりませんでした', en: 'We found nothing dangerous' },
    text: {
      ja: 'ただし、絶対に安全とは言い切れません。お金や暗証番号を求められたら、公式の窓口で確かめてください。',
      en: 'That is not a guarantee. If it asks for money or a PIN, check with the official contact point first.',
    },
  },
};

/** The medium view of a message that only looks like mass mail (CheckResult.bulk). */
const BULK_VIEW: (typeof RISK_VIEW)[Risk] = {
  icon: 'warning',
  title: { ja: '注意：広告・宣伝メールのようです', en: 'Be careful: this looks like advertising mail' },
  text: {
    ja: 'お金や個人情報を求める文面など、詐欺とはっきり言える点は見つかりませんでした。それでも、リンクは開かないでください。',
    en: 'We found nothing that clearly marks it as a scam, such as a request for money or personal details. Still, do not open its links.',
  },
};

const SEVERITY_LABEL: Record<Reason['severity'], Text> = {
  high: { ja: '危険', en: 'Danger' },
  medium: { ja: '注意', en: 'Caution' },
  low: { ja: '少し気になる点', en: 'Minor' },
  info: { ja: '参考', en: 'For information' },
  positive: { ja: '安心できる点', en: 'Reassuring' },
};

/** Kana or kanji: words to mark as Japanese inside an English page. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

type Locate = ReturnType<typeof evidenceLocator>;

/** What the message asks, as shown: each once, the dangerous first, in its own words
 * (the checker quotes the text folded: full-width letters, case, spaces inside words). */
function shownRequests(requests: readonly ExtractedRequest[], text: string, locate: Locate): (RequestView & { key: string })[] {
  return requestViews(requests).map((view) => {
    const span = locate(view.evidence);
    const evidence = span === null ? view.evidence : text.slice(span[0], span[1]);
    return { ...view, key: `${view.act.ja}|${view.pretext?.ja ?? ''}`, evidence };
  });
}

interface Outcome {
  result: CheckResult;
  message: Message;
}

export default function Check() {
  const { lang, t } = useLang();
  const [source, setSource] = useState<Source | null>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  // The registry's records, fetched as the page opens (before anything is typed); until
  // they arrive, or when the server cannot be reached, the records built into the checker.
  const [incidents, setIncidents] = useState<Incident[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    getNoticeRecords()
      .then((records) => current && setIncidents(records))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    if (file === null && text.trim() === '') {
      setError(t({ ja: '確かめたい文章を入れるか、ファイルを選んでください。', en: 'Paste the text, or choose a file, first.' }));
      return;
    }
    setBusy(true);
    try {
      const hint: ChannelHint = source ?? 'auto';
      const message =
        file !== null
          ? await toMessage({ id: file.name, bytes: new Uint8Array(await file.arrayBuffer()), channel: file.name.toLowerCase().endsWith('.eml') ? 'email' : hint })
          : await toMessage({ id: 'message', text, channel: hint });
      setOutcome({ result: checkMessage(file?.name ?? 'message', message, { incidents: incidents ?? SEED_INCIDENTS }), message });
      // Let the result render, then take the reader (and screen readers) to it.
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (caught) {
      setOutcome(null);
      setError(
        caught instanceof InputTooLargeError
          ? t({ ja: `ファイルが大きすぎます（${MAX_INPUT_MB} MB まで）。メール1通ずつ保存してお試しください。`, en: `The file is too large (${MAX_INPUT_MB} MB at most). Save one email per file and try again.` })
          : caught instanceof NothingToCheckError
            ? t({ ja: '確かめる内容が見つかりませんでした。届いた文章をそのまま貼り付けるか、メールのファイルを選んでください。', en: 'There is nothing to check. Paste the text you received, or choose the email file.' })
            : t({ ja: 'この内容は読み取れませんでした。別の形で保存してお試しください。', en: 'This could not be read. Try saving it another way.' }),
      );
    } finally {
      setBusy(false);
    }
  };

  const clear = (): void => {
    setText('');
    setFile(null);
    setOutcome(null);
    setError(null);
  };

  return (
    <>
      <PageTitle title={{ ja: '通知・メッセージを確かめる', en: 'Check a notice or message' }}>
        {t({ ja: '届いた通知・メッセージを確かめる', en: 'Check a notice or message you received' })}
      </PageTitle>
      <PrivacyNote
        text={{
          ja: '入れた文章は、この端末の中だけで調べます。インターネットには送られません。',
          en: 'What you enter is checked on this device only. It is not sent over the internet.',
        }}
      />

      <form onSubmit={(event) => void onSubmit(event)} className="check-form" noValidate>
        <fieldset>
          <legend>{t({ ja: '1. どのように届きましたか？', en: '1. How did you receive it?' })}</legend>
          <div className="radio-list">
            {SOURCES.map((option) => (
              <label key={option.value} className="radio">
                <input
                  type="radio"
                  name="source"
                  value={option.value}
                  checked={source === option.value}
                  onChange={() => setSource(option.value)}
                />
                <span>{t(option.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={`${ids}-text`} className="field-label">
            {t({ ja: '2. 内容をここに貼り付けるか、書き写してください', en: '2. Paste or type the message here' })}
          </label>
          <p className="hint" id={`${ids}-text-hint`}>
            {t({
              ja: 'はがきや電話の場合は、書かれていたこと・言われたことをそのまま入れてください。',
              en: 'For a postcard or a call, type what it says or what you were told.',
            })}
          </p>
          <textarea
            id={`${ids}-text`}
            aria-describedby={`${ids}-text-hint`}
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
            disabled={file !== null}
          />
        </div>

        <div className="field">
          <p className="field-label" id={`${ids}-file-label`}>
            {t({ ja: 'または、保存したメールのファイル（.eml）を選ぶ', en: 'Or choose a saved email file (.eml)' })}
          </p>
          {/* The browser's own file button speaks the browser's language, not the page's;
              this label is the visible button and the input stays focusable for keyboards. */}
          <label className="file-button">
            <input
              type="file"
              className="visually-hidden"
              aria-labelledby={`${ids}-file-label`}
              accept=".eml,.txt,message/rfc822,text/plain"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            {t({ ja: 'ファイルを選ぶ', en: 'Choose a file' })}
          </label>
          <span className="file-name" aria-live="polite">
            {file === null ? t({ ja: '選ばれていません', en: 'No file chosen' }) : file.name}
          </span>
        </div>

        {error !== null && (
          <p className="error" role="alert">
            {error}
          </p>
        )}

        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t({ ja: '確かめています…', en: 'Checking…' }) : t({ ja: '確かめる', en: 'Check' })}
          </button>
          <button type="reset" className="secondary" onClick={clear}>
            {t({ ja: '消す', en: 'Clear' })}
          </button>
        </div>
      </form>

      {outcome !== null && <Result outcome={outcome} headingRef={resultHeading} lang={lang} />}
      <Glossary terms={['phishing', 'url']} />
    </>
  );
}

function Result({ outcome, headingRef, lang }: { outcome: Outcome; headingRef: RefObject<HTMLHeadingElement | null>; lang: 'ja' | 'en' }) {
  const { t } = useLang();
  const { result, message } = outcome;
  const view = result.bulk ? BULK_VIEW : RISK_VIEW[result.risk];
  // The result type says null until the registry matches notices; read it as the match it will be.
  const incident = result.incident as IncidentMatch | null;
  const locate = evidenceLocator(message.text);
  const highlights: Highlight[] = result.reasons.flatMap((reason, index) => {
    const number = index + 1;
    if (reason.location?.field === 'text') return [{ span: reason.location.span, severity: reason.severity, number }];
    const span = reason.location === undefined ? locate(reason.evidence) : null;
    return span === null ? [] : [{ span, severity: reason.severity, number }];
  });
  const [firstAdvice, ...moreAdvice] = result.advice;
  const requests = shownRequests(result.requests, message.text, locate);
  return (
    <section className="result" aria-labelledby="result-heading">
      <div className={`verdict verdict-${result.risk}`}>
        <Icon name={view.icon} className="verdict-icon" />
        <div>
          <h2 id="result-heading" ref={headingRef} tabIndex={-1}>
            {t(view.title)}
          </h2>
          <p>{t(view.text)}</p>
        </div>
      </div>

      {firstAdvice !== undefined && (
        <section className="next-step" aria-labelledby="next-step-heading">
          <h3 id="next-step-heading">{t({ ja: '次にすること', en: 'What to do next' })}</h3>
          <p className="next-step-main">{firstAdvice.message[lang]}</p>
          {moreAdvice.length > 0 && (
            <ul>
              {moreAdvice.map((advice) => (
                <li key={advice.code}>{advice.message[lang]}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {requests.length > 0 && (
        <section className="requests" aria-labelledby="requests-heading">
          <h3 id="requests-heading">{t({ ja: 'このメッセージがあなたに求めていること', en: 'What this message asks you to do' })}</h3>
          <ul className="request-list">
            {requests.map((request) => (
              <li key={request.key} className={request.dangerous ? 'request request-danger' : 'request'}>
                {request.dangerous && (
                  <span className="request-label">
                    <Icon name="danger" className="inline-icon" />
                    {t({ ja: '危険', en: 'Danger' })}
                  </span>
                )}
                <span className="request-act">{t(request.act)}</span>
                {request.pretext !== null && (
                  <span className="request-pretext">
                    {t({ ja: '理由：', en: 'Reason given: ' })}
                    {t(request.pretext)}
                  </span>
                )}
                {request.dangerous && (
                  <span className="request-never">{t(NEVER_ASKED)}</span>
                )}
                <span className="request-evidence">
                  {t({ ja: '書かれていた言葉：', en: 'Its words: ' })}
                  <span lang={JAPANESE.test(request.evidence) ? 'ja' : undefined}>{`「${request.evidence}」`}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {incident !== null && (
        <section className="matched-incident" aria-labelledby="incident-heading">
          <h3 id="incident-heading">{t({ ja: '関係する漏えい事件', en: 'The data leak it refers to' })}</h3>
          <p>
            <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title[lang]}</Link>
          </p>
          <p>
            {incident.consistent
              ? t({ ja: '内容は、記録されている事件の情報と合っています。', en: 'What it says agrees with the incident on record.' })
              : t({ ja: '記録されている事件の情報と合わない点があります：', en: 'Some of it does not agree with the incident on record:' })}
          </p>
          {incident.differences.length > 0 && (
            <ul>
              {incident.differences.map((difference) => (
                <li key={`${difference.code}:${difference.evidence}`}>{difference.message[lang]}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {incident === null && result.claimed.organizations.length > 0 && (
        <section className="claimed" aria-labelledby="claimed-heading">
          <h3 id="claimed-heading">{t({ ja: '名乗っている会社', en: 'Who it claims to be from' })}</h3>
          <ul>
            {result.claimed.organizations.map((id) => (
              <li key={id}>
                {organizationName(id, lang)}{' '}
                <Link to={`/org/${encodeURIComponent(id)}`}>
                  {t({ ja: 'この会社の公式の連絡先と漏えいの記録', en: 'This company’s official contact details and leaks on record' })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.reasons.length > 0 && (
        <section aria-labelledby="reasons-heading">
          <h3 id="reasons-heading">{t({ ja: 'そう判断した理由', en: 'Why we think so' })}</h3>
          <ol className="reasons">
            {result.reasons.map((reason, index) => (
              <li key={`${reason.code}:${index}`} className={`reason reason-${reason.severity}`}>
                <span className="reason-label">
                  <span className="reason-number">{index + 1}</span> {t(SEVERITY_LABEL[reason.severity])}
                </span>
                <span className="reason-text">{reason.message[lang]}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {message.text !== '' && (
        <section aria-labelledby="text-heading">
          <h3 id="text-heading">{t({ ja: '調べた文章（気になる部分に印）', en: 'The text we checked (parts of concern marked)' })}</h3>
          <div className="checked-text">
            {highlightSegments(message.text, highlights).map((segment, index) =>
              segment.highlight === null ? (
                <span key={index}>{segment.text}</span>
              ) : (
                <mark key={index} className={`mark-${segment.highlight.severity}`}>
                  {segment.text}
                  <sup className="mark-number">
                    <span className="visually-hidden">{t({ ja: '（理由 ', en: ' (reason ' })}</span>
                    {segment.highlight.number}
                    <span className="visually-hidden">{t({ ja: '）', en: ')' })}</span>
                  </sup>
                </mark>
              ),
            )}
          </div>
        </section>
      )}
    </section>
  );
}
