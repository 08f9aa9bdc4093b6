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

const DECIDED = "('signed_off', 'rejected')"

/**
 * Refuse INSERT and UPDATE on a table of per-case rows (its `case_id`) while the owning case is signed
 * off or rejected: the database's backstop for "a decided revision keeps what it was decided on"
 * (services check first and answer 409). Reopening makes a new, open revision, which is not affected.
 * PostgreSQL checks once per statement over its transition table (a row trigger cost 2.5× on a bulk
 * insert of facts); SQLite has only row triggers, a primary-key look-up each.
 */
export async function freezeWhenDecided(knex: Knex, tableName: string): Promise<void> {
  const message = `${tableName} of a decided case cannot change; reopen the case`
  if (knex.client.config.client === 'pg') {
    const refuse = (rows: string) => `
      IF EXISTS (SELECT 1 FROM ${rows} r JOIN cases c ON c.id = r.case_id WHERE c.status IN ${DECIDED}) THEN
        RAISE EXCEPTION '% of a decided case cannot change; reopen the case', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END IF;`
    await knex.raw(`CREATE OR REPLACE FUNCTION refuse_insert_into_decided_case() RETURNS trigger AS $$
      BEGIN ${refuse('new_rows')} RETURN NULL; END; $$ LANGUAGE plpgsql`)
    await knex.raw(`CREATE OR REPLACE FUNCTION refuse_update_of_decided_case() RETURNS trigger AS $$
      BEGIN ${refuse('old_rows')} ${refuse('new_rows')} RETURN NULL; END; $$ LANGUAGE plpgsql`)
    await dropFrozenTriggers(knex, tableName)
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_insert AFTER INSERT ON ${tableName}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_insert_into_decided_case()`)
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_update AFTER UPDATE ON ${tableName}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_update_of_decided_case()`)
  } else {
    await dropFrozenTriggers(knex, tableName)
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_insert BEFORE INSERT ON ${tableName}
      WHEN EXISTS (SELECT 1 FROM cases WHERE id = NEW.case_id AND status IN ${DECIDED})
      BEGIN SELECT RAISE(ABORT, '${message}'); END`)
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_update BEFORE UPDATE ON ${tableName}
      WHEN EXISTS (SELECT 1 FROM cases WHERE id IN (OLD.case_id, NEW.case_id) AND status IN ${DECIDED})
      BEGIN SELECT RAISE(ABORT, '${message}'); END`)
  }
}

async function dropFrozenTriggers(knex: Knex, tableName: string): Promise<void> {
  const pg = knex.client.config.client === 'pg'
  // _frozen_when_decided: the row trigger this began as on PostgreSQL.
  for (const name of ['frozen_insert', 'frozen_update', 'frozen_when_decided']) await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_${name}${pg ? ` ON ${tableName}` : ''}`)
}

export async function unfreezeWhenDecided(knex: Knex, tableName: string, last = false): Promise<void> {
  await dropFrozenTriggers(knex, tableName)
  if (last && knex.client.config.client === 'pg') {
    for (const fn of ['refuse_insert_into_decided_case', 'refuse_update_of_decided_case', 'refuse_change_to_decided_case']) await knex.raw(`DROP FUNCTION IF EXISTS ${fn}()`)
  }
}

/**
 * Refuse DELETE of a decided case's rows in a per-case table (its `case_id`), or, for `links`, of a row
 * either end of which is decided (`case_a`, `case_b`). Nothing in the app deletes them: a relink keeps
 * links to decided and earlier revisions. The same message as freezeWhenDecided, so intake maps both.
 */
export async function freezeDeletesWhenDecided(knex: Knex, tableName: string, caseColumns: string[] = ['case_id']): Promise<void> {
  const message = `${tableName} of a decided case cannot change; reopen the case`
  await dropFrozenDeleteTrigger(knex, tableName)
  if (knex.client.config.client === 'pg') {
    const fn = `refuse_delete_of_decided_${tableName}`
    const ends = caseColumns.map(c => `r.${c}`).join(', ')
    await knex.raw(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows r JOIN cases c ON c.id IN (${ends}) WHERE c.status IN ${DECIDED}) THEN
          RAISE EXCEPTION '% of a decided case cannot change; reopen the case', TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END; $$ LANGUAGE plpgsql`)
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_delete AFTER DELETE ON ${tableName}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
  } else {
    const ends = caseColumns.map(c => `OLD.${c}`).join(', ')
    await knex.raw(`CREATE TRIGGER ${tableName}_frozen_delete BEFORE DELETE ON ${tableName}
      WHEN EXISTS (SELECT 1 FROM cases WHERE id IN (${ends}) AND status IN ${DECIDED})
      BEGIN SELECT RAISE(ABORT, '${message}'); END`)
  }
}

async function dropFrozenDeleteTrigger(knex: Knex, tableName: string): Promise<void> {
  const pg = knex.client.config.client === 'pg'
  await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_frozen_delete${pg ? ` ON ${tableName}` : ''}`)
}

export async function unfreezeDeletesWhenDecided(knex: Knex, tableName: string): Promise<void> {
  await dropFrozenDeleteTrigger(knex, tableName)
  if (knex.client.config.client === 'pg') await knex.raw(`DROP FUNCTION IF EXISTS refuse_delete_of_decided_${tableName}()`)
}
