// The incidents the registry starts with (every file in data/registry/incidents, listed
// by the generated seed-files.ts), validated at load, so a fresh store — and the
// browser, which has no store — knows them.
import { SEED_FILES } from './seed-files.js';
import { parseIncident } from './schema.js';
import type { Incident } from './types.js';

export const SEED_INCIDENTS: readonly Incident[] = Object.freeze(SEED_FILES.map((file) => parseIncident(file.data, file.path)));

/** The NTT Business Solutions insider leak behind the NTT West postcard. */
export const NTT_INCIDENT_ID = 'ntt-business-solutions-2023';
