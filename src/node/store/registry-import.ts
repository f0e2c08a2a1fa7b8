// `leakaid incidents import FILE`: contributions in the registry's own format (one
// incident, or an array of them; GET /api/schema/incident.json describes it). Every
// record is validated first and every problem reported with its record and field; a
// file with any problem imports nothing, so a contributor fixes it and runs the command
// again. Importing the same file twice changes nothing; a changed record replaces the
// one stored under its id.
import { readFile, stat } from 'node:fs/promises';
import type { Incident } from '../../core/registry/types.js';
import { validateIncident } from '../../core/registry/validate.js';
import type { Store } from './index.js';
import type { ImportOutcome } from './incidents.js';

/** Larger files are refused before reading: the whole Japanese registry is well under
 * 1 MB; this leaves room for a large batch without reading a runaway file into memory. */
export const REGISTRY_IMPORT_MAX_BYTES = 16 * 1024 * 1024;
/** More records than this in one file is a wrong file, not a contribution. */
export const REGISTRY_IMPORT_MAX_RECORDS = 10_000;

export interface RegistryImportProblem {
  /** The record's place in the file's array; null when the file holds one record (or is not readable as records). */
  record: number | null;
  /** The field: "affected.0.dataClasses.2"; "" for the record or the file as a whole. */
  path: string;
  message: string;
}

export class RegistryImportError extends Error {
  override name = 'RegistryImportError';
  constructor(readonly problems: RegistryImportProblem[]) {
    super(problems.map(problemLine).join('\n'));
  }
}

/** "[2] affected.0.dataClasses.1: unknown data class …". */
export function problemLine(problem: RegistryImportProblem): string {
  const where = [problem.record === null ? '' : `[${problem.record}]`, problem.path].filter((p) => p !== '').join(' ');
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}

export type RegistryImportReport = { records: number } & Record<ImportOutcome, number>;

/** The incidents a file holds, or every problem found in it. */
export function parseRegistryRecords(jsonText: string): Incident[] {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    throw new RegistryImportError([{ record: null, path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const single = !Array.isArray(value);
  const records: unknown[] = Array.isArray(value) ? value : [value];
  if (records.length === 0) throw new RegistryImportError([{ record: null, path: '', message: 'the array holds no incident' }]);
  if (records.length > REGISTRY_IMPORT_MAX_RECORDS) {
    throw new RegistryImportError([{ record: null, path: '', message: `more than ${REGISTRY_IMPORT_MAX_RECORDS} records in one file` }]);
  }
  const problems: RegistryImportProblem[] = [];
  const incidents: Incident[] = [];
  const firstWithId = new Map<string, number>();
  records.forEach((record, index) => {
    const at = single ? null : index;
    const checked = validateIncident(record);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ record: at, ...p });
      return;
    }
    const earlier = firstWithId.get(checked.incident.id);
    if (earlier !== undefined) {
      problems.push({ record: at, path: 'id', message: `the same id as record ${earlier} ("${checked.incident.id}")` });
      return;
    }
    firstWithId.set(checked.incident.id, index);
    incidents.push(checked.incident);
  });
  if (problems.length > 0) throw new RegistryImportError(problems);
  return incidents;
}

export async function importRegistryText(store: Store, jsonText: string): Promise<RegistryImportReport> {
  const incidents = parseRegistryRecords(jsonText);
  return { records: incidents.length, ...(await store.upsertIncidents(incidents)) };
}

export async function importRegistryFile(store: Store, path: string): Promise<RegistryImportReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new RegistryImportError([{ record: null, path: '', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  if (size > REGISTRY_IMPORT_MAX_BYTES) {
    throw new RegistryImportError([{ record: null, path: '', message: `${path} is larger than ${REGISTRY_IMPORT_MAX_BYTES} bytes` }]);
  }
  return importRegistryText(store, await readFile(path, 'utf8'));
}
