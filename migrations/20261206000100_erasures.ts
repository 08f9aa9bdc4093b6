import type { Knex } from 'knex'
import { dropAppendOnly, freezeDeletesWhenDecided, freezeWhenDecided, isoTimestamp, makeAppendOnly } from '../src/db/schemaHelpers'

/**
 * Erasure (issue 17). A person's data must be removable even from a decided case and from the append-only
 * tables, without opening those tables to anything else. The one exception the triggers make is a row of a
 * subject listed in `erasures`: the erasure transaction inserts that row first, then deletes or blanks the
 * subject's rows, and commits both together. Nothing else may change a decided case's rows or an
 * append-only table, as before. `erasures` itself is append-only (an erasure is never undone).
 *
 * `erasure_requests` holds the first of the two people's steps (an administrator asks, a security reviewer
 * confirms, or the reverse): staff data only, the case reference and the reason.
 *
 * Which exception each table gets:
 *  - frozen when decided (UPDATE and DELETE): facts, findings, checklist_items, documents, access_events,
 *    finding_dispositions, sanctions_reviews; DELETE of links either end of which is erased;
 *  - append-only: audit_event_details (DELETE only), sanctions_reviews, finding_dispositions and signoffs
 *    (UPDATE only: the rows stay, their text becomes "erased"), watch_keys (DELETE, by source_case_id),
 *    link_judgements (DELETE, by either subject). audit_events stays wholly append-only.
 */

const ERASED_CASE = (col: string) => `EXISTS (SELECT 1 FROM cases ec JOIN erasures ee ON ee.subject_id = ec.subject_id WHERE ec.id = ${col})`
const ERASED_SUBJECT = (col: string) => `EXISTS (SELECT 1 FROM erasures ee WHERE ee.subject_id = ${col})`
const DECIDED = "('signed_off', 'rejected')"

/** Append-only tables and, for each, which operation erasure may do and how a row names its person. */
const APPEND_ONLY: Array<{ table: string; op: 'UPDATE' | 'DELETE'; erased: (row: 'OLD') => string }> = [
  { table: 'audit_event_details', op: 'DELETE', erased: r => ERASED_CASE(`${r}.case_id`) },
  { table: 'sanctions_reviews', op: 'UPDATE', erased: r => ERASED_CASE(`${r}.case_id`) },
  { table: 'finding_dispositions', op: 'UPDATE', erased: r => ERASED_CASE(`${r}.case_id`) },
  { table: 'signoffs', op: 'UPDATE', erased: r => ERASED_CASE(`${r}.case_id`) },
  { table: 'watch_keys', op: 'DELETE', erased: r => ERASED_CASE(`${r}.source_case_id`) },
  { table: 'link_judgements', op: 'DELETE', erased: r => `(${ERASED_SUBJECT(`${r}.subject_a`)} OR ${ERASED_SUBJECT(`${r}.subject_b`)})` },
]

const FROZEN_UPDATE = ['facts', 'findings', 'checklist_items', 'finding_dispositions', 'sanctions_reviews', 'documents', 'access_events']
const FROZEN_DELETE: Array<{ table: string; columns: string[] }> = [
  ...['facts', 'findings', 'checklist_items', 'finding_dispositions', 'sanctions_reviews', 'documents', 'access_events'].map(table => ({ table, columns: ['case_id'] })),
  { table: 'links', columns: ['case_a', 'case_b'] },
]

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('erasures', table => {
    table.increments('id').primary()
    table.string('subject_id', 36).notNullable().unique().references('id').inTable('subjects')
    table.string('reference', 20).notNullable()
    table.integer('requested_by').references('id').inTable('users')
    table.integer('confirmed_by').references('id').inTable('users')
    isoTimestamp(table, 'erased_at').notNullable()
  })
  await makeAppendOnly(knex, 'erasures')
  await knex.schema.createTable('erasure_requests', table => {
    table.increments('id').primary()
    table.string('reference', 20).notNullable()
    table.text('reason').notNullable() // staff text: why the person's data is erased
    table.integer('requested_by').notNullable().references('id').inTable('users')
    table.string('requested_role', 20).notNullable()
    isoTimestamp(table, 'requested_at').notNullable()
    isoTimestamp(table, 'closed_at') // confirmed or withdrawn
    table.string('outcome', 12) // confirmed | withdrawn
    table.integer('closed_by').references('id').inTable('users')
    table.index(['reference', 'closed_at'])
  })
  await installTriggers(knex, true)
}

