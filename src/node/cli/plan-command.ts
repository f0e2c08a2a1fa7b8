// `leakaid plan`: a personal action plan from an incident (or a list of data classes) and
// a few answers, kept in the local store under a plan id so the person can tick steps off
// and come back to what remains. Also writes Markdown, a printable PDF and calendar reminders.
import { Option, type Command } from 'commander';
import {
  PLAN_ANSWERS,
  PLAN_LABELS,
  PlanInputError,
  buildPlan,
  isPlanAnswer,
  planInputFromIncident,
  planToMarkdown,
  summarizeProgress,
} from '../../core/plan/index.js';
import type { Plan, PlanAnswer, PlanInput, PlanLang, PlanProgress } from '../../core/plan/index.js';
import { IcsError } from '../plan/ics.js';
import { OutputError, localToday, writeOutputs } from '../plan/render.js';
import type { OutputFiles } from '../plan/render.js';
import { loadPlan, savePlan, setStepDone } from '../plan/store.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { UsageError } from './errors.js';

interface CommonOptions extends OutputFiles {
  lang: PlanLang;
  json?: boolean;
}

interface PlanOptions extends CommonOptions {
  incident?: string;
  org?: string;
  dataClasses?: string;
  notExposed?: string;
  answers?: string;
  save: boolean;
}

const TEXT = {
  reopen: {
    ja: (id: string) => `あとで見るとき: leakaid plan show ${id}　済んだら: leakaid plan done ${id} 手順の番号`,
    en: (id: string) => `To reopen: leakaid plan show ${id}   To tick a step: leakaid plan done ${id} STEP_ID`,
  },
  stepIds: { ja: '手順の番号', en: 'Step ids' },
  wrote: { ja: '書き出しました', en: 'Wrote' },
  marked: { ja: (step: string) => `「${step}」を済みにしました。`, en: (step: string) => `Marked "${step}" as done.` },
  unmarked: { ja: (step: string) => `「${step}」をまだにしました。`, en: (step: string) => `Marked "${step}" as not done.` },
} as const;

function list(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[,、，]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function answers(value: string | undefined): PlanAnswer[] {
  return list(value).map((answer) => {
    if (!isPlanAnswer(answer)) throw new UsageError(`unknown answer "${answer.slice(0, 40)}" (known: ${PLAN_ANSWERS.join(', ')})`);
    return answer;
  });
}

/** Plan-input mistakes are usage errors: one line, exit 2. */
async function usage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlanInputError || error instanceof OutputError || error instanceof IcsError) throw new UsageError(error.message);
    throw error;
  }
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function inputFor(options: PlanOptions, store: Store | undefined): Promise<PlanInput> {
  const given = answers(options.answers);
  if ((options.incident === undefined) === (options.dataClasses === undefined)) {
    throw new UsageError('give either --incident ID or --data-classes "Names,Phone numbers,..."');
  }
  if (options.incident !== undefined) {
    if (options.notExposed !== undefined) throw new UsageError('--not-exposed goes with --data-classes; an incident has its own record');
    if (store === undefined) throw new Error('an incident needs the store');
    const incident = await store.getIncident(options.incident);
    if (incident === undefined) throw new UsageError(`no incident "${options.incident.slice(0, 80)}" (find one with: leakaid incidents search WORD)`);
    return planInputFromIncident(incident, options.org, given);
  }
  if (options.org !== undefined) throw new UsageError('--org goes with --incident');
  return { exposed: list(options.dataClasses), notExposed: list(options.notExposed), answers: given };
}

function printPlan(id: string | undefined, plan: Plan, progress: PlanProgress, options: CommonOptions, today: string): void {
  const { lang } = options;
  if (options.json === true) {
    const summary = summarizeProgress(plan, progress, today);
    const remaining = summary.remaining.map((step) => step.id);
    process.stdout.write(`${JSON.stringify({ planId: id ?? null, plan, progress, remaining }, null, 2)}\n`);
    return;
  }
  if (id !== undefined) process.stdout.write(`${PLAN_LABELS.planId[lang]}: ${id}\n${TEXT.reopen[lang](id)}\n\n`);
  process.stdout.write(planToMarkdown(plan, { lang, progress, today }));
  const ids = plan.stages.flatMap((stage) => stage.steps.map((step) => step.id));
  process.stdout.write(`${TEXT.stepIds[lang]}: ${ids.join(' ')}\n`);
}

async function finish(id: string | undefined, plan: Plan, progress: PlanProgress, options: CommonOptions): Promise<void> {
  const today = localToday();
  const context = { lang: options.lang, progress, today, uidPrefix: id ?? 'leakaid-plan' };
  const written = await writeOutputs(plan, options, id === undefined ? context : { ...context, planId: id });
  printPlan(id, plan, progress, options, today);
  for (const path of written) process.stderr.write(`${TEXT.wrote[options.lang]}: ${path}\n`);
}

