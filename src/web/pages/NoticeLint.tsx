// The notice linter for organizations. The linter (src/core/notice-lint, with the
// checker) runs here, in the browser: the draft is read from the text box or the chosen
// file and never leaves this page.
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { decodeText } from '../../core/message/decode-text.js';
import {
  DraftTooLargeError,
  EmptyDraftError,
  lintNotice,
  MAX_NOTICE_DRAFT_CHARS,
  needsChanges,
  type LintFinding,
  type LintSeverity,
  type NoticeChannel,
  type NoticeLint as Lint,
} from '../../core/notice-lint/index.js';
import { Icon, type IconName } from '../icons.js';
import { useLang, type Text } from '../i18n.js';
import { PageTitle, PrivacyNote } from '../ui.js';
import { highlightSegments, type Highlight } from './highlight.js';

/** Bytes of a file read into the text box: a draft at the linter's limit is at most three
 * bytes a character; a larger file is not a notice and is refused before it is read. */
const MAX_FILE_BYTES = 3 * MAX_NOTICE_DRAFT_CHARS;

const CHANNELS: { value: NoticeChannel; label: Text }[] = [
  { value: 'letter', label: { ja: 'はがき・封書', en: 'Postcard or letter' } },
  { value: 'email', label: { ja: 'メール', en: 'Email' } },
  { value: 'sms', label: { ja: 'SMS', en: 'Text message (SMS)' } },
];

const SEVERITY_VIEW: Record<LintSeverity, { label: Text; icon: IconName; className: string; mark: Highlight['severity'] }> = {
  'missing-required': { label: { ja: '必須項目の不足', en: 'Missing required part' }, icon: 'warning', className: 'lint-missing', mark: 'medium' },
  'looks-like-a-scam': { label: { ja: '詐欺に似た点', en: 'Looks like a scam' }, icon: 'danger', className: 'lint-scam', mark: 'high' },
  advice: { label: { ja: '助言', en: 'Advice' }, icon: 'list', className: 'lint-advice', mark: 'low' },
};

interface Outcome {
  draft: string;
  lint: Lint;
}

