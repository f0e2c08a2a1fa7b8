// Have I Been Pwned's breach model (GET /api/v3/breaches): reading it into incidents
// and writing incidents back out in HIBP's field names and casing. Records HIBP
// publishes are CC BY 4.0; every imported incident carries the attribution.
import { z } from 'zod';
import { organizationForDomain } from '../knowledge/organizations.js';
import type { Attribution, HibpBreach, Incident, IncidentStatus } from './types.js';

export const HIBP_ATTRIBUTION: Attribution = {
  name: 'Have I Been Pwned',
  url: 'https://haveibeenpwned.com/',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
};

/** Imported incident ids are this prefix + the HIBP Name as a slug, so they never clash with our own. */
export const HIBP_ID_PREFIX = 'hibp-';

/** Stops one record from carrying megabytes of text or thousands of classes into the store. */
export const HIBP_MAX_DESCRIPTION_CHARS = 20_000;
export const HIBP_MAX_DATA_CLASSES = 500;

const HIBP_API_URL = 'https://haveibeenpwned.com/api/v3/breaches';

const text = z.string().trim().min(1).max(500);
const isoDate = z.iso.date();
const timestamp = z.iso.datetime({ offset: true });

const HibpRecordSchema = z.looseObject({
  Name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'letters, digits, ".", "_" or "-"').optional(),
  Title: text,
  Domain: z.string().max(253).optional(),
  BreachDate: isoDate.optional(),
  AddedDate: timestamp,
  ModifiedDate: timestamp.optional(),
  PwnCount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  Description: z.string().max(HIBP_MAX_DESCRIPTION_CHARS),
  DataClasses: z.array(text).max(HIBP_MAX_DATA_CLASSES),
  IsVerified: z.boolean().optional(),
  IsFabricated: z.boolean().optional(),
  IsSensitive: z.boolean().optional(),
  IsRetired: z.boolean().optional(),
  IsSpamList: z.boolean().optional(),
  IsMalware: z.boolean().optional(),
  IsStealerLog: z.boolean().optional(),
  IsSubscriptionFree: z.boolean().optional(),
  LogoPath: z.url().optional(),
  LogoType: z.string().regex(/^[a-z]{2,5}$/).optional(),
  DisclosureUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).nullable().optional(),
  Attribution: z.string().max(500).nullable().optional(),
});

export type HibpRecord = z.infer<typeof HibpRecordSchema>;

export type HibpParse = { ok: true; incident: Incident } | { ok: false; reason: string };

/**
 * The Name a record is stored under. Full records have one. Records without it (the
 * partial export has no Name, Domain or BreachDate) get one derived from what is always
 * there: the Title's letters and digits plus the AddedDate to the second, e.g.
 * "GolfCanada-20260822071723". The same record always gets the same Name, and two
 * records with the same Title (HIBP lists "Exact Sciences" twice) stay apart.
 */
export function hibpName(record: Pick<HibpRecord, 'Name' | 'Title' | 'AddedDate'>): string {
  if (record.Name !== undefined) return record.Name;
  const letters = record.Title.normalize('NFKC').replace(/[^A-Za-z0-9]+/g, '') || 'Breach';
  return `${letters}-${record.AddedDate.replace(/\D/g, '').slice(0, 14)}`;
}

export function hibpIncidentId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return HIBP_ID_PREFIX + (slug || 'breach');
}

/** One record of a /api/v3/breaches array → an incident, or the reason it was rejected. */
export function parseHibpRecord(value: unknown): HibpParse {
  const parsed = HibpRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    return { ok: false, reason: `${path === '' ? '' : `${path}: `}${issue?.message ?? 'not a breach record'}` };
  }
  const record = parsed.data;
  const name = hibpName(record);
  const breach = toHibpBreach(record, name);
  const domain = record.Domain?.trim().toLowerCase() ?? '';
  const known = domain === '' ? undefined : organizationForDomain(domain);
  const title = { ja: record.Title, en: record.Title };
  const hibpSource = { url: HIBP_API_URL, publisher: HIBP_ATTRIBUTION.name };
  const disclosure = record.DisclosureUrl ? [{ url: record.DisclosureUrl, publisher: record.Title }] : [];
  const incident: Incident = {
    id: hibpIncidentId(name),
    title,
    summary: { ja: plainText(record.Description), en: plainText(record.Description) },
    ...(record.BreachDate === undefined ? {} : { period: { start: record.BreachDate } }),
    totalRecords: record.PwnCount,
    status: hibpStatus(record),
    affected: [
      {
        organizationId: known?.id ?? hibpIncidentId(name),
        ...(known === undefined ? { name: title } : {}),
        records: record.PwnCount,
        dataClasses: [...record.DataClasses],
        notExposed: [],
        notifications: [],
        enquiries: [],
        sources: [hibpSource, ...disclosure],
      },
    ],
    timeline: [],
    followUpScams: [],
    sources: [hibpSource, ...disclosure],
    attribution: HIBP_ATTRIBUTION,
    hibp: breach,
  };
  return { ok: true, incident };
}

