import type { Knex } from 'knex'

// One current case per intake key, enforced by the database: importers that race (two instances, parallel
// API calls) lose at the index and then find the winner's case, instead of each creating one.
//  - (source, external_id) of the current revision; a missing source counts as one source ('').
//  - content_hash of the current revision of a case without an external id (such cases are recognised
//    by content alone; a case with an external id is recognised by that id, and its JSON names it).
// Partial indexes (WHERE is_current) because reopening keeps the earlier revision with the same keys.
// The same SQL runs on SQLite and PostgreSQL.
//
// Existing duplicates (created before this index by racing imports) would make the index fail, so for
// each duplicated key the earliest case keeps it and later ones give it up: external_id and content_hash
// are set to NULL on them. Nothing else changes: they stay listed, and their search terms still find
// them by the external id, so a person can review and reject them. `down` drops the indexes only.

const EXTERNAL = 'cases_current_external_unique'
const CONTENT = 'cases_current_content_hash_unique'

interface Dup {
  id: string
}

async function laterDuplicates(knex: Knex, keyColumns: string[], extra: (q: Knex.QueryBuilder) => void): Promise<string[]> {
  const rows = (await knex('cases')
    .where('is_current', true)
    .modify(extra)
    .select('id', 'created_at', 'reference', ...keyColumns)
    .orderBy('created_at')
    .orderBy('reference')) as Array<Record<string, unknown> & Dup>
  const seen = new Set<string>()
  const later: string[] = []
  for (const r of rows) {
    const key = JSON.stringify(keyColumns.map(c => (c === 'source' ? (r[c] ?? '') : r[c])))
    if (seen.has(key)) later.push(r.id)
    else seen.add(key)
  }
  return later
}

async function release(knex: Knex, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 400) await knex('cases').whereIn('id', ids.slice(i, i + 400)).update({ external_id: null, content_hash: null })
}

export async function up(knex: Knex): Promise<void> {
  await release(knex, await laterDuplicates(knex, ['source', 'external_id'], q => q.whereNotNull('external_id')))
  await release(knex, await laterDuplicates(knex, ['content_hash'], q => q.whereNull('external_id').whereNotNull('content_hash')))
  await knex.raw(`CREATE UNIQUE INDEX ${EXTERNAL} ON cases (COALESCE(source, ''), external_id) WHERE is_current AND external_id IS NOT NULL`)
  await knex.raw(`CREATE UNIQUE INDEX ${CONTENT} ON cases (content_hash) WHERE is_current AND external_id IS NULL AND content_hash IS NOT NULL`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS ${CONTENT}`)
  await knex.raw(`DROP INDEX IF EXISTS ${EXTERNAL}`)
}