export async function down(knex: Knex): Promise<void> {
  await installTriggers(knex, false)
  await knex.schema.dropTable('erasure_requests')
  await dropAppendOnly(knex, 'erasures')
  await knex.schema.dropTable('erasures')
}

/** With `exempt`, the triggers let erasure through; without, they are put back as they were before. */
async function installTriggers(knex: Knex, exempt: boolean): Promise<void> {
  const pg = knex.client.config.client === 'pg'
  for (const { table, op, erased } of APPEND_ONLY) {
    if (!exempt) {
      await dropAppendOnly(knex, table)
      await makeAppendOnly(knex, table)
      continue
    }
    if (pg) {
      // The row trigger stays; its function now lets the one operation through for an erased subject's row.
      await knex.raw(`CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = '${op}' AND ${erased('OLD')} THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '${table} is append-only';
        END; $$ LANGUAGE plpgsql`)
    } else {
      const name = op === 'UPDATE' ? `${table}_no_update` : `${table}_no_delete`
      await knex.raw(`DROP TRIGGER IF EXISTS ${name}`)
      await knex.raw(`CREATE TRIGGER ${name} BEFORE ${op} ON ${table} WHEN NOT ${erased('OLD')}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
    }
  }

  if (pg) {
    // The shared statement-level functions: a decided case's rows stay refused unless its subject is erased.
    const notErased = exempt ? `AND NOT ${ERASED_SUBJECT('c.subject_id')}` : ''
    const refuse = (rows: string) => `
      IF EXISTS (SELECT 1 FROM ${rows} r JOIN cases c ON c.id = r.case_id WHERE c.status IN ${DECIDED} ${notErased}) THEN
        RAISE EXCEPTION '% of a decided case cannot change; reopen the case', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END IF;`
    await knex.raw(`CREATE OR REPLACE FUNCTION refuse_update_of_decided_case() RETURNS trigger AS $$
      BEGIN ${refuse('old_rows')} ${refuse('new_rows')} RETURN NULL; END; $$ LANGUAGE plpgsql`)
    for (const { table, columns } of FROZEN_DELETE) {
      const ends = columns.map(c => `r.${c}`).join(', ')
      await knex.raw(`CREATE OR REPLACE FUNCTION refuse_delete_of_decided_${table}() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM old_rows r JOIN cases c ON c.id IN (${ends}) WHERE c.status IN ${DECIDED} ${exempt ? `AND NOT (${columns.map(col => ERASED_CASE(`r.${col}`)).join(' OR ')})` : ''}) THEN
            RAISE EXCEPTION '% of a decided case cannot change; reopen the case', TG_TABLE_NAME USING ERRCODE = 'check_violation';
          END IF;
          RETURN NULL;
        END; $$ LANGUAGE plpgsql`)
    }
    return
  }

  // SQLite: recreate the row triggers with one more condition (or, going down, as the helpers make them).
  for (const table of FROZEN_UPDATE) {
    if (!exempt) {
      await freezeWhenDecided(knex, table)
      continue
    }
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_frozen_update`)
    await knex.raw(`CREATE TRIGGER ${table}_frozen_update BEFORE UPDATE ON ${table}
      WHEN EXISTS (SELECT 1 FROM cases WHERE id IN (OLD.case_id, NEW.case_id) AND status IN ${DECIDED}) AND NOT ${ERASED_CASE('OLD.case_id')}
      BEGIN SELECT RAISE(ABORT, '${table} of a decided case cannot change; reopen the case'); END`)
  }
  for (const { table, columns } of FROZEN_DELETE) {
    if (!exempt) {
      await freezeDeletesWhenDecided(knex, table, columns)
      continue
    }
    const ends = columns.map(c => `OLD.${c}`).join(', ')
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_frozen_delete`)
    await knex.raw(`CREATE TRIGGER ${table}_frozen_delete BEFORE DELETE ON ${table}
      WHEN EXISTS (SELECT 1 FROM cases WHERE id IN (${ends}) AND status IN ${DECIDED}) AND NOT (${columns.map(c => ERASED_CASE(`OLD.${c}`)).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, '${table} of a decided case cannot change; reopen the case'); END`)
  }
}
