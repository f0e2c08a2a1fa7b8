// The incidents the registry starts with (every file in data/registry/incidents, listed
// by the generated seed-files.ts), so a fresh store — and the browser, which has no
// store — knows them. Like the other bundled knowledge they are validated when the
// product is built and tested (src/core/bundled-knowledge.ts), not on every start.
import { SEED_FILES } from './seed-files.js';
import type { Incident } from './types.js';

export const SEED_INCIDENTS: readonly Incident[] = Object.freeze(SEED_FILES.map((file) => file.data as Incident));

/** The NTT Business Solutions insider leak behind the NTT West postcard. */
export const NTT_INCIDENT_ID = 'ntt-business-solutions-2023';
