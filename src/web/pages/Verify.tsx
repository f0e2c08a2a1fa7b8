// "Is this notice genuine?" for a person holding a postcard: scan its QR code with the
// camera, read it from a photo, or type its short code. A QR code is checked here, in the
// page, against the issuers' keys fetched when the page opens, so nothing on the notice
// leaves the device (the payload opened from a phone's camera app sits after '#', which
// browsers never send). A typed code can only be looked up on the server.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { answerPayloadCheck, CHANNEL_WORDS, invalidFormat, type NoticeVerification } from '../../core/notices/answer.js';
import type { NoticeKey } from '../../core/notices/keys.js';
import { normalizePostalCode, type PostalMatch } from '../../core/notices/postal.js';
import { parseShortCode } from '../../core/notices/short-code.js';
import { verifyPayload, type PayloadCheck } from '../../core/notices/verify.js';
import type { Incident } from '../../core/registry/types.js';
import { getNoticeKeys, getNoticeRecords, lookUpNoticeCode } from '../api.js';
import { SourceLink } from '../channels.js';
import { Icon } from '../icons.js';
import { useLang, type Text } from '../i18n.js';
import { createQrReader, type QrDecoderName } from '../qr-reader.js';
import { Link } from '../router.js';
import { Loading, PageTitle, PrivacyNote } from '../ui.js';

/** The performance.measure entry for the in-page QR check (decode, signature, answer):
 * never shown, read by the browser tests. */
export const QR_CHECK_MEASURE = 'leakaid:qr-check';
/** How often a camera frame is looked at: often enough to feel instant, rare enough to
 * leave an older phone's processor free to draw the video. */
const SCAN_INTERVAL_MS = 200;

interface Reference {
  keys: NoticeKey[];
  /** The incidents a notice can be about, so a QR answer needs no request naming one. */
  incidents: Incident[];
}

type Loaded = { kind: 'loading' } | { kind: 'ready'; reference: Reference } | { kind: 'failed' };

type Outcome =
  | {
      kind: 'answer';
      verification: NoticeVerification;
      /** What was checked, to confirm a postal code against it; null when it could not be read. */
      from: { qr: Exclude<PayloadCheck, { status: 'invalid-format' }> } | { code: string } | null;
      /** The host a scanned QR code would open instead of this page, when it is another. */
      opensElsewhere: string | null;
    }
  | { kind: 'not-ours'; host: string | null }
  | { kind: 'no-qr-in-photo' }
  | { kind: 'photo-unreadable' }
  /** The browser cannot check an Ed25519 signature. */
  | { kind: 'browser-too-old' }
  | { kind: 'too-many'; seconds: number | null }
  /** The server would not check what was sent, and says why. */
  | { kind: 'refused'; message: Text }
  | { kind: 'failed' };

type Mode = 'choose' | 'camera' | 'code' | 'reading-photo';

/** The answer for a checked QR code, as the server would give it for the same payload:
 * the incident (from the records fetched when the page opened) only for a statement whose
 * signature verified, the postal code compared in the page. */
function answerQr(check: PayloadCheck, reference: Reference, postalCode: string | undefined): Promise<NoticeVerification> {
  const verified = check.status === 'genuine' || check.status === 'revoked' || check.status === 'key-revoked';
  const incident = verified ? reference.incidents.find((i) => i.id === check.statement.incidentId) : undefined;
  return answerPayloadCheck(check, incident, postalCode);
}

