// The plan engine: from what leaked, what the record says did not leak, and the person's
// answers, pick the steps that apply (each step's eligibility is data), order them
// urgent → this week → keep watching and by priority, and say which steps are not needed
// because the record rules that data out.
import { foldForMatching } from '../normalize/index.js';
import { PlanInputError } from './errors.js';
import { MAX_DATA_CLASS_NAME_CHARS, MAX_PLAN_DATA_CLASSES } from './limits.js';
import { PLAN_KNOWLEDGE } from './steps.js';
import type { PlanKnowledge, StepClause, StepDefinition } from './steps.js';
import { PLAN_ANSWERS, PLAN_STAGES } from './types.js';
import type {
  DataClassRef,
  NotNeededLine,
  Plan,
  PlanAction,
  PlanAnswer,
  PlanInput,
  PlanStage,
  PlanStep,
} from './types.js';

const STAGE_RANK: ReadonlyMap<PlanStage, number> = new Map(PLAN_STAGES.map((stage, i) => [stage, i]));

function foldName(name: string): string {
  return foldForMatching(name.trim());
}

/** Every way a data class may be written: its id and both labels, NFKC-folded. */
function nameIndex(knowledge: PlanKnowledge): Map<string, DataClassRef> {
  const index = new Map<string, DataClassRef>();
  for (const ref of knowledge.dataClasses.values()) {
    for (const name of [ref.id, ref.label.en, ref.label.ja]) index.set(foldName(name), ref);
  }
  return index;
}

const NAME_INDEX = new WeakMap<PlanKnowledge, Map<string, DataClassRef>>();

/** The data class a name denotes (id or either label, any case or width), or undefined. */
export function findDataClass(name: string, knowledge: PlanKnowledge = PLAN_KNOWLEDGE): DataClassRef | undefined {
  if (name.length > MAX_DATA_CLASS_NAME_CHARS) return undefined;
  let index = NAME_INDEX.get(knowledge);
  if (index === undefined) {
    index = nameIndex(knowledge);
    NAME_INDEX.set(knowledge, index);
  }
  return index.get(foldName(name));
}

function resolveClasses(names: readonly string[], what: string, knowledge: PlanKnowledge): DataClassRef[] {
  if (names.length > MAX_PLAN_DATA_CLASSES) {
    throw new PlanInputError(`too many ${what} data classes (${names.length}; at most ${MAX_PLAN_DATA_CLASSES})`);
  }
  const refs = new Map<string, DataClassRef>();
  for (const name of names) {
    const ref = findDataClass(name, knowledge);
    if (ref === undefined) {
      const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
      throw new PlanInputError(`unknown data class "${shown}" (use Have I Been Pwned's names, such as "Phone numbers")`);
    }
    refs.set(ref.id, ref);
  }
  return [...refs.values()];
}

export function isPlanAnswer(value: string): value is PlanAnswer {
  return (PLAN_ANSWERS as readonly string[]).includes(value);
}

function resolveAnswers(answers: readonly string[]): PlanAnswer[] {
  const known = new Set<PlanAnswer>();
  for (const answer of answers) {
    if (!isPlanAnswer(answer)) {
      const shown = answer.length > 40 ? `${answer.slice(0, 40)}…` : answer;
      throw new PlanInputError(`unknown answer "${shown}" (known: ${PLAN_ANSWERS.join(', ')})`);
    }
    known.add(answer);
  }
  return PLAN_ANSWERS.filter((answer) => known.has(answer));
}

function clauseMatches(clause: StepClause, exposed: ReadonlySet<string>, answers: ReadonlySet<PlanAnswer>): boolean {
  const dataOk = clause.exposed === undefined || clause.exposed.some((id) => exposed.has(id));
  const answersOk = clause.answers === undefined || clause.answers.every((a) => answers.has(a));
  return dataOk && answersOk;
}

function moreUrgent(a: PlanStage, b: PlanStage): PlanStage {
  return (STAGE_RANK.get(a) ?? 0) <= (STAGE_RANK.get(b) ?? 0) ? a : b;
}

