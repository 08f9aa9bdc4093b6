import type { Knex } from 'knex'

/**
 * Dialect-specific DDL lives here only (as Ghost confines its isSQLite checks to migration utils).
 * Times are stored as ISO-8601 UTC text with milliseconds ('2026-11-24T03:38:45.123Z'): identical on
 * SQLite and PostgreSQL, sortable as text, and read back as the same string by both drivers.
 */
export const isoTimestamp = (table: Knex.CreateTableBuilder, name: string) => table.string(name, 24)

/** Make a table append-only: the database itself refuses UPDATE and DELETE on it. */
export async function makeAppendOnly(knex: Knex, tableName: string): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION ${tableName}_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '${tableName} is append-only'; END; $$ LANGUAGE plpgsql`)
    await knex.raw(`CREATE TRIGGER ${tableName}_no_update BEFORE UPDATE OR DELETE ON ${tableName}
      FOR EACH ROW EXECUTE FUNCTION ${tableName}_append_only()`)
  } else {
    await knex.raw(`CREATE TRIGGER ${tableName}_no_update BEFORE UPDATE ON ${tableName}
      BEGIN SELECT RAISE(ABORT, '${tableName} is append-only'); END`)
    await knex.raw(`CREATE TRIGGER ${tableName}_no_delete BEFORE DELETE ON ${tableName}
      BEGIN SELECT RAISE(ABORT, '${tableName} is append-only'); END`)
  }
}

export async function dropAppendOnly(knex: Knex, tableName: string): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_no_update ON ${tableName}`)
    await knex.raw(`DROP FUNCTION IF EXISTS ${tableName}_append_only()`)
  } else {
    await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_no_update`)
    await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_no_delete`)
  }
}
