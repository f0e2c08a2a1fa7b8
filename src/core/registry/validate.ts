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
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const incident = parsed.data as Incident;
  const problems = registryProblems(incident);
  return problems.length === 0 ? { ok: true, incident } : { ok: false, problems };
}

/** What the schema cannot see: references to the data-class vocabulary and to the organizations. */
function registryProblems(incident: Incident): IncidentProblem[] {
  const problems: IncidentProblem[] = [];
  if (incident.hibp !== undefined || incident.attribution !== undefined) {
    problems.push({
      path: incident.hibp !== undefined ? 'hibp' : 'attribution',
      message: "records from Have I Been Pwned are imported with --format hibp, not in the registry's own format",
    });
  }
  incident.affected.forEach((affected, i) => {
    for (const field of ['dataClasses', 'notExposed'] as const) {
      affected[field].forEach((id, j) => {
        if (dataClass(id) === undefined) {
          problems.push({ path: `affected.${i}.${field}.${j}`, message: `unknown data class "${id}" (see data/registry/data-classes.json)` });
        }
      });
    }
    if (affected.name === undefined && getOrganization(affected.organizationId) === undefined) {
      problems.push({ path: `affected.${i}.name`, message: `"${affected.organizationId}" is not in data/organizations.json, so the record needs its name ({"ja", "en"})` });
    }
  });
  (incident.involved ?? []).forEach((involved, i) => {
    if (involved.name === undefined && getOrganization(involved.organizationId) === undefined) {
      problems.push({ path: `involved.${i}.name`, message: `"${involved.organizationId}" is not in data/organizations.json, so the record needs its name ({"ja", "en"})` });
    }
  });
  return problems;
}

/** One line per problem: "affected.0.dataClasses.2: unknown data class …". */
export function formatProblems(problems: readonly IncidentProblem[]): string[] {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`));
}
