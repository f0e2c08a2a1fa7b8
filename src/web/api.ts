// Calls to the registry API. Only search words, incident and organization ids go to the
// server; a message being checked never does (the checker runs in the page, with the
// records it fetched when the page opened), nor the companies picked on /mine, nor a
// notice's QR code (checked in the page against the keys fetched when /verify opens).
// A typed notice code does go to the server, which alone can look it up.
import type { NoticeVerification } from '../core/notices/answer.js';
import type { NoticeKey, NoticeKeysDocument } from '../core/notices/keys.js';
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

/** The registered issuer keys, fetched when /verify opens, before anything is scanned. */
export async function getNoticeKeys(): Promise<NoticeKey[]> {
  return (await getJson<NoticeKeysDocument>('/api/notice-keys')).keys;
}

export type CodeLookup =
  | { kind: 'answer'; verification: NoticeVerification }
  /** Too many look-ups from this address: the server says how many seconds to wait. */
  | { kind: 'too-many'; retryAfterSeconds: number | null }
  | { kind: 'refused'; message: { ja: string; en: string } };

/** A typed short code looked up on the server (POST /api/verify). */
export async function lookUpNoticeCode(code: string, postalCode: string | undefined): Promise<CodeLookup> {
  const response = await fetch('/api/verify', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(postalCode === undefined ? { code } : { code, postalCode }),
  });
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return { kind: 'too-many', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  const body = (await response.json()) as NoticeVerification | { message?: { ja: string; en: string } };
  if (response.ok || (response.status === 400 && 'status' in body)) return { kind: 'answer', verification: body as NoticeVerification };
  if (response.status === 400 && 'message' in body && body.message !== undefined) return { kind: 'refused', message: body.message };
  throw new ApiError(response.status);
}
