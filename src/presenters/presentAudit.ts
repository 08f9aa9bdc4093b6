import type { AuditEventType } from '../audit/auditEvents'
import { WITHHELD_PREFIX, withholdLegacyData } from '../audit/auditPrivacy'
import { isRole, ROLE_LABELS } from '../auth/roles'

/**
 * The audit trail as people read it: a name for every event code, who did it (name and role), the case by
 * its reference, and what changed as "field: before → after" lines. Pure: the route fetches the users and
 * cases the events mention (one query each) and passes them in.
 */

/** Every event code in words. A Record over the closed catalogue, so a new code without a name does not compile. */
export const AUDIT_EVENT_NAMES: Record<AuditEventType, string> = {
  SETUP_COMPLETED: 'First administrator set up',
  USER_CREATED: 'Account created',
  USER_DISABLED: 'Account disabled',
  USER_ENABLED: 'Account enabled',
  USER_SIGNED_IN: 'Signed in',
  USER_SIGN_IN_FAILED: 'Sign-in failed',
  USER_LOCKED_OUT: 'Account locked after failed sign-ins',
  USER_UNLOCKED: 'Account unlocked',
  USER_SIGNED_OUT: 'Signed out',
  CASE_CREATED: 'Case created',
  CASE_VIEWED: "Case's personal data viewed",
  CASE_STATUS_CHANGED: 'Case status changed',
  CASE_REOPENED: 'Case reopened as a new revision',
  CASE_IMPORTED: 'Case imported',
  CASE_FACTS_RECORDED: 'Case details recorded',
  RULES_RUN: 'Checks run, score changed',
  DOCUMENT_UPLOADED: 'Document uploaded',
  DOCUMENT_REJECTED: 'Document refused',
  DOCUMENT_DOWNLOADED: 'Document downloaded',
  IMPORT_STARTED: 'Import started',
  API_TOKEN_ISSUED: 'API token issued',
  ATS_MAPPING_SAVED: 'ATS field mapping saved',
  API_TOKEN_REVOKED: 'API tokens revoked',
  IMPORT_FINISHED: 'Import finished',
  SANCTIONS_REVIEWED: 'Sanctions hit decided',
  LINK_JUDGED: 'Link between applications judged',
  CASE_WATCHED: 'Confirmed as fraudulent, identifiers put on the watch list',
  INDICATORS_IMPORTED: 'Shared indicators imported',
  INDICATORS_EXPORTED: 'Indicators exported for sharing',
  SHARED_INDICATOR_HIT: 'A shared indicator matched the case',
  DATA_EXPORTED: 'Data exported',
  CHECKLIST_ITEMS_ADDED: 'Checklist items added',
  CHECKLIST_ITEM_UPDATED: 'Checklist item updated',
  CHECKLIST_ITEM_ASSIGNED: 'Checklist item assigned',
  FINDING_DISPOSED: 'Finding disposition recorded',
  CASE_SIGNED_OFF: 'Case decided (sign-off)',
  AUDIT_CHAIN_KEYED: 'Audit trail sealed with the audit key',
  SIGN_IN_LOG_CONFIRMED: 'Sign-in log accounts confirmed',
  SIGN_IN_LOG_DISCARDED: 'Sign-in log discarded',
  SIGN_IN_LOG_RECEIVED: 'Sign-in log received (API or watched folder)',
  CASE_ERASURE_REQUESTED: 'Erasure requested',
  CASE_ERASURE_WITHDRAWN: 'Erasure request withdrawn',
  CASE_ERASED: 'Person’s data erased',
  RETENTION_RUN: 'Retention run: cases past their retention period erased',
  SUBJECT_EXPORTED: 'Subject access export',
  SENSITIVE_REVEALED: 'Payout accounts, wallets or ID numbers shown in full',
}

export function eventName(code: string): string {
  return (AUDIT_EVENT_NAMES as Record<string, string>)[code] ?? humanise(code.toLowerCase())
}

