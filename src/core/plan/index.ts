// The plan engine's public API (pure: runs in Node and in the browser).
export { buildPlan, findDataClass, isPlanAnswer, planQuestions, planSteps } from './engine.js';
export { PlanInputError } from './errors.js';
export { planInputFromIncident } from './from-incident.js';
export { ANSWER_LABELS, PLAN_LABELS, recurrenceLabel, resourceLine } from './labels.js';
export { MAX_DATA_CLASS_NAME_CHARS, MAX_PLAN_DATA_CLASSES } from './limits.js';
export { planToMarkdown } from './markdown.js';
export type { MarkdownOptions } from './markdown.js';
export { isStepDone, markStep, summarizeProgress } from './progress.js';
export type { ProgressSummary } from './progress.js';
export { PLAN_KNOWLEDGE, parsePlanKnowledge } from './steps.js';
export type { PlanKnowledge } from './steps.js';
export { PLAN_ANSWERS, PLAN_STAGES } from './types.js';
export type * from './types.js';
