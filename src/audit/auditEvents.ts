import crypto from 'node:crypto'

/**
 * The closed catalogue of audit event types (Documenso style: past tense, OBJECT_EVENT). Stored JSON
 * outlives code: when an event's data changes shape, readers must keep accepting the old shape.
 */
export const AUDIT_EVENT_TYPES = [
  'SETUP_COMPLETED',
  'USER_CREATED',
  'USER_DISABLED',
  'USER_ENABLED',
  'USER_SIGNED_IN',
  'USER_SIGN_IN_FAILED',
  'USER_LOCKED_OUT',
  'USER_UNLOCKED',
  'USER_SIGNED_OUT',
  'CASE_CREATED',
  'CASE_VIEWED',
  'CASE_STATUS_CHANGED',
  'CASE_REOPENED',
  'CASE_IMPORTED',
  'CASE_FACTS_RECORDED',
  'RULES_RUN',
  'DOCUMENT_UPLOADED',
  'DOCUMENT_REJECTED',
  'DOCUMENT_DOWNLOADED',
  'IMPORT_STARTED',
  'API_TOKEN_ISSUED',
  'ATS_MAPPING_SAVED',
  'API_TOKEN_REVOKED',
  'IMPORT_FINISHED',
  'SANCTIONS_REVIEWED',
  'LINK_JUDGED',
  'CASE_WATCHED',
  'DATA_EXPORTED',
  'CHECKLIST_ITEMS_ADDED',
  'CHECKLIST_ITEM_UPDATED',
  'CHECKLIST_ITEM_ASSIGNED',
  'FINDING_DISPOSED',
  'CASE_SIGNED_OFF',
  'AUDIT_CHAIN_KEYED',
  'SIGN_IN_LOG_CONFIRMED',
  'SIGN_IN_LOG_DISCARDED',
  'SIGN_IN_LOG_RECEIVED',
  'CASE_ERASURE_REQUESTED',
  'CASE_ERASURE_WITHDRAWN',
  'CASE_ERASED',
  'RETENTION_RUN',
  'SUBJECT_EXPORTED',
  'INDICATORS_IMPORTED',
  'INDICATORS_EXPORTED',
  'SHARED_INDICATOR_HIT',
  'SENSITIVE_REVEALED',
] as const
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number]

export interface AuditActor {
  userId: number | null
  role: string | null
}

export interface AuditEventInput {
  type: AuditEventType
  actor: AuditActor
  caseId?: string | null
  subjectId?: string | null
  target?: string | null
  requestId?: string | null
  /** what changed, as { before, after } or other small facts; ids, never document text */
  data?: Record<string, unknown>
}

/**
 * How an event's hash was made. 0: plain SHA-256, the chain before the audit key existed (anyone with the
 * database could recompute it). 1: HMAC-SHA256 with the audit key, which is kept outside the database.
 */
export type ChainVersion = 0 | 1
export const CURRENT_CHAIN_VERSION: ChainVersion = 1

/** The stored row, without its database id: exactly what the hash covers. */
export interface ChainedAuditEvent {
  occurred_at: string
  type: AuditEventType
  actor_user_id: number | null
  actor_role: string | null
  case_id: string | null
  subject_id: string | null
  target: string | null
  request_id: string | null
  data: string
  /** absent on rows read before the column existed; 0 means legacy */
  chain_version?: number | null
  prev_hash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/**
 * The event's hash. Version 1 is keyed: without the audit key nobody can compute a valid hash, so
 * editing a row and recomputing every later hash (possible with plain SHA-256) no longer verifies.
 * Version 0 is the original unkeyed hash, kept only to verify events written before the key existed.
 */
export function hashEvent(event: Omit<ChainedAuditEvent, 'hash'>, key?: Buffer): string {
  const { prev_hash, chain_version, ...rest } = event
  if (!chain_version) return crypto.createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(rest)).digest('hex')
  if (!key) throw new Error('the audit key is needed to hash a keyed audit event')
  return crypto.createHmac('sha256', key).update(prev_hash).update('\n').update(canonicalJson({ ...rest, chain_version })).digest('hex')
}

/**
 * Build the row to store after `prevHash`. `now` is passed in so this stays pure. Without a key the row is
 * a legacy (version 0) row: only tests and the description of the old algorithm make those.
 */
export function chainEvent(input: AuditEventInput, prevHash: string, now: Date, key?: Buffer): ChainedAuditEvent {
  const unhashed = {
    occurred_at: now.toISOString(),
    type: input.type,
    actor_user_id: input.actor.userId,
    actor_role: input.actor.role,
    case_id: input.caseId ?? null,
    subject_id: input.subjectId ?? null,
    target: input.target ?? null,
    request_id: input.requestId ?? null,
    data: canonicalJson(input.data ?? {}),
    ...(key ? { chain_version: CURRENT_CHAIN_VERSION } : {}),
    prev_hash: prevHash,
  }
  return { ...unhashed, hash: hashEvent(unhashed, key) }
}

export interface ChainBreak {
  id: number
  /**
   * hash_mismatch: edited (or rewritten without the key); prev_hash_mismatch: an event removed or inserted
   * before it; unkeyed: an unkeyed event after keyed ones, or unkeyed events no keyed event follows, which
   * is what a chain rewritten with the old algorithm looks like.
   */
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'unkeyed'
}

type StoredRow = ChainedAuditEvent & { id: number }

/**
 * Walks stored rows in id order, a row at a time (so a trail of any size verifies in pages). The first row
 * whose hash or link does not hold is where history was changed.
 */
export function createChainWalker(options: { key?: Buffer; startHash?: string } = {}) {
  let prev = options.startHash ?? GENESIS_HASH
  let keyedSeen = false
  // The first row of the run of unkeyed rows at the end so far: legitimate only until a keyed row seals it.
  let unsealedFrom: number | null = null
  let lastGood: { id: number; hash: string } | null = null
  let count = 0
  return {
    next(row: StoredRow): ChainBreak | null {
      if (row.prev_hash !== prev) return { id: row.id, reason: 'prev_hash_mismatch' }
      const { hash, id: _id, ...rest } = row
      const version = Number(row.chain_version ?? 0)
      if (version === 0 && keyedSeen) return { id: row.id, reason: 'unkeyed' }
      if (version !== 0 && !options.key) throw new Error('the audit key is needed to verify keyed audit events')
      if (version !== 0 && version !== CURRENT_CHAIN_VERSION) return { id: row.id, reason: 'hash_mismatch' }
      if (hashEvent(rest, options.key) !== hash) return { id: row.id, reason: 'hash_mismatch' }
      if (version === 0) unsealedFrom ??= row.id
      else {
        keyedSeen = true
        unsealedFrom = null
      }
      prev = hash
      lastGood = { id: row.id, hash }
      count++
      return null
    },
    /** After the last row: unkeyed events at the end are only acceptable when no key is in use. */
    finish(): ChainBreak | null {
      return options.key && unsealedFrom !== null ? { id: unsealedFrom, reason: 'unkeyed' } : null
    },
    get lastGood() {
      return lastGood
    },
    get count() {
      return count
    },
  }
}

/** Walk stored rows in id order; the first row whose hash or link does not hold is where history was changed. */
export function findChainBreak(rows: Iterable<StoredRow>, options: { key?: Buffer; startHash?: string } = {}): ChainBreak | null {
  const walker = createChainWalker(options)
  for (const row of rows) {
    const found = walker.next(row)
    if (found) return found
  }
  return walker.finish()
}
