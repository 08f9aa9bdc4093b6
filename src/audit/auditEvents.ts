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

export function hashEvent(event: Omit<ChainedAuditEvent, 'hash'>): string {
  const { prev_hash, ...rest } = event
  return crypto.createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(rest)).digest('hex')
}

/** Build the row to store after `prevHash`. `now` is passed in so this stays pure. */
export function chainEvent(input: AuditEventInput, prevHash: string, now: Date): ChainedAuditEvent {
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
    prev_hash: prevHash,
  }
  return { ...unhashed, hash: hashEvent(unhashed) }
}

export interface ChainBreak {
  id: number
  reason: 'hash_mismatch' | 'prev_hash_mismatch'
}

/** Walk stored rows in id order; the first row whose hash or link does not hold is where history was changed. */
export function findChainBreak(rows: Iterable<ChainedAuditEvent & { id: number }>, startHash = GENESIS_HASH): ChainBreak | null {
  let prev = startHash
  for (const row of rows) {
    if (row.prev_hash !== prev) return { id: row.id, reason: 'prev_hash_mismatch' }
    const { hash, id: _id, ...rest } = row
    if (hashEvent(rest) !== hash) return { id: row.id, reason: 'hash_mismatch' }
    prev = hash
  }
  return null
}
