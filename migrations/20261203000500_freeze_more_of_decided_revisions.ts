import type { Knex } from 'knex'
import { freezeDeletesWhenDecided, freezeWhenDecided, unfreezeDeletesWhenDecided, unfreezeWhenDecided } from '../src/db/schemaHelpers'

// More of the backstop for "a decided revision keeps what it was decided on" (issue 13): deleting a
// decided case's facts, findings, checklist items, dispositions or sanctions reviews; any change to its
// documents and sign-in events; and deleting a link either end of which is decided (a relink keeps those).
const DELETE_ONLY = ['facts', 'findings', 'checklist_items', 'finding_dispositions', 'sanctions_reviews']
const WHOLLY = ['documents', 'access_events']

export async function up(knex: Knex): Promise<void> {
  for (const table of DELETE_ONLY) await freezeDeletesWhenDecided(knex, table)
  for (const table of WHOLLY) {
    await freezeWhenDecided(knex, table)
    await freezeDeletesWhenDecided(knex, table)
  }
  await freezeDeletesWhenDecided(knex, 'links', ['case_a', 'case_b'])
}

export async function down(knex: Knex): Promise<void> {
  await unfreezeDeletesWhenDecided(knex, 'links')
  for (const table of WHOLLY) {
    await unfreezeDeletesWhenDecided(knex, table)
    // The trigger functions stay: 20261203000100 still uses them.
    await unfreezeWhenDecided(knex, table)
  }
  for (const table of DELETE_ONLY) await unfreezeDeletesWhenDecided(knex, table)
}
