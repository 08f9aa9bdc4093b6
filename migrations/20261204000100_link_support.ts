import type { Knex } from 'knex'

// Identifier specificity (issue 14): a key either identifies one person or scheme (NULL) or only supports a
// link, and `support` says why ("a payee name without an account", "a commercial address…"). links keeps
// the same for each link, so rings and the rules apply the pair rule (one supporting class never joins)
// and the ring page can say why two applications were or were not joined. Links of pairs that share only
// supporting values are kept too (they join nothing). Adding nullable columns rewrites no row: links
// stored before read as identifying, as they were.
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('link_keys', 'support'))) {
    await knex.schema.alterTable('link_keys', table => {
      table.string('support', 200)
    })
  }
  if (!(await knex.schema.hasColumn('links', 'support'))) {
    await knex.schema.alterTable('links', table => {
      table.string('support', 200)
    })
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['links', 'link_keys']) {
    if (await knex.schema.hasColumn(t, 'support')) {
      await knex.schema.alterTable(t, table => {
        table.dropColumn('support')
      })
    }
  }
}
