// Calls to the registry API. Only search words, incident and organization ids go to the
// server; a message being checked never does (the checker runs in the page, with the
// records it fetched when the page opened), nor the companies picked on /mine.
import type { IncidentIndexEntry } from '../core/registry/incident-index.js';
import type { OrganizationProfile } from '../core/registry/organization-directory.js';
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

/** The registry in brief, whole: fetched before anything is picked on the /mine page, so
 * that the request carries nothing of the companies a person deals with. */
export async function getIncidentIndex(): Promise<IncidentIndexEntry[]> {
  return (await getJson<{ incidents: IncidentIndexEntry[] }>('/api/incident-index')).incidents;
}

export function getOrganizationProfile(id: string): Promise<OrganizationProfile> {
  return getJson<OrganizationProfile>(`/api/organizations/${encodeURIComponent(id)}`);
}
