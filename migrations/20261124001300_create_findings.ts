import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// What each rule said about a case, with the evidence it saw. A new run supersedes the previous one's
// rows instead of deleting them, so a finding that was on the case stays readable.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('findings', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('rule_id', 80).notNullable()
    table.integer('rule_version').notNullable()
    table.string('status', 20).notNullable() // flag | clear | not_applicable
    table.string('severity', 10).notNullable()
    table.string('strength', 10).notNullable()
    table.string('category', 20).notNullable()
    table.text('message').notNullable()
    table.text('evidence').notNullable() // JSON array
    table.text('missing').notNullable() // JSON array
    table.float('points').notNullable().defaultTo(0)
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'superseded_at')
    table.index(['case_id', 'superseded_at'])
    table.index(['rule_id', 'status'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('findings')
}
