import type { Knex } from 'knex'
import { AUDIT_EVENT_TYPES, findChainBreak, GENESIS_HASH, type AuditEventType } from '../audit/auditEvents'
import type { AuditRepository, AuditRow } from '../db/repositories/auditRepository'

export interface AuditFilter {
  actorUserId?: number
  /** every revision of a case */
  caseIds?: string[]
  type?: AuditEventType
  /** ISO dates, inclusive */
  from?: string
  to?: string
  beforeId?: number
  limit?: number
}

export interface ChainVerification {
  intact: boolean
  /** events checked (all of them when intact; up to the break otherwise) */
  checked: number
  /** the last event's hash: write it down somewhere else, and a later check proves nothing was cut off the end */
  head: string
  broken?: { id: number; type: string | null; occurredAt: string | null; reason: 'edited' | 'removed_or_inserted' }
}

/** Reading the audit trail and proving it whole. Nothing here writes. */
export function createAuditService(deps: { db: Knex; audit: AuditRepository }) {
  const { db, audit } = deps
  return {
    /**
     * Walk the chain from the first event: the first event whose hash does not match its contents was
     * edited; the first whose link to the one before does not hold follows a deletion or an insertion.
     */
    async verify(database: Knex = db): Promise<ChainVerification> {
      let checked = 0
      let prev = GENESIS_HASH
      let page: AuditRow[] = []
      const flush = (): ChainVerification | null => {
        const found = findChainBreak(page, prev)
        if (found) {
          const at = page.findIndex(r => r.id === found.id)
          const row = page[at]!
          return { intact: false, checked: checked + at, head: prev, broken: { id: row.id, type: row.type, occurredAt: row.occurred_at, reason: found.reason === 'hash_mismatch' ? 'edited' : 'removed_or_inserted' } }
        }
        checked += page.length
        prev = page.length ? page[page.length - 1]!.hash : prev
        page = []
        return null
      }
      for await (const row of audit.iterate(database)) {
        page.push(row)
        if (page.length >= 2000) {
          const result = flush()
          if (result) return result
        }
      }
      return flush() ?? { intact: true, checked, head: prev }
    },

    async search(filter: AuditFilter): Promise<Array<AuditRow & { actor_email: string | null }>> {
      const q = db('audit_events as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .select('a.*', 'u.email as actor_email')
        .orderBy('a.id', 'desc')
        .limit(Math.min(filter.limit ?? 100, 500))
      if (filter.actorUserId !== undefined) q.where('a.actor_user_id', filter.actorUserId)
      if (filter.caseIds) q.whereIn('a.case_id', filter.caseIds)
      if (filter.type) q.where('a.type', filter.type)
      if (filter.from) q.where('a.occurred_at', '>=', filter.from)
      if (filter.to) q.where('a.occurred_at', '<', nextDay(filter.to))
      if (filter.beforeId) q.where('a.id', '<', filter.beforeId)
      return q
    },

    types: () => [...AUDIT_EVENT_TYPES].sort(),
  }
}

/** "2026-11-24" → "2026-11-25": `to` includes the whole of its day. */
function nextDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString()
}

export type AuditService = ReturnType<typeof createAuditService>
