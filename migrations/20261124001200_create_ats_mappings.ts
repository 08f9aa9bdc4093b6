import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// How a source's ATS export columns map to application fields, chosen once by a person and reused.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ats_mappings', table => {
    table.string('source', 60).primary()
    table.text('mapping').notNullable() // JSON: { field: column }
    table.integer('updated_by').references('id').inTable('users')
    isoTimestamp(table, 'updated_at').notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ats_mappings')
}
