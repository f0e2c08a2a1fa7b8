// "Where to read more" on an incident page: the affected organizations' own
// announcements, then every source the record cites, once each, grouped the way a
// reader weighs them — the organization itself, public bodies, the press and others —
// and last the sources recorded without a web address (with their notes). Only URLs
// that are in the record are shown; nothing is made up.
import { organizationForDomain } from '../knowledge/organizations.js';
import type { Incident, Source } from './types.js';

export type SourceGroupKind = 'organization' | 'public' | 'press' | 'unlinked';

export interface SourceGroup {
  kind: SourceGroupKind;
  sources: Source[];
}

export interface ResearchLinks {
  /** Each affected organization's own announcement, when the record has one. */
  announcements: { organizationId: string; url: string }[];
  /** Non-empty groups, in the order above. */
  groups: SourceGroup[];
}

const GROUP_ORDER: readonly SourceGroupKind[] = ['organization', 'public', 'press', 'unlinked'];

/** Japanese central and local government domains: go.jp (ministries, agencies, commissions) and lg.jp (prefectures, cities). */
const PUBLIC_HOST = /(?:^|\.)(?:go|lg)\.jp$/;

function everySource(incident: Incident): Source[] {
  return [
    ...incident.sources,
    ...incident.affected.flatMap((a) => [
      ...a.sources,
      ...a.notifications.flatMap((n) => n.sources),
      ...a.enquiries.flatMap((e) => e.sources),
    ]),
    ...(incident.involved ?? []).flatMap((i) => i.sources),
    ...incident.timeline.flatMap((t) => t.sources),
    ...incident.followUpScams.flatMap((s) => s.sources),
  ];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function researchLinks(incident: Incident): ResearchLinks {
  const own = new Set([...incident.affected, ...(incident.involved ?? [])].map((o) => o.organizationId));
  const announcements = incident.affected.flatMap((a) => (a.announcementUrl === undefined ? [] : [{ organizationId: a.organizationId, url: a.announcementUrl }]));
  const announced = new Set(announcements.map((a) => a.url));
  const groups = new Map<SourceGroupKind, Source[]>(GROUP_ORDER.map((kind) => [kind, []]));
  const seen = new Set<string>();
  for (const source of everySource(incident)) {
    const key = source.url ?? `${source.publisher}\n${source.note ?? ''}`;
    if (seen.has(key) || (source.url !== undefined && announced.has(source.url))) continue;
    seen.add(key);
    groups.get(kindOf(source, own))!.push(source);
  }
  return { announcements, groups: GROUP_ORDER.flatMap((kind) => (groups.get(kind)!.length > 0 ? [{ kind, sources: groups.get(kind)! }] : [])) };
}

function kindOf(source: Source, own: ReadonlySet<string>): SourceGroupKind {
  if (source.url === undefined) return 'unlinked';
  const host = hostOf(source.url);
  if (host === undefined) return 'press';
  const owner = organizationForDomain(host);
  if (owner !== undefined && own.has(owner.id)) return 'organization';
  return PUBLIC_HOST.test(host) ? 'public' : 'press';
}
