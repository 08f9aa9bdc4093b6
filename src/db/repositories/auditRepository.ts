import type { Knex } from 'knex'
import { canonicalJson, chainEvent, GENESIS_HASH, type AuditEventInput, type ChainedAuditEvent } from '../../audit/auditEvents'
import { splitAuditData } from '../../audit/auditPrivacy'
import { dbClient } from '../knex'

export type AuditRow = ChainedAuditEvent & { id: number }

export interface AuditDetailRow {
  event_hash: string
  case_id: string | null
  data: string
}

// An arbitrary constant naming the advisory lock that serialises appends to the chain on PostgreSQL.
const AUDIT_CHAIN_LOCK = 74_201_126

/** The audit key, or how to get it when first needed (it lives outside the database). */
export type AuditKeySource = Buffer | (() => Buffer)

/**
 * Append-only: `append` is the only write, and it must run inside the caller's transaction so that the
 * event and the change it records commit together. There is no update or delete here (and the database
 * refuses them). Events are hashed with the audit key; personal values go to `audit_event_details`.
 */
export function createAuditRepository(options: { key: AuditKeySource }) {
  let key: Buffer | undefined
  const auditKey = (): Buffer => (key ??= typeof options.key === 'function' ? options.key() : options.key)

  /** The row for the trail and, when the data held personal values, the detail kept apart from it. */
  const build = (input: AuditEventInput, prev: string, now: Date): { row: ChainedAuditEvent; detail: AuditDetailRow | null } => {
    const { trail, detail } = splitAuditData(input.type, input.data ?? {}, auditKey())
    const row = chainEvent({ ...input, data: trail }, prev, now, auditKey())
    return { row, detail: detail ? { event_hash: row.hash, case_id: input.caseId ?? null, data: canonicalJson(detail) } : null }
  }

  const head = async (trx: Knex.Transaction): Promise<string> => {
    if (dbClient(trx) === 'pg') {
      // Two transactions must not both chain onto the same head.
      await trx.raw('SELECT pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK])
    }
    const last = await trx('audit_events').select('hash').orderBy('id', 'desc').first<{ hash: string } | undefined>()
    return last?.hash ?? GENESIS_HASH
  }

  async function* pages(db: Knex, pageSize = 5000): AsyncGenerator<AuditRow[]> {
    let after = 0
    for (;;) {
      const rows = await db<AuditRow>('audit_events').where('id', '>', after).orderBy('id').limit(pageSize)
      if (rows.length === 0) return
      yield rows
      after = rows[rows.length - 1]!.id
    }
  }

  return {
    auditKey,

    async append(trx: Knex.Transaction, input: AuditEventInput, now = new Date()): Promise<AuditRow> {
      const { row, detail } = build(input, await head(trx), now)
      const [inserted] = await trx('audit_events').insert(row).returning('id')
      if (detail) await trx('audit_event_details').insert(detail)
      const id = typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number)
      return { ...row, id }
    },

    /** Append several events in order, chained from one read of the head (bulk imports). */
    async appendMany(trx: Knex.Transaction, inputs: AuditEventInput[], now = new Date()): Promise<void> {
      if (!inputs.length) return
      let prev = await head(trx)
      const rows: ChainedAuditEvent[] = []
      const details: AuditDetailRow[] = []
      for (const input of inputs) {
        const built = build(input, prev, now)
        rows.push(built.row)
        if (built.detail) details.push(built.detail)
        prev = built.row.hash
      }
      for (let i = 0; i < rows.length; i += 200) await trx('audit_events').insert(rows.slice(i, i + 200))
      for (let i = 0; i < details.length; i += 300) await trx('audit_event_details').insert(details.slice(i, i + 300))
    },

    async list(db: Knex, filter: { caseId?: string; limit?: number; beforeId?: number } = {}): Promise<AuditRow[]> {
      const query = db<AuditRow>('audit_events').orderBy('id', 'desc').limit(filter.limit ?? 50)
      if (filter.caseId) query.where('case_id', filter.caseId)
      if (filter.beforeId) query.where('id', '<', filter.beforeId)
      return query
    },

    async findById(db: Knex, id: number): Promise<AuditRow | undefined> {
      return db<AuditRow>('audit_events').where('id', id).first()
    },

    async findDetail(db: Knex, eventHash: string): Promise<AuditDetailRow | undefined> {
      return db<AuditDetailRow>('audit_event_details').where('event_hash', eventHash).first()
    },

    /** The newest event (the head of the chain), if any. */
    async last(db: Knex): Promise<AuditRow | undefined> {
      return db<AuditRow>('audit_events').orderBy('id', 'desc').first()
    },

    /** Every row in chain order, a page at a time (for verification of large trails). */
    async *iterate(db: Knex, pageSize = 5000): AsyncGenerator<AuditRow> {
      for await (const rows of pages(db, pageSize)) yield* rows
    },

    /** The rows in chain order, as pages (verification reads each page's details in one query). */
    pages,

    /** The details kept for these events (a page of them: callers pass a bounded number of hashes). */
    async findDetails(db: Knex, eventHashes: string[]): Promise<AuditDetailRow[]> {
      if (!eventHashes.length) return []
      return db<AuditDetailRow>('audit_event_details').whereIn('event_hash', eventHashes).select('event_hash', 'case_id', 'data')
    },

    async countDetails(db: Knex): Promise<number> {
      const row = await db('audit_event_details').count<{ n: number | string }[]>({ n: '*' }).first()
      return Number(row?.n ?? 0)
    },

    /**
     * Details in event_hash order after `after`, each with the event of that hash when there is one (a page,
     * for finding details no event references; the join uses the unique index on audit_events.hash).
     */
    async detailsWithEvents(db: Knex, after: string, limit: number): Promise<Array<{ event_hash: string; case_id: string | null; id: number | null; type: string | null; occurred_at: string | null; data: string | null; chain_version: number | null }>> {
      return db('audit_event_details as d')
        .leftJoin('audit_events as e', 'e.hash', 'd.event_hash')
        .where('d.event_hash', '>', after)
        .orderBy('d.event_hash')
        .limit(limit)
        .select('d.event_hash', 'd.case_id', 'e.id', 'e.type', 'e.occurred_at', 'e.data', 'e.chain_version')
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
