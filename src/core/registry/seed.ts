// The incidents the registry starts with (data/registry/incidents), validated at load,
// so a fresh store — and the browser, which has no store — knows them.
import nttBusinessSolutions2023 from '../../../data/registry/incidents/ntt-business-solutions-2023.json' with { type: 'json' };
import { parseIncident } from './schema.js';
import type { Incident } from './types.js';

export const SEED_INCIDENTS: readonly Incident[] = Object.freeze([
  parseIncident(nttBusinessSolutions2023, 'data/registry/incidents/ntt-business-solutions-2023.json'),
]);

/** The NTT Business Solutions insider leak behind the NTT West postcard. */
export const NTT_INCIDENT_ID = 'ntt-business-solutions-2023';
