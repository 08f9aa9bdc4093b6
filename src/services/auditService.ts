import type crypto from 'node:crypto'
import type { Knex } from 'knex'
import { checkCheckpoint, signCheckpoint, type AuditCheckpoint } from '../audit/auditCheckpoint'
import { AUDIT_EVENT_TYPES, createChainWalker, GENESIS_HASH, type AuditEventType, type ChainBreak } from '../audit/auditEvents'
import { detailHmacOf, keyedDigest, withholdLegacyData } from '../audit/auditPrivacy'
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

/**
 * edited, removed_or_inserted, unkeyed: the chain itself; truncated: against a checkpoint; values_*: the
 * detail kept apart from the trail (its keyed digest no longer matches the HMAC the chain holds, its row is
 * gone, or a detail row no event references was added).
 */
export type BreakReason = 'edited' | 'removed_or_inserted' | 'unkeyed' | 'truncated' | 'values_edited' | 'values_deleted' | 'values_inserted'

export interface ChainVerification {
  intact: boolean
  /** events checked (all of them when intact; up to the break otherwise) */
  checked: number
  /** the newest stored event's hash (GENESIS when the trail is empty): what a checkpoint would record */
  head: string
  headId: number | null
  /** the last event that verified, in chain order (the head itself when intact) */
  lastIntact: { id: number; hash: string } | null
  /**
   * where the trail first fails. `id` is null only for a detail row whose event is not in the trail at all;
   * `eventHash` (values_* breaks) is the hash that detail row is filed under.
   */
  broken?: { id: number | null; type: string | null; occurredAt: string | null; reason: BreakReason; eventHash?: string }
  /** with a checkpoint: whether it is genuine and the trail still reaches it unchanged */
  checkpoint?: { lastId: number | null; valid: boolean; problem?: string }
}

const REASONS: Record<ChainBreak['reason'], BreakReason> = { hash_mismatch: 'edited', prev_hash_mismatch: 'removed_or_inserted', unkeyed: 'unkeyed' }

/** Events whose details are read in one query while verifying (bounds the memory a page of details takes). */
const DETAIL_BATCH = 500

type FoundBreak = NonNullable<ChainVerification['broken']> & { checked: number; lastIntact: ChainVerification['lastIntact'] }

export interface AuditEventView extends AuditRow {
  actor_email: string | null
  /** the data an administrator may see: personal values are hashes (or, on legacy events, withheld) */
  shownData: Record<string, unknown>
  /** true when some values are kept out of the trail (readable by roles that read cases) */
  withheld: boolean
}