export default function NoticeLint() {
  const { t } = useLang();
  const [channel, setChannel] = useState<NoticeChannel>('letter');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const onFile = async (file: File | undefined): Promise<void> => {
    setError(null);
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(t({ ja: 'ファイルが大きすぎます。お知らせ文1通分のテキストファイルを選んでください。', en: 'The file is too large. Choose a text file with one notice.' }));
      return;
    }
    setText(decodeText(new Uint8Array(await file.arrayBuffer())));
    setFileName(file.name);
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const draft = text;
      setOutcome({ draft, lint: await lintNotice(draft, { channel }) });
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (caught) {
      setOutcome(null);
      setError(
        caught instanceof EmptyDraftError
          ? t({ ja: '点検するお知らせ文を貼り付けるか、ファイルを選んでください。', en: 'Paste the draft notice, or choose a file, first.' })
          : caught instanceof DraftTooLargeError
            ? t({
                ja: `お知らせ文が長すぎます（${MAX_NOTICE_DRAFT_CHARS.toLocaleString('ja-JP')}文字まで）。1通ずつ点検してください。`,
                en: `The draft is too long (${MAX_NOTICE_DRAFT_CHARS.toLocaleString('en')} characters at most). Check one notice at a time.`,
              })
            : t({ ja: 'この文章は点検できませんでした。', en: 'This draft could not be checked.' }),
      );
    } finally {
      setBusy(false);
    }
  };

  const clear = (): void => {
    setText('');
    setFileName(null);
    setOutcome(null);
    setError(null);
  };

  return (
    <>
      <PageTitle title={{ ja: 'お知らせ文の点検（事業者向け）', en: 'Check a draft notice (for organizations)' }}>
        {t({ ja: 'お知らせ文の点検（事業者向け）', en: 'Check a draft notice (for organizations)' })}
      </PageTitle>
      <p className="lead">
        {t({
          ja: '漏えいをお知らせする文書の下書きを点検します。法律で求められる項目がそろっているか、そして本物のお知らせが詐欺と間違われる書き方（ログインページへのリンク、カード番号の要求、急がせる言葉など）がないかを調べ、足すこと・消すことをお伝えします。',
          en: 'Check the draft of a letter or message that tells people their data leaked: whether it has the parts the law asks for, and whether anything in it makes a genuine notice look like a scam (links to log-in pages, requests for card numbers, pressure). You get what to add and what to remove.',
        })}
      </p>
      <PrivacyNote
        text={{
          ja: '下書きは、この端末の中だけで点検します。インターネットには送られず、保存もされません。',
          en: 'The draft is checked on this device only. It is not sent over the internet or stored.',
        }}
      />

      <form onSubmit={(event) => void onSubmit(event)} className="check-form" noValidate>
        <fieldset>
          <legend>{t({ ja: '1. どのように送りますか？', en: '1. How will you send it?' })}</legend>
          <div className="radio-list">
            {CHANNELS.map((option) => (
              <label key={option.value} className="radio">
                <input type="radio" name="channel" value={option.value} checked={channel === option.value} onChange={() => setChannel(option.value)} />
                <span>{t(option.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={`${ids}-text`} className="field-label">
            {t({ ja: '2. お知らせ文の下書きを貼り付けてください', en: '2. Paste the draft notice here' })}
          </label>
          <p className="hint" id={`${ids}-text-hint`}>
            {t({ ja: '日本語でも英語でも点検できます。', en: 'Japanese and English drafts can be checked.' })}
          </p>
          <textarea id={`${ids}-text`} aria-describedby={`${ids}-text-hint`} rows={12} value={text} onChange={(event) => setText(event.target.value)} />
        </div>

        <div className="field">
          <p className="field-label" id={`${ids}-file-label`}>
            {t({ ja: 'または、下書きのテキストファイル（.txt）を読み込む', en: 'Or load the draft from a text file (.txt)' })}
          </p>
          <label className="file-button">
            <input
              type="file"
              className="visually-hidden"
              aria-labelledby={`${ids}-file-label`}
              accept=".txt,text/plain"
              onChange={(event) => void onFile(event.target.files?.[0])}
            />
            {t({ ja: 'ファイルを選ぶ', en: 'Choose a file' })}
          </label>
          <span className="file-name" aria-live="polite">
            {fileName ?? t({ ja: '選ばれていません', en: 'No file chosen' })}
          </span>
        </div>

        {error !== null && (
          <p className="error" role="alert">
            {error}
          </p>
        )}

        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t({ ja: '点検しています…', en: 'Checking…' }) : t({ ja: '点検する', en: 'Check the draft' })}
          </button>
          <button type="reset" className="secondary" onClick={clear}>
            {t({ ja: '消す', en: 'Clear' })}
          </button>
        </div>
      </form>

      {outcome !== null && <Result outcome={outcome} headingRef={resultHeading} />}
    </>
  );
}

function Result({ outcome, headingRef }: { outcome: Outcome; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { lang, t } = useLang();
  const { draft, lint } = outcome;
  const clean = !needsChanges(lint);
  const highlights: Highlight[] = lint.findings.flatMap((finding, index) =>
    finding.spans.map((span) => ({ span, severity: SEVERITY_VIEW[finding.severity].mark, number: index + 1 })),
  );
  const markClass = (number: number): string => SEVERITY_VIEW[lint.findings[number - 1]!.severity].className;
  return (
    <section className="result" aria-labelledby="lint-heading">
      <div className={`verdict ${clean ? 'verdict-low' : 'verdict-medium'}`}>
        <Icon name={clean ? 'ok' : 'warning'} className="verdict-icon" />
        <div>
          <h2 id="lint-heading" ref={headingRef} tabIndex={-1}>
            {clean
              ? t({ ja: '必須の項目はそろっていて、詐欺に似た点は見つかりませんでした', en: 'Every required part is there, and nothing looks like a scam' })
              : t({ ja: '送る前に直してほしい点があります', en: 'Please fix a few things before sending' })}
          </h2>
          <p>
            {t({
              ja: `必須項目の不足 ${lint.counts['missing-required']} 件、詐欺に似た点 ${lint.counts['looks-like-a-scam']} 件、助言 ${lint.counts.advice} 件`,
              en: `${lint.counts['missing-required']} missing required part(s), ${lint.counts['looks-like-a-scam']} scam look-alike(s), ${lint.counts.advice} piece(s) of advice`,
            })}
          </p>
        </div>
      </div>

      {lint.findings.length > 0 && (
        <section aria-labelledby="findings-heading">
          <h3 id="findings-heading">{t({ ja: '直すこと（大事な順）', en: 'What to change (most important first)' })}</h3>
          <ol className="reasons lint-findings">
            {lint.findings.map((finding, index) => (
              <Finding key={finding.code} finding={finding} number={index + 1} draft={draft} />
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="parts-heading">
        <h3 id="parts-heading">{t({ ja: 'お知らせ文に含まれている項目', en: 'Parts found in the draft' })}</h3>
        <ul className="lint-parts">
          {lint.parts.map((part) => (
            <li key={part.part} className={part.present ? 'lint-part-present' : part.required ? 'lint-part-missing' : 'lint-part-optional'}>
              <span className="lint-part-state">
                {part.present
                  ? t({ ja: 'あり', en: 'Found' })
                  : part.required
                    ? t({ ja: 'なし（必須）', en: 'Missing (required)' })
                    : t({ ja: 'なし', en: 'Not found' })}
              </span>{' '}
              {t(part.label)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="draft-heading">
        <h3 id="draft-heading">{t({ ja: '点検した下書き（直す部分に印）', en: 'The draft we checked (parts to change marked)' })}</h3>
        <div className="checked-text" lang={lang === 'en' && /[\u3040-\u30ff\u4e00-\u9fff]/.test(draft) ? 'ja' : undefined}>
          {highlightSegments(draft, highlights).map((segment, index) =>
            segment.highlight === null ? (
              <span key={index}>{segment.text}</span>
            ) : (
              <mark key={index} className={markClass(segment.highlight.number)}>
                {segment.text}
                <sup className="mark-number">
                  <span className="visually-hidden">{t({ ja: '（項目 ', en: ' (item ' })}</span>
                  {segment.highlight.number}
                  <span className="visually-hidden">{t({ ja: '）', en: ')' })}</span>
                </sup>
              </mark>
            ),
          )}
        </div>
      </section>
    </section>
  );
}

function Finding({ finding, number, draft }: { finding: LintFinding; number: number; draft: string }) {
  const { t } = useLang();
  const view = SEVERITY_VIEW[finding.severity];
  return (
    <li className={`reason lint-finding ${view.className}`} data-code={finding.code}>
      <span className="reason-label">
        <span className="reason-number">{number}</span> <Icon name={view.icon} className="inline-icon" />
        {t(view.label)}
      </span>
      <strong className="lint-title">{t(finding.title)}</strong>
      {finding.spans.length > 0 && (
        <span className="lint-where">
          {t({ ja: '該当箇所：', en: 'Where: ' })}
          {finding.spans.map(([start, end]) => `「${draft.slice(start, end)}」`).join(' ')}
        </span>
      )}
      <span className="reason-text">{t(finding.message)}</span>
      {finding.example !== null && (
        <span className="lint-example">
          {t({ ja: '書き方の例：', en: 'For example: ' })}
          {t(finding.example)}
        </span>
      )}
    </li>
  );
}
