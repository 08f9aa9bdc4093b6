import type { Knex } from 'knex'
import { dropAppendOnly, isoTimestamp, makeAppendOnly } from '../src/db/schemaHelpers'

// Reviewer checklists (one item per verification step; items change state, every change is audited),
// written dispositions of serious findings and sign-offs (both append-only), and in-app notifications.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checklist_items', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.integer('position').notNullable()
    table.string('step_key', 120).notNullable() // baseline:<step> or finding:<rule>:<n>
    table.string('template_version', 40).notNullable()
    table.text('text').notNullable()
    table.string('rule_id', 80) // the finding it answers; null for baseline steps
    table.text('why').notNullable()
    table.text('source').notNullable()
    table.boolean('required').notNullable()
    table.boolean('added_later').notNullable().defaultTo(false) // appeared after the checklist was made
    table.string('status', 10).notNullable() // open | done | failed | waived
    table.text('note')
    table.string('file_name', 255)
    table.string('file_sha256', 64)
    table.integer('assignee_id').references('id').inTable('users')
    table.string('due_date', 10)
    table.integer('completed_by').references('id').inTable('users')
    isoTimestamp(table, 'completed_at')
    isoTimestamp(table, 'created_at').notNullable()
    table.unique(['case_id', 'step_key'])
    table.index(['assignee_id', 'status'])
  })
  await knex.schema.createTable('finding_dispositions', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('rule_id', 80).notNullable()
    table.text('disposition').notNullable()
    table.integer('author_id').notNullable().references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    table.index(['case_id'])
  })
  await makeAppendOnly(knex, 'finding_dispositions')
  await knex.schema.createTable('signoffs', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('decision', 12).notNullable() // approve | reject | escalate
    table.text('statement').notNullable()
    table.integer('signer_id').notNullable().references('id').inTable('users')
    isoTimestamp(table, 'signed_at').notNullable()
    table.string('digest', 64).notNullable() // SHA-256 of the snapshot
    table.text('snapshot').notNullable() // canonical JSON of the case as signed
    table.index(['case_id'])
  })
  await makeAppendOnly(knex, 'signoffs')
  await knex.schema.createTable('notifications', table => {
    table.increments('id').primary()
    table.integer('user_id').notNullable().references('id').inTable('users')
    table.string('case_id', 36)
    table.text('message').notNullable()
    table.string('link', 200)
    isoTimestamp(table, 'created_at').notNullable()
    isoTimestamp(table, 'read_at')
    table.index(['user_id', 'read_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notifications')
  await dropAppendOnly(knex, 'signoffs')
  await knex.schema.dropTable('signoffs')
  await dropAppendOnly(knex, 'finding_dispositions')
  await knex.schema.dropTable('finding_dispositions')
  await knex.schema.dropTable('checklist_items')
}