/** Reading the audit trail, proving it whole, and signing its head. */
export function createAuditService(deps: { db: Knex; audit: AuditRepository }) {
  const { db, audit } = deps
  /**
   * A detail row that no event references (its event is not in the trail, or does not hold a detail HMAC):
   * only looked for when there are more detail rows than verified events' details, so an intact trail
   * costs one count. Names the earliest such event; a detail whose event does not exist at all is named
   * by its event hash.
   */
  async function findInsertedDetail(database: Knex, walker: { count: number; lastGood: { id: number; hash: string } | null }): Promise<FoundBreak | null> {
    let orphan: FoundBreak | null = null
    let named: { id: number; type: string | null; occurred_at: string | null; event_hash: string } | null = null
    let after = ''
    for (;;) {
      const rows = await audit.detailsWithEvents(database, after, DETAIL_BATCH)
      if (!rows.length) break
      for (const row of rows) {
        if (row.id === null || row.id === undefined) {
          orphan ??= { id: null, type: null, occurredAt: null, reason: 'values_inserted', eventHash: row.event_hash, checked: walker.count, lastIntact: walker.lastGood }
        } else if (detailHmacOf(row) === null && (!named || Number(row.id) < named.id)) {
          named = { id: Number(row.id), type: row.type, occurred_at: row.occurred_at, event_hash: row.event_hash }
        }
      }
      after = rows[rows.length - 1]!.event_hash
    }
    if (!named) return orphan
    const before = await database('audit_events').where('id', '<', named.id).count<{ n: number | string }[]>({ n: '*' }).first()
    const previous = await database('audit_events').where('id', '<', named.id).orderBy('id', 'desc').first<{ id: number; hash: string } | undefined>('id', 'hash')
    return { id: named.id, type: named.type, occurredAt: named.occurred_at, reason: 'values_inserted', eventHash: named.event_hash, checked: Number(before?.n ?? 0), lastIntact: previous ? { id: previous.id, hash: previous.hash } : null }
  }

  return {
    /**
     * Walk the chain from the first event: the first event whose hash does not match its contents was
     * edited (or rewritten without the key); the first whose link to the one before does not hold follows
     * a deletion or an insertion. The values kept apart from the trail are checked on the way: each event
     * whose data holds a detail HMAC must have its detail row, with the keyed digest the chain recorded
     * (otherwise its values were edited or deleted); after the walk, a detail row no event references was
     * inserted. Events are read in id order a page at a time, and their details a batch at a time, so a
     * trail of any size verifies in bounded memory. With a checkpoint, also prove the trail still reaches
     * its head.
     */
    async verify(database: Knex = db, options: { checkpoint?: unknown; trustedKey?: crypto.KeyObject | null } = {}): Promise<ChainVerification> {
      const key = audit.auditKey()
      const walker = createChainWalker({ key })
      const last = await audit.last(database)
      const base = { head: last?.hash ?? GENESIS_HASH, headId: last?.id ?? null }
      let cp: AuditCheckpoint | null = null
      let cpProblem: string | null = null
      if (options.checkpoint !== undefined) {
        if (!options.trustedKey) cpProblem = 'there is no public key to check the checkpoint against (pass --public-key FILE)'
        else ({ checkpoint: cp, problem: cpProblem } = checkCheckpoint(options.checkpoint, options.trustedKey))
      }
      let reached: { hash: string; count: number } | null = null
      let found: FoundBreak | null = null
      let matchedDetails = 0
      // Erasure (issue 17) deletes the details of an erased person's events; the CASE_ERASED event (in the
      // chain, so verified with the rest) names the revisions, and only their details may be missing.
      const erasedCases = await erasedCaseIds(database)
      walk: for await (const page of audit.pages(database)) {
        for (let i = 0; i < page.length; i += DETAIL_BATCH) {
          const rows = page.slice(i, i + DETAIL_BATCH)
          const expected = new Map<string, string>()
          for (const row of rows) {
            const hmac = detailHmacOf(row)
            if (hmac !== null) expected.set(row.hash, hmac)
          }
          const details = new Map((await audit.findDetails(database, [...expected.keys()])).map(d => [d.event_hash, d.data]))
          for (const row of rows) {
            const before = { checked: walker.count, lastIntact: walker.lastGood }
            const chainBreak = walker.next(row)
            if (chainBreak) {
              found = { id: row.id, type: row.type, occurredAt: row.occurred_at, reason: REASONS[chainBreak.reason], ...before }
              break walk
            }
            const hmac = expected.get(row.hash)
            if (hmac !== undefined) {
              const detail = details.get(row.hash)
              if (detail === undefined && row.case_id !== null && erasedCases.has(row.case_id)) {
                if (cp && row.id === cp.lastId) reached = { hash: row.hash, count: walker.count }
                continue
              }
              if (detail === undefined || keyedDigest(key, detail) !== hmac) {
                found = { id: row.id, type: row.type, occurredAt: row.occurred_at, reason: detail === undefined ? 'values_deleted' : 'values_edited', eventHash: row.hash, ...before }
                break walk
              }
              matchedDetails++
            }
            if (cp && row.id === cp.lastId) reached = { hash: row.hash, count: walker.count }
          }
        }
      }
      if (!found) {
        const chainBreak = walker.finish()
        if (chainBreak) {
          const row = await audit.findById(database, chainBreak.id)
          found = { id: chainBreak.id, type: row?.type ?? null, occurredAt: row?.occurred_at ?? null, reason: REASONS[chainBreak.reason], checked: walker.count, lastIntact: walker.lastGood }
        }
      }
      // Every detail row an event references was counted once above; any more were inserted.
      if (!found && (await audit.countDetails(database)) > matchedDetails) found = await findInsertedDetail(database, walker)
      const result: ChainVerification = { intact: !found, checked: found?.checked ?? walker.count, ...base, lastIntact: found ? found.lastIntact : walker.lastGood }
      if (found) result.broken = { id: found.id, type: found.type, occurredAt: found.occurredAt, reason: found.reason, ...(found.eventHash ? { eventHash: found.eventHash } : {}) }
      if (options.checkpoint !== undefined) {
        if (!cpProblem && cp && !found) {
          if (!reached) {
            cpProblem = `the checkpoint's event ${cp.lastId} is no longer in the trail: events were cut off the end`
            result.broken = { id: cp.lastId, type: null, occurredAt: null, reason: 'truncated' }
          } else if (reached.hash !== cp.lastHash) cpProblem = `event ${cp.lastId} no longer has the hash the checkpoint recorded: the trail up to it was rewritten`
          else if (reached.count !== cp.count) cpProblem = `the checkpoint counted ${cp.count} events up to event ${cp.lastId}, the trail now has ${reached.count}: the trail was rewritten`
        }
        result.checkpoint = { lastId: cp?.lastId ?? null, valid: !cpProblem, ...(cpProblem ? { problem: cpProblem } : {}) }
        if (cpProblem) result.intact = false
      }
      return result
    },

    /** Sign the current head, after checking the chain (a broken trail gets no checkpoint). */
    async checkpoint(keys: { privateKey: crypto.KeyObject; publicKeyPem: string }, now = new Date()): Promise<{ verification: ChainVerification; checkpoint: AuditCheckpoint | null }> {
      const verification = await this.verify()
      if (!verification.intact || verification.headId === null) return { verification, checkpoint: null }
      return { verification, checkpoint: signCheckpoint({ lastId: verification.headId, lastHash: verification.head, count: verification.checked }, now, keys.privateKey, keys.publicKeyPem) }
    },

    /**
     * Events written before the audit key existed carry plain SHA-256 hashes. One keyed event after them
     * seals them: from then on, unkeyed events after a keyed one (a rewrite with the old algorithm) break
     * the chain. Run at start and after `vet migrate`; does nothing when the head is already keyed.
     */
    async sealLegacy(): Promise<boolean> {
      audit.auditKey() // at start: a missing or unreadable key stops the app here, not at the first change
      return db.transaction(async trx => {
        const last = await audit.last(trx)
        if (!last || Number(last.chain_version ?? 0) !== 0) return false
        await audit.append(trx, { type: 'AUDIT_CHAIN_KEYED', actor: { userId: null, role: null }, data: { legacyEvents: last.id, legacyHead: last.hash } })
        return true
      })
    },

    async search(filter: AuditFilter): Promise<AuditEventView[]> {
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
      const rows = (await q) as Array<AuditRow & { actor_email: string | null }>
      return rows.map(row => ({ ...row, ...trailView(row) }))
    },

    /**
     * One event's withheld values, for roles that read cases: the detail kept apart from the trail (checked
     * against the HMAC the chain holds), or, for a legacy event, its data as written.
     */
    async values(id: number): Promise<{ event: AuditRow; values: Record<string, unknown> | null; matchesTrail: boolean; erased?: boolean } | null> {
      const event = await audit.findById(db, id)
      if (!event) return null
      if (Number(event.chain_version ?? 0) === 0) return { event, values: JSON.parse(event.data) as Record<string, unknown>, matchesTrail: true }
      const trail = JSON.parse(event.data) as { detailHmac?: string }
      if (!trail.detailHmac) return { event, values: null, matchesTrail: true }
      const detail = await audit.findDetail(db, event.hash)
      // Gone with an erasure of the person (recorded in the chain): not a tampered trail.
      if (!detail && event.case_id && (await erasedCaseIds(db)).has(event.case_id)) return { event, values: null, matchesTrail: true, erased: true }
      if (!detail) return { event, values: null, matchesTrail: false }
      return { event, values: JSON.parse(detail.data) as Record<string, unknown>, matchesTrail: keyedDigest(audit.auditKey(), detail.data) === trail.detailHmac }
    },

    types: () => [...AUDIT_EVENT_TYPES].sort(),
  }
}

