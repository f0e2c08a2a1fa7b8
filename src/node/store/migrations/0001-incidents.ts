// Incidents, their affected organizations, and the search index: FTS5 with the trigram
// tokenizer on SQLite (substring search in Japanese without a dictionary), pg_trgm on PostgreSQL.
import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../database.js';

export const incidentsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('published', 'text', (c) => c.notNull())
      .addColumn('updated', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incidents_domain').on('incidents').column('domain').execute();
    await db.schema.createIndex('incidents_updated').on('incidents').column('updated').execute();
    await db.schema
      .createTable('incident_organizations')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_organizations_pk', ['incident_id', 'organization_id'])
      .execute();
    await db.schema
      .createIndex('incident_organizations_organization')
      .on('incident_organizations')
      .column('organization_id')
      .execute();
    await db.schema
      .createTable('seed_applied')
      .addColumn('incident_id', 'text', (c) => c.primaryKey())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    if (dialectOf(db) === 'postgres') {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX incidents_search_trgm ON incidents USING gin (search_text gin_trgm_ops)`.execute(db);
    } else {
      await sql`CREATE VIRTUAL TABLE incidents_fts USING fts5(id UNINDEXED, search_text, tokenize = 'trigram')`.execute(db);
    }
  },
};
