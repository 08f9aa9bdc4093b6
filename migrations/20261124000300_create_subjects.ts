import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// A subject is a person being vetted. The person fields follow vetting/application@1 `person`.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subjects', table => {
    table.string('id', 36).primary()
    table.string('full_name', 200).notNullable()
    table.string('email', 254)
    table.string('phone', 40)
    table.string('phone_line_type', 20)
    table.string('address_line1', 200)
    table.string('address_line2', 200)
    table.string('city', 120)
    table.string('region', 120)
    table.string('postal_code', 20)
    table.string('country', 2)
    table.string('timezone', 64)
    // Recorded for HR only: never an input to any check or score (INDICATORS.md §3).
    table.string('citizenship', 2)
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'updated_at').notNullable()
    table.integer('created_by').references('id').inTable('users')
    table.index(['email'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('subjects')
}
