import type { Knex } from 'knex'
import { dropAppendOnly, isoTimestamp, makeAppendOnly } from '../src/db/schemaHelpers'

// Link analysis. link_keys indexes each current case's identifiers and its resume and photo bands, so a
// new case finds its candidates by look-up; link_prints keeps what confirms a candidate (resume shingles,
// photo fingerprint); links are derived and rebuilt when a case's evidence changes; judgements and the
// watch list are people's decisions, appended and never edited.
export async function up(knex: Knex): Promise<void> {
  // A case's band before links counted: what a linked case sees, so two cases cannot lift each other.
  await knex.schema.alterTable('cases', table => {
    table.string('base_band', 20)
  })
  await knex.schema.createTable('link_keys', table => {
    table.increments('id').primary()
    table.string('case_id', 36).notNullable().references('id').inTable('cases')
    table.string('kind', 20).notNullable()
    table.string('key', 300).notNullable()
    table.string('label', 300).notNullable()
    table.string('role', 80).notNullable()
    table.index(['kind', 'key'])
    table.index(['case_id'])
  })
  await knex.schema.createTable('link_prints', table => {
    table.string('case_id', 36).primary().references('id').inTable('cases')
    table.text('resume_shingles') // base64 of sorted uint32
    table.string('photo_hash', 16)
    table.text('photo_thumb')
  })
  await knex.schema.createTable('links', table => {
    table.increments('id').primary()
    table.string('case_a', 36).notNullable().references('id').inTable('cases')
    table.string('case_b', 36).notNullable().references('id').inTable('cases')
    table.string('kind', 20).notNullable()
    table.string('key', 300).notNullable()
    table.text('via').notNullable()
    isoTimestamp(table, 'created_at').notNullable()
    table.index(['case_a'])
    table.index(['case_b'])
  })
  await knex.schema.createTable('link_judgements', table => {
    table.increments('id').primary()
    // the pair in order (smaller subject id first): judgements follow people, not revisions
    table.string('subject_a', 36).notNullable()
    table.string('subject_b', 36).notNullable()
    table.string('judgement', 20).notNullable() // same_person | different_people | unsure
    table.text('note').notNullable()
    table.integer('user_id').notNullable().references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    table.index(['subject_a', 'subject_b'])
  })
  await makeAppendOnly(knex, 'link_judgements')
  await knex.schema.createTable('watch_keys', table => {
    table.increments('id').primary()
    table.string('kind', 20).notNullable()
    table.string('key', 300).notNullable()
    table.string('label', 300).notNullable()
    table.string('source_case_id', 36).notNullable().references('id').inTable('cases')
    table.integer('added_by').notNullable().references('id').inTable('users')
    isoTimestamp(table, 'created_at').notNullable()
    table.index(['kind', 'key'])
  })
  await makeAppendOnly(knex, 'watch_keys')
}

export async function down(knex: Knex): Promise<void> {
  await dropAppendOnly(knex, 'watch_keys')
  await knex.schema.dropTable('watch_keys')
  await dropAppendOnly(knex, 'link_judgements')
  await knex.schema.dropTable('link_judgements')
  await knex.schema.dropTable('links')
  await knex.schema.dropTable('link_prints')
  await knex.schema.dropTable('link_keys')
  await knex.schema.alterTable('cases', table => {
    table.dropColumn('base_band')
  })
}
