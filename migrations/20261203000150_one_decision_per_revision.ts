import type { Knex } from 'knex'

// Exactly one approval or rejection per revision, even when two managers decide at the same moment on
// two instances. Escalations are not counted: an escalated case returns to open and is decided later.
// A partial unique index reads the same on SQLite and PostgreSQL. Where the race already stored two
// decisions for one revision the index cannot be built: this migration then fails, for a person to settle.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS signoffs_one_decision_per_revision ON signoffs (case_id) WHERE decision IN ('approve', 'reject')`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS signoffs_one_decision_per_revision')
}
