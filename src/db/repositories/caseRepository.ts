import type { Knex } from 'knex'
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
  search_text: string
  sort_name: string
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

export const CASE_SORTS = {
  updated: { column: 'cases.updated_at', direction: 'desc' },
  created: { column: 'cases.created_at', direction: 'desc' },
  name: { column: 'cases.sort_name', direction: 'asc' },
  score: { column: 'cases.risk_score', direction: 'desc' },
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

/** Escape LIKE wildcards so a search for "100%" means the characters, not a pattern. */
const likeContains = (q: string) => `%${q.replace(/[\\%_]/g, c => `\\${c}`)}%`

export function createCaseRepository() {
  function filtered(db: Knex, query: Omit<CaseQuery, 'sort' | 'page' | 'pageSize'>) {
    const builder = db('cases').where('cases.is_current', true)
    if (query.q) builder.whereRaw("cases.search_text LIKE ? ESCAPE '\\'", [likeContains(query.q.toLowerCase())])
    if (query.status) builder.where('cases.status', query.status)
    if (query.kind) builder.where('cases.kind', query.kind)
    if (query.band === 'unscored') builder.whereNull('cases.risk_band')
    else if (query.band) builder.where('cases.risk_band', query.band)
    return builder
  }

  return {
    async insert(db: Knex, row: CaseRow): Promise<void> {
      await db('cases').insert(row)
    },

    findById(db: Knex, id: string): Promise<CaseRow | undefined> {
      return db<CaseRow>('cases').where({ id }).first()
    },

    /** All revisions of a case, newest first. */
    revisionsOf(db: Knex, reference: string): Promise<CaseRow[]> {
      return db<CaseRow>('cases').where({ reference }).orderBy('revision', 'desc')
    },

    async existsExternal(db: Knex, source: string | null, externalId: string): Promise<boolean> {
      const row = await db('cases')
        .where({ external_id: externalId, is_current: true })
        .andWhere(b => (source === null ? b.whereNull('source') : b.where('source', source)))
        .first('id')
      return row !== undefined
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
      const [countRow, items] = await Promise.all([
        filtered(db, query).count<{ n: number | string }[]>({ n: '*' }).first(),
        filtered(db, query)
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
          // Unscored cases sort after scored ones on both databases. (knex's `nulls: 'last'` on SQLite
          // silently drops the column from ORDER BY, so the null test is spelled out.)
          .modify(b => {
            if (query.sort === 'score') b.orderByRaw('(cases.risk_score is null) asc')
          })
          .orderBy(sort.column, sort.direction)
          .orderBy('cases.id', 'asc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
      ])
      return { items, total: Number(countRow?.n ?? 0) }
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
