import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// A case is one vetting of a subject for a role. Reopening a closed case creates a new revision row that
// points at the previous one; the previous row (and later its sign-off) stays as it was.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', table => {
    table.string('id', 36).primary()
    table.string('reference', 20).notNullable() // human-friendly, shared by all revisions: VD-000123
    table.integer('revision').notNullable().defaultTo(1)
    table.string('previous_revision_id', 36).references('id').inTable('cases')
    table.boolean('is_current').notNullable().defaultTo(true)
    table.string('subject_id', 36).notNullable().references('id').inTable('subjects')
    table.string('kind', 20).notNullable() // candidate | contractor
    table.string('role_title', 200)
    table.string('source', 60)
    table.string('external_id', 120)
    isoTimestamp(table, 'submitted_at')
    table.string('status', 20).notNullable() // open | in_review | signed_off | rejected
    table.integer('risk_score')
    table.string('risk_band', 20) // low | elevated | high | critical; null until scored
    // Sort keys, so every list order is an index walk (no join, no null handling at query time).
    table.string('sort_name', 200).notNullable() // lower-cased subject name
    table.integer('score_sort').notNullable().defaultTo(-1) // risk_score, or -1 while unscored
    table.integer('created_by').references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'updated_at').notNullable()
    table.unique(['reference', 'revision'])
    table.unique(['source', 'external_id', 'revision'])
    // The list pages with a deferred join: these indexes end in id so the page of ids is read from the index alone.
    table.index(['is_current', 'updated_at', 'id'])
    table.index(['is_current', 'created_at', 'id'])
    table.index(['is_current', 'sort_name', 'id'])
    table.index(['is_current', 'score_sort', 'id'])
    table.index(['is_current', 'status', 'updated_at'])
    table.index(['is_current', 'risk_band', 'updated_at'])
    table.index(['is_current', 'kind', 'updated_at'])
    table.index(['subject_id'])
  })
  await knex.schema.createTable('case_counters', table => {
    table.string('name', 40).primary()
    table.integer('value').notNullable()
  })
  await knex('case_counters').insert({ name: 'reference', value: 0 })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_counters')
  await knex.schema.dropTable('cases')
}
