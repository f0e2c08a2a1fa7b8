// Every migration, in the order they run. Add a migration as a new file in this folder
// and one line at the end of this list; never change or reorder one that has shipped.
import type { Migration } from 'kysely';
import { incidentsMigration } from './0001-incidents.js';
import { planProgressMigration } from './0002-plan-progress.js';
import { noticesMigration } from './0003-notices.js';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001-incidents', incidentsMigration],
  ['0002-plan-progress', planProgressMigration],
  ['0003-notices', noticesMigration],
];
