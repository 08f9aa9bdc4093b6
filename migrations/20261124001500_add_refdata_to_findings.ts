import type { Knex } from 'knex'

// Which reference-data versions a finding was judged against (an old decision stays explainable), and
// whether it blocks sign-off (sanctions hits).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('findings', table => {
    table.text('refdata').notNullable().defaultTo('{}')
    table.boolean('blocking').notNullable().defaultTo(false)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('findings', table => {
    table.dropColumn('refdata')
    table.dropColumn('blocking')
  })
}
