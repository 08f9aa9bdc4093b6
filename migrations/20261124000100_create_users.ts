import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', table => {
    table.increments('id').primary()
    table.string('email', 254).notNullable().unique() // stored lower-case
    table.string('display_name', 200).notNullable()
    table.string('role', 20).notNullable() // recruiter | security | manager | admin
    table.string('password_hash', 255).notNullable()
    table.integer('failed_logins').notNullable().defaultTo(0)
    isoTimestamp(table, 'locked_until')
    isoTimestamp(table, 'last_login_at')
    isoTimestamp(table, 'disabled_at')
    isoTimestamp(table, 'created_at').notNullable()
    table.integer('created_by').references('id').inTable('users')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users')
}