export interface AuditLookups {
  users: ReadonlyMap<number, { name: string; role: string }>
  /** case id (any revision) → its reference and revision */
  cases: ReadonlyMap<string, { reference: string; revision: number }>
}

export interface ChangeLine {
  field: string
  /** absent for a fact ("field: value"), present for a change ("field: before → after") */
  before?: string
  after: string
}

export interface CaseLink {
  href: string
  label: string
}

export interface AuditEventItem {
  id: number
  code: string
  name: string
  /** "2026-11-24 10:31:07" (UTC) */
  when: string
  occurredAt: string
  who: { name: string; role: string | null }
  case: CaseLink | null
  /** whom or what the event is about when that is not a case: an account, a checklist item, an import */
  target: string | null
  changes: ChangeLine[]
  /** values are kept out of the trail (readable by roles that read cases) */
  withheld: boolean
}

export interface AuditEventInputRow {
  id: number
  type: string
  occurred_at: string
  actor_user_id: number | null
  actor_role: string | null
  case_id: string | null
  target: string | null
}

/** Ids an event mentions that the page shows by name: the route reads these in one query each. */
export function referencedIds(events: Array<AuditEventInputRow & { shownData: Record<string, unknown> }>): { caseIds: string[]; userIds: number[] } {
  const caseIds = new Set<string>()
  const userIds = new Set<number>()
  const walk = (key: string, value: unknown) => {
    if (CASE_ID_KEYS.has(key) && typeof value === 'string') caseIds.add(value)
    else if (USER_ID_KEYS.has(key) && typeof value === 'number') userIds.add(value)
    else if (Array.isArray(value)) value.forEach(v => walk(key, v))
    else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(k, v)
  }
  for (const e of events) {
    if (e.case_id) caseIds.add(e.case_id)
    if (e.actor_user_id !== null) userIds.add(e.actor_user_id)
    const user = /^user:(\d+)$/.exec(e.target ?? '')
    if (user) userIds.add(Number(user[1]))
    walk('', e.shownData)
  }
  return { caseIds: [...caseIds], userIds: [...userIds] }
}

export function presentAuditEvent(event: AuditEventInputRow & { shownData: Record<string, unknown>; withheld: boolean }, lookups: AuditLookups, options: { maxItems?: number } = {}): AuditEventItem {
  return {
    id: event.id,
    code: event.type,
    name: eventName(event.type),
    when: event.occurred_at.replace('T', ' ').slice(0, 19),
    occurredAt: event.occurred_at,
    who: whoOf(event, lookups),
    case: event.case_id ? caseLink(event.case_id, lookups) : null,
    target: targetOf(event.target, lookups),
    changes: changeLines(event.shownData, lookups, options.maxItems ?? 6),
    withheld: event.withheld,
  }
}

/**
 * What the trail shows of a stored event, for the event page (the list gets it from the audit service):
 * keyed events hold no personal values; a legacy event's values are withheld here. Same rule as the service.
 */
export function trailDataOf(row: { type: string; data: string; chain_version?: number | string | null }): { shownData: Record<string, unknown>; withheld: boolean } {
  const data = JSON.parse(row.data) as Record<string, unknown>
  if (Number(row.chain_version ?? 0) === 0) {
    const { shown, withheld } = withholdLegacyData(row.type as AuditEventType, data)
    return { shownData: shown, withheld }
  }
  const { detailHmac, ...shown } = data
  return { shownData: shown, withheld: detailHmac !== undefined }
}

export function roleLabel(role: string | null | undefined): string | null {
  if (!role) return null
  return isRole(role) ? ROLE_LABELS[role] : role
}

function whoOf(event: AuditEventInputRow, lookups: AuditLookups): AuditEventItem['who'] {
  const role = roleLabel(event.actor_role)
  if (event.actor_user_id === null) return { name: 'System', role }
  const user = lookups.users.get(event.actor_user_id)
  return { name: user?.name ?? `Account ${event.actor_user_id} (removed)`, role: role ?? roleLabel(user?.role) }
}

