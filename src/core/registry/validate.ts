// Validation of an incident in the registry's own format — a seed file or a contribution
// (`leakaid incidents import`) — that reports every problem at once, each with the path
// of the field it concerns, so a contributor fixes a file in one pass. Beyond the schema,
// it checks what the schema cannot: data classes from the vocabulary, and a name for
// every organization that data/organizations.json does not know.
import { getOrganization } from '../knowledge/organizations.js';
import { dataClass } from './data-classes.js';
import { IncidentSchema } from './schema.js';
import type { Incident } from './types.js';

export interface IncidentProblem {
  /** Where in the record: "affected.0.dataClasses.2"; "" for the record as a whole. */
  path: string;
  message: string;
}

export type IncidentValidation = { ok: true; incident: Incident } | { ok: false; problems: IncidentProblem[] };

export function validateIncident(value: unknown): IncidentValidation {
  const parsed = IncidentSchema.safeParse(value);
  // The references are checked even when the schema fails, so that every problem shows at once.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))),
    ...referenceProblems(value),
  ];
  return parsed.success && problems.length === 0 ? { ok: true, incident: parsed.data as Incident } : { ok: false, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordsAt(value: Record<string, unknown>, key: string): [number, Record<string, unknown>][] {
  const list = value[key];
  return Array.isArray(list) ? list.flatMap((item, i): [number, Record<string, unknown>][] => (isRecord(item) ? [[i, item]] : [])) : [];
}

/** What the schema cannot see — references to the data-class vocabulary and to the
 * organizations — read from the raw value, so they are found even in a record the
 * schema refuses (where a field has the wrong shape, the schema has said so already). */
function referenceProblems(value: unknown): IncidentProblem[] {
  if (!isRecord(value)) return [];
  const problems: IncidentProblem[] = [];
  for (const field of ['hibp', 'attribution']) {
    if (value[field] !== undefined) {
      problems.push({ path: field, message: "records from Have I Been Pwned are imported with --format hibp, not in the registry's own format" });
    }
  }
  const needsName = (entry: Record<string, unknown>): boolean =>
    entry['name'] === undefined && typeof entry['organizationId'] === 'string' && getOrganization(entry['organizationId']) === undefined;
  const nameMessage = (entry: Record<string, unknown>): string =>
    `"${String(entry['organizationId'])}" is not in data/organizations.json, so the record needs its name ({"ja", "en"})`;
  for (const [i, affected] of recordsAt(value, 'affected')) {
    for (const field of ['dataClasses', 'notExposed']) {
      const ids = affected[field];
      if (!Array.isArray(ids)) continue;
      ids.forEach((id: unknown, j) => {
        if (typeof id === 'string' && id.trim() !== '' && dataClass(id) === undefined) {
          problems.push({ path: `affected.${i}.${field}.${j}`, message: `unknown data class "${id}" (see data/registry/data-classes.json)` });
        }
      });
    }
    if (needsName(affected)) problems.push({ path: `affected.${i}.name`, message: nameMessage(affected) });
  }
  for (const [i, involved] of recordsAt(value, 'involved')) {
    if (needsName(involved)) problems.push({ path: `involved.${i}.name`, message: nameMessage(involved) });
  }
  return problems;
}

/** One line per problem: "affected.0.dataClasses.2: unknown data class …". */
export function formatProblems(problems: readonly IncidentProblem[]): string[] {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`));
}
