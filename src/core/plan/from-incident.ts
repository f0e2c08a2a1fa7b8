// A plan input from an incident in the registry: the affected organization's leaked and
// explicitly-not-leaked data classes, its announcement and enquiry desks.
import { getOrganization } from '../knowledge/organizations.js';
import type { Incident } from '../registry/types.js';
import { PlanInputError } from './errors.js';
import type { PlanAnswer, PlanInput } from './types.js';

/**
 * The organization may be omitted when the incident has exactly one. Throws
 * PlanInputError naming the choices when it is missing or not part of the incident.
 */
export function planInputFromIncident(incident: Incident, organizationId: string | undefined, answers: PlanAnswer[]): PlanInput {
  const choices = incident.affected.map((a) => a.organizationId);
  let affected = incident.affected[0];
  if (organizationId !== undefined) {
    affected = incident.affected.find((a) => a.organizationId === organizationId);
    if (affected === undefined) {
      throw new PlanInputError(`incident ${incident.id} has no organization "${organizationId}" (choose one of: ${choices.join(', ')})`);
    }
  } else if (incident.affected.length !== 1 || affected === undefined) {
    throw new PlanInputError(
      incident.affected.length === 0
        ? `incident ${incident.id} names no affected organization`
        : `incident ${incident.id} affected several organizations; choose one with --org: ${choices.join(', ')}`,
    );
  }
  const known = getOrganization(affected.organizationId);
  const organizationName = affected.name ?? (known === undefined ? { ja: affected.organizationId, en: affected.organizationId } : known.display);
  return {
    exposed: affected.dataClasses,
    notExposed: affected.notExposed,
    answers,
    source: {
      incidentId: incident.id,
      incidentTitle: incident.title,
      organizationId: affected.organizationId,
      organizationName,
      ...(affected.announcementUrl === undefined ? {} : { announcementUrl: affected.announcementUrl }),
      enquiries: affected.enquiries,
      officialDomains: (known?.domains ?? []).map((d) => ({ domain: d.domain, source: d.source })),
    },
  };
}
