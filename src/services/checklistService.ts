import type { Knex } from 'knex'
import { can, type Role } from '../auth/roles'
import { caseDigest, desiredItems, missingItems, nextItemStatus, signOffProblems, type ItemAction, type ItemStatus } from '../checklists/checklist'
import { TEMPLATE_VERSION, templateStep } from '../checklists/templates'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { BlobStore } from '../ingest/blobStore'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { RULES } from '../rules/registry'
import { isChangeable, isClosed, type CaseKind, type CaseStatus } from '../signoff/caseStatus'
import { reviewBlockers, type ReviewBlocker } from '../signoff/reviewBlockers'
import { auditActor, type ActorContext } from './context'
import { assertChangeable, lockCase } from './revisionGuard'
import { unclearedBlocking } from './sanctionsReviewService'
import type { ScoringService } from './scoringService'

export interface ChecklistItemRow {
  id: number
  case_id: string
  position: number
  step_key: string
  template_version: string
  text: string
  rule_id: string | null
  why: string
  source: string
  required: boolean | number
  added_later: boolean | number
  status: ItemStatus
  note: string | null
  file_name: string | null
  file_sha256: string | null
  assignee_id: number | null
  due_date: string | null
  completed_by: number | null
  completed_at: string | null
  created_at: string
}

export type Decision = 'approve' | 'reject' | 'escalate'

const alreadyDecided = () => conflict('already_decided', 'This case has been decided already (perhaps by another manager a moment ago): reload it to see the decision')
const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; message?: string }
  return e.code === '23505' || (e.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? ''))
}
export const DECISIONS: Decision[] = ['approve', 'reject', 'escalate']
const SERIOUS = new Set(['high', 'critical'])
const META = new Map(RULES.map(r => [r.meta.id, r.meta]))

interface CaseHead {
  id: string
  reference: string
  revision: number
  kind: CaseKind
  status: CaseStatus
  is_current: boolean | number
  created_by: number | null
  subject_id: string
  full_name: string
}

async function flaggedFindings(trx: Knex, caseId: string) {
  const rows = (await trx('findings').where({ case_id: caseId, status: 'flag' }).whereNull('superseded_at').select('rule_id', 'severity', 'message')) as Array<{ rule_id: string; severity: string; message: string }>
  return rows.map(r => ({ ...r, meta: META.get(r.rule_id) }))
}

/**
 * What still blocks "Send for review" (src/signoff/reviewBlockers.ts says which items are required and why):
 * open required items, serious findings without a disposition, uncleared sanctions hits.
 */
export async function reviewBlockersOf(trx: Knex, caseId: string): Promise<ReviewBlocker[]> {
  const items = (await trx('checklist_items').where({ case_id: caseId }).orderBy('position').select('id', 'text', 'required', 'status')) as Array<{ id: number; text: string; required: boolean | number; status: ItemStatus }>
  const disposed = new Set(((await trx('finding_dispositions').where({ case_id: caseId }).select('rule_id')) as Array<{ rule_id: string }>).map(r => r.rule_id))
  const serious = (await flaggedFindings(trx, caseId)).filter(f => SERIOUS.has(f.severity)).map(f => ({ rule: f.rule_id, title: f.meta?.title ?? f.rule_id, severity: f.severity, disposed: disposed.has(f.rule_id) }))
  return reviewBlockers({ checklistMade: items.length > 0, items: items.map(i => ({ ...i, required: Boolean(i.required) })), serious, blocking: await unclearedBlocking(trx, caseId) })
}

/**
 * The reviewer checklist of a case, written dispositions of its serious findings, and the manager's
 * sign-off (four-eyes, with a digest of the case as signed). Every change is audited in its transaction.
 */