function planStep(
  definition: StepDefinition,
  matched: readonly StepClause[],
  exposed: readonly DataClassRef[],
  knowledge: PlanKnowledge,
): PlanStep {
  let stage = definition.stage;
  const becauseIds = new Set<string>();
  const becauseAnswers = new Set<PlanAnswer>();
  for (const clause of matched) {
    stage = moreUrgent(stage, clause.stage ?? definition.stage);
    for (const id of clause.exposed ?? []) becauseIds.add(id);
    for (const answer of clause.answers ?? []) becauseAnswers.add(answer);
  }
  const actions = definition.actions.map((action): PlanAction => {
    const resource = action.resource === undefined ? undefined : knowledge.resources.get(action.resource);
    const text = { ja: action.ja, en: action.en };
    return resource === undefined ? { text } : { text, resource };
  });
  return {
    id: definition.id,
    stage,
    priority: definition.priority,
    title: definition.title,
    body: definition.body,
    actions,
    done: definition.done,
    ...(definition.recurrence === undefined ? {} : { recurrence: definition.recurrence }),
    because: {
      exposed: exposed.filter((ref) => becauseIds.has(ref.id)),
      answers: PLAN_ANSWERS.filter((answer) => becauseAnswers.has(answer)),
    },
  };
}

/**
 * Builds the plan. Data classes may be given by id or by either label; a class listed
 * both as leaked and as not leaked counts as leaked (the safer reading). Throws
 * PlanInputError for unknown names or answers.
 */
export function buildPlan(input: PlanInput, knowledge: PlanKnowledge = PLAN_KNOWLEDGE): Plan {
  const exposed = resolveClasses(input.exposed, 'exposed', knowledge);
  const exposedIds = new Set(exposed.map((ref) => ref.id));
  const notExposed = resolveClasses(input.notExposed, 'not-exposed', knowledge).filter((ref) => !exposedIds.has(ref.id));
  const notExposedIds = new Set(notExposed.map((ref) => ref.id));
  const answers = resolveAnswers(input.answers);
  const answerSet = new Set(answers);

  const steps: PlanStep[] = [];
  const leftOut: StepDefinition[] = [];
  for (const definition of knowledge.steps) {
    const matched = definition.appliesWhen.filter((clause) => clauseMatches(clause, exposedIds, answerSet));
    if (matched.length > 0) steps.push(planStep(definition, matched, exposed, knowledge));
    else leftOut.push(definition);
  }
  steps.sort(
    (a, b) =>
      (STAGE_RANK.get(a.stage) ?? 0) - (STAGE_RANK.get(b.stage) ?? 0) || a.priority - b.priority || a.id.localeCompare(b.id),
  );

  const inPlan = new Set(steps.map((step) => step.id));
  const notNeeded: NotNeededLine[] = [];
  for (const definition of leftOut) {
    const rule = definition.notNeeded;
    if (rule === undefined) continue;
    const ruledOut = notExposed.filter((ref) => rule.whenNotExposed.includes(ref.id));
    if (ruledOut.length === 0) continue;
    if ((rule.unlessPlanHas ?? []).some((id) => inPlan.has(id))) continue;
    notNeeded.push({ stepId: definition.id, dataClasses: ruledOut, text: rule.because });
  }

  const normalizedInput: PlanInput = {
    exposed: exposed.map((ref) => ref.id),
    notExposed: [...notExposedIds],
    answers,
    ...(input.source === undefined ? {} : { source: input.source }),
  };
  return {
    version: 1,
    input: normalizedInput,
    exposed,
    notExposed,
    stages: PLAN_STAGES.map((stage) => ({
      id: stage,
      label: knowledge.stages.get(stage) ?? { ja: stage, en: stage },
      steps: steps.filter((step) => step.stage === stage),
    })),
    notNeeded,
    ...(input.source === undefined ? {} : { source: input.source }),
  };
}

/** The plan's steps in order, across stages. */
export function planSteps(plan: Plan): PlanStep[] {
  return plan.stages.flatMap((group) => group.steps);
}

/** The question to ask for each answer, in both languages, in the order to ask them. */
export function planQuestions(knowledge: PlanKnowledge = PLAN_KNOWLEDGE): { answer: PlanAnswer; question: { ja: string; en: string } }[] {
  return PLAN_ANSWERS.flatMap((answer) => {
    const question = knowledge.questions.get(answer);
    return question === undefined ? [] : [{ answer, question }];
  });
}
