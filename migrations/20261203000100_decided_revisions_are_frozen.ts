import type { Knex } from 'knex'
import { freezeWhenDecided, unfreezeWhenDecided } from '../src/db/schemaHelpers'

// A signed-off or rejected revision keeps the evidence, findings, checklist, dispositions and sanctions
// reviews it was decided on, so its signed digest stays true. The services refuse such changes (409);
// these triggers are the backstop for any path that forgets. Reopening makes a new, open revision.
const FROZEN_TABLES = ['facts', 'findings', 'checklist_items', 'finding_dispositions', 'sanctions_reviews']

export async function up(knex: Knex): Promise<void> {
  for (const table of FROZEN_TABLES) await freezeWhenDecided(knex, table)
}

export async function down(knex: Knex): Promise<void> {
  for (const [i, table] of FROZEN_TABLES.entries()) await unfreezeWhenDecided(knex, table, i === FROZEN_TABLES.length - 1)
}
