import type { Knex } from 'knex'

export interface ImportJobRow {
  id: string
  /** the durable job (jobs.id) that runs the import; null for imports from before the queue */
  job_id: string | null
  status: 'queued' | 'running' | 'done' | 'failed'
  created_by: number | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  total: number
  processed: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  current_file: string | null
  report: string
  error: string | null
}

/** A case an import touched, as it stands now: who, band and score. */
export interface ImportedCaseRow {
  id: string
  reference: string
  full_name: string
  risk_band: string | null
  risk_score: number | null
}

export function createImportJobRepository() {
  return {
    async insert(db: Knex, row: ImportJobRow): Promise<void> {
      await db('import_jobs').insert(row)
    },
    find(db: Knex, id: string): Promise<ImportJobRow | undefined> {
      return db<ImportJobRow>('import_jobs').where({ id }).first()
    },
    recent(db: Knex, limit = 10): Promise<Array<Omit<ImportJobRow, 'report'>>> {
      return db('import_jobs').orderBy('created_at', 'desc').limit(limit).select('id', 'job_id', 'status', 'created_by', 'created_at', 'started_at', 'finished_at', 'total', 'processed', 'created', 'updated', 'unchanged', 'rejected', 'current_file', 'error')
    },
    /** The cases an import report names, read in chunks so a 10,000-file import stays under every driver's bind limit. */
    async casesOf(db: Knex, ids: string[]): Promise<ImportedCaseRow[]> {
      const unique = [...new Set(ids)]
      const rows: ImportedCaseRow[] = []
      for (let i = 0; i < unique.length; i += 500) {
        rows.push(...((await db('cases as c').join('subjects as s', 's.id', 'c.subject_id').whereIn('c.id', unique.slice(i, i + 500)).select('c.id', 'c.reference', 's.full_name', 'c.risk_band', 'c.risk_score')) as ImportedCaseRow[]))
      }
      return rows
    },
    async update(db: Knex, id: string, changes: Partial<Omit<ImportJobRow, 'id'>>): Promise<void> {
      await db('import_jobs').where({ id }).update(changes)
    },
    /** Imports from before the durable queue (no job) left running by a process that stopped cannot finish: say so rather than spin for ever. */
    async failInterrupted(db: Knex, at: string): Promise<number> {
      return db('import_jobs').whereIn('status', ['queued', 'running']).whereNull('job_id').update({ status: 'failed', finished_at: at, error: 'interrupted: the server stopped before the import finished; import the files again (finished applications are recognised as unchanged)' })
    },
  }
}

export type ImportJobRepository = ReturnType<typeof createImportJobRepository>
