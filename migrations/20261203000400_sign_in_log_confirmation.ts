import type { Knex } from 'knex'
import { isoTimestamp } from '../src/db/schemaHelpers'

// Evidence belongs to the subject: a sign-in log whose accounts match none of the case's emails or profile
// usernames is kept but not scored until someone confirms it is this person's ("held"), or discards it.
// NULL: no question was asked (other documents, and logs stored before this migration, which stay scored).
// log_accounts: the accounts the log names (JSON array, at most 20); confirmed_accounts: those a person
// said are the applicant's (JSON array). Adding nullable columns rewrites no row.
const COLUMNS = ['confirmation_state', 'log_accounts', 'confirmed_accounts', 'confirmed_by', 'confirmed_at'] as const

export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('documents', 'confirmation_state')) return
  await knex.schema.alterTable('documents', table => {
    table.string('confirmation_state', 16) // matched | held | confirmed | discarded
    table.text('log_accounts')
    table.text('confirmed_accounts')
    table.integer('confirmed_by') // a user id; no foreign key, so dropping the column stays a plain ALTER
    isoTimestamp(table, 'confirmed_at')
  })
}

export async function down(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('documents', 'confirmation_state'))) return
  await knex.schema.alterTable('documents', table => {
    for (const c of COLUMNS) table.dropColumn(c)
  })
}