function hibpStatus(record: HibpRecord): IncidentStatus {
  if (record.IsFabricated === true) return 'unverified';
  return record.IsVerified === true ? 'confirmed' : 'reported';
}

/** HIBP's current breach model. Old exports have LogoType instead of LogoPath; HIBP serves logos by Name. */
function toHibpBreach(record: HibpRecord, name: string): HibpBreach {
  const { LogoType, ...rest } = record;
  const logoPath = record.LogoPath ?? (LogoType === undefined ? '' : `https://logos.haveibeenpwned.com/${name}.${LogoType}`);
  return {
    ...rest,
    Name: name,
    Title: record.Title,
    Domain: record.Domain ?? '',
    BreachDate: record.BreachDate ?? '',
    AddedDate: record.AddedDate,
    ModifiedDate: record.ModifiedDate ?? '',
    PwnCount: record.PwnCount,
    Description: record.Description,
    DataClasses: [...record.DataClasses],
    IsVerified: record.IsVerified ?? false,
    IsFabricated: record.IsFabricated ?? false,
    IsSensitive: record.IsSensitive ?? false,
    IsRetired: record.IsRetired ?? false,
    IsSpamList: record.IsSpamList ?? false,
    IsMalware: record.IsMalware ?? false,
    IsStealerLog: record.IsStealerLog ?? false,
    IsSubscriptionFree: record.IsSubscriptionFree ?? false,
    LogoPath: logoPath,
  };
}

/** HIBP's order of fields in /api/v3/breaches. */
const HIBP_FIELD_ORDER = [
  'Name', 'Title', 'Domain', 'BreachDate', 'AddedDate', 'ModifiedDate', 'PwnCount', 'Description', 'LogoPath',
  'Attribution', 'DisclosureUrl', 'DataClasses', 'IsVerified', 'IsFabricated', 'IsSensitive', 'IsRetired',
  'IsSpamList', 'IsMalware', 'IsSubscriptionFree', 'IsStealerLog',
] as const;

/**
 * An incident in HIBP's breach model. Imported records come back as imported; our own
 * incidents are described in the same fields (Name = our id, English title and summary,
 * the union of exposed data classes). A date we do not know is an empty string, never a guess.
 */
export function toHibpModel(incident: Incident): Record<string, unknown> {
  const breach: Record<string, unknown> = incident.hibp ?? {
    Name: incident.id,
    Title: incident.title.en,
    Domain: '',
    BreachDate: fullDate(incident.period?.start) ?? '',
    AddedDate: dateTime(incident.announcedDate) ?? '',
    ModifiedDate: dateTime(incident.announcedDate) ?? '',
    PwnCount: incident.totalRecords ?? 0,
    Description: incident.summary.en,
    LogoPath: '',
    DataClasses: [...new Set(incident.affected.flatMap((a) => a.dataClasses))].sort(),
    IsVerified: incident.status === 'confirmed',
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    IsStealerLog: false,
  };
  const ordered: Record<string, unknown> = {};
  for (const field of HIBP_FIELD_ORDER) if (field in breach) ordered[field] = breach[field];
  return ordered;
}

function fullDate(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

function dateTime(value: string | undefined): string | undefined {
  const date = fullDate(value);
  return date === undefined ? undefined : `${date}T00:00:00Z`;
}

/** HIBP descriptions are HTML with links; summaries are shown as plain text. */
function plainText(html: string): string {
  const text = html
    .replace(/<[^<>]{0,2000}>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
  return text === '' ? '(no description)' : text;
}
