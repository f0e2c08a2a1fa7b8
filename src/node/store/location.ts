// Where the store is, decided without loading a database driver (so a command that may
// never open the store does not pay for loading one).
import { resolve } from 'node:path';

/** Where the store lives when neither LEAKAID_DB nor --db says otherwise. */
export const DEFAULT_DB_FILE = 'var/leakaid.sqlite';

/** LEAKAID_DB, else ./var/leakaid.sqlite under the working directory. */
export function defaultStoreLocation(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['LEAKAID_DB']?.trim();
  return configured !== undefined && configured !== '' ? configured : resolve(DEFAULT_DB_FILE);
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

