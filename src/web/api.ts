// Calls to the registry API. Only search words and incident ids go to the server; a
// message being checked never does (the checker runs in the page, with the records it
// fetched when the page opened).
import type { Incident, IncidentSummary } from '../core/registry/types.js';

export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status);
  return (await response.json()) as T;
}

export async function searchIncidents(query: string): Promise<IncidentSummary[]> {
  const body = await getJson<{ query: string; results: IncidentSummary[] }>(`/api/incidents?q=${encodeURIComponent(query)}`);
  return body.results;
}

export function getIncident(id: string): Promise<Incident> {
  return getJson<Incident>(`/api/incidents/${encodeURIComponent(id)}`);
}

/** The incident records a breach notice is compared with, as the server's checker uses them. */
export async function getNoticeRecords(): Promise<Incident[]> {
  return (await getJson<{ incidents: Incident[] }>('/api/notice-records')).incidents;
}
