import type { Knex } from 'knex'

// Contractors' sign-in events from identity-provider logs: many rows per case, so a table of their own.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_events', table => {
    table.bigIncrements('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('document_id', 36).notNullable().references('id').inTable('documents')
    table.string('occurred_at', 24).notNullable()
    table.string('account', 254)
    table.string('ip', 45)
    table.string('user_agent', 1000)
    table.string('event', 80)
    table.index(['case_id', 'occurred_at'])
    table.index(['document_id'])
    table.index(['ip'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('access_events')
}
