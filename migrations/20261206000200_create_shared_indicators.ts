import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Indicators other organisations share with us (STIX 2.1, MISP, CSV feeds), and the cases they hit.
// A source is one feed by name; re-importing it updates its indicators rather than duplicating them.
// Values are normalised as our link index writes identifiers, or HMAC-SHA256 of them under a sharing
// group's key (`key_id` names the key; the key itself is kept in DATA_DIR/sharing-keys, never here).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicator_sources', table => {
    table.increments('id').primary()
    table.string('name', 200).notNullable().unique()
    table.string('producer', 200)
    table.string('format', 10).notNullable() // stix | misp | csv
    table.string('tlp', 12).notNullable()
    table.string('key_id', 16)
    table.integer('imported_by').references('id').inTable('users')
    isoTimestamp(table, 'first_imported_at').notNullable()
    isoTimestamp(table, 'last_imported_at').notNullable()
    table.string('last_file_sha256', 64)
  })
  await knex.schema.createTable('shared_indicators', table => {
    table.increments('id').primary()
    table.integer('source_id').notNullable().references('id').inTable('indicator_sources')
    table.string('kind', 20).notNullable()
    table.string('value', 1100).notNullable()
    table.boolean('hashed').notNullable().defaultTo(false)
    table.string('key_id', 16)
    table.integer('confidence').notNullable()
    table.string('tlp', 12).notNullable()
    table.text('families').notNullable() // JSON array
    isoTimestamp(table, 'first_seen').notNullable()
    isoTimestamp(table, 'last_seen').notNullable()
    isoTimestamp(table, 'expires_at')
    table.string('comment', 1000)
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'updated_at').notNullable()
    table.unique(['source_id', 'kind', 'value'])
    table.index(['kind', 'value'])
  })
  await knex.schema.createTable('indicator_hits', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.integer('indicator_id').notNullable().references('id').inTable('shared_indicators')
    table.string('kind', 20).notNullable()
    table.string('matched', 300).notNullable() // where on the application: "applicant phone", "resume"
    table.string('job_id', 36)
    isoTimestamp(table, 'found_at').notNullable()
    table.unique(['case_id', 'indicator_id'])
    table.index(['found_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_hits')
  await knex.schema.dropTable('shared_indicators')
  await knex.schema.dropTable('indicator_sources')
}
