// Progress on a plan: steps marked done or undone with a date. Pure, so the CLI's store
// and the web app's localStorage keep the same shape and show the same "what remains".
import { PlanInputError } from './errors.js';
import { planSteps } from './engine.js';
import type { Plan, PlanProgress, PlanStep } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new PlanInputError(`not a date (YYYY-MM-DD): "${date.slice(0, 20)}"`);
  }
}

/** Marks a step done or not done on `date` (YYYY-MM-DD); returns new progress. Throws
 * PlanInputError for a step that is not in the plan. */
export function markStep(plan: Plan, progress: PlanProgress, stepId: string, done: boolean, date: string): PlanProgress {
  checkDate(date);
  if (!planSteps(plan).some((step) => step.id === stepId)) {
    const shown = stepId.length > 60 ? `${stepId.slice(0, 60)}…` : stepId;
    throw new PlanInputError(`this plan has no step "${shown}"`);
  }
  return { ...progress, [stepId]: { done, at: date } };
}

function periodKey(date: string, every: 'week' | 'month'): string {
  if (every === 'month') return date.slice(0, 7);
  // Weeks counted from the Unix epoch in UTC, so both dates land in the same bucket the
  // same way on every device.
  return String(Math.floor(Date.parse(`${date}T00:00:00Z`) / (7 * 86_400_000)));
}

/** Whether a step counts as done on `today`: a one-off step once marked done; a recurring
 * step only when marked done in the current period (this month, this week). */
export function isStepDone(step: PlanStep, progress: PlanProgress, today: string): boolean {
  const entry = progress[step.id];
  if (entry === undefined || !entry.done) return false;
  if (step.recurrence === undefined) return true;
  return periodKey(entry.at, step.recurrence.every) === periodKey(today, step.recurrence.every);
}

export interface ProgressSummary {
  total: number;
  done: number;
  /** Steps still to do, in plan order. */
  remaining: PlanStep[];
}

export function summarizeProgress(plan: Plan, progress: PlanProgress, today: string): ProgressSummary {
  checkDate(today);
  const steps = planSteps(plan);
  const remaining = steps.filter((step) => !isStepDone(step, progress, today));
  return { total: steps.length, done: steps.length - remaining.length, remaining };
}
