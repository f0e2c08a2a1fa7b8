// Action plans made with `leakaid plan` and the person's progress on them: which steps are
// done, and since when. A plan keeps its input (what leaked, the answers), not its steps,
// so reopening it shows the current wording of each step.
import type { Kysely, Migration } from 'kysely';

export const planProgressMigration: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plan_steps_done')
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_steps_done_pk', ['plan_id', 'step_id'])
      .execute();
  },
};