/** The web address a scanned QR code holds, or null when it holds none. */
function webAddress(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host a scanned QR code would open, when that is not this verification page's site:
 * a genuine payload copied behind a look-alike site's address is how a fake postcard
 * would pass this check yet send a phone's camera elsewhere. */
function opensElsewhere(text: string): string | null {
  const url = webAddress(text);
  return url !== null && url.origin !== window.location.origin ? url.host : null;
}

export default function Verify() {
  const { t } = useLang();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [mode, setMode] = useState<Mode>('choose');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // What a phone's camera app opened: /verify#<payload>, checked as soon as the keys are in.
  const [linked, setLinked] = useState(() => window.location.hash.slice(1));
  const photoInput = useRef<HTMLInputElement>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    Promise.all([getNoticeKeys(), getNoticeRecords()])
      .then(([keys, incidents]) => current && setLoaded({ kind: 'ready', reference: { keys, incidents } }))
      .catch(() => current && setLoaded({ kind: 'failed' }));
    return () => {
      current = false;
    };
  }, []);

  // A new answer takes the focus, so a screen reader reads it; a postal code confirmed
  // within it does not (its result is announced where it was typed).
  const answered = outcome !== null;
  useEffect(() => {
    if (answered) answerHeading.current?.focus();
  }, [answered]);

  const checkQrText = async (text: string, reference: Reference, scanned: boolean): Promise<void> => {
    const started = performance.now();
    let check: PayloadCheck;
    try {
      check = await verifyPayload(text, reference.keys);
    } catch {
      // Ed25519 in WebCrypto is recent (Chrome 137, Safari 17, Firefox 129); an older
      // browser cannot check the signature, and the QR code is not sent elsewhere instead.
      setOutcome({ kind: 'browser-too-old' });
      return;
    }
    if (check.status === 'invalid-format') {
      // A QR code of some other kind (a shop's page, a payment code) is not ours; one that
      // points to a verification page but cannot be read was damaged or altered.
      const ours = !scanned || text.includes('/verify#');
      setOutcome(
        ours
          ? { kind: 'answer', verification: invalidFormat('payload', check.problem), from: null, opensElsewhere: scanned ? opensElsewhere(text) : null }
          : { kind: 'not-ours', host: webAddress(text)?.host ?? null },
      );
      return;
    }
    const verification = await answerQr(check, reference, undefined);
    performance.measure(QR_CHECK_MEASURE, { start: started, end: performance.now() });
    setOutcome({ kind: 'answer', verification, from: { qr: check }, opensElsewhere: scanned ? opensElsewhere(text) : null });
  };

  // Another QR link opened in the same tab changes only the fragment.
  useEffect(() => {
    const onHashChange = (): void => setLinked(window.location.hash.slice(1));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (linked === '') return;
    // The payload stays out of the address bar, the history and anything shared from it.
    if (window.location.hash !== '') window.history.replaceState(null, '', window.location.pathname);
    if (loaded.kind !== 'ready') return;
    setLinked('');
    setMode('choose');
    void checkQrText(linked, loaded.reference, false);
  }, [loaded, linked]);

  const reset = (): void => {
    setOutcome(null);
    setMode('choose');
  };

  const onPhoto = async (file: File, reference: Reference): Promise<void> => {
    setMode('reading-photo');
    let text: string | null;
    try {
      const image = await createImageBitmap(file);
      try {
        text = await (await createQrReader()).read(image);
      } finally {
        image.close();
      }
    } catch {
      // Not an image the browser can open (or one it cannot draw).
      setOutcome({ kind: 'photo-unreadable' });
      return;
    } finally {
      setMode('choose');
    }
    if (text === null) setOutcome({ kind: 'no-qr-in-photo' });
    else await checkQrText(text, reference, true);
  };

  const title = { ja: 'お知らせが本物か確かめる', en: 'Is this notice genuine?' };
  return (
    <>
      <PageTitle title={title}>{t(title)}</PageTitle>
      <p className="lead">
        {t({
          ja: '届いたはがきや手紙にあるQRコードか確認コードで、本当にその会社から届いたものかを確かめられます。',
          en: 'With the QR code or the code printed on the postcard or letter, you can check that it really came from the company.',
        })}
      </p>
      {loaded.kind === 'loading' && <Loading />}
      {loaded.kind === 'failed' && (
        <div className="error" role="alert">
          {t({
            ja: '確かめるための情報を読み込めませんでした。インターネットにつながっているか確かめて、このページを開き直してください。',
            en: 'What is needed to check could not be loaded. Check your internet connection and open this page again.',
          })}
        </div>
      )}
      {loaded.kind === 'ready' && (
        <>
          {outcome === null && mode === 'choose' && (
            <>
              <PrivacyNote
                text={{
                  ja: 'QRコードは、この端末の中だけで確かめます。どこにも送りません。番号を入力したときは、番号だけを確認のために送ります。',
                  en: 'A QR code is checked on this device only and sent nowhere. A typed code is sent, alone, to be looked up.',
                }}
              />
              <div className="verify-choices">
                <button type="button" className="verify-choice" onClick={() => setMode('camera')}>
                  <Icon name="camera" className="choice-icon" />
                  {t({ ja: 'カメラで読み取る', en: 'Scan with the camera' })}
                </button>
                <button type="button" className="verify-choice" onClick={() => photoInput.current?.click()}>
                  <Icon name="photo" className="choice-icon" />
                  {t({ ja: '写真から読み取る', en: 'Read from a photo' })}
                </button>
                <button type="button" className="verify-choice" onClick={() => setMode('code')}>
                  <Icon name="keypad" className="choice-icon" />
                  {t({ ja: '番号を入力する', en: 'Type the code' })}
                </button>
              </div>
            </>
          )}
          <input
            ref={photoInput}
            type="file"
            accept="image/*"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) void onPhoto(file, loaded.reference);
            }}
          />
          {outcome === null && mode === 'reading-photo' && (
            <p role="status" className="loading">
              {t({ ja: '写真を読み取っています…', en: 'Reading the photo…' })}
            </p>
          )}
          {outcome === null && mode === 'camera' && (
            <CameraScanner onRead={(text) => void checkQrText(text, loaded.reference, true)} onBack={() => setMode('choose')} />
          )}
          {outcome === null && mode === 'code' && (
            <CodeForm onResult={setOutcome} onBack={() => setMode('choose')} />
          )}
          {outcome !== null && (
            <section className="result" aria-labelledby="verify-answer-heading">
              <OutcomeView outcome={outcome} headingRef={answerHeading} reference={loaded.reference} onChange={setOutcome} />
              <div className="actions verify-again">
                <button type="button" className="secondary" onClick={reset}>
                  {t({ ja: 'ほかのお知らせを確かめる', en: 'Check another notice' })}
                </button>
              </div>
            </section>
          )}
        </>
      )}
      <HowItWorks />
    </>
  );
}

