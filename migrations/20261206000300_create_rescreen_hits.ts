import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Hits a re-screen found, so the next re-screen lists only what is new since (a decided case keeps the
// findings it was decided on, so its stored findings alone cannot tell an old hit from a new one).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rescreen_hits', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('rule_id', 80).notNullable()
    table.string('message_sha256', 64).notNullable()
    table.string('job_id', 36).notNullable()
    isoTimestamp(table, 'found_at').notNullable()
    table.unique(['case_id', 'rule_id', 'message_sha256'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rescreen_hits')
}