function caseLink(id: string, lookups: AuditLookups): CaseLink {
  const c = lookups.cases.get(id)
  // A case id the database no longer knows is still shown whole (never cut short: a prefix identifies nothing).
  if (!c) return { href: `/cases/${id}`, label: id }
  return { href: `/cases/${id}`, label: c.revision > 1 ? `${c.reference} (revision ${c.revision})` : c.reference }
}

function targetOf(target: string | null, lookups: AuditLookups): string | null {
  if (!target) return null
  const m = /^([a-z_]+):(.+)$/.exec(target)
  if (!m) return target
  const [, kind, id] = m as unknown as [string, string, string]
  if (kind === 'user') {
    const user = lookups.users.get(Number(id))
    return user ? `${user.name} (${roleLabel(user.role) ?? user.role})` : `Account ${id}`
  }
  if (kind === 'checklist_item') return `Checklist item ${id}`
  if (kind === 'import') return `Import ${id}`
  if (kind === 'ats') return `ATS mapping "${id}"`
  return `${humanise(kind)} ${id}`
}

// Keys that hold a case id (shown as its reference) or a user id (shown as a name).
const CASE_ID_KEYS = new Set(['caseId', 'otherCase'])
const USER_ID_KEYS = new Set(['assignee', 'completed_by', 'reviewer'])

/** Keys that hold hashes or secrets: proof material for the chain page, noise (or worse) in a list of changes. */
const HIDDEN_KEY = /sha256|hash|digest|hmac|secret|password|^token$|legacyHead/i
/** A bare hex digest under some other key (e.g. a previous head): hidden the same way. */
const DIGEST_VALUE = /^[0-9a-f]{40,}$/i

const WITHHELD = '(withheld)'

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const isWithheld = (v: unknown) => typeof v === 'string' && (v.startsWith(WITHHELD_PREFIX) || v === WITHHELD)
const isHidden = (key: string, value: unknown) => HIDDEN_KEY.test(key) || (typeof value === 'string' && DIGEST_VALUE.test(value))

/** "lockedUntil" / "file_name" → "locked until" / "file name". */
export function humanise(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim()
}

/**
 * An event's data as lines. `before`/`after` pairs become one line per field that changed; a list of
 * `{ field, value }` (recorded facts) is read as fields; everything else is "field: value". Nested objects
 * are named by their path ("sent with open › count"). Hashes are left out; values kept out of the trail
 * show as "(withheld)", and a withheld value that changed says so without showing either side.
 */
export function changeLines(data: Record<string, unknown>, lookups: AuditLookups, maxItems = 6): ChangeLine[] {
  const lines: ChangeLine[] = []
  const { before, after, ...rest } = data
  if (before !== undefined || after !== undefined) lines.push(...pairLines('', asFields(before), asFields(after), lookups, maxItems))
  for (const [key, value] of Object.entries(rest)) lines.push(...factLines(key, humanise(key), value, lookups, maxItems))
  return lines
}

/** Recorded facts arrive as [{ field, value }]: read them as an object keyed by field. */
function asFields(value: unknown): unknown {
  if (!Array.isArray(value) || !value.length || !value.every(v => isPlainObject(v) && typeof v.field === 'string' && 'value' in v)) return value
  const out: Record<string, unknown> = {}
  for (const f of value as Array<{ field: string; value: unknown }>) out[f.field] = f.field in out ? [...[out[f.field]].flat(), f.value] : f.value
  return out
}

