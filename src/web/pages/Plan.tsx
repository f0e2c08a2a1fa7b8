// The to-do list after a leak: built in the browser by src/core/plan from the incident's
// record (or from what the person says leaked) and a few yes/no answers. Progress is kept
// in this browser only (localStorage); nothing about the person is sent anywhere.
import { useEffect, useId, useMemo, useState } from 'react';
import {
  buildPlan,
  isStepDone,
  markStep,
  PLAN_LABELS,
  planInputFromIncident,
  planQuestions,
  recurrenceLabel,
  summarizeProgress,
  type Plan as PlanData,
  type PlanAnswer,
  type PlanInput,
  type PlanProgress,
  type PlanStep,
} from '../../core/plan/index.js';
import { organizationName } from '../../core/knowledge/organizations.js';
import { dataClassLabel } from '../../core/registry/data-classes.js';
import type { Incident } from '../../core/registry/types.js';
import { getIncident } from '../api.js';
import { useLang } from '../i18n.js';
import { Link, useRouter } from '../router.js';
import { Glossary, Loading, PageTitle, PrivacyNote } from '../ui.js';

/** What most Japanese leak notices name, offered when there is no incident on record. */
const COMMON_DATA_CLASSES = [
  'Names',
  'Physical addresses',
  'Phone numbers',
  'Dates of birth',
  'Email addresses',
  'Credit cards',
  'Bank account numbers',
  'Passwords',
];

interface Saved {
  answers: PlanAnswer[];
  exposed: string[];
  progress: PlanProgress;
}

const EMPTY: Saved = { answers: [], exposed: [], progress: {} };

function storageKey(incidentId: string | null, organizationId: string | null): string {
  return `leakaid.plan.${incidentId ?? 'own'}.${organizationId ?? ''}`;
}

function load(key: string): Saved {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<Saved>;
    return {
      answers: Array.isArray(parsed.answers) ? parsed.answers : [],
      exposed: Array.isArray(parsed.exposed) ? parsed.exposed : [],
      progress: parsed.progress !== null && typeof parsed.progress === 'object' ? parsed.progress : {},
    };
  } catch {
    return EMPTY;
  }
}

