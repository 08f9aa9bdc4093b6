import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// API tokens act for a user, with that user's role. Only a SHA-256 of the token is stored: it is shown
// once, when made.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_tokens', table => {
    table.increments('id').primary()
    table.integer('user_id').notNullable().references('id').inTable('users')
    table.string('name', 100).notNullable()
    table.string('token_hash', 64).notNullable().unique()
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'last_used_at')
    isoTimestamp(table, 'revoked_at')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_tokens')
}
