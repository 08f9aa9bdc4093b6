import crypto from 'node:crypto'
import { canonicalJson, type AuditEventType } from './auditEvents'

/**
 * Least privilege in the trail. Administrators read the audit trail but not candidates' files, so an
 * event's data keeps only what says *what* happened (field names, statuses, rule ids, counts, hashes of
 * files); every other value (names, emails, phones, addresses, payees, notes, statements, search text…)
 * is replaced in the trail by a keyed hash of it and kept whole in `audit_event_details`, which only roles
 * that read cases can open.
 *
 * This is an allowlist on purpose: a value under a key nobody thought about is withheld, not shown.
 */

/** Keys whose values (and everything under them) say what happened without saying anything about a person. */
const STRUCTURAL_KEYS = new Set([
  'section', 'field', 'fields', 'status', 'action', 'decision', 'outcome', 'kind', 'format', 'what',
  'rule', 'rules', 'flags', 'score', 'band', 'weightsVersion', 'sha256', 'file_sha256', 'contentHash',
  'digest', 'size', 'facts', 'events', 'files', 'rows', 'documentId', 'photoDocumentId', 'reference',
  'caseId', 'otherCase', 'revision', 'page', 'step', 'steps', 'templateVersion', 'assignee', 'due', 'ring',
  'identifiers', 'tokens', 'tokenId', 'failures', 'judgement', 'created', 'updated', 'unchanged', 'rejected',
  'failed', 'bytes', 'source', 'role', 'sort', 'dir', 'type', 'event', 'scope', 'count',
])

/** Events whose data is about staff and configuration only, never about a candidate: kept whole. */
const STAFF_ONLY_EVENTS = new Set<AuditEventType>([
  'SETUP_COMPLETED', 'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'USER_SIGNED_IN', 'USER_SIGN_IN_FAILED',
  'USER_LOCKED_OUT', 'USER_UNLOCKED', 'USER_SIGNED_OUT', 'API_TOKEN_ISSUED', 'API_TOKEN_REVOKED',
  'ATS_MAPPING_SAVED', 'AUDIT_CHAIN_KEYED',
  // Erasure: the reference, revision ids, counts and the staff's reason; kept whole so that no detail row
  // (which erasure deletes) is needed to read or verify them.
  'CASE_ERASURE_REQUESTED', 'CASE_ERASURE_WITHDRAWN', 'CASE_ERASED',
])

/** The prefix of a withheld value in the trail: `hmac:` and the first 16 hex digits of HMAC-SHA256. */
export const WITHHELD_PREFIX = 'hmac:'

export interface SplitAuditData {
  /** what the trail keeps (and the chain hashes) */
  trail: Record<string, unknown>
  /** the original data, when anything was withheld; null when the trail holds it all */
  detail: Record<string, unknown> | null
}

/**
 * Split an event's data into what the trail may show and the whole, personal detail. Withheld values are
 * replaced by a keyed hash (HMAC, so nobody without the key can test a guess such as a phone number against
 * it); `detail` is bound to the event by `detailHmac`, which the chain covers.
 */
export function splitAuditData(type: AuditEventType, data: Record<string, unknown>, key: Buffer): SplitAuditData {
  if (STAFF_ONLY_EVENTS.has(type)) return { trail: data, detail: null }
  const { shown, withheld } = replaceValues(data, value => `${WITHHELD_PREFIX}${keyedDigest(key, canonicalJson(value)).slice(0, 16)}`)
  if (!withheld) return { trail: data, detail: null }
  return { trail: { ...shown, detailHmac: keyedDigest(key, canonicalJson(data)) }, detail: data }
}

/**
 * For events written before this split existed (their data holds the values themselves): what an
 * administrator may see of them. Same allowlist, but the values are only marked withheld, not hashed.
 */
export function withholdLegacyData(type: AuditEventType, data: Record<string, unknown>): { shown: Record<string, unknown>; withheld: boolean } {
  if (STAFF_ONLY_EVENTS.has(type)) return { shown: data, withheld: false }
  return replaceValues(data, () => '(withheld)')
}

function replaceValues(data: Record<string, unknown>, replace: (value: unknown) => string): { shown: Record<string, unknown>; withheld: boolean } {
  let withheld = false
  const walk = (value: unknown): unknown => {
    if (value === null || value === undefined || typeof value === 'boolean') return value
    if (Array.isArray(value)) return value.map(walk)
    if (typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, STRUCTURAL_KEYS.has(k) ? v : walk(v)]))
    }
    withheld = true
    return replace(value)
  }
  return { shown: walk(data) as Record<string, unknown>, withheld }
}

export function keyedDigest(key: Buffer, text: string): string {
  return crypto.createHmac('sha256', key).update(text).digest('hex')
}

/**
 * The HMAC binding a keyed event to its detail (in the event's data, so the chain covers it), or null when
 * the event has no detail: a legacy event, one that withheld nothing, or data that is not an object.
 */
export function detailHmacOf(event: { chain_version?: number | string | null; data: string | null }): string | null {
  if (!Number(event.chain_version ?? 0) || event.data === null) return null
  try {
    const data = JSON.parse(event.data) as unknown
    const hmac = data && typeof data === 'object' && !Array.isArray(data) ? (data as { detailHmac?: unknown }).detailHmac : undefined
    return typeof hmac === 'string' ? hmac : null
  } catch {
    return null
  }
}