function pairLines(path: string, before: unknown, after: unknown, lookups: AuditLookups, maxItems: number): ChangeLine[] {
  if (isPlainObject(after) || isPlainObject(before)) {
    const b = isPlainObject(before) ? before : {}
    const a = isPlainObject(after) ? after : {}
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    return keys.flatMap(k => {
      if (isHidden(k, a[k]) || isHidden(k, b[k])) return []
      const field = path ? `${path} › ${humanise(k)}` : humanise(k)
      if (!(k in b) && isPlainObject(before) && Object.keys(before).length) return [{ field, before: 'none', after: valueText(k, a[k], lookups, maxItems) }]
      if (!(k in b)) return factLines(k, field, a[k], lookups, maxItems)
      if (!(k in a)) return [{ field, before: valueText(k, b[k], lookups, maxItems), after: after === undefined || after === null ? 'removed' : 'none' }]
      return pairValue(k, field, b[k], a[k], lookups, maxItems)
    })
  }
  return pairValue(path, humanise(path || 'value'), before, after, lookups, maxItems)
}

function pairValue(key: string, field: string, before: unknown, after: unknown, lookups: AuditLookups, maxItems: number): ChangeLine[] {
  if (same(before, after)) return []
  if (before === undefined) return factLines(key, field, after, lookups, maxItems)
  if ((isWithheld(before) || before === null) && (isWithheld(after) || after === null) && (isWithheld(before) || isWithheld(after))) {
    return [{ field, after: 'changed (values withheld)' }]
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(v => !isPlainObject(v) && !Array.isArray(v))) {
    const added = after.filter(v => !before.some(b => same(b, v)))
    const removed = before.filter(v => !after.some(a => same(a, v)))
    const parts = [added.length ? `added ${listText(key, added, lookups, maxItems)}` : '', removed.length ? `removed ${listText(key, removed, lookups, maxItems)}` : ''].filter(Boolean)
    return [{ field, after: parts.join('; ') || 'reordered' }]
  }
  if (isPlainObject(before) || isPlainObject(after)) return pairLines(field, before, after, lookups, maxItems)
  return [{ field, before: valueText(key, before, lookups, maxItems), after: valueText(key, after, lookups, maxItems) }]
}

function factLines(key: string, field: string, value: unknown, lookups: AuditLookups, maxItems: number): ChangeLine[] {
  if (isHidden(key, value)) return []
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([k, v]) => !isHidden(k, v))
    if (!entries.length) return []
    if (entries.every(([, v]) => isWithheld(v))) return [{ field, after: WITHHELD }]
    return entries.flatMap(([k, v]) => factLines(k, `${field} › ${humanise(k)}`, v, lookups, maxItems))
  }
  return [{ field, after: valueText(key, value, lookups, maxItems) }]
}

function valueText(key: string, value: unknown, lookups: AuditLookups, maxItems: number): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (isWithheld(value)) return WITHHELD
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') {
    if (USER_ID_KEYS.has(key)) return lookups.users.get(value)?.name ?? `account ${value}`
    return NUMBER.format(value)
  }
  if (typeof value === 'string') {
    if (CASE_ID_KEYS.has(key)) return caseLink(value, lookups).label
    return value
  }
  if (Array.isArray(value)) return value.length ? listText(key, value, lookups, maxItems) : 'none'
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([k, v]) => !isHidden(k, v))
    if (entries.every(([, v]) => isWithheld(v))) return WITHHELD
    // One visible key (e.g. a file's kind once its hash is left out) reads as its value alone.
    if (entries.length === 1) return valueText(entries[0]![0], entries[0]![1], lookups, maxItems)
    return entries.map(([k, v]) => `${humanise(k)} ${valueText(k, v, lookups, maxItems)}`).join(', ')
  }
  return String(value)
}

function listText(key: string, values: unknown[], lookups: AuditLookups, maxItems: number): string {
  const shown = values.slice(0, maxItems).map(v => valueText(key, v, lookups, maxItems))
  const more = values.length - shown.length
  const joined = shown.join(shown.some(t => t.includes(', ')) ? '; ' : ', ')
  return more > 0 ? `${joined} and ${NUMBER.format(more)} more` : joined
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return JSON.stringify(a) === JSON.stringify(b)
}

// One formatter for the page: Number#toLocaleString builds a new one on every call.
const NUMBER = new Intl.NumberFormat('en')
