import type { Knex } from 'knex'
import { prefixUpperBound, queryWords } from '../../domain/searchTerms'
import type { CaseKind, CaseStatus, RiskBand } from '../../signoff/caseStatus'

export interface CaseRow {
  id: string
  reference: string
  revision: number
  previous_revision_id: string | null
  is_current: boolean | number
  subject_id: string
  kind: CaseKind
  role_title: string | null
  source: string | null
  external_id: string | null
  submitted_at: string | null
  status: CaseStatus
  risk_score: number | null
  risk_band: RiskBand | null
  sort_name: string
  score_sort: number
  content_hash: string | null
  score_detail?: string | null
  scored_at?: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface CaseListItem {
  id: string
  reference: string
  revision: number
  kind: CaseKind
  role_title: string | null
  external_id: string | null
  status: CaseStatus
  risk_score: number | null
  risk_band: RiskBand | null
  updated_at: string
  full_name: string
  email: string | null
}

/** A new case (revision 1, open, not scored yet) with the fields only its creator knows. */
export function newCaseRow(
  fields: Pick<CaseRow, 'reference' | 'subject_id' | 'kind' | 'role_title' | 'source' | 'external_id' | 'submitted_at' | 'sort_name' | 'content_hash' | 'created_by'>,
  id: string,
  now: string,
): CaseRow {
  return { ...fields, id, revision: 1, previous_revision_id: null, is_current: true, status: 'open', risk_score: null, risk_band: null, score_sort: -1, created_at: now, updated_at: now }
}

export const CASE_SORTS = {
  updated: { column: 'updated_at', direction: 'desc' },
  created: { column: 'created_at', direction: 'desc' },
  name: { column: 'sort_name', direction: 'asc' },
  score: { column: 'score_sort', direction: 'desc' },
} as const
export type CaseSort = keyof typeof CASE_SORTS

export interface CaseQuery {
  q?: string | undefined
  status?: CaseStatus | undefined
  kind?: CaseKind | undefined
  /** a band, or 'unscored' for cases not yet scored */
  band?: RiskBand | 'unscored' | undefined
  sort: CaseSort
  page: number
  pageSize: number
}


export function createCaseRepository() {
  function filtered(db: Knex, query: Omit<CaseQuery, 'sort' | 'page' | 'pageSize'>) {
    const builder = db('cases').where('cases.is_current', true)
    // Every word typed must begin one of the case's search terms (an index range per word).
    for (const word of queryWords(query.q ?? '')) {
      builder.whereIn('cases.id', sub =>
        sub.select('case_id').from('case_search_terms').where('term', '>=', word).andWhere('term', '<', prefixUpperBound(word)),
      )
    }
    if (query.status) builder.where('cases.status', query.status)
    if (query.kind) builder.where('cases.kind', query.kind)
    if (query.band === 'unscored') builder.whereNull('cases.risk_band')
    else if (query.band) builder.where('cases.risk_band', query.band)
    return builder
  }

  return {
    async insert(db: Knex, row: CaseRow, terms: string[]): Promise<void> {
      await db('cases').insert(row)
      if (terms.length) await db('case_search_terms').insert(terms.map(term => ({ term, case_id: row.id })))
    },

    findById(db: Knex, id: string): Promise<CaseRow | undefined> {
      return db<CaseRow>('cases').where({ id }).first()
    },

    /** All revisions of a case, newest first. */
    revisionsOf(db: Knex, reference: string): Promise<CaseRow[]> {
      return db<CaseRow>('cases').where({ reference }).orderBy('revision', 'desc')
    },

    /** The current revision imported from `source` under `externalId`, if any. */
    findCurrentByExternal(db: Knex, source: string | null, externalId: string): Promise<CaseRow | undefined> {
      return db<CaseRow>('cases')
        .where({ external_id: externalId, is_current: true })
        .andWhere(b => (source === null ? b.whereNull('source') : b.where('source', source)))
        .first()
    },

    /** The current case without an external id holding this content (what the unique index covers). */
    findCurrentByContentHash(db: Knex, contentHash: string): Promise<CaseRow | undefined> {
      return db<CaseRow>('cases').where({ content_hash: contentHash, is_current: true }).whereNull('external_id').first()
    },

    /** Allocate `n` consecutive references inside the caller's transaction. */
    async nextReferences(trx: Knex.Transaction, n: number): Promise<string[]> {
      await trx('case_counters').where({ name: 'reference' }).increment('value', n)
      const row = await trx('case_counters').where({ name: 'reference' }).first<{ value: number }>('value')
      return Array.from({ length: n }, (_, i) => `VD-${String(row.value - n + 1 + i).padStart(6, '0')}`)
    },

    /** Allocate the next human reference inside the caller's transaction. */
    async nextReference(trx: Knex.Transaction): Promise<string> {
      await trx('case_counters').where({ name: 'reference' }).increment('value', 1)
      const row = await trx('case_counters').where({ name: 'reference' }).first<{ value: number }>('value')
      return `VD-${String(row.value).padStart(6, '0')}`
    },

    async update(db: Knex, id: string, changes: Partial<Omit<CaseRow, 'id'>>): Promise<void> {
      await db('cases').where({ id }).update(changes)
    },

    async search(db: Knex, query: CaseQuery): Promise<{ items: CaseListItem[]; total: number }> {
      const sort = CASE_SORTS[query.sort]
      // Deferred join: find the page's ids from an index first, then join subjects for those rows only,
      // so a deep page does not drag every skipped row through the join.
      const pageIds = filtered(db, query)
        .select('cases.id')
        .orderBy(`cases.${sort.column}`, sort.direction)
        .orderBy('cases.id', sort.direction)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
      const [countRow, items] = await Promise.all([
        filtered(db, query).count<{ n: number | string }[]>({ n: '*' }).first(),
        db
          .from(pageIds.as('page'))
          .join('cases', 'cases.id', 'page.id')
          .join('subjects', 'subjects.id', 'cases.subject_id')
          .select<CaseListItem[]>(
            'cases.id',
            'cases.reference',
            'cases.revision',
            'cases.kind',
            'cases.role_title',
            'cases.external_id',
            'cases.status',
            'cases.risk_score',
            'cases.risk_band',
            'cases.updated_at',
            'subjects.full_name',
            'subjects.email',
          )
          .orderBy(`cases.${sort.column}`, sort.direction)
          .orderBy('cases.id', sort.direction),
      ])
      return { items, total: Number(countRow?.n ?? 0) }
    },

    async replaceSearchTerms(db: Knex, caseId: string, terms: string[]): Promise<void> {
      await db('case_search_terms').where({ case_id: caseId }).delete()
      if (terms.length) await db('case_search_terms').insert(terms.map(term => ({ term, case_id: caseId })))
    },

    /** Copy a revision's search terms to its successor. */
    async copySearchTerms(db: Knex, fromCaseId: string, toCaseId: string): Promise<void> {
      const terms = await db('case_search_terms').where({ case_id: fromCaseId }).pluck('term')
      if (terms.length) await db('case_search_terms').insert(terms.map((term: string) => ({ term, case_id: toCaseId })))
    },

    async countsBy(db: Knex, column: 'status' | 'risk_band'): Promise<Map<string | null, number>> {
      const rows = (await db('cases')
        .where('is_current', true)
        .groupBy(column)
        .select({ key: column })
        .count({ n: '*' })) as Array<{ key: string | null; n: number | string }>
      return new Map(rows.map(r => [r.key, Number(r.n)]))
    },
  }
}

export type CaseRepository = ReturnType<typeof createCaseRepository>
