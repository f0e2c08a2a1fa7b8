// The plan as Markdown: checkboxes ("- [ ]") a person can tick in any editor or print,
// and a format the web app can offer as a download without a server.
import { planSteps } from './engine.js';
import { ANSWER_LABELS, PLAN_LABELS, recurrenceLabel, resourceLine } from './labels.js';
import { isStepDone } from './progress.js';
import type { Plan, PlanLang, PlanProgress } from './types.js';

/** Registry texts are not ours: keep them from turning into links, emphasis or headings. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

export interface MarkdownOptions {
  lang: PlanLang;
  progress?: PlanProgress;
  /** YYYY-MM-DD: a recurring step counts as done only when ticked in today's period. */
  today: string;
}

export function planToMarkdown(plan: Plan, options: MarkdownOptions): string {
  const { lang } = options;
  const progress = options.progress ?? {};
  const { today } = options;
  const lines: string[] = [`# ${PLAN_LABELS.title[lang]}`, ''];

  if (plan.source !== undefined) {
    const s = plan.source;
    lines.push(`- ${PLAN_LABELS.incident[lang]}: ${escapeMarkdown(s.incidentTitle[lang])}`);
    lines.push(`- ${PLAN_LABELS.organization[lang]}: ${escapeMarkdown(s.organizationName[lang])}`);
    if (s.announcementUrl !== undefined) lines.push(`- ${PLAN_LABELS.announcement[lang]}: <${s.announcementUrl}>`);
    for (const site of s.officialDomains) {
      lines.push(`- ${PLAN_LABELS.officialDomain[lang]}: ${escapeMarkdown(site.domain)} (${PLAN_LABELS.source[lang]}: ${site.source})`);
    }
    for (const enquiry of s.enquiries) {
      const label = enquiry.label === undefined ? '' : `${escapeMarkdown(enquiry.label[lang])}: `;
      const sources = enquiry.sources.map((src) => src.url).join(', ');
      lines.push(`- ${PLAN_LABELS.enquiries[lang]}: ${label}${escapeMarkdown(enquiry.value)} (${PLAN_LABELS.source[lang]}: ${sources})`);
    }
  }
  const names = (refs: Plan['exposed']) =>
    refs.length === 0 ? PLAN_LABELS.unknownData[lang] : refs.map((ref) => ref.label[lang]).join(lang === 'ja' ? '、' : ', ');
  lines.push(`- ${PLAN_LABELS.exposed[lang]}: ${names(plan.exposed)}`);
  if (plan.notExposed.length > 0) lines.push(`- ${PLAN_LABELS.notExposed[lang]}: ${names(plan.notExposed)}`);
  if (plan.input.answers.length > 0) {
    lines.push(`- ${PLAN_LABELS.answers[lang]}: ${plan.input.answers.map((a) => ANSWER_LABELS[a][lang]).join(lang === 'ja' ? '、' : '; ')}`);
  }

  for (const stage of plan.stages) {
    lines.push('', `## ${stage.label[lang]}`, '');
    if (stage.steps.length === 0) lines.push(PLAN_LABELS.nothingInStage[lang]);
    for (const step of stage.steps) {
      const entry = progress[step.id];
      const done = isStepDone(step, progress, today);
      const doneNote = done && entry !== undefined ? ` (${PLAN_LABELS.doneOn[lang]} ${entry.at})` : '';
      const repeat = step.recurrence === undefined ? '' : ` — ${recurrenceLabel(step.recurrence, lang)}`;
      lines.push(`- [${done ? 'x' : ' '}] **${step.title[lang]}**${repeat}${doneNote}`);
      lines.push(`  ${step.body[lang]}`);
      for (const action of step.actions) {
        const resource = action.resource === undefined ? '' : ` — ${resourceLine(action.resource, lang)}`;
        lines.push(`  - ${action.text[lang]}${resource}`);
      }
      lines.push(`  - *${PLAN_LABELS.doneWhen[lang]}:* ${step.done[lang]}`);
    }
  }

  if (plan.notNeeded.length > 0) {
    lines.push('', `## ${PLAN_LABELS.notNeeded[lang]}`, '');
    for (const line of plan.notNeeded) lines.push(`- ${line.text[lang]}`);
  }
  const steps = planSteps(plan);
  const remaining = steps.filter((step) => !isStepDone(step, progress, today));
  lines.push('', `${PLAN_LABELS.remaining[lang]}: ${remaining.length} / ${steps.length}`, '');
  return lines.join('\n');
}
