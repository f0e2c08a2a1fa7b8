// `leakaid incidents import FILE --format hibp`: a /api/v3/breaches JSON array into the
// store. Valid records are kept and invalid ones reported by index and reason; importing
// the same file again changes nothing (records are keyed by Name and compared by content).
import { readFile, stat } from 'node:fs/promises';
import { parseHibpRecord } from '../../core/registry/hibp.js';
import type { Incident } from '../../core/registry/types.js';
import type { Store } from './index.js';

/** Larger files are refused before reading: HIBP's full list is about 1 MB today, this leaves room to grow without reading a runaway file into memory. */
export const HIBP_IMPORT_MAX_BYTES = 64 * 1024 * 1024;
/** HIBP lists under a thousand breaches; a million records is a wrong file, not a breach list. */
export const HIBP_IMPORT_MAX_RECORDS = 1_000_000;

export class ImportError extends Error {
  override name = 'ImportError';
}

export interface InvalidRecord {
  index: number;
  reason: string;
}

export interface ImportReport {
  /** Valid records in the file. */
  records: number;
  added: number;
  updated: number;
  unchanged: number;
  invalid: InvalidRecord[];
}

/** A valid record: the incident it becomes, and the record's own fields as given. */
interface ParsedBreach {
  incident: Incident;
  record: Record<string, unknown>;
}

/** Parses a breaches array; throws ImportError when the file as a whole is not one. */
export function parseHibpBreaches(jsonText: string): { breaches: ParsedBreach[]; invalid: InvalidRecord[] } {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    throw new ImportError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(value)) throw new ImportError('expected a JSON array of breaches, as GET /api/v3/breaches returns');
  if (value.length > HIBP_IMPORT_MAX_RECORDS) throw new ImportError(`more than ${HIBP_IMPORT_MAX_RECORDS} records`);
  const breaches: ParsedBreach[] = [];
  const invalid: InvalidRecord[] = [];
  const seen = new Map<string, number>();
  value.forEach((record: unknown, index) => {
    const parsed = parseHibpRecord(record);
    if (!parsed.ok) {
      invalid.push({ index, reason: parsed.reason });
      return;
    }
    const earlier = seen.get(parsed.incident.id);
    if (earlier !== undefined) {
      invalid.push({ index, reason: `same Name as record ${earlier} (${parsed.incident.hibp?.Name ?? parsed.incident.id})` });
      return;
    }
    seen.set(parsed.incident.id, index);
    breaches.push({ incident: parsed.incident, record: record as Record<string, unknown> });
  });
  return { breaches, invalid };
}

export async function importHibpText(store: Store, jsonText: string): Promise<ImportReport> {
  const { breaches, invalid } = parseHibpBreaches(jsonText);
  const completed = await Promise.all(breaches.map((breach) => withStoredFields(store, breach)));
  const counts = await store.upsertIncidents(completed);
  return { records: breaches.length, ...counts, invalid };
}

/** A record from a partial export (no Domain, BreachDate, Is… flags) completes the breach
 * on record instead of erasing what it does not carry: stored fields it lacks are kept. */
async function withStoredFields(store: Store, { incident, record }: ParsedBreach): Promise<Incident> {
  const stored = (await store.getIncident(incident.id))?.hibp;
  if (stored === undefined) return incident;
  // The record's own fields first, in its order, so that an unchanged record compares equal.
  const completed: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(stored)) if (!(field in completed)) completed[field] = value;
  const merged = parseHibpRecord(completed);
  return merged.ok ? merged.incident : incident;
}

export async function importHibpFile(store: Store, path: string): Promise<ImportReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (size > HIBP_IMPORT_MAX_BYTES) throw new ImportError(`${path} is larger than ${HIBP_IMPORT_MAX_BYTES} bytes`);
  return importHibpText(store, await readFile(path, 'utf8'));
}
