import type { Knex } from 'knex'
import type { AccessEvent } from '../../extract/accessLog'

export interface DocumentRow {
  id: string
  case_id: string
  sha256: string
  size_bytes: number
  media_type: string
  kind: 'resume' | 'photo' | 'access_log' | 'application' | 'ats_export' | 'other'
  original_name: string
  metadata: string
  extracted_text: string | null
  warnings: string
  uploaded_by: number | null
  uploaded_at: string
  /** sign-in logs only: matched | held | confirmed | discarded (null before the person's accounts were checked) */
  confirmation_state?: string | null
  /** sign-in logs only: the accounts the log names (JSON array, at most 20) */
  log_accounts?: string | null
}

/** A stored sign-in, as the checks read it. */
export interface AccessEventRow {
  document_id: string
  occurred_at: string
  account: string | null
  ip: string | null
  user_agent: string | null
  event: string | null
}

/** A resume's text and metadata, or a photo's hash: what link analysis reads of a case's documents. */
export type LinkDocumentRow = Pick<DocumentRow, 'kind' | 'original_name' | 'sha256' | 'metadata' | 'extracted_text'>

export interface FactRow {
  id: number
  case_id: string
  field: string
  value: string
  source: string
  document_id: string | null
  locator: string | null
  recorded_by: number | null
  recorded_at: string
  superseded_at: string | null
}

/** Documents, facts and sign-in events of cases: the evidence that checks read. */
export function createEvidenceRepository() {
  return {
    findDocument(db: Knex, caseId: string, sha256: string): Promise<DocumentRow | undefined> {
      return db<DocumentRow>('documents').where({ case_id: caseId, sha256 }).first()
    },
    getDocument(db: Knex, id: string): Promise<DocumentRow | undefined> {
      return db<DocumentRow>('documents').where({ id }).first()
    },
    documentsOf(db: Knex, caseId: string): Promise<Array<Omit<DocumentRow, 'extracted_text'>>> {
      return db('documents')
        .where({ case_id: caseId })
        .orderBy('uploaded_at')
        .select('id', 'case_id', 'sha256', 'size_bytes', 'media_type', 'kind', 'original_name', 'metadata', 'warnings', 'uploaded_by', 'uploaded_at', 'confirmation_state', 'log_accounts')
    },
    /** A case's resumes (with their text) and photos, for link analysis. */
    linkDocumentsOf(db: Knex, caseId: string): Promise<LinkDocumentRow[]> {
      return db('documents').where({ case_id: caseId }).whereIn('kind', ['resume', 'photo']).select('kind', 'original_name', 'sha256', 'metadata', 'extracted_text')
    },
    /** The sign-ins of some of a case's logs (those that are scored), in time order. */
    async accessEventsOf(db: Knex, caseId: string, documentIds: string[]): Promise<AccessEventRow[]> {
      if (!documentIds.length) return []
      return db('access_events').where({ case_id: caseId }).whereIn('document_id', documentIds).orderBy('occurred_at').select('document_id', 'occurred_at', 'account', 'ip', 'user_agent', 'event')
    },
    /** A case's sign-in logs held for someone to say whose they are, oldest first (one, when `documentId` is given). */
    heldLogsOf(db: Knex, caseId: string, documentId?: string): Promise<Array<Pick<DocumentRow, 'id' | 'original_name' | 'sha256' | 'uploaded_at' | 'log_accounts'>>> {
      return db('documents')
        .where({ case_id: caseId, kind: 'access_log', confirmation_state: 'held' })
        .modify(q => (documentId ? q.where({ id: documentId }) : q))
        .orderBy('uploaded_at')
        .select('id', 'original_name', 'sha256', 'uploaded_at', 'log_accounts')
    },
    /** What a person decided about a held sign-in log: confirmed (with the accounts that are the applicant's) or discarded. */
    async decideLog(db: Knex, documentId: string, decision: { state: 'confirmed' | 'discarded'; accounts: string[] | null; by: number | null; at: string }): Promise<void> {
      await db('documents').where({ id: documentId }).update({ confirmation_state: decision.state, confirmed_accounts: decision.accounts ? JSON.stringify(decision.accounts) : null, confirmed_by: decision.by, confirmed_at: decision.at })
    },
    async insertDocument(db: Knex, row: DocumentRow): Promise<void> {
      await db('documents').insert(row)
    },
    currentFacts(db: Knex, caseId: string): Promise<FactRow[]> {
      return db<FactRow>('facts').where({ case_id: caseId }).whereNull('superseded_at').orderBy('id')
    },
    /** Earlier values of some fields, replaced since: the history a "changed after applying" check reads. */
    supersededFacts(db: Knex, caseId: string, fields: string[]): Promise<FactRow[]> {
      return db<FactRow>('facts').where({ case_id: caseId }).whereIn('field', fields).whereNotNull('superseded_at').orderBy('id')
    },
    async insertFacts(db: Knex, rows: Array<Omit<FactRow, 'id'>>): Promise<void> {
      for (let i = 0; i < rows.length; i += 200) await db('facts').insert(rows.slice(i, i + 200))
    },
    /** Retire a case's current facts from the given sources (they stay readable as history). */
    async supersedeFacts(db: Knex, caseId: string, sources: string[], at: string): Promise<number> {
      return db('facts').where({ case_id: caseId }).whereIn('source', sources).whereNull('superseded_at').update({ superseded_at: at })
    },
    /** Retire a case's current facts of the given fields, whatever their source. */
    async supersedeFields(db: Knex, caseId: string, fields: string[], at: string): Promise<number> {
      return db('facts').where({ case_id: caseId }).whereIn('field', fields).whereNull('superseded_at').update({ superseded_at: at })
    },
    async insertAccessEvents(db: Knex, caseId: string, documentId: string, events: AccessEvent[]): Promise<void> {
      const rows = events.map(e => ({ case_id: caseId, document_id: documentId, occurred_at: e.occurredAt, account: e.account, ip: e.ip, user_agent: e.userAgent, event: e.event }))
      // 7 columns × 500 rows stays under SQLite's limits on variables and compound selects.
      for (let i = 0; i < rows.length; i += 500) await db('access_events').insert(rows.slice(i, i + 500))
    },
    async accessEventCount(db: Knex, caseId: string): Promise<number> {
      const row = await db('access_events').where({ case_id: caseId }).count<{ n: number | string }[]>({ n: '*' }).first()
      return Number(row?.n ?? 0)
    },
  }
}

export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>
