import type { Knex } from 'knex'
import { chainEvent, GENESIS_HASH, type AuditEventInput, type ChainedAuditEvent } from '../../audit/auditEvents'
import { dbClient } from '../knex'

export type AuditRow = ChainedAuditEvent & { id: number }

// An arbitrary constant naming the advisory lock that serialises appends to the chain on PostgreSQL.
const AUDIT_CHAIN_LOCK = 74_201_126

/**
 * Append-only: `append` is the only write, and it must run inside the caller's transaction so that the
 * event and the change it records commit together. There is no update or delete here (and the database
 * refuses them).
 */
export function createAuditRepository() {
  return {
    async append(trx: Knex.Transaction, input: AuditEventInput, now = new Date()): Promise<AuditRow> {
      if (dbClient(trx) === 'pg') {
        // Two transactions must not both chain onto the same head.
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK])
      }
      const head = await trx('audit_events').select('hash').orderBy('id', 'desc').first<{ hash: string } | undefined>()
      const row = chainEvent(input, head?.hash ?? GENESIS_HASH, now)
      const [inserted] = await trx('audit_events').insert(row).returning('id')
      const id = typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number)
      return { ...row, id }
    },

    /** Append several events in order, chained from one read of the head (bulk imports). */
    async appendMany(trx: Knex.Transaction, inputs: AuditEventInput[], now = new Date()): Promise<void> {
      if (!inputs.length) return
      if (dbClient(trx) === 'pg') await trx.raw('SELECT pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK])
      const head = await trx('audit_events').select('hash').orderBy('id', 'desc').first<{ hash: string } | undefined>()
      let prev = head?.hash ?? GENESIS_HASH
      const rows = inputs.map(input => {
        const row = chainEvent(input, prev, now)
        prev = row.hash
        return row
      })
      for (let i = 0; i < rows.length; i += 200) await trx('audit_events').insert(rows.slice(i, i + 200))
    },

    async list(db: Knex, filter: { caseId?: string; limit?: number; beforeId?: number } = {}): Promise<AuditRow[]> {
      const query = db<AuditRow>('audit_events').orderBy('id', 'desc').limit(filter.limit ?? 50)
      if (filter.caseId) query.where('case_id', filter.caseId)
      if (filter.beforeId) query.where('id', '<', filter.beforeId)
      return query
    },

    /** Every row in chain order, a page at a time (for verification of large trails). */
    async *iterate(db: Knex, pageSize = 5000): AsyncGenerator<AuditRow> {
      let after = 0
      for (;;) {
        const rows = await db<AuditRow>('audit_events').where('id', '>', after).orderBy('id').limit(pageSize)
        if (rows.length === 0) return
        yield* rows
        after = rows[rows.length - 1]!.id
      }
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
