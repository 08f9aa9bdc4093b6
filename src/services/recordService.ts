import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { CaseRepository } from '../db/repositories/caseRepository'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import type { SubjectRepository } from '../db/repositories/subjectRepository'
import { isCountryCode, isTimeZone } from '../domain/places'
import { searchTermsFor } from '../domain/searchTerms'
import { factsFromApplication } from '../extract/buildFacts'
import { subjectColumnsFromPerson } from '../ingest/subjectColumns'
import { applicationSchema, APPLICATION_FORMAT } from '../ingest/applicationFormat'
import { conflict, notFound } from '../errors'
import { fieldForIssuePath, type SectionDef } from '../presenters/recordSections'
import { isClosed } from '../signoff/caseStatus'
import { auditActor, type ActorContext } from './context'
import { assertChangeable } from './revisionGuard'
import type { IngestService } from './ingestService'
import type { ScoringService } from './scoringService'
import { ValidationError } from './userService'

const WRAP: Record<SectionDef['id'], (o: Record<string, unknown>) => Record<string, unknown>> = {
  person: o => ({ person: o }),
  profile: o => ({ profiles: [o] }),
  reference: o => ({ references: [o] }),
  interview: o => ({ interview: o }),
  shipping: o => ({ logistics: o }),
  payment: o => ({ payment: o }),
}
/** Which facts a section replaces (sections in "add" mode replace nothing). */
const REPLACES: Partial<Record<SectionDef['id'], string[]>> = {
  person: ['person.full_name', 'person.email', 'person.phone', 'person.phone_line_type', 'person.address', 'person.timezone'],
  interview: ['interview.video', 'interview.observation', 'interview.notes'],
  shipping: ['logistics.shipping_address', 'logistics.note'],
  payment: ['payment'],
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** Details a reviewer records by hand on the case page: facts with source "reviewer", audited. */
export function createRecordService(deps: { db: Knex; cases: CaseRepository; subjects: SubjectRepository; evidence: EvidenceRepository; audit: AuditRepository; ingest: IngestService; scoring: ScoringService }) {
  const { db, cases, subjects, evidence, audit } = deps

  function validate(def: SectionDef, obj: Record<string, unknown>) {
    const errors: Record<string, string> = {}
    const parsed = applicationSchema.safeParse({ format: APPLICATION_FORMAT, ...WRAP[def.id](obj) })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldForIssuePath(def, issue.path.slice(issue.path[0] === 'profiles' || issue.path[0] === 'references' ? 2 : 1) as Array<string | number>)
        errors[field] ??= issue.code === 'invalid_type' ? 'Enter a number' : issue.message.replace(/^must/, 'This must')
      }
    }
    // Typed by a person, so held to a stricter standard than an import.
    const check = (name: string, ok: boolean, message: string) => {
      if (!ok) errors[name] ??= message
    }
    const flat = { ...obj, ...((obj.address ?? obj.shipping_address ?? {}) as Record<string, unknown>) }
    if (typeof flat.email === 'string') check('email', EMAIL.test(flat.email), 'Enter an email address like name@example.com')
    if (typeof flat.country === 'string') check('country', isCountryCode(flat.country), 'Enter a two-letter country code such as US or GB')
    if (typeof flat.bank_country === 'string') check('bank_country', isCountryCode(flat.bank_country), 'Enter a two-letter country code such as US or GB')
    if (typeof flat.timezone === 'string') check('timezone', isTimeZone(flat.timezone), 'Enter an IANA time zone such as Europe/London')
    if (def.id === 'profile') check('network', typeof obj.network === 'string', 'Choose the platform')
    if (Object.keys(obj).length === 0) errors._form ??= 'Fill in at least one field'
    if (Object.keys(errors).length) throw new ValidationError(errors)
    return parsed.success ? parsed.data : null
  }

  return {
    async record(caseId: string, def: SectionDef, obj: Record<string, unknown>, ctx: ActorContext, photo?: { name: string; data: Buffer }): Promise<void> {
      const app = validate(def, obj)!
      const row = await cases.findById(db, caseId)
      if (!row) throw notFound('No such case')
      if (!row.is_current || isClosed(row.status)) throw conflict('case_closed', 'This case is closed; reopen it to record details')
      let photoDocumentId: string | undefined
      if (photo) photoDocumentId = (await deps.ingest.addDocument(caseId, photo.name, 'photo', photo.data, ctx)).documentId
      await db.transaction(async trx => {
        await assertChangeable(trx, caseId)
        const now = new Date().toISOString()
        const current = await evidence.currentFacts(trx, caseId)
        const replaced = REPLACES[def.id] ?? []
        const before = current.filter(f => replaced.includes(f.field)).map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source }))
        if (replaced.length) await evidence.supersedeFields(trx, caseId, replaced, now)
        const facts = factsFromApplication(app)
        await evidence.insertFacts(
          trx,
          facts.map(f => ({
            case_id: caseId,
            field: f.field,
            value: JSON.stringify(f.field === 'profile' && photoDocumentId ? { ...(f.value as object), photo_document_id: photoDocumentId } : f.value),
            source: 'reviewer',
            document_id: f.field === 'profile' ? (photoDocumentId ?? null) : null,
            locator: `entered on the case page (${def.title.toLowerCase()})`,
            recorded_by: ctx.userId,
            recorded_at: now,
            superseded_at: null,
          })),
        )
        if (def.id === 'person') {
          const p = app.person!
          const changes = {
            ...(p.full_name ? { full_name: p.full_name } : {}),
            ...subjectColumnsFromPerson(p),
            updated_at: now,
          }
          await subjects.update(trx, row.subject_id, changes)
          const subject = (await subjects.findById(trx, row.subject_id))!
          await cases.update(trx, caseId, { sort_name: subject.full_name.toLowerCase(), updated_at: now })
          await cases.replaceSearchTerms(trx, caseId, searchTermsFor({ fullName: subject.full_name, email: subject.email, externalId: row.external_id, reference: row.reference }))
        } else await cases.update(trx, caseId, { updated_at: now })
        await audit.append(trx, {
          type: 'CASE_FACTS_RECORDED',
          actor: auditActor(ctx),
          caseId,
          subjectId: row.subject_id,
          requestId: ctx.requestId,
          data: { section: def.id, before, after: facts.map(f => ({ field: f.field, value: f.value })), ...(photoDocumentId ? { photoDocumentId } : {}) },
        })
        await deps.scoring.rescore(trx, caseId, ctx)
      })
    },
  }
}

export type RecordService = ReturnType<typeof createRecordService>
