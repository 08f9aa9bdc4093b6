import type { Knex } from 'knex'

// The hash of an imported application (its JSON and the files it references): importing the same content
// again is recognised as unchanged, even without a source and external id.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', table => {
    table.string('content_hash', 64)
    table.index(['content_hash'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', table => {
    table.dropIndex(['content_hash'])
    table.dropColumn('content_hash')
  })
}
