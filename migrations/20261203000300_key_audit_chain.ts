import type { Knex } from 'knex'
import { dropAppendOnly, makeAppendOnly } from '../src/db/schemaHelpers'

// Events written from now on are hashed with HMAC-SHA256 and the audit key (kept outside the database);
// `chain_version` says which hash a row carries, so the events already written keep verifying with the
// plain SHA-256 they were made with (0). Adding a column with a default rewrites no row, so the
// append-only triggers stay as they are. Personal values leave the trail for `audit_event_details`,
// which only roles that read cases see; each detail is bound to its event by an HMAC in the event's data.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_events', table => {
    table.integer('chain_version').notNullable().defaultTo(0)
  })
  await knex.schema.createTable('audit_event_details', table => {
    table.string('event_hash', 64).primary() // the event's hash: details of bulk appends need no id read back
    table.string('case_id', 36).index()
    table.text('data').notNullable()
  })
  await makeAppendOnly(knex, 'audit_event_details')
}

export async function down(knex: Knex): Promise<void> {
  await dropAppendOnly(knex, 'audit_event_details')
  await knex.schema.dropTable('audit_event_details')
  // SQLite may rebuild the table to drop a column: take the triggers off around it.
  await dropAppendOnly(knex, 'audit_events')
  await knex.schema.alterTable('audit_events', table => {
    table.dropColumn('chain_version')
  })
  await makeAppendOnly(knex, 'audit_events')
}
