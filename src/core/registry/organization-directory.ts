// Every organization a person may deal with: those of data/organizations.json (with
// their official channels) and those that appear only by name in incidents (a city, a
// school, a shop). Finding one by any form of its name — kanji, kana (hiragana or
// katakana, full or half width), English, full-width latin — is what the /mine page's
// type-ahead and `leakaid incidents mine NAME…` do; an organization's page gathers its
// channels, its incidents and how it told people.
import { compactName, getOrganization, ORGANIZATIONS, organizationNames, type Organization } from '../knowledge/organizations.js';
import type { LocalizedText } from '../verdict/types.js';
import { byNewest, incidentDate, type IncidentIndexEntry } from './incident-index.js';
import type { AffectedOrganization, Incident, InvolvedOrganization, Notification } from './types.js';

/** Suggestions shown for one typed name: a short list a person can read at a glance. */
export const MAX_SUGGESTIONS = 8;
/** Longer input is cut here before matching: no organization's name is longer, and it bounds the work per keystroke. */
export const MAX_NAME_QUERY_CHARS = 100;

export interface DirectoryOrganization {
  id: string;
  display: LocalizedText;
  /** Every name form, compacted (compactName) for matching. */
  keys: string[];
  /** Incidents on record in which it was affected. */
  incidentCount: number;
}

/** The known organizations and every affected organization named in the incidents, each once. */
export function buildDirectory(entries: readonly IncidentIndexEntry[]): DirectoryOrganization[] {
  const byId = new Map<string, DirectoryOrganization>();
  for (const org of ORGANIZATIONS) {
    byId.set(org.id, { id: org.id, display: org.display, keys: uniqueKeys(organizationNames(org)), incidentCount: 0 });
  }
  for (const entry of entries) {
    for (const affected of entry.affected) {
      let org = byId.get(affected.organizationId);
      if (org === undefined) {
        const display = affected.name ?? { ja: affected.organizationId, en: affected.organizationId };
        org = { id: affected.organizationId, display, keys: [], incidentCount: 0 };
        byId.set(org.id, org);
      }
      if (affected.name !== undefined) org.keys = uniqueKeys([...org.keys, affected.name.ja, affected.name.en]);
      org.incidentCount += 1;
    }
  }
  return [...byId.values()];
}

function uniqueKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(compactName).filter((k) => k !== ''))];
}

/** 0 when a name is the query, 1 when one starts with it, 2 when one contains it; else undefined. */
function rank(org: DirectoryOrganization, key: string): number | undefined {
  let best: number | undefined;
  for (const k of org.keys) {
    const r = k === key ? 0 : k.startsWith(key) ? 1 : k.includes(key) ? 2 : undefined;
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

/** Organizations whose names match what was typed: exact names first, then names that
 * start with it, then names that contain it; among equals, those with incidents first. */
export function suggestOrganizations(
  directory: readonly DirectoryOrganization[],
  typed: string,
  limit: number = MAX_SUGGESTIONS,
): DirectoryOrganization[] {
  const key = compactName(typed.slice(0, MAX_NAME_QUERY_CHARS));
  if (key === '') return [];
  const ranked: { org: DirectoryOrganization; rank: number }[] = [];
  for (const org of directory) {
    const r = rank(org, key);
    if (r !== undefined) ranked.push({ org, rank: r });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || b.org.incidentCount - a.org.incidentCount || a.org.display.ja.length - b.org.display.ja.length)
    .slice(0, limit)
    .map((r) => r.org);
}

export type NameResolution =
  | { kind: 'found'; organizations: DirectoryOrganization[] }
  | { kind: 'ambiguous'; candidates: DirectoryOrganization[] }
  | { kind: 'unknown' };

/** What a typed name means: the organizations with exactly that name (or one whose name
 * contains it, when only one does), else the candidates to choose from. */
export function resolveOrganizationName(directory: readonly DirectoryOrganization[], name: string): NameResolution {
  const key = compactName(name.slice(0, MAX_NAME_QUERY_CHARS));
  if (key === '') return { kind: 'unknown' };
  const exact = directory.filter((org) => org.keys.includes(key) || org.id === name.trim());
  if (exact.length > 0) return { kind: 'found', organizations: exact };
  const partial = suggestOrganizations(directory, name, MAX_SUGGESTIONS + 1);
  if (partial.length === 1) return { kind: 'found', organizations: partial };
  if (partial.length === 0) return { kind: 'unknown' };
  return { kind: 'ambiguous', candidates: partial.slice(0, MAX_SUGGESTIONS) };
}

/** One incident as an organization's page shows it. */
export interface OrganizationIncident {
  id: string;
  title: LocalizedText;
  date?: string;
  status: Incident['status'];
  /** Its part as an affected organization: what leaked, what did not, how people were told. */
  affected?: AffectedOrganization;
  /** Its part as a contractor or other party, when it was not itself affected. */
  involved?: InvolvedOrganization;
  fromHibp?: true;
}

/** How the organization told people, over all its incidents: what a genuine notice from it looks like. */
export interface NoticeMethod {
  method: Notification['method'];
  incidentId: string;
  date?: string;
  sources: Notification['sources'];
}

export interface OrganizationProfile {
  id: string;
  display: LocalizedText;
  /** Its entry in data/organizations.json (official domains, phones, SMS senders, each with a source), if known. */
  organization?: Organization;
  incidents: OrganizationIncident[];
  noticeMethods: NoticeMethod[];
}

/** An organization's page from the incidents that mention it; undefined when neither
 * data/organizations.json nor any of the incidents knows the id. */
export function organizationProfile(id: string, incidents: readonly Incident[]): OrganizationProfile | undefined {
  const organization = getOrganization(id);
  let display = organization?.display;
  const found: OrganizationIncident[] = [];
  const noticeMethods: NoticeMethod[] = [];
  for (const incident of incidents) {
    const affected = incident.affected.find((a) => a.organizationId === id);
    const involved = affected === undefined ? incident.involved?.find((i) => i.organizationId === id) : undefined;
    if (affected === undefined && involved === undefined) continue;
    display ??= affected?.name ?? involved?.name;
    const date = incidentDate(incident);
    found.push({
      id: incident.id,
      title: incident.title,
      ...(date === undefined ? {} : { date }),
      status: incident.status,
      ...(affected === undefined ? {} : { affected }),
      ...(involved === undefined ? {} : { involved }),
      ...(incident.hibp === undefined ? {} : { fromHibp: true as const }),
    });
    for (const n of affected?.notifications ?? []) {
      noticeMethods.push({ method: n.method, incidentId: incident.id, ...(n.date === undefined ? {} : { date: n.date }), sources: n.sources });
    }
  }
  if (organization === undefined && found.length === 0) return undefined;
  return {
    id,
    display: display ?? { ja: id, en: id },
    ...(organization === undefined ? {} : { organization }),
    incidents: found.sort(byNewest),
    noticeMethods,
  };
}