/** The revisions whose audit details an erasure deleted, as its CASE_ERASED events record them. */
async function erasedCaseIds(database: Knex): Promise<Set<string>> {
  const rows = (await database('audit_events').where('type', 'CASE_ERASED').select('data')) as Array<{ data: string }>
  const ids = new Set<string>()
  for (const r of rows) {
    try {
      const revisions = (JSON.parse(r.data) as { revisions?: unknown }).revisions
      if (Array.isArray(revisions)) for (const id of revisions) if (typeof id === 'string') ids.add(id)
    } catch {
      // an unreadable event's hash fails the walk
    }
  }
  return ids
}

/** What the trail shows of an event: keyed events already hold no personal values; legacy ones are withheld here. */
function trailView(row: AuditRow): { shownData: Record<string, unknown>; withheld: boolean } {
  const data = JSON.parse(row.data) as Record<string, unknown>
  if (Number(row.chain_version ?? 0) === 0) {
    const { shown, withheld } = withholdLegacyData(row.type, data)
    return { shownData: shown, withheld }
  }
  const { detailHmac, ...shown } = data
  return { shownData: shown, withheld: detailHmac !== undefined }
}

/** "2026-11-24" → "2026-11-25": `to` includes the whole of its day. */
function nextDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString()
}

export type AuditService = ReturnType<typeof createAuditService>
