import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Files attached to a case. The bytes live in DATA_DIR/blobs under their SHA-256 (stored once however
// often they are uploaded); this row says which case they belong to, what they are and what was read.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', table => {
    table.string('id', 36).primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('sha256', 64).notNullable()
    table.integer('size_bytes').notNullable()
    table.string('media_type', 120).notNullable()
    table.string('kind', 20).notNullable() // resume | photo | access_log | application | ats_export | other
    table.string('original_name', 255).notNullable() // metadata only: never used as a path
    table.text('metadata').notNullable() // JSON: author, creator tool, dates, pages…
    table.text('extracted_text') // for resumes: the text read, for reviewers and near-duplicate detection
    table.text('warnings').notNullable() // JSON array of strings
    table.integer('uploaded_by').references('id').inTable('users')
    isoTimestamp(table, 'uploaded_at').notNullable()
    table.unique(['case_id', 'sha256'])
    table.index(['sha256'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('documents')
}
