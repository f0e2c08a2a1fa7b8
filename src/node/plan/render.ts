// Writes the plan's outputs (Markdown, PDF, .ics) to the files the person asked for.
import { writeFile } from 'node:fs/promises';
import { planToMarkdown } from '../../core/plan/index.js';
import type { Plan, PlanLang, PlanProgress } from '../../core/plan/index.js';
import { planToIcs } from './ics.js';
import { planToPdf } from './pdf.js';

export interface OutputFiles {
  markdown?: string;
  pdf?: string;
  ics?: string;
}

export class OutputError extends Error {
  override name = 'OutputError';
}

async function write(path: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new OutputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Writes each requested file; returns the paths written. */
export async function writeOutputs(
  plan: Plan,
  files: OutputFiles,
  context: { lang: PlanLang; progress: PlanProgress; today: string; uidPrefix: string; planId?: string },
): Promise<string[]> {
  const written: string[] = [];
  if (files.markdown !== undefined) {
    await write(files.markdown, planToMarkdown(plan, { lang: context.lang, progress: context.progress, today: context.today }));
    written.push(files.markdown);
  }
  if (files.pdf !== undefined) {
    const pdfOptions = { lang: context.lang, progress: context.progress, today: context.today };
    await write(files.pdf, await planToPdf(plan, context.planId === undefined ? pdfOptions : { ...pdfOptions, planId: context.planId }));
    written.push(files.pdf);
  }
  if (files.ics !== undefined) {
    await write(files.ics, planToIcs(plan, { lang: context.lang, start: context.today, uidPrefix: context.uidPrefix }));
    written.push(files.ics);
  }
  return written;
}

/** Today as YYYY-MM-DD in local time: "done on" dates are the person's own calendar days. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
