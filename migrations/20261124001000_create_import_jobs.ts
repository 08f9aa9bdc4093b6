import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Bulk imports run in the background; this row is their progress and, at the end, their per-file report.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_jobs', table => {
    table.string('id', 36).primary()
    table.string('status', 20).notNullable() // queued | running | done | failed
    table.integer('created_by').references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'started_at')
    isoTimestamp(table, 'finished_at')
    table.integer('total').notNullable().defaultTo(0)
    table.integer('processed').notNullable().defaultTo(0)
    table.integer('created').notNullable().defaultTo(0)
    table.integer('updated').notNullable().defaultTo(0)
    table.integer('unchanged').notNullable().defaultTo(0)
    table.integer('rejected').notNullable().defaultTo(0)
    table.string('current_file', 255)
    table.text('report').notNullable() // JSON array: { file, outcome, caseId?, reason? }
    table.string('error', 500)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('import_jobs')
}
