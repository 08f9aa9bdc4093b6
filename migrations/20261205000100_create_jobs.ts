import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Durable background work (imports, retro-hunts, re-screens, scheduled checks). A row is claimed by one
// worker for a lease (locked_by, locked_until) that it renews while it works; a worker that dies stops
// renewing, and the row becomes claimable again when the lease runs out. `checkpoint` is where a handler
// records how far it got, in the same transaction as the work itself, so a resumed job neither repeats
// nor skips. A job that fails max_attempts times stays visible as `dead` (the dead-letter state).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jobs', table => {
    table.string('id', 36).primary()
    table.string('kind', 40).notNullable()
    table.text('payload').notNullable() // JSON
    table.string('status', 12).notNullable() // queued | running | done | dead
    table.integer('priority').notNullable().defaultTo(0)
    table.integer('attempts').notNullable().defaultTo(0)
    table.integer('max_attempts').notNullable().defaultTo(5)
    isoTimestamp(table, 'run_at').notNullable()
    table.string('locked_by', 100)
    isoTimestamp(table, 'locked_until')
    table.text('checkpoint') // JSON: the handler's own cursor
    table.text('progress') // JSON: { done, total, note } for people
    table.text('result') // JSON
    table.string('last_error', 1000)
    // one queued or running job per key: enqueueing the same retro-hunt twice gives the first
    table.string('dedupe_key', 200)
    table.integer('created_by').references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'started_at')
    isoTimestamp(table, 'finished_at')
    isoTimestamp(table, 'updated_at').notNullable()
    table.index(['status', 'run_at'])
    table.index(['kind', 'created_at'])
  })
  // Partial unique index: only live jobs hold their key (both databases support WHERE on an index).
  await knex.raw(`CREATE UNIQUE INDEX jobs_live_dedupe ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running')`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('jobs')
}
