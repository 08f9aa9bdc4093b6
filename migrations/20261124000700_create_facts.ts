import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Facts with provenance: what was claimed or read, where (document and locator), by whom and when.
// A re-import supersedes the facts it replaces instead of deleting them, so earlier evidence stays readable.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('facts', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('field', 60).notNullable() // e.g. person.email, resume.employer, profile
    table.text('value').notNullable() // JSON
    table.string('source', 20).notNullable() // application | document | ats | reviewer
    table.string('document_id', 36).references('id').inTable('documents')
    table.string('locator', 200) // page 1, line 2 · person.email · row 14
    table.integer('recorded_by').references('id').inTable('users')
    isoTimestamp(table, 'recorded_at').notNullable()
    isoTimestamp(table, 'superseded_at')
    table.index(['case_id', 'superseded_at'])
    table.index(['field'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('facts')
}
