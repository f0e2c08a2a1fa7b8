// Validation of registry data (seed files, stored rows, imports) at load. A fact
// without a source is rejected: a source is a URL, or — where the original address
// was not recorded — a publisher with a note saying so, never an invented URL.
import { z } from 'zod';
import type { Incident } from './types.js';
import { INCIDENT_STATUSES, NOTIFICATION_METHODS } from './types.js';

const nonEmpty = z.string().trim().min(1);
const localized = z.strictObject({ ja: nonEmpty, en: nonEmpty });
/** YYYY, YYYY-MM or YYYY-MM-DD: incidents are often dated only to the month. */
const partialDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const timestampOrDate = z.union([partialDate, z.iso.datetime()]);
const httpUrl = z.url({ protocol: /^https?$/ });

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG_PATTERN, 'lower-case slug').max(120);

export const SourceSchema = z
  .strictObject({
    url: httpUrl.optional(),
    publisher: nonEmpty,
    date: partialDate.optional(),
    note: nonEmpty.optional(),
  })
  .refine((s) => s.url !== undefined || s.note !== undefined, {
    message: 'a source without a URL needs a note saying where the fact comes from',
  });

const sources = z.array(SourceSchema);

export const AffectedOrganizationSchema = z.strictObject({
  organizationId: slug,
  name: localized.optional(),
  records: z.number().int().nonnegative().optional(),
  recordsNote: localized.optional(),
  dataClasses: z.array(nonEmpty),
  notExposed: z.array(nonEmpty),
  notifications: z.array(
    z.strictObject({
      method: z.enum(NOTIFICATION_METHODS),
      date: partialDate.optional(),
      verificationCode: z.literal(true).optional(),
      sources: sources.min(1),
    }),
  ),
  announcementUrl: httpUrl.optional(),
  enquiries: z.array(
    z.strictObject({
      kind: z.enum(['phone', 'web', 'email']),
      value: nonEmpty,
      label: localized.optional(),
      sources: sources.min(1),
    }),
  ),
  sources: sources.min(1),
});

export const AttributionSchema = z.strictObject({
  name: nonEmpty,
  url: httpUrl,
  license: nonEmpty,
  licenseUrl: httpUrl,
});

export const IncidentSchema = z.strictObject({
  id: slug,
  title: localized,
  summary: localized,
  cause: localized.optional(),
  period: z.strictObject({ start: partialDate.optional(), end: partialDate.optional() }).optional(),
  discoveredDate: partialDate.optional(),
  announcedDate: partialDate.optional(),
  totalRecords: z.number().int().nonnegative().optional(),
  status: z.enum(INCIDENT_STATUSES),
  affected: z.array(AffectedOrganizationSchema),
  involved: z
    .array(z.strictObject({ organizationId: slug, name: localized.optional(), role: localized, sources: sources.min(1) }))
    .optional(),
  timeline: z.array(z.strictObject({ date: timestampOrDate, text: localized, sources: sources.min(1) })),
  followUpScams: z.array(z.strictObject({ text: localized, sources: sources.min(1) })),
  sources: sources.min(1),
  attribution: AttributionSchema.optional(),
  // The HIBP record is validated by the importer (hibp.ts); here it is kept as stored.
  hibp: z.record(z.string(), z.unknown()).optional(),
});

/** Parses an incident, throwing one readable line on the first problem. */
export function parseIncident(value: unknown, where: string): Incident {
  const parsed = IncidentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new Error(`${where}: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid incident'}`);
  }
  return parsed.data as Incident;
}

/** The registry's format as JSON Schema (draft 2020-12), for contributors' tools and
 * editors: GET /api/schema/incident.json. A source needs a URL or a note; JSON Schema
 * says so with anyOf, which zod's refinement does not carry over by itself. Checks that
 * need the vocabulary (known data classes, names of unknown organizations) are
 * validateIncident's, not the schema's. */
export function incidentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(IncidentSchema, {
    target: 'draft-2020-12',
    override: (ctx) => {
      if (ctx.zodSchema === SourceSchema) ctx.jsonSchema.anyOf = [{ required: ['url'] }, { required: ['note'] }];
    },
  });
  return {
    ...schema,
    title: 'leakaid incident',
    description: 'One data-leak incident in the leakaid registry: who was affected, what leaked and what did not, how people were told, and where every fact comes from.',
  };
}
