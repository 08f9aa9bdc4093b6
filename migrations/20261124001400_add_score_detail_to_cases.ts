import type { Knex } from 'knex'

// The explanation of a case's score (contributions, caps, what could not be checked) and when it was made.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', table => {
    table.text('score_detail')
    table.string('scored_at', 24)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', table => {
    table.dropColumn('score_detail')
    table.dropColumn('scored_at')
  })
}