function outputOptions(command: Command): Command {
  return command
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .option('--json', 'print the plan as JSON (with its id, progress and the steps that remain)')
    .option('--markdown <file>', 'also write the plan as Markdown with checkboxes')
    .option('--pdf <file>', 'also write a printable A4 PDF (large type, boxes to tick)')
    .option('--ics <file>', 'also write calendar reminders (.ics) for the steps that repeat');
}

export function registerPlanCommand(program: Command): void {
  const plan = outputOptions(
    program
      .command('plan')
      .description('Make a personal action plan: what to do now, this week, and from now on, for what leaked.')
      .option('--incident <id>', 'an incident in the registry (see: leakaid incidents search)')
      .option('--org <id>', 'the organization that notified you, when the incident touched several (e.g. ntt-west)')
      .option('--data-classes <list>', 'what leaked, comma-separated, e.g. "Names,Phone numbers,Passwords" (or 氏名,電話番号)')
      .option('--not-exposed <list>', 'with --data-classes: what the notice says did NOT leak, e.g. "Credit cards,Passwords"')
      .option('--answers <list>', `comma-separated, any of: ${PLAN_ANSWERS.join(', ')}`)
      .option('--no-save', 'do not keep the plan in the local store (no plan id)'),
  )
    .addHelpText(
      'after',
      `
Answers:
  reused-password  I use the same password elsewhere
  card-online      I use the leaked card for shopping online
  clicked-link     I already opened a link in a suspicious message
  gave-card        I entered my card number on a link, or told a caller (puts "call your card company now" first)
  gave-password    I entered or gave a password or one-time code
  gave-bank        I entered or gave bank account details or a PIN
  paid-money       I paid or transferred money

The plan is kept in the local store (./var/, or LEAKAID_DB) under a plan id:
  leakaid plan show PLAN_ID              the plan again, with what is done and what remains
  leakaid plan done PLAN_ID STEP_ID      tick a step (today's date is recorded)
  leakaid plan undone PLAN_ID STEP_ID    untick it

Examples:
  leakaid plan --incident ntt-business-solutions-2023 --org ntt-west
  leakaid plan --data-classes "Email addresses,Passwords" --answers reused-password --pdf plan.pdf --ics plan.ics`,
    )
    .action(async (options: PlanOptions) => {
      await usage(async () => {
        const needsStore = options.save || options.incident !== undefined;
        const make = async (store: Store | undefined) => {
          const input = await inputFor(options, store);
          const built = buildPlan(input);
          const id = options.save && store !== undefined ? await savePlan(store, input, localToday()) : undefined;
          await finish(id, built, {}, options);
        };
        if (needsStore) await withStore(make);
        else await make(undefined);
      });
    });

  // The output options (--lang, --json, --markdown, --pdf, --ics) belong to `plan`; commander
  // reads them anywhere on the line, so the subcommands take them from there.
  plan
    .command('show')
    .description('Show a saved plan with what is done and what remains (takes the output options of plan).')
    .argument('<plan-id>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<CommonOptions>();
      await usage(() =>
        withStore(async (store) => {
          const stored = await loadPlan(store, id);
          if (stored === undefined) throw new UsageError(`no plan with id ${id}`);
          await finish(stored.id, stored.plan, stored.progress, options);
        }),
      );
    });

  for (const [name, done] of [
    ['done', true],
    ['undone', false],
  ] as const) {
    plan
      .command(name)
      .description(done ? 'Tick a step of a saved plan as done (with today\'s date).' : 'Untick a step of a saved plan.')
      .argument('<plan-id>')
      .argument('<step-id>', 'as listed under the plan (e.g. scam-calls)')
      .option('--date <yyyy-mm-dd>', 'the day it was done (default: today)')
      .action(async (id: string, stepId: string, _options: unknown, command: Command) => {
        const options = command.optsWithGlobals<{ lang: PlanLang; date?: string }>();
        await usage(() =>
          withStore(async (store) => {
            const today = options.date ?? localToday();
            const stored = await setStepDone(store, id, stepId, done, today);
            const step = stored.plan.stages.flatMap((s) => s.steps).find((s) => s.id === stepId);
            const title = step?.title[options.lang] ?? stepId;
            const summary = summarizeProgress(stored.plan, stored.progress, today);
            const remaining = options.lang === 'ja' ? `残り ${summary.remaining.length} / ${summary.total}` : `${summary.remaining.length} of ${summary.total} remaining`;
            process.stdout.write(`${(done ? TEXT.marked : TEXT.unmarked)[options.lang](title)} ${remaining}\n`);
          }),
        );
      });
  }
}
