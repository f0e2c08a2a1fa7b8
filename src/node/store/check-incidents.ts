// The incidents `leakaid check` compares breach notices with: those in the store that
// touch any organization the checker knows, loaded once per process. A check must work
// without a database server, so when the store cannot be opened the bundled seed is used
// and the reason is said once on stderr.
import { ORGANIZATIONS } from '../../core/knowledge/organizations.js';
import { SEED_INCIDENTS } from '../../core/registry/seed.js';
import type { Incident } from '../../core/registry/types.js';
import { defaultStoreLocation } from './location.js';

let loaded: Promise<readonly Incident[]> | undefined;

export function incidentsForChecks(location: string = defaultStoreLocation()): Promise<readonly Incident[]> {
  loaded ??= load(location);
  return loaded;
}

async function load(location: string): Promise<readonly Incident[]> {
  try {
    // Loaded on demand: the database drivers take longer to load than a check takes.
    const { openStore } = await import('./index.js');
    const store = await openStore(location);
    try {
      return await store.incidentsForOrganizations(ORGANIZATIONS.map((o) => o.id));
    } finally {
      await store.close();
    }
  } catch (error) {
    process.stderr.write(
      `leakaid: the incident registry could not be opened (${error instanceof Error ? error.message : String(error)}); notices are compared with the built-in record only\n`,
    );
    return SEED_INCIDENTS;
  }
}