export function createChecklistService(deps: { db: Knex; audit: AuditRepository; evidence: EvidenceRepository; scoring: ScoringService; blobs: BlobStore }) {
  const { db, audit, evidence, scoring, blobs } = deps

  async function head(trx: Knex, caseId: string): Promise<CaseHead> {
    const row = (await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.id', caseId).first('c.id', 'c.reference', 'c.revision', 'c.kind', 'c.status', 'c.is_current', 'c.created_by', 'c.subject_id', 's.full_name')) as CaseHead | undefined
    if (!row) throw notFound('No such case')
    return row
  }

  const editable = (c: CaseHead) => isChangeable(c)

  /** Add the baseline and every flagged finding's steps that the checklist does not have yet. */
  async function ensure(trx: Knex.Transaction, caseId: string, ctx: ActorContext): Promise<number> {
    const c = await head(trx, caseId)
    if (!editable(c)) return 0
    const existing = (await trx('checklist_items').where({ case_id: caseId }).select('step_key', 'position')) as Array<{ step_key: string; position: number }>
    const flagged = (await flaggedFindings(trx, caseId)).filter(f => f.meta)
    const desired = desiredItems(c.kind, flagged.map(f => ({ rule: f.rule_id, title: f.meta!.title, severity: f.severity, sources: f.meta!.sources, checklist: f.meta!.checklist })))
    const add = missingItems(existing.map(e => e.step_key), desired)
    if (!add.length) return 0
    // Only now locked (a page view usually adds nothing): a decision may have been signed since the read above.
    const locked = await lockCase(trx, caseId)
    if (!locked || !isChangeable(locked)) return 0
    let position = existing.reduce((m, e) => Math.max(m, e.position), 0)
    const now = new Date().toISOString()
    await trx('checklist_items').insert(add.map(d => ({ case_id: caseId, position: ++position, step_key: d.stepKey, template_version: TEMPLATE_VERSION, text: d.text, rule_id: d.rule, why: d.why, source: d.source, required: d.required, added_later: existing.length > 0, status: 'open', created_at: now })))
    await audit.append(trx, { type: 'CHECKLIST_ITEMS_ADDED', actor: auditActor(ctx), caseId, subjectId: c.subject_id, requestId: ctx.requestId, data: { steps: add.map(d => d.stepKey), templateVersion: TEMPLATE_VERSION } })
    return add.length
  }

  async function readiness(trx: Knex, caseId: string): Promise<string[]> {
    const items = (await trx('checklist_items').where({ case_id: caseId }).select('text', 'required', 'status')) as Array<{ text: string; required: boolean | number; status: ItemStatus }>
    const disposed = new Set(((await trx('finding_dispositions').where({ case_id: caseId }).select('rule_id')) as Array<{ rule_id: string }>).map(r => r.rule_id))
    const serious = (await flaggedFindings(trx, caseId)).filter(f => SERIOUS.has(f.severity)).map(f => ({ rule: f.rule_id, title: f.meta?.title ?? f.rule_id, disposed: disposed.has(f.rule_id) }))
    const problems = signOffProblems({ items: items.map(i => ({ ...i, required: Boolean(i.required) })), serious, blocking: await unclearedBlocking(trx, caseId) })
    if (!items.length) problems.unshift('The checklist has not been made yet: open the case page first')
    return problems
  }

  async function notify(trx: Knex, userIds: Array<number | null | undefined>, caseId: string, message: string, link: string) {
    const ids = [...new Set(userIds.filter((u): u is number => typeof u === 'number'))]
    if (ids.length) await trx('notifications').insert(ids.map(user_id => ({ user_id, case_id: caseId, message, link, created_at: new Date().toISOString() })))
  }

  return {
    ensure,
    readiness,
    reviewBlockers: (trx: Knex, caseId: string) => reviewBlockersOf(trx, caseId),

    async view(trx: Knex, caseId: string) {
      const items = (await trx('checklist_items as i').leftJoin('users as a', 'a.id', 'i.assignee_id').leftJoin('users as d', 'd.id', 'i.completed_by').where('i.case_id', caseId).orderBy('i.position').select('i.*', 'a.email as assignee_email', 'd.email as completed_by_email')) as Array<ChecklistItemRow & { assignee_email: string | null; completed_by_email: string | null }>
      const dispositions = (await trx('finding_dispositions as f').join('users as u', 'u.id', 'f.author_id').where('f.case_id', caseId).orderBy('f.id').select('f.rule_id', 'f.disposition', 'f.created_at', 'u.email as author_email')) as Array<{ rule_id: string; disposition: string; created_at: string; author_email: string }>
      const serious = (await flaggedFindings(trx, caseId)).filter(f => SERIOUS.has(f.severity)).map(f => ({ rule: f.rule_id, title: f.meta?.title ?? f.rule_id, severity: f.severity, dispositions: dispositions.filter(d => d.rule_id === f.rule_id) }))
      const signoffs = (await trx('signoffs as s').join('users as u', 'u.id', 's.signer_id').where('s.case_id', caseId).orderBy('s.id').select('s.id', 's.decision', 's.statement', 's.signed_at', 's.digest', 'u.email as signer_email')) as Array<{ id: number; decision: Decision; statement: string; signed_at: string; digest: string; signer_email: string }>
      return { items: items.map(i => ({ ...i, required: Boolean(i.required), added_later: Boolean(i.added_later) })), serious, signoffs }
    },

    async act(caseId: string, itemId: number, input: { action: ItemAction; note: string; file?: { name: string; data: Buffer } }, ctx: ActorContext & { role: Role }) {
      // What the reviewer attached (a screenshot, a letter) is kept by its SHA-256, like every document.
      const file = input.file && input.action !== 'reopen' ? { name: input.file.name.replace(/[\\/]/g, '_').slice(-200), sha256: await blobs.put(input.file.data) } : undefined
      return db.transaction(async trx => {
        await assertChangeable(trx, caseId, 'This case is decided or an earlier revision: its checklist cannot change')
        const c = await head(trx, caseId)
        const item = (await trx('checklist_items').where({ id: itemId, case_id: caseId }).first()) as ChecklistItemRow | undefined
        if (!item) throw notFound('No such checklist item')
        let status: ItemStatus
        try {
          status = nextItemStatus(item.status, input.action, input.note, can(ctx.role, 'checklist:waive'))
        } catch (error) {
          if (error instanceof Error && error.name === 'ChecklistRuleError') throw (input.action === 'waive' && !can(ctx.role, 'checklist:waive') ? forbidden(error.message) : badRequest(error.message))
          throw error
        }
        const now = new Date().toISOString()
        const after = status === 'open'
          ? { status, note: null, file_name: null, file_sha256: null, completed_by: null, completed_at: null }
          : { status, note: input.note.trim(), file_name: file?.name ?? null, file_sha256: file?.sha256 ?? null, completed_by: ctx.userId, completed_at: now }
        await trx('checklist_items').where({ id: itemId }).update(after)
        await audit.append(trx, { type: 'CHECKLIST_ITEM_UPDATED', actor: auditActor(ctx), caseId, subjectId: c.subject_id, target: `checklist_item:${itemId}`, requestId: ctx.requestId, data: { step: item.step_key, action: input.action, before: { status: item.status, note: item.note }, after: { status: after.status, note: after.note, file_sha256: after.file_sha256 } } })
        // A failed observation step is evidence: record it as the reviewer's fact and run the checks again.
        const step = item.step_key.startsWith('baseline:') ? templateStep(item.step_key.slice('baseline:'.length)) : undefined
        if (status === 'failed' && step?.onFail) {
          await evidence.insertFacts(trx, [{ case_id: caseId, field: step.onFail.field, value: JSON.stringify(step.onFail.value), source: 'reviewer', document_id: null, locator: `checklist: ${item.text.slice(0, 80)}`, recorded_by: ctx.userId, recorded_at: now, superseded_at: null }])
          await scoring.rescore(trx, caseId, ctx)
          await ensure(trx, caseId, ctx)
        }
        return { status }
      })
    },

    /** An item's attached file, for download. */
    async itemFile(caseId: string, itemId: number, ctx: ActorContext): Promise<{ name: string; data: Buffer }> {
      return db.transaction(async trx => {
        const item = (await trx('checklist_items').where({ id: itemId, case_id: caseId }).first('file_name', 'file_sha256')) as { file_name: string | null; file_sha256: string | null } | undefined
        if (!item?.file_sha256) throw notFound('This item has no file')
        await audit.append(trx, { type: 'DOCUMENT_DOWNLOADED', actor: auditActor(ctx), caseId, target: `checklist_item:${itemId}`, requestId: ctx.requestId, data: { sha256: item.file_sha256 } })
        return { name: item.file_name ?? item.file_sha256, data: await blobs.get(item.file_sha256) }
      })
    },

    async assign(caseId: string, itemId: number, input: { assigneeId: number | null; dueDate: string | null }, ctx: ActorContext) {
      return db.transaction(async trx => {
        await assertChangeable(trx, caseId, 'This case is decided or an earlier revision: its checklist cannot change')
        const c = await head(trx, caseId)
        const item = (await trx('checklist_items').where({ id: itemId, case_id: caseId }).first()) as ChecklistItemRow | undefined
        if (!item) throw notFound('No such checklist item')
        if (input.assigneeId !== null) {
          const user = (await trx('users').where({ id: input.assigneeId }).first('role', 'disabled_at')) as { role: Role; disabled_at: string | null } | undefined
          if (!user || user.disabled_at || !can(user.role, 'checklist:complete')) throw badRequest('Assign items to an active recruiter or security reviewer')
        }
        await trx('checklist_items').where({ id: itemId }).update({ assignee_id: input.assigneeId, due_date: input.dueDate })
        await audit.append(trx, { type: 'CHECKLIST_ITEM_ASSIGNED', actor: auditActor(ctx), caseId, subjectId: c.subject_id, target: `checklist_item:${itemId}`, requestId: ctx.requestId, data: { before: { assignee: item.assignee_id, due: item.due_date }, after: { assignee: input.assigneeId, due: input.dueDate } } })
        if (input.assigneeId !== null && input.assigneeId !== ctx.userId) await notify(trx, [input.assigneeId], caseId, `${c.reference}: "${item.text.slice(0, 120)}" was assigned to you${input.dueDate ? `, due ${input.dueDate}` : ''}`, `/cases/${caseId}#checklist-heading`)
      })
    },

    async dispose(caseId: string, ruleId: string, text: string, ctx: ActorContext) {
      return db.transaction(async trx => {
        await assertChangeable(trx, caseId, 'This case is decided or an earlier revision: its findings keep the dispositions they were decided with')
        const c = await head(trx, caseId)
        if (text.trim().length < 10) throw badRequest('Write what was done about the finding and what it showed (at least 10 characters)')
        const flagged = await trx('findings').where({ case_id: caseId, rule_id: ruleId, status: 'flag' }).whereNull('superseded_at').first('rule_id')
        if (!flagged) throw notFound('This case has no such flagged finding')
        await trx('finding_dispositions').insert({ case_id: caseId, rule_id: ruleId, disposition: text.trim(), author_id: ctx.userId, created_at: new Date().toISOString() })
        await audit.append(trx, { type: 'FINDING_DISPOSED', actor: auditActor(ctx), caseId, subjectId: c.subject_id, requestId: ctx.requestId, data: { rule: ruleId, disposition: text.trim() } })
      })
    },

    /** What the manager sees before signing: the problems that block it and who may not sign. */
    async checkAnswers(caseId: string, ctx: ActorContext) {
      const c = await head(db, caseId)
      const problems = c.status === 'in_review' && c.is_current ? await readiness(db, caseId) : [`This case is ${c.status.replace('_', ' ')}; only a case in review can be decided`]
      const helpers = await helpersOf(db, caseId)
      const conflictOfInterest = ctx.userId !== null && (c.created_by === ctx.userId || helpers.has(ctx.userId)) ? 'You prepared this case or completed some of its checklist items: another manager must decide it (four-eyes)' : null
      return { case: c, problems, conflictOfInterest }
    },

    async signOff(caseId: string, input: { decision: Decision; statement: string }, ctx: ActorContext) {
      return db.transaction(async trx => {
        // Two managers deciding at once: the second waits here for the first, then sees the case decided.
        if (!(await lockCase(trx, caseId))) throw notFound('No such case')
        const c = await head(trx, caseId)
        if (c.is_current && isClosed(c.status)) throw alreadyDecided()
        if (!c.is_current || c.status !== 'in_review') throw conflict('invalid_transition', 'Only the current revision of a case in review can be decided')
        if (ctx.userId === null) throw forbidden('A person must sign')
        if (c.created_by === ctx.userId || (await helpersOf(trx, caseId)).has(ctx.userId)) throw forbidden('You prepared this case or completed some of its checklist items: another manager must decide it (four-eyes)')
        const statement = input.statement.trim()
        if (statement.length < 10) throw badRequest('Write a statement of at least 10 characters: what you decided and why')
        if (input.decision !== 'escalate') {
          const problems = await readiness(trx, caseId)
          if (problems.length) throw conflict('not_ready', problems.join(' '))
        }
        const signedAt = new Date().toISOString()
        const snapshot = await snapshotOf(trx, c, { decision: input.decision, statement, signer: ctx.userId, signedAt })
        const digest = caseDigest(snapshot)
        const status: CaseStatus = input.decision === 'approve' ? 'signed_off' : input.decision === 'reject' ? 'rejected' : 'open'
        // Conditional, so that even without the lock (another SQLite connection) only one decision wins.
        const changed = await trx('cases').where({ id: caseId, status: 'in_review', is_current: true }).update({ status, updated_at: signedAt })
        if (Number(changed) !== 1) throw alreadyDecided()
        try {
          await trx('signoffs').insert({ case_id: caseId, decision: input.decision, statement, signer_id: ctx.userId, signed_at: signedAt, digest, snapshot: JSON.stringify(snapshot) })
        } catch (error) {
          // The unique index (one approve or reject per revision) is the last word.
          if (isUniqueViolation(error)) throw alreadyDecided()
          throw error
        }
        await audit.append(trx, { type: 'CASE_SIGNED_OFF', actor: auditActor(ctx), caseId, subjectId: c.subject_id, requestId: ctx.requestId, data: { decision: input.decision, statement, digest, before: { status: c.status }, after: { status } } })
        const assignees = ((await trx('checklist_items').where({ case_id: caseId }).whereNotNull('assignee_id').distinct('assignee_id')) as Array<{ assignee_id: number }>).map(r => r.assignee_id)
        const security = input.decision === 'escalate' ? ((await trx('users').where({ role: 'security' }).whereNull('disabled_at').select('id')) as Array<{ id: number }>).map(r => r.id) : []
        const verb = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'escalated to security'
        await notify(trx, [c.created_by, ...assignees, ...security].filter(u => u !== ctx.userId), caseId, `${c.reference} (${c.full_name}) was ${verb}`, `/cases/${caseId}`)
        return { status, digest }
      })
    },

    /**
     * The decision's digest as stored and as recomputed now from the revision's rows: equal while the
     * revision is as it was signed. Null when the revision has no approval or rejection.
     */
    async signedDigest(caseId: string): Promise<{ stored: string; recomputed: string } | null> {
      const s = (await db('signoffs').where({ case_id: caseId }).whereIn('decision', ['approve', 'reject']).orderBy('id', 'desc').first('decision', 'statement', 'signer_id', 'signed_at', 'digest')) as { decision: Decision; statement: string; signer_id: number; signed_at: string; digest: string } | undefined
      if (!s) return null
      const snapshot = await snapshotOf(db, await head(db, caseId), { decision: s.decision, statement: s.statement, signer: s.signer_id, signedAt: s.signed_at })
      return { stored: s.digest, recomputed: caseDigest(snapshot) }
    },

    async myItems(userId: number) {
      return (await db('checklist_items as i').join('cases as c', 'c.id', 'i.case_id').join('subjects as s', 's.id', 'c.subject_id').where({ 'i.assignee_id': userId, 'i.status': 'open', 'c.is_current': true }).whereNotIn('c.status', ['signed_off', 'rejected']).orderByRaw('i.due_date is null, i.due_date').orderBy('i.id').select('i.id', 'i.text', 'i.due_date', 'i.case_id', 'c.reference', 's.full_name')) as Array<{ id: number; text: string; due_date: string | null; case_id: string; reference: string; full_name: string }>
    },

    async notifications(userId: number) {
      return (await db('notifications').where({ user_id: userId }).orderBy('id', 'desc').limit(50)) as Array<{ id: number; message: string; link: string | null; created_at: string; read_at: string | null }>
    },

    async markNotificationsRead(userId: number) {
      await db('notifications').where({ user_id: userId }).whereNull('read_at').update({ read_at: new Date().toISOString() })
    },

    unreadCount: async (userId: number) => Number(((await db('notifications').where({ user_id: userId }).whereNull('read_at').count({ n: '*' }).first()) as { n: number | string } | undefined)?.n ?? 0),
  }

  /** Everyone who completed an item of the case: none of them may sign it. */
  async function helpersOf(trx: Knex, caseId: string): Promise<Set<number>> {
    return new Set(((await trx('checklist_items').where({ case_id: caseId }).whereNotNull('completed_by').distinct('completed_by')) as Array<{ completed_by: number }>).map(r => r.completed_by))
  }

  /** The case as signed: facts, findings with rule and reference-data versions, checklist, dispositions. */
  async function snapshotOf(trx: Knex, c: CaseHead, decision: Record<string, unknown>) {
    const facts = (await evidence.currentFacts(trx, c.id)).map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, locator: f.locator }))
    const findings = ((await trx('findings').where({ case_id: c.id }).whereNull('superseded_at').orderBy('rule_id')) as Array<Record<string, unknown>>).map(f => ({ rule: f.rule_id, version: f.rule_version, status: f.status, severity: f.severity, points: f.points, message: f.message, refdata: JSON.parse(String(f.refdata ?? '{}')) as unknown, evidence: JSON.parse(String(f.evidence ?? '[]')) as unknown }))
    const checklist = ((await trx('checklist_items').where({ case_id: c.id }).orderBy('position')) as ChecklistItemRow[]).map(i => ({ step: i.step_key, template: i.template_version, text: i.text, required: Boolean(i.required), status: i.status, note: i.note, file_sha256: i.file_sha256, completed_by: i.completed_by, completed_at: i.completed_at }))
    const dispositions = (await trx('finding_dispositions').where({ case_id: c.id }).orderBy('id').select('rule_id', 'disposition', 'author_id', 'created_at')) as unknown[]
    return { case: { id: c.id, reference: c.reference, revision: c.revision, kind: c.kind, subject: c.full_name }, facts, findings, checklist, dispositions, ...decision }
  }
}

export type ChecklistService = ReturnType<typeof createChecklistService>