function CameraScanner({ onRead, onBack }: { onRead: (text: string) => void; onBack: () => void }) {
  const { t } = useLang();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'denied' | 'unavailable'>('starting');
  const [decoder, setDecoder] = useState<QrDecoderName | null>(null);
  const latestOnRead = useRef(onRead);
  latestOnRead.current = onRead;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: number | undefined;
    // The camera is released as soon as a code is read or the person leaves.
    const stop = (): void => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const start = async (): Promise<void> => {
      if (navigator.mediaDevices?.getUserMedia === undefined) {
        setState('unavailable');
        return;
      }
      try {
        const [reader, media] = await Promise.all([
          createQrReader(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = media;
        const element = video.current;
        if (stopped || element === null) {
          stop();
          return;
        }
        setDecoder(reader.decoder);
        element.srcObject = media;
        await element.play();
        setState('scanning');
        const look = async (): Promise<void> => {
          if (stopped) return;
          const text = element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA ? await reader.read(element).catch(() => null) : null;
          if (stopped) return;
          if (text !== null) {
            stop();
            latestOnRead.current(text);
            return;
          }
          timer = window.setTimeout(() => void look(), SCAN_INTERVAL_MS);
        };
        void look();
      } catch (error) {
        if (stopped) return;
        const refused = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
        setState(refused ? 'denied' : 'unavailable');
      }
    };
    void start();
    return stop;
  }, []);

  return (
    <section className="camera" aria-labelledby="camera-heading" data-decoder={decoder ?? undefined}>
      <h2 id="camera-heading">{t({ ja: 'カメラで読み取る', en: 'Scan with the camera' })}</h2>
      {state === 'denied' || state === 'unavailable' ? (
        <p className="error" role="alert">
          {state === 'denied'
            ? t({
                ja: 'カメラを使うことが許可されませんでした。「写真から読み取る」か「番号を入力する」をお使いください。',
                en: 'The camera was not allowed. Please use "Read from a photo" or "Type the code" instead.',
              })
            : t({
                ja: 'この端末ではカメラを使えませんでした。「写真から読み取る」か「番号を入力する」をお使いください。',
                en: 'The camera could not be used on this device. Please use "Read from a photo" or "Type the code" instead.',
              })}
        </p>
      ) : (
        <>
          <p role="status">
            {state === 'starting'
              ? t({ ja: 'カメラを準備しています…', en: 'Starting the camera…' })
              : t({
                  ja: 'はがきのQRコードを、枠の中に大きく映してください。読み取れると自動で確かめます。',
                  en: 'Hold the QR code on the postcard large in the frame. It is checked as soon as it is read.',
                })}
          </p>
          <video ref={video} className="camera-view" muted playsInline aria-hidden="true" />
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          {t({ ja: 'やめる', en: 'Cancel' })}
        </button>
      </div>
    </section>
  );
}

function CodeForm({ onResult, onBack }: { onResult: (outcome: Outcome) => void; onBack: () => void }) {
  const { t } = useLang();
  const id = useId();
  const [code, setCode] = useState('');
  const [postal, setPostal] = useState('');
  const [problem, setProblem] = useState<{ field: 'code' | 'postal'; title: Text; detail: Text } | null>(null);
  const [sending, setSending] = useState(false);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseShortCode(code);
    if (!parsed.ok) {
      const typo = parsed.problem !== 'empty';
      setProblem({
        field: 'code',
        title: typo ? { ja: '番号に打ち間違いがあるようです', en: 'The code seems to have a typing mistake' } : { ja: '番号を入力してください', en: 'Please type the code' },
        detail: invalidFormat('code', parsed.problem).summary,
      });
      return;
    }
    const postalCode = postal.trim() === '' ? undefined : postal;
    if (postalCode !== undefined && normalizePostalCode(postalCode) === undefined) {
      setProblem({ field: 'postal', title: POSTAL_FORMAT, detail: { ja: '', en: '' } });
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      onResult(await codeOutcome(parsed.code, postalCode));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="check-form verify-code" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2>{t({ ja: '番号を入力する', en: 'Type the code' })}</h2>
      <div className="field">
        <label htmlFor={`${id}-code`} className="field-label">
          {t({ ja: 'はがきに印刷された確認コード（英数字17文字）', en: 'The code printed on the notice (17 letters and digits)' })}
        </label>
        <p className="hint" id={`${id}-code-hint`}>
          {t({
            ja: '例: K7QM-3XVA-9D2R-HT4W-8（ハイフンはなくても、小文字でもかまいません）',
            en: 'For example K7QM-3XVA-9D2R-HT4W-8 (hyphens and capitals are optional)',
          })}
        </p>
        <input
          id={`${id}-code`}
          className="text-input code-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={`${id}-code-hint${problem?.field === 'code' ? ` ${id}-problem` : ''}`}
          aria-invalid={problem?.field === 'code'}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-postal`} className="field-label">
          {t({ ja: '郵便番号（確かめたいときだけ）', en: 'Postal code (only if you want to confirm it)' })}
        </label>
        <p className="hint" id={`${id}-postal-hint`}>
          {t({
            ja: 'あなたあてに送られたものかを確かめられます。例: 530-0001',
            en: 'Confirms it was sent to your address. For example 530-0001',
          })}
        </p>
        <input
          id={`${id}-postal`}
          className="text-input postal-input"
          type="text"
          inputMode="numeric"
          autoComplete="postal-code"
          aria-describedby={`${id}-postal-hint${problem?.field === 'postal' ? ` ${id}-problem` : ''}`}
          aria-invalid={problem?.field === 'postal'}
          value={postal}
          onChange={(event) => setPostal(event.target.value)}
        />
      </div>
      {problem !== null && (
        <div className="error" role="alert" id={`${id}-problem`}>
          <p className="error-title">{t(problem.title)}</p>
          {t(problem.detail) !== '' && <p>{t(problem.detail)}</p>}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {t({ ja: '確かめる', en: 'Check' })}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {t({ ja: 'もどる', en: 'Back' })}
        </button>
      </div>
      {sending && <Loading />}
    </form>
  );
}

const POSTAL_FORMAT = { ja: '郵便番号は7けたの数字で入力してください（例: 530-0001）', en: 'Please type the postal code as 7 digits (for example 530-0001)' };

async function codeOutcome(code: string, postalCode: string | undefined): Promise<Outcome> {
  try {
    const lookup = await lookUpNoticeCode(code, postalCode);
    if (lookup.kind === 'too-many') return { kind: 'too-many', seconds: lookup.retryAfterSeconds };
    if (lookup.kind === 'refused') return { kind: 'refused', message: lookup.message };
    return { kind: 'answer', verification: lookup.verification, from: { code }, opensElsewhere: null };
  } catch {
    return { kind: 'failed' };
  }
}

const STATUS_HEADINGS: Record<NoticeVerification['status'], Text> = {
  genuine: { ja: '本物のお知らせです', en: 'This notice is genuine' },
  revoked: { ja: '取り消されたお知らせです', en: 'This notice has been withdrawn' },
  'key-revoked': { ja: '本物とは確かめられません', en: 'This notice cannot be confirmed' },
  'bad-signature': { ja: '偽物のおそれがあります', en: 'This may be a fake' },
  unknown: { ja: '登録のないお知らせです', en: 'This notice is not on record' },
  'invalid-format': { ja: '読み取れませんでした', en: 'This could not be read' },
};

function OutcomeView({
  outcome,
  headingRef,
  reference,
  onChange,
}: {
  outcome: Outcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
  reference: Reference;
  onChange: (outcome: Outcome) => void;
}) {
  const { t } = useLang();
  if (outcome.kind === 'answer') {
    const { verification, from } = outcome;
    const confirmPostal = async (typed: string): Promise<void> => {
      if (from === null) return;
      if ('qr' in from) {
        // The commitment is checked here: the postal code, like the QR code, stays on the device.
        onChange({ ...outcome, verification: await answerQr(from.qr, reference, typed) });
      } else {
        onChange(await codeOutcome(from.code, typed));
      }
    };
    const asksPostal = verification.status === 'genuine' && from !== null && ('qr' in from ? from.qr.statement.postal !== undefined : true);
    return <Answer verification={verification} opensElsewhere={outcome.opensElsewhere} headingRef={headingRef} postal={asksPostal ? confirmPostal : null} />;
  }
  const problems: Record<Exclude<Outcome['kind'], 'answer'>, { title: Text; text: Text }> = {
    'not-ours': {
      title: { ja: 'お知らせの確認用のQRコードではありません', en: 'This is not a notice’s verification QR code' },
      text:
        outcome.kind === 'not-ours' && outcome.host !== null
          ? {
              ja: `このQRコードは、ウェブページ（${outcome.host}）を指しています。お知らせの確認用ではありません。そのページで名前やカード番号などを入力しないでください。`,
              en: `This QR code points to a web page (${outcome.host}). It is not for checking a notice. Do not enter your name, card numbers or anything else on that page.`,
            }
          : {
              ja: 'このQRコードは、お知らせが本物かを確かめるためのものではありません。はがきの別のQRコードか、確認コードをお試しください。',
              en: 'This QR code is not one for checking a notice. Try another QR code on the postcard, or its code.',
            },
    },
    'no-qr-in-photo': {
      title: { ja: '写真の中にQRコードが見つかりませんでした', en: 'No QR code was found in the photo' },
      text: {
        ja: 'QRコードが大きく、はっきり写るように撮り直してください。明るい場所で、まっすぐ上から撮ると読み取りやすくなります。',
        en: 'Take the photo again with the QR code large and sharp. A bright place and a straight-on shot help.',
      },
    },
    'photo-unreadable': {
      title: { ja: '写真を開けませんでした', en: 'The photo could not be opened' },
      text: { ja: 'ほかの写真を選ぶか、カメラで読み取ってください。', en: 'Choose another photo, or scan with the camera.' },
    },
    'browser-too-old': {
      title: { ja: 'このブラウザではQRコードを確かめられません', en: 'This browser cannot check the QR code' },
      text: {
        ja: 'お使いのブラウザが古いため、QRコードの署名を確かめられませんでした。ブラウザを新しくするか、「番号を入力する」で、はがきの確認コードを入力してください。',
        en: 'This browser is too old to check the QR code’s signature. Update the browser, or choose "Type the code" and type the code printed on the postcard.',
      },
    },
    'too-many': {
      title: { ja: 'しばらく待ってから、もう一度お試しください', en: 'Please wait a while and try again' },
      text:
        outcome.kind === 'too-many' && outcome.seconds !== null
          ? {
              ja: `短い時間に番号の確認がたくさんありました。約${Math.ceil(outcome.seconds / 60)}分たってから、もう一度お試しください。QRコードでの確認なら、待たずにできます。`,
              en: `There were many code checks in a short time. Please try again in about ${Math.ceil(outcome.seconds / 60)} minutes. Checking with the QR code works without waiting.`,
            }
          : {
              ja: '短い時間に番号の確認がたくさんありました。しばらく待ってから、もう一度お試しください。QRコードでの確認なら、待たずにできます。',
              en: 'There were many code checks in a short time. Please wait a while and try again. Checking with the QR code works without waiting.',
            },
    },
    refused: {
      title: { ja: '確かめられませんでした', en: 'This could not be checked' },
      text: outcome.kind === 'refused' ? outcome.message : { ja: '', en: '' },
    },
    failed: {
      title: { ja: 'いまは確かめられませんでした', en: 'This could not be checked right now' },
      text: {
        ja: 'インターネットにつながっているか確かめて、もう一度お試しください。',
        en: 'Check your internet connection and try again.',
      },
    },
  };
  const problem = problems[outcome.kind];
  return (
    <div className="verdict verdict-medium">
      <Icon name="warning" className="verdict-icon" />
      <div>
        <h2 id="verify-answer-heading" ref={headingRef} tabIndex={-1}>
          {t(problem.title)}
        </h2>
        <p>{t(problem.text)}</p>
      </div>
    </div>
  );
}

function formatIssued(date: string, lang: 'ja' | 'en'): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** tel: links for numbers on record: dial digits, keep '#' short numbers dialable. */
function telHref(number: string): string {
  return `tel:${number.replace(/[^\d#+]/g, '').replace('#', '%23')}`;
}

function Answer({
  verification: v,
  opensElsewhere,
  headingRef,
  postal,
}: {
  verification: NoticeVerification;
  opensElsewhere: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  postal: ((typed: string) => Promise<void>) | null;
}) {
  const { lang, t } = useLang();
  const genuine = v.status === 'genuine';
  // When it is not genuine, what to do comes first; when it is, what it says does.
  const todo = (
    <section className="next-step" aria-labelledby="verify-todo-heading">
      <h3 id="verify-todo-heading">{genuine ? t({ ja: '覚えておいてほしいこと', en: 'Good to know' }) : t({ ja: 'どうすればいい？', en: 'What to do' })}</h3>
      <ul>
        {v.advice.map((a) => (
          <li key={a.code}>{t(a.message)}</li>
        ))}
        <li>
          {t({ ja: '心配なときは、', en: 'If you are worried, call the consumer hotline ' })}
          <a href={telHref('188')}>188</a>
          {t({ ja: '（消費者ホットライン）や、', en: ' or the police advice line ' })}
          <a href={telHref('#9110')}>#9110</a>
          {t({ ja: '（警察相談専用電話）に相談できます。', en: '.' })}
        </li>
      </ul>
    </section>
  );
  return (
    <div className="verify-answer" data-status={v.status}>
      <div className={`verdict ${genuine ? 'verdict-low' : 'verdict-high'}`}>
        <Icon name={genuine ? 'ok' : 'danger'} className="verdict-icon" />
        <div>
          <h2 id="verify-answer-heading" ref={headingRef} tabIndex={-1}>
            {t(STATUS_HEADINGS[v.status])}
          </h2>
          <p className="verify-summary">{t(v.summary)}</p>
        </div>
      </div>

      {opensElsewhere !== null && (
        <div className="verdict verdict-medium opens-elsewhere">
          <Icon name="warning" className="verdict-icon" />
          <div>
            <p className="box-title">{t({ ja: 'ご注意: QRコードの行き先が違います', en: 'Caution: the QR code leads elsewhere' })}</p>
            <p>
              {t({
                ja: `このQRコードは、この確認ページではなく、別のサイト（${opensElsewhere}）を開くように作られています。本物のお知らせのQRコードは、この確認ページを開きます。紙のQRコードから開いたページでは、何も入力しないでください。`,
                en: `This QR code is made to open another site (${opensElsewhere}), not this verification page. A genuine notice's QR code opens this page. Do not enter anything on a page the paper's QR code opens.`,
              })}
            </p>
          </div>
        </div>
      )}
      {postal !== null && <PostalCheck match={v.postalCode} onCheck={postal} />}
      {!genuine && todo}

      {v.notice !== null && v.organization !== null && (
        <section aria-labelledby="verify-details-heading">
          <h3 id="verify-details-heading">
            {genuine ? t({ ja: 'このお知らせについて', en: 'About this notice' }) : t({ ja: 'このお知らせが名乗っている内容', en: 'What this notice claims' })}
          </h3>
          <dl className="verify-facts">
            <dt>{t({ ja: '送った会社・団体', en: 'Sent by' })}</dt>
            <dd>
              <Link to={`/org/${encodeURIComponent(v.organization.id)}`}>{t(v.organization.name)}</Link>
            </dd>
            <dt>{t({ ja: 'どの漏えいについて', en: 'About which leak' })}</dt>
            <dd>
              <Link to={`/incidents/${encodeURIComponent(v.notice.incidentId)}`}>{v.incident === null ? v.notice.incidentId : t(v.incident.title)}</Link>
            </dd>
            <dt>{t({ ja: '発行日', en: 'Issued on' })}</dt>
            <dd>
              <time dateTime={v.notice.issued}>{formatIssued(v.notice.issued, lang)}</time>
            </dd>
            <dt>{t({ ja: '送り方', en: 'Sent by way of' })}</dt>
            <dd>{t(CHANNEL_WORDS[v.notice.channel])}</dd>
          </dl>
        </section>
      )}

      {genuine && v.incident !== null && (
        <section aria-labelledby="verify-says-heading">
          <h3 id="verify-says-heading">{t({ ja: '本物のお知らせに書かれていること', en: 'What the genuine notice says' })}</h3>
          <p>
            {t({
              ja: '手元の紙と見比べてください。ここと違うことが書かれていたら、その紙は本物ではありません。',
              en: 'Compare it with the paper in your hand. If the paper says something different, it is not genuine.',
            })}
          </p>
          <div className="leaked-grid">
            <div className="leaked">
              <h4 className="box-title">
                <Icon name="warning" className="inline-icon" />
                {t({ ja: '漏れたもの', en: 'What leaked' })}
              </h4>
              <LabelList items={v.incident.leaked} empty={{ ja: 'まだわかっていません', en: 'Not known yet' }} />
            </div>
            <div className="not-leaked">
              <h4 className="box-title">
                <Icon name="ok" className="inline-icon" />
                {t({ ja: '漏れていないもの', en: 'What did NOT leak' })}
              </h4>
              <LabelList items={v.incident.notLeaked} empty={{ ja: '記録にありません', en: 'None on record' }} />
            </div>
          </div>
        </section>
      )}

      {v.organization !== null && <OfficialContacts organization={v.organization} />}

      {genuine && todo}
    </div>
  );
}

function LabelList({ items, empty }: { items: { id: string; label: Text }[]; empty: Text }) {
  const { t } = useLang();
  if (items.length === 0) return <p>{t(empty)}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>{t(item.label)}</li>
      ))}
    </ul>
  );
}

function OfficialContacts({ organization }: { organization: NonNullable<NoticeVerification['organization']> }) {
  const { t } = useLang();
  const { contacts, domains } = organization;
  return (
    <section className="organization" aria-labelledby="verify-contacts-heading">
      <h3 id="verify-contacts-heading">{t({ ja: '記録にある公式の連絡先', en: 'Official contacts on record' })}</h3>
      {contacts.length === 0 && (
        <p>
          {t({
            ja: '出典を確かめられた問い合わせ番号は、まだ記録にありません。紙に書かれた番号ではなく、会社の公式サイトで自分で調べた番号にかけてください。',
            en: 'No enquiry number with a source is on record yet. Call a number you look up yourself on the official website, not one printed on the paper.',
          })}
        </p>
      )}
      {contacts.length + domains.length > 0 && (
        <dl>
          {contacts.length > 0 && (
            <>
              <dt>{t({ ja: '問い合わせ先', en: 'Where to ask' })}</dt>
              {contacts.map((c) => (
                <dd key={c.value}>
                  <ContactValue kind={c.kind} value={c.value} />
                  {c.label !== undefined && <>（{t(c.label)}）</>} <SourceLink url={c.source} />
                </dd>
              ))}
            </>
          )}
          {domains.length > 0 && (
            <>
              <dt>{t({ ja: '公式サイト・メールのドメイン', en: 'Official web and mail domains' })}</dt>
              {domains.map((d) => (
                <dd key={d.domain}>
                  {d.domain} <SourceLink url={d.source} />
                </dd>
              ))}
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function ContactValue({ kind, value }: { kind: 'phone' | 'web' | 'email'; value: string }): ReactNode {
  if (kind === 'phone') return <a href={telHref(value)}>{value}</a>;
  if (kind === 'web' && value.startsWith('https://')) {
    return (
      <a href={value} rel="noreferrer">
        {value}
      </a>
    );
  }
  return value;
}

function PostalCheck({ match, onCheck }: { match: PostalMatch; onCheck: (typed: string) => Promise<void> }) {
  const { t } = useLang();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const [checking, setChecking] = useState(false);
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (normalizePostalCode(typed) === undefined) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setChecking(true);
    try {
      await onCheck(typed);
    } finally {
      setChecking(false);
    }
  };
  return (
    <form className="postal-check" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor={id} className="field-label">
        {t({ ja: '確認のため郵便番号を入力（しなくてもかまいません）', en: 'Type your postal code to confirm (optional)' })}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t({ ja: 'あなたの住所あてに送られたものかを確かめます。例: 530-0001', en: 'Confirms it was sent to your address. For example 530-0001' })}
      </p>
      <div className="password-row">
        <input
          id={id}
          className="text-input postal-input"
          type="text"
          inputMode="numeric"
          autoComplete="postal-code"
          aria-describedby={`${id}-hint`}
          aria-invalid={problem}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="secondary" disabled={checking}>
          {t({ ja: '確かめる', en: 'Confirm' })}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {t(POSTAL_FORMAT)}
        </p>
      )}
      {match === 'match' && (
        <p className="postal-result postal-match" role="status">
          <Icon name="ok" className="inline-icon" />
          {t({ ja: '郵便番号が一致しました。あなたあてのお知らせです。', en: 'The postal code matches: this notice was sent to you.' })}
        </p>
      )}
      {match === 'mismatch' && (
        <p className="postal-result postal-mismatch" role="status">
          <Icon name="warning" className="inline-icon" />
          {t({
            ja: '郵便番号が一致しません。ほかの人あてのお知らせか、入力の間違いです。',
            en: 'The postal code does not match: it is someone else’s notice, or the postal code was mistyped.',
          })}
        </p>
      )}
      {match === 'not-on-notice' && (
        <p className="postal-result" role="status">
          {t({ ja: 'このお知らせには、郵便番号の確認がありません。', en: 'This notice has no postal code to confirm.' })}
        </p>
      )}
    </form>
  );
}

function HowItWorks() {
  const { t } = useLang();
  return (
    <section className="calm" aria-labelledby="verify-how-heading">
      <h2 id="verify-how-heading">{t({ ja: 'しくみ', en: 'How it works' })}</h2>
      <ul>
        <li>
          {t({
            ja: '会社は、お知らせ1通ごとに、その会社にしか作れないQRコードと確認コードを印刷します。ほかの人には作れません。',
            en: 'The company prints on each notice a QR code and a code that only it can make. Nobody else can make them.',
          })}
        </li>
        <li>
          {t({
            ja: '本物の紙をそのまま写したにせものもありえます。本物と出ても、書かれている内容と問い合わせ先を、ここに示すものと見比べてください。',
            en: 'A fake can copy a genuine paper exactly. Even when it shows as genuine, compare what it says and its contacts with what is shown here.',
          })}
        </li>
        <li>
          {t({
            ja: '本物と確かめられても、紙に書かれた電話番号ではなく、ここに示す公式の連絡先で問い合わせてください。',
            en: 'Even when it is genuine, ask through the official contacts shown here, not a number printed on the paper.',
          })}
        </li>
      </ul>
    </section>
  );
}
