import crypto from 'node:crypto'
import { unclearedBlocking } from './sanctionsReviewService'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { newCaseRow, type CaseQuery, type CaseRepository, type CaseRow } from '../db/repositories/caseRepository'
import type { DocumentRow, EvidenceRepository, FactRow } from '../db/repositories/evidenceRepository'
import type { SubjectRepository, SubjectRow } from '../db/repositories/subjectRepository'
import { searchTermsFor } from '../domain/searchTerms'
import { factsFromApplication } from '../extract/buildFacts'
import { APPLICATION_FORMAT } from '../ingest/applicationFormat'
import type { ScoringService } from './scoringService'
import type { BlobStore } from '../ingest/blobStore'
import type { ExtractSummary } from '../ingest/extractFile'
import { conflict, forbidden, notFound } from '../errors'
import { isWriteConflict } from '../db/knex'
import { CASE_STATUSES, canTransition, nextStatus, RISK_BANDS, type CaseAction } from '../signoff/caseStatus'
import { newCaseSchema, type NewCaseInput } from './caseSchemas'
import { auditActor, type ActorContext } from './context'
import { lockCase } from './revisionGuard'
import { reviewBlockersOf } from './checklistService'
import { blockedMessage, MIN_OVERRIDE_REASON } from '../signoff/reviewBlockers'
import { fieldErrorsOf, ValidationError } from './userService'

export interface CaseServiceDeps {
  db: Knex
  cases: CaseRepository
  subjects: SubjectRepository
  evidence: EvidenceRepository
  audit: AuditRepository
  scoring: ScoringService
  /** where a resume read on the new-case page waits, by SHA-256, until the case is opened with it */
  blobs?: BlobStore
  /** the extraction workers' reading of one file (src/ingest/extractFile.ts) */
  extract?: (name: string, data: Buffer) => Promise<ExtractSummary>
}

/** What a resume showed beyond the form's fields: shown beside the pre-filled form, recorded when attached. */
export interface ResumeFound {
  emails: string[]
  phones: string[]
  links: Array<{ url: string; network: string }>
  employers: number
  education: number
}

export type ResumeReading =
  | { ok: true; sha256: string; name: string; values: { fullName: string; email: string; phone: string }; found: ResumeFound; warnings: string[] }
  | { ok: false; error: string }

export interface CaseDetail {
  case: CaseRow
  subject: SubjectRow
  revisions: CaseRow[]
  documents: Array<Omit<DocumentRow, 'extracted_text'>>
  facts: FactRow[]
  accessEvents: number
  findings: FindingRow[]
}

export interface FindingRow {
  rule_id: string
  rule_version: number
  status: 'flag' | 'clear' | 'not_applicable'
  severity: string
  strength: string
  category: string
  message: string
  evidence: string
  missing: string
  points: number
  refdata: string
  blocking: boolean | number
  created_at: string
}

