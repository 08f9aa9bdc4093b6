import type { Knex } from 'knex'
import { isoTimestamp, makeAppendOnly, dropAppendOnly } from '../src/db/schemaHelpers'

// Every state change writes one row here in the same transaction. Rows are chained by hash (each stores
// the previous row's hash) and the database refuses UPDATE and DELETE, so history cannot be quietly rewritten.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', table => {
    table.increments('id').primary()
    isoTimestamp(table, 'occurred_at').notNullable()
    table.string('type', 60).notNullable()
    table.integer('actor_user_id') // no FK: the record must outlive any change to users
    table.string('actor_role', 20)
    table.string('case_id', 36).index()
    table.string('subject_id', 36)
    table.string('target', 80) // e.g. user:12
    table.string('request_id', 64)
    table.text('data').notNullable() // JSON: what changed, before → after
    table.string('prev_hash', 64).notNullable()
    table.string('hash', 64).notNullable().unique()
    table.index(['type', 'occurred_at'])
  })
  await makeAppendOnly(knex, 'audit_events')
}

export async function down(knex: Knex): Promise<void> {
  await dropAppendOnly(knex, 'audit_events')
  await knex.schema.dropTable('audit_events')
}
