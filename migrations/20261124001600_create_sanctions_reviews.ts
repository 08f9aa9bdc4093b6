import type { Knex } from 'knex'
import { dropAppendOnly, isoTimestamp, makeAppendOnly } from '../src/db/schemaHelpers'

// A security reviewer's decision on a sanctions hit or lead: cleared (not the listed party) or confirmed.
// Decisions are appended, never edited: a later decision on the same hit supersedes an earlier one.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sanctions_reviews', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('rule_id', 80).notNullable()
    table.string('entry_uid', 80).notNullable()
    table.string('value', 300).notNullable()
    table.string('decision', 12).notNullable() // cleared | confirmed
    table.text('note').notNullable()
    table.integer('reviewer_id').notNullable().references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    table.index(['case_id'])
  })
  await makeAppendOnly(knex, 'sanctions_reviews')
}

export async function down(knex: Knex): Promise<void> {
  await dropAppendOnly(knex, 'sanctions_reviews')
  await knex.schema.dropTable('sanctions_reviews')
}
