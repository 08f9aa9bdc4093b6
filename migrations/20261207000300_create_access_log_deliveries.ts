import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Sign-in logs that arrive by themselves (issue 16): posted to /api/access-logs or dropped in
// ACCESS_LOG_DIR. One row per distinct log (its SHA-256), written in the transaction that enqueues its
// ingest job, so a log posted twice or a file seen again after a crash is recognised and adds nothing.
// The bytes are kept in the blob store under the same hash.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_log_deliveries', table => {
    table.string('id', 36).primary()
    table.string('sha256', 64).notNullable().unique()
    table.string('source', 10).notNullable() // api | folder
    table.string('file_name', 255).notNullable()
    table.integer('size_bytes').notNullable()
    isoTimestamp(table, 'file_mtime') // folder files only
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('matched_by', 12).notNullable() // reference | file_name | accounts
    table.integer('events').notNullable()
    // queued | added | held (added, waiting for someone to confirm whose it is) | present (already on the case)
    // | decided (the case was decided when the job ran: kept, not added)
    table.string('status', 12).notNullable()
    table.text('new_flags') // JSON: rule ids flagged after the log that were not before
    table.string('job_id', 36)
    table.integer('received_by').references('id').inTable('users')
    isoTimestamp(table, 'received_at').notNullable()
    isoTimestamp(table, 'processed_at')
    table.index(['case_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('access_log_deliveries')
}
