// Calendar reminders for the plan's recurring steps (check card statements monthly for a
// year, and so on), as an .ics file any calendar app imports: one repeating event per
// step, with an alarm at the time of each occurrence.
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { PLAN_LABELS, planSteps, recurrenceLabel } from '../../core/plan/index.js';
import type { Plan, PlanLang } from '../../core/plan/index.js';

/** Local wall-clock time of each reminder: mid-morning, when help desks are open. */
const REMINDER_HOUR = 10;
const REMINDER_MINUTES = 15;
/** The alarm goes off this long before each occurrence. */
const ALARM_MINUTES_BEFORE = 15;
/** RFC 5545 §3.1: content lines are folded at 75 octets. */
const MAX_LINE_OCTETS = 75;

const encoder = new TextEncoder();

/** Refolds every content line at 75 octets on character boundaries. The ics package folds
 * by characters, which leaves lines of Japanese text at about 200 octets. */
function foldLines(text: string): string {
  const unfolded = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const out: string[] = [];
  for (const line of unfolded) {
    if (line === '') continue;
    let current = '';
    let octets = 0;
    for (const char of line) {
      const size = encoder.encode(char).length;
      if (octets + size > MAX_LINE_OCTETS) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += char;
      octets += size;
    }
    out.push(current);
  }
  return `${out.join('\r\n')}\r\n`;
}

export interface IcsOptions {
  lang: PlanLang;
  /** YYYY-MM-DD of the first reminder. */
  start: string;
  /** Makes event UIDs stable per plan, so importing the same plan again updates rather than duplicates. */
  uidPrefix: string;
}

export class IcsError extends Error {
  override name = 'IcsError';
}

/** The .ics text; a plan without recurring steps gives a calendar with no events. */
export function planToIcs(plan: Plan, options: IcsOptions): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.start);
  if (match === null) throw new IcsError(`not a date (YYYY-MM-DD): "${options.start.slice(0, 20)}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const { lang } = options;
  const events: EventAttributes[] = planSteps(plan).flatMap((step) => {
    if (step.recurrence === undefined) return [];
    const description = [recurrenceLabel(step.recurrence, lang), step.body[lang], ...step.actions.map((a) => `・${a.text[lang]}`), `${PLAN_LABELS.doneWhen[lang]}: ${step.done[lang]}`].join('\n');
    return [
      {
        uid: `${options.uidPrefix}-${step.id}@leakaid`,
        title: step.title[lang],
        description,
        start: [year, month, day, REMINDER_HOUR, 0],
        startInputType: 'local',
        startOutputType: 'local',
        duration: { minutes: REMINDER_MINUTES },
        recurrenceRule: `FREQ=${step.recurrence.every === 'month' ? 'MONTHLY' : 'WEEKLY'};COUNT=${step.recurrence.times}`,
        alarms: [{ action: 'display', description: step.title[lang], trigger: { minutes: ALARM_MINUTES_BEFORE, before: true } }],
        busyStatus: 'FREE',
        productId: 'leakaid/plan',
        calName: PLAN_LABELS.title[lang],
      } satisfies EventAttributes,
    ];
  });
  if (events.length === 0) {
    // ics refuses an empty list; a calendar with only its header is still a valid import.
    return foldLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:leakaid/plan', 'METHOD:PUBLISH', 'END:VCALENDAR'].join('\r\n'));
  }
  const { error, value } = createEvents(events);
  if (error !== null || value === null) throw new IcsError(`calendar could not be written: ${error?.message ?? 'no output'}`);
  return foldLines(value);
}