export function createCaseService(deps: CaseServiceDeps) {
  const { db, cases, subjects, evidence, audit } = deps

  async function load(trx: Knex, id: string): Promise<CaseDetail> {
    const row = await cases.findById(trx, id)
    if (!row) throw notFound('No such case')
    const subject = await subjects.findById(trx, row.subject_id)
    if (!subject) throw notFound('No such case')
    return {
      case: row,
      subject,
      revisions: await cases.revisionsOf(trx, row.reference),
      documents: await evidence.documentsOf(trx, id),
      facts: await evidence.currentFacts(trx, id),
      accessEvents: await evidence.accessEventCount(trx, id),
      findings: (await trx('findings').where('case_id', id).whereNull('superseded_at').orderBy('points', 'desc').orderBy('rule_id')) as FindingRow[],
    }
  }

  /**
   * The new revision starts from the evidence of the one it reopens: documents (same stored bytes), every
   * fact (superseded ones too: a changed shipping address is evidence) and sign-in events. The decided
   * revision keeps its own rows, untouched.
   */
  async function copyEvidence(trx: Knex.Transaction, from: string, to: string): Promise<{ documents: number; facts: number }> {
    const documentIds = new Map<string, string>()
    for (const d of (await trx('documents').where({ case_id: from }).orderBy('id')) as Array<Record<string, unknown> & { id: string }>) {
      const id = crypto.randomUUID()
      documentIds.set(d.id, id)
      await trx('documents').insert({ ...d, id, case_id: to })
      // Sign-in logs run to 100,000 rows: copied inside the database.
      await trx.raw('INSERT INTO access_events (case_id, document_id, occurred_at, account, ip, user_agent, event) SELECT ?, ?, occurred_at, account, ip, user_agent, event FROM access_events WHERE document_id = ? ORDER BY id', [to, id, d.id])
    }
    const facts = (await trx('facts').where({ case_id: from }).orderBy('id')) as Array<FactRow>
    const rows = facts.map(({ id: _id, ...f }) => ({ ...f, case_id: to, document_id: f.document_id ? (documentIds.get(f.document_id) ?? null) : null }))
    for (let i = 0; i < rows.length; i += 100) await trx('facts').insert(rows.slice(i, i + 100))
    return { documents: documentIds.size, facts: facts.length }
  }

  return {
    async create(input: NewCaseInput | Record<string, unknown>, ctx: ActorContext): Promise<CaseRow> {
      const parsed = newCaseSchema.safeParse(input)
      if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error))
      const v = parsed.data
      const once = () => db.transaction(async trx => {
        if (v.externalId && (await cases.findCurrentByExternal(trx, v.source, v.externalId))) {
          throw new ValidationError({ externalId: 'A case with this external id from this source already exists' })
        }
        const now = new Date().toISOString()
        const subject: SubjectRow = {
          id: crypto.randomUUID(),
          full_name: v.fullName,
          email: v.email?.toLowerCase() ?? null,
          phone: v.phone,
          phone_line_type: v.phoneLineType,
          address_line1: v.addressLine1,
          address_line2: v.addressLine2,
          city: v.city,
          region: v.region,
          postal_code: v.postalCode,
          country: v.country,
          timezone: v.timezone,
          citizenship: v.citizenship,
          created_at: now,
          updated_at: now,
          created_by: ctx.userId,
        }
        await subjects.insert(trx, subject)
        const reference = await cases.nextReference(trx)
        const row = newCaseRow(
          { reference, subject_id: subject.id, kind: v.kind, role_title: v.roleTitle, source: v.source, external_id: v.externalId, submitted_at: v.submittedAt, sort_name: v.fullName.toLowerCase().slice(0, 200), content_hash: null, created_by: ctx.userId },
          crypto.randomUUID(),
          now,
        )
        await cases.insert(trx, row, searchTermsFor({ fullName: subject.full_name, email: subject.email, externalId: row.external_id, reference }))
        await audit.append(trx, {
          type: 'CASE_CREATED',
          actor: auditActor(ctx),
          caseId: row.id,
          subjectId: subject.id,
          requestId: ctx.requestId,
          data: { after: { reference, kind: row.kind, status: row.status } },
        })
        // What the recruiter typed from the application is evidence too: record it as facts, then check it.
        const intake = factsFromApplication({
          format: APPLICATION_FORMAT,
          person: { full_name: v.fullName, email: v.email, phone: v.phone, phone_line_type: v.phoneLineType, timezone: v.timezone, address: { line1: v.addressLine1, line2: v.addressLine2, city: v.city, region: v.region, postal_code: v.postalCode, country: v.country } },
        })
        await deps.evidence.insertFacts(
          trx,
          intake.map(f => ({ case_id: row.id, field: f.field, value: JSON.stringify(f.value), source: 'reviewer', document_id: null, locator: `intake form: ${f.locator}`, recorded_by: ctx.userId, recorded_at: now, superseded_at: null })),
        )
        const evaluation = await deps.scoring.rescore(trx, row.id, ctx)
        return { ...row, risk_score: evaluation.score.score, risk_band: evaluation.score.band }
      })
      // Two people creating one external id at once: the unique index on current intake refuses the
      // second insert; looking again gives them the answer a sequential duplicate gets, not a 500.
      for (let attempt = 1; ; attempt++) {
        try {
          return await once()
        } catch (error) {
          if (!isWriteConflict(error) || attempt >= 3) throw error
        }
      }
    },

    /** Read a case for display. Viewing personal data is itself recorded in the audit trail. */
    async view(id: string, ctx: ActorContext): Promise<CaseDetail> {
      return db.transaction(async trx => {
        const detail = await load(trx, id)
        await audit.append(trx, {
          type: 'CASE_VIEWED',
          actor: auditActor(ctx),
          caseId: id,
          subjectId: detail.subject.id,
          requestId: ctx.requestId,
        })
        return detail
      })
    },

    async transition(id: string, action: Exclude<CaseAction, 'reopen'>, ctx: ActorContext, statement?: string): Promise<CaseRow> {
      return db.transaction(async trx => {
        // Locked first: a status change and a concurrent decision or reopen never both win.
        await lockCase(trx, id)
        const { case: row, subject } = await load(trx, id)
        if (!row.is_current) throw conflict('not_current', 'Only the current revision of a case can change')
        if (!canTransition(row.status, action)) throw conflict('invalid_transition', `This case is ${row.status.replace('_', ' ')}; it cannot ${action.replace(/_/g, ' ')}`)
        if (action === 'sign_off') {
          // A sanctions hit on an identifier or entity blocks sign-off until security clears it.
          const open = await unclearedBlocking(trx, id)
          if (open.length) throw conflict('sanctions_block', `Sign-off is blocked until a security reviewer clears: ${open.join(', ')}`)
        }
        // Guardrail: the open required items, missing dispositions and uncleared hits are listed; sending
        // anyway needs a reason, which the trail keeps with what was open (src/signoff/reviewBlockers.ts).
        let openWhenSent: string[] | undefined
        if (action === 'submit_for_review') {
          const blockers = await reviewBlockersOf(trx, id)
          if (blockers.length) {
            if ((statement?.trim().length ?? 0) < MIN_OVERRIDE_REASON) throw conflict('not_ready', blockedMessage(blockers))
            openWhenSent = blockers.map(b => b.text)
          }
        }
        if ((action === 'sign_off' || action === 'reject') && row.created_by === ctx.userId) {
          // Four-eyes: whoever prepared a case never decides it.
          throw forbidden('The person who prepared a case cannot sign it off')
        }
        const status = nextStatus(row.status, action)
        const updated_at = new Date().toISOString()
        const changed = await trx('cases').where({ id, status: row.status, is_current: true }).update({ status, updated_at })
        if (Number(changed) !== 1) throw conflict('invalid_transition', 'This case changed a moment ago: reload it and try again')
        await audit.append(trx, {
          type: 'CASE_STATUS_CHANGED',
          actor: auditActor(ctx),
          caseId: id,
          subjectId: row.subject_id,
          requestId: ctx.requestId,
          data: { action, before: { status: row.status }, after: { status }, ...(statement ? { statement } : {}), ...(openWhenSent ? { sentWithOpen: { count: openWhenSent.length, reason: statement!.trim(), open: openWhenSent } } : {}) },
        })
        if (status === 'in_review') {
          // Every active manager is told, in the same transaction, with the way to the decision page.
          const managers = (await trx('users').where({ role: 'manager' }).whereNull('disabled_at').whereNot('id', ctx.userId ?? 0).select('id')) as Array<{ id: number }>
          const message = `${row.reference} (${subject.full_name}) was sent for review${openWhenSent ? ` with ${openWhenSent.length} thing${openWhenSent.length === 1 ? '' : 's'} still open` : ''}`
          if (managers.length) await trx('notifications').insert(managers.map(m => ({ user_id: m.id, case_id: id, message, link: `/cases/${id}/signoff`, created_at: updated_at })))
        }
        return { ...row, status, updated_at }
      })
    },

    /** Run the checks again on the case's current evidence (after new reference data, or on request). */
    async rescore(id: string, ctx: ActorContext) {
      return db.transaction(async trx => {
        const { case: row } = await load(trx, id)
        if (!row.is_current || row.status === 'signed_off' || row.status === 'rejected') throw conflict('read_only', 'A decided or earlier revision keeps the findings it was decided on')
        return deps.scoring.rescore(trx, id, ctx)
      })
    },

    /** A closed case is never edited: reopening copies it into a new revision that starts open. */
    async reopen(id: string, ctx: ActorContext, reason: string): Promise<CaseRow> {
      return db.transaction(async trx => {
        await lockCase(trx, id)
        const { case: row } = await load(trx, id)
        if (!row.is_current) throw conflict('not_current', 'Only the current revision of a case can be reopened')
        if (!canTransition(row.status, 'reopen')) throw conflict('invalid_transition', 'Only a signed-off or rejected case can be reopened')
        const now = new Date().toISOString()
        // Conditional: two reopenings at once must not leave two current revisions.
        const changed = await trx('cases').where({ id, is_current: true, status: row.status }).update({ is_current: false })
        if (Number(changed) !== 1) throw conflict('not_current', 'This case was reopened a moment ago: reload it')
        const next: CaseRow = {
          ...row,
          id: crypto.randomUUID(),
          revision: row.revision + 1,
          previous_revision_id: row.id,
          is_current: true,
          status: nextStatus(row.status, 'reopen'),
          created_by: ctx.userId,
          created_at: now,
          updated_at: now,
        }
        await cases.insert(trx, next, [])
        await cases.copySearchTerms(trx, row.id, next.id)
        const copied = await copyEvidence(trx, row.id, next.id)
        await audit.append(trx, {
          type: 'CASE_REOPENED',
          actor: auditActor(ctx),
          caseId: next.id,
          subjectId: row.subject_id,
          requestId: ctx.requestId,
          data: { reason, before: { caseId: row.id, revision: row.revision, status: row.status }, after: { caseId: next.id, revision: next.revision, status: next.status, ...copied } },
        })
        // Re-assessed on its evidence and today's links; the checklist is made afresh when it is opened.
        const evaluation = await deps.scoring.rescore(trx, next.id, ctx)
        return { ...next, risk_score: evaluation.score.score, risk_band: evaluation.score.band }
      })
    },

    /**
     * Read a resume for the new-case form: the extracted name, first email and first phone pre-fill it for
     * the person to confirm; everything else found is listed beside it. The bytes are kept by their SHA-256
     * so the case can be opened with the very file that was read. Nothing is written to any case here.
     */
    async readResume(name: string, data: Buffer): Promise<ResumeReading> {
      if (!deps.extract || !deps.blobs) throw new Error('caseService: resume reading is not configured')
      const fileName = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(-200) || 'resume'
      const summary = await deps.extract(fileName, data)
      if ('error' in summary) return { ok: false, error: summary.error }
      const sha256 = await deps.blobs.put(data)
      const phones = summary.phones.map(p => p.e164 ?? p.raw)
      return {
        ok: true,
        sha256,
        name: fileName,
        values: { fullName: summary.name ?? '', email: summary.emails[0] ?? '', phone: phones[0] ?? '' },
        found: { emails: summary.emails, phones, links: summary.urls.map(u => ({ url: u.url, network: u.network })), employers: summary.employers.length, education: summary.education.length },
        warnings: summary.warnings ?? [],
      }
    },

    /** The bytes of a resume read by readResume (by its SHA-256). */
    async pendingResume(sha256: string): Promise<Buffer> {
      if (!deps.blobs || !/^[0-9a-f]{64}$/.test(sha256)) throw notFound('That resume is no longer here: upload it again')
      return deps.blobs.get(sha256)
    },

    search: (query: CaseQuery) => cases.search(db, query),

    async dashboard() {
      const [byStatus, byBand, recent] = await Promise.all([
        cases.countsBy(db, 'status'),
        cases.countsBy(db, 'risk_band'),
        cases.search(db, { sort: 'updated', page: 1, pageSize: 10 }),
      ])
      return {
        byStatus: CASE_STATUSES.map(status => ({ status, count: byStatus.get(status) ?? 0 })),
        byBand: [...RISK_BANDS, null].map(band => ({ band, count: byBand.get(band) ?? 0 })),
        total: [...byStatus.values()].reduce((a, b) => a + b, 0),
        recent: recent.items,
      }
    },
  }
}

export type CaseService = ReturnType<typeof createCaseService>