function save(key: string, saved: Saved): void {
  try {
    localStorage.setItem(key, JSON.stringify(saved));
  } catch {
    // Storage may be full or refused (private browsing); the list still works for this visit.
  }
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The query /api/plan.pdf and /api/plan.ics rebuild the same plan from, ticks included. */
function downloadQuery(plan: PlanData, progress: PlanProgress, lang: 'ja' | 'en'): string {
  const params = new URLSearchParams();
  if (plan.source !== undefined) {
    params.set('incident', plan.source.incidentId);
    params.set('org', plan.source.organizationId);
  } else {
    params.set('dataClasses', plan.input.exposed.join(','));
  }
  if (plan.input.answers.length > 0) params.set('answers', plan.input.answers.join(','));
  const done = Object.entries(progress)
    .filter(([, entry]) => entry.done)
    .map(([stepId, entry]) => `${stepId}:${entry.at}`);
  if (done.length > 0) params.set('done', done.join(','));
  params.set('lang', lang);
  return params.toString();
}

type IncidentState = { kind: 'none' } | { kind: 'loading' } | { kind: 'done'; incident: Incident } | { kind: 'failed' };

export default function Plan() {
  const { search } = useRouter();
  const incidentId = search.get('incident');
  const [state, setState] = useState<IncidentState>(incidentId === null ? { kind: 'none' } : { kind: 'loading' });
  useEffect(() => {
    if (incidentId === null) {
      setState({ kind: 'none' });
      return;
    }
    let current = true;
    setState({ kind: 'loading' });
    getIncident(incidentId)
      .then((incident) => current && setState({ kind: 'done', incident }))
      .catch(() => current && setState({ kind: 'failed' }));
    return () => {
      current = false;
    };
  }, [incidentId]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') {
    return <PlanEditor incident={null} organizationId={null} failedIncident />;
  }
  const incident = state.kind === 'done' ? state.incident : null;
  const organizationId = search.get('org') ?? incident?.affected[0]?.organizationId ?? null;
  return <PlanEditor key={storageKey(incident?.id ?? null, organizationId)} incident={incident} organizationId={organizationId} />;
}

function PlanEditor({ incident, organizationId, failedIncident = false }: { incident: Incident | null; organizationId: string | null; failedIncident?: boolean }) {
  const { lang, t } = useLang();
  const key = storageKey(incident?.id ?? null, organizationId);
  const [saved, setSaved] = useState<Saved>(() => load(key));
  const ids = useId();
  const update = (next: Saved): void => {
    setSaved(next);
    save(key, next);
  };

  const input: PlanInput = useMemo(
    () =>
      incident !== null
        ? planInputFromIncident(incident, organizationId ?? undefined, saved.answers)
        : { exposed: saved.exposed, notExposed: [], answers: saved.answers },
    [incident, organizationId, saved.answers, saved.exposed],
  );
  const plan = useMemo(() => buildPlan(input), [input]);
  const day = today();
  const summary = summarizeProgress(plan, saved.progress, day);

  const toggleAnswer = (answer: PlanAnswer, on: boolean): void =>
    update({ ...saved, answers: on ? [...saved.answers, answer] : saved.answers.filter((a) => a !== answer) });
  const toggleExposed = (id: string, on: boolean): void =>
    update({ ...saved, exposed: on ? [...saved.exposed, id] : saved.exposed.filter((e) => e !== id) });
  const toggleStep = (step: PlanStep, done: boolean): void =>
    update({ ...saved, progress: markStep(plan, saved.progress, step.id, done, day) });

  return (
    <>
      <PageTitle title={PLAN_LABELS.title}>{t(PLAN_LABELS.title)}</PageTitle>
      {failedIncident && (
        <p className="error" role="alert">
          {t({ ja: '事件の記録を読み込めませんでした。漏れたものを下で選んでください。', en: 'The incident record could not be loaded. Choose what leaked below.' })}
        </p>
      )}
      <PrivacyNote
        text={{
          ja: 'チェックした内容は、この端末のブラウザの中だけに保存されます。',
          en: 'What you tick is kept only in this browser, on this device.',
        }}
      />

      {plan.source !== undefined && (
        <p>
          {t(PLAN_LABELS.incident)}：
          <Link to={`/incidents/${encodeURIComponent(plan.source.incidentId)}`}>{t(plan.source.incidentTitle)}</Link>
          <br />
          {t(PLAN_LABELS.organization)}：{t(plan.source.organizationName)}
        </p>
      )}
      {incident !== null && incident.affected.length > 1 && (
        <nav aria-label={t({ ja: '通知した会社を選ぶ', en: 'Choose the organization that told you' })}>
          <p>{t({ ja: '通知が届いた会社を選んでください：', en: 'Choose the organization that told you:' })}</p>
          <ul>
            {incident.affected.map((affected) => (
              <li key={affected.organizationId}>
                {affected.organizationId === organizationId ? (
                  <strong>
                    {affected.name?.[lang] ?? organizationName(affected.organizationId, lang)}
                    {t({ ja: '（このリストの会社）', en: ' (this list)' })}
                  </strong>
                ) : (
                  <Link to={`/plan?incident=${encodeURIComponent(incident.id)}&org=${encodeURIComponent(affected.organizationId)}`}>
                    {affected.name?.[lang] ?? organizationName(affected.organizationId, lang)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}

      {incident === null && (
        <fieldset>
          <legend>{t({ ja: '漏れたと知らされたものを選んでください', en: 'Choose what you were told leaked' })}</legend>
          <p className="hint">
            {t({ ja: '事件が記録にあれば、', en: 'If the incident is on record, ' })}
            <Link to="/search">{t({ ja: '事件を探す', en: 'search for it' })}</Link>
            {t({ ja: 'と自動で選ばれます。', en: ' and this is filled in for you.' })}
          </p>
          <div className="radio-list">
            {COMMON_DATA_CLASSES.map((id) => (
              <label key={id} className="radio">
                <input type="checkbox" checked={saved.exposed.includes(id)} onChange={(event) => toggleExposed(id, event.target.checked)} />
                <span>{t(dataClassLabel(id))}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend>{t({ ja: 'あてはまるものを選んでください（なければ選ばなくて大丈夫です）', en: 'Tick any that apply (it is fine to tick none)' })}</legend>
        <div className="radio-list">
          {planQuestions().map(({ answer, question }) => (
            <label key={answer} className="radio">
              <input type="checkbox" checked={saved.answers.includes(answer)} onChange={(event) => toggleAnswer(answer, event.target.checked)} />
              <span>{question[lang]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <PlanView
        plan={plan}
        progress={saved.progress}
        day={day}
        onToggle={toggleStep}
        summary={summary}
        idPrefix={ids}
        downloadQuery={downloadQuery(plan, saved.progress, lang)}
      />
      <Glossary terms={['phishing', 'twoStep']} />
    </>
  );
}

function PlanView({
  plan,
  progress,
  day,
  onToggle,
  summary,
  idPrefix,
  downloadQuery,
}: {
  plan: PlanData;
  progress: PlanProgress;
  day: string;
  onToggle: (step: PlanStep, done: boolean) => void;
  summary: { total: number; done: number };
  idPrefix: string;
  downloadQuery: string;
}) {
  const { lang, t } = useLang();
  return (
    <section aria-labelledby={`${idPrefix}-list`} className="plan">
      <h2 id={`${idPrefix}-list`}>{t({ ja: 'やることリスト', en: 'Your to-do list' })}</h2>
      <p className="progress" role="status">
        {t({ ja: `${summary.total} 個のうち ${summary.done} 個 済み`, en: `${summary.done} of ${summary.total} done` })}
      </p>
      <progress max={summary.total} value={summary.done} aria-hidden="true" />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t({ ja: '印刷する', en: 'Print' })}
        </button>
        <a className="secondary button-link-secondary" href={`/api/plan.pdf?${downloadQuery}`} download>
          {t({ ja: 'PDFで保存', en: 'Save as PDF' })}
        </a>
        <a className="secondary button-link-secondary" href={`/api/plan.ics?${downloadQuery}`} download>
          {t({ ja: 'カレンダーに通知を入れる（.ics）', en: 'Add reminders to your calendar (.ics)' })}
        </a>
      </div>
      <p className="hint">
        {t({
          ja: 'PDFとカレンダーのファイルは、このリストの内容（チェックした項目を含む）をもとにサーバーで作ります。保存はされません。',
          en: 'The PDF and calendar files are made on the server from this list (ticks included); nothing is kept there.',
        })}
      </p>
      {plan.stages.map((stage) =>
        stage.steps.length === 0 ? null : (
          <section key={stage.id} aria-labelledby={`${idPrefix}-${stage.id}`}>
            <h3 id={`${idPrefix}-${stage.id}`}>{t(stage.label)}</h3>
            <ul className="steps">
              {stage.steps.map((step) => {
                const done = isStepDone(step, progress, day);
                return (
                  <li key={step.id} className={done ? 'step step-done' : 'step'}>
                    <label className="step-head">
                      <input type="checkbox" checked={done} onChange={(event) => onToggle(step, event.target.checked)} />
                      <span className="step-title">
                        {t(step.title)}
                        {done && <span className="done-badge">{t({ ja: '（済み）', en: ' (done)' })}</span>}
                      </span>
                    </label>
                    <p>{t(step.body)}</p>
                    {step.actions.length > 0 && (
                      <ul>
                        {step.actions.map((action, index) => (
                          <li key={index}>
                            {t(action.text)}
                            {action.resource?.phone !== undefined && (
                              <>
                                {' '}
                                <a href={`tel:${action.resource.phone.replace(/-/g, '')}`}>
                                  {t({ ja: `${action.resource.phone} に電話する`, en: `Call ${action.resource.phone}` })}
                                </a>
                              </>
                            )}
                            {action.resource?.url !== undefined && (
                              <>
                                {' '}
                                <a href={action.resource.url} rel="noreferrer">
                                  {t({ ja: `${action.resource.name.ja}のページを開く`, en: `Open the ${action.resource.name.en} page` })}
                                </a>
                              </>
                            )}
                            {action.resource?.hours !== undefined && <> （{t(action.resource.hours)}）</>}
                          </li>
                        ))}
                      </ul>
                    )}
                    <p className="hint">
                      {t(PLAN_LABELS.doneWhen)}：{t(step.done)}
                      {step.recurrence !== undefined && <> — {recurrenceLabel(step.recurrence, lang)}</>}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
      {plan.notNeeded.length > 0 && (
        <section aria-labelledby={`${idPrefix}-not-needed`}>
          <h3 id={`${idPrefix}-not-needed`}>{t(PLAN_LABELS.notNeeded)}</h3>
          <ul>
            {plan.notNeeded.map((line) => (
              <li key={line.stepId}>{t(line.text)}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
