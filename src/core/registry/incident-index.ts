// The registry in brief: per incident, who was affected and what leaked or did not —
// enough for "which of my companies leaked?" (the web app's /mine page, `leakaid
// incidents mine`) to be answered on the person's own device. The page fetches this
// index whole, before anything is picked, so the companies a person deals with never
// leave the browser.
import type { LocalizedText } from '../verdict/types.js';
import type { Incident, IncidentStatus } from './types.js';

export interface IncidentIndexEntry {
  id: string;
  title: LocalizedText;
  /** When it became known (YYYY, YYYY-MM or YYYY-MM-DD): what "newest first" sorts by. */
  date?: string;
  status: IncidentStatus;
  totalRecords?: number;
  affected: {
    organizationId: string;
    /** Only for organizations data/organizations.json does not know. */
    name?: LocalizedText;
    records?: number;
    dataClasses: string[];
    notExposed: string[];
  }[];
  /** Present on records that came from Have I Been Pwned (CC BY 4.0, to be credited). */
  fromHibp?: true;
}

/** The date an incident became known: its announcement, else its discovery, else when it began. */
export function incidentDate(incident: Incident): string | undefined {
  return incident.announcedDate ?? incident.hibp?.AddedDate?.slice(0, 10) ?? incident.discoveredDate ?? incident.period?.start;
}

/**
 * The last time the record says something happened: the newest of its announcement,
 * discovery and timeline dates (or HIBP's ModifiedDate). An incident whose timeline
 * gains a later event counts as updated — what a feed reader wants to hear about.
 * Dates are compared as written (ISO order), so "2024-04" sorts before "2024-04-01".
 */
export function lastChanged(incident: Incident): string | undefined {
  const modified = incident.hibp?.ModifiedDate;
  if (modified !== undefined && modified !== '') return modified;
  const dates = [incident.announcedDate, incident.discoveredDate, incident.hibp?.AddedDate, ...incident.timeline.map((t) => t.date)];
  let newest: string | undefined;
  for (const date of dates) if (date !== undefined && date !== '' && (newest === undefined || date > newest)) newest = date;
  return newest ?? incident.period?.start;
}

export function toIndexEntry(incident: Incident): IncidentIndexEntry {
  const date = incidentDate(incident);
  return {
    id: incident.id,
    title: incident.title,
    ...(date === undefined ? {} : { date }),
    status: incident.status,
    ...(incident.totalRecords === undefined ? {} : { totalRecords: incident.totalRecords }),
    affected: incident.affected.map((a) => ({
      organizationId: a.organizationId,
      ...(a.name === undefined ? {} : { name: a.name }),
      ...(a.records === undefined ? {} : { records: a.records }),
      dataClasses: a.dataClasses,
      notExposed: a.notExposed,
    })),
    ...(incident.hibp === undefined ? {} : { fromHibp: true as const }),
  };
}

/** Newest first; undated incidents last; ties by id so the order never wobbles. */
export function byNewest(a: { id: string; date?: string }, b: { id: string; date?: string }): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface IncidentForPicks {
  entry: IncidentIndexEntry;
  /** The affected parts that belong to the picked organizations, in the incident's order. */
  picked: IncidentIndexEntry['affected'];
}

/** The incidents that affected any of the picked organizations, newest first. */
export function incidentsForPicks(entries: readonly IncidentIndexEntry[], pickedIds: Iterable<string>): IncidentForPicks[] {
  const picks = new Set(pickedIds);
  if (picks.size === 0) return [];
  const found: IncidentForPicks[] = [];
  for (const entry of entries) {
    const picked = entry.affected.filter((a) => picks.has(a.organizationId));
    if (picked.length > 0) found.push({ entry, picked });
  }
  return found.sort((a, b) => byNewest(a.entry, b.entry));
}
