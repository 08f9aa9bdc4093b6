import type { Knex } from 'knex'

// Sessions live in the database so that several app instances can share one PostgreSQL.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', table => {
    table.string('sid', 255).primary()
    table.text('sess').notNullable() // JSON
    table.bigInteger('expires_at').notNullable().index() // epoch milliseconds, for cheap expiry sweeps
    table.integer('user_id').references('id').inTable('users').onDelete('CASCADE').index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions')
}
