import JSZip from 'jszip'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { notFound } from '../errors'
import type { BlobStore } from '../ingest/blobStore'
import { sha256Of } from '../ingest/blobStore'
import { presentFindings } from '../presenters/presentFindings'
import type { FindingRow } from './caseService'
import { auditActor, type ActorContext } from './context'
import type { LinkService } from './linkService'
import type { ReportService } from './reportService'

export const SUBJECT_EXPORT_FORMAT = 'vetting/subject-access@1'

const README = `Your data held by Vetting Desk
==============================

This archive is a copy of the data held about you in one vetting case, made on request
(subject access). It contains:

subject.json
    Everything recorded about you, as readable JSON:
    - "person": your details as they stand now.
    - "revisions": the case as it was vetted; a case reopened after a decision has one entry
      per revision. For each:
      - "facts": each thing we recorded, with where it came from ("source": the application you
        sent, a document we read, an applicant tracking system, or a reviewer), the document and
        the place in it ("document", "locator"), who recorded it and when. "supersededAt" is set
        when a later import replaced it.
      - "documents": the files we hold; each is in documents/ under the name in "file".
      - "findings": what each automated check concluded, with the evidence it used and the
        published sources it is based on.
      - "checklist": the verification steps, their outcome, who completed them and when.
      - "dispositions" and "signoffs": what reviewers wrote about serious findings, and the
        decision with who made it and when.
      - "links": other applications that share something with yours (for example a phone
        number). Other applicants are named only by their case reference: their data is theirs.
      - "sanctionsReviews": the outcome of sanctions screening reviews of your case.
      - "signInEvents": sign-in records we were given for your account, if any.
documents/
    The original files, exactly as received.
report.pdf
    The case report reviewers read, for the current revision (other applicants by reference).
README.txt
    This file.

Times are UTC (ISO 8601). Staff are named by their work e-mail address.
`

/**
 * Subject access (issue 17): one ZIP with everything held about the person of a case, readable by them:
 * subject.json (pretty-printed), their original documents, the PDF report, and a README. Other people's
 * personal data stays out: linked applications appear by case reference only.
 */
export function createSubjectExportService(deps: { db: Knex; audit: AuditRepository; blobs: BlobStore; links: LinkService; reports: ReportService }) {
  const { db, audit, blobs, links, reports } = deps

  async function build(trx: Knex, reference: string) {
    const revisions = (await trx('cases').where({ reference }).orderBy('revision')) as Array<Record<string, unknown> & { id: string; subject_id: string; revision: number; is_current: boolean | number }>
    if (!revisions.length) throw notFound('No such case')
    const head = revisions.find(r => Number(r.is_current)) ?? revisions[revisions.length - 1]!
    const subject = (await trx('subjects').where({ id: head.subject_id }).first()) as Record<string, unknown>
    const emails = new Map(((await trx('users').select('id', 'email')) as Array<{ id: number; email: string }>).map(u => [u.id, u.email]))
    const who = (id: unknown) => (id === null || id === undefined ? null : (emails.get(Number(id)) ?? `user ${String(id)}`))
    const files: Array<{ name: string; sha256: string }> = []
    const out = []
    for (const c of revisions) {
      // Ordered here, not by the database, so both databases (and their collations) number files alike.
      const docs = (await trx('documents').where({ case_id: c.id }).select('id', 'sha256', 'size_bytes', 'media_type', 'kind', 'original_name', 'uploaded_at', 'uploaded_by', 'warnings')) as Array<Record<string, unknown> & { id: string; sha256: string; original_name: string; uploaded_at: string }>
      docs.sort((a, b) => (a.uploaded_at < b.uploaded_at ? -1 : a.uploaded_at > b.uploaded_at ? 1 : a.original_name < b.original_name ? -1 : a.original_name > b.original_name ? 1 : 0))
      const fileOf = new Map<string, string>()
      for (const [i, d] of docs.entries()) {
        // Names come from the uploader: keep only safe characters, and number them so two never collide.
        const name = `documents/r${c.revision}-${String(i + 1).padStart(2, '0')}-${d.original_name.replace(/[^\w.\- ]+/g, '_').slice(0, 80)}`
        fileOf.set(d.id, name)
        files.push({ name, sha256: d.sha256 })
      }
      const docName = new Map(docs.map(d => [d.id, d.original_name]))
      const facts = (await trx('facts').where({ case_id: c.id }).orderBy('id')) as Array<Record<string, unknown>>
      const findingRows = (await trx('findings').where({ case_id: c.id }).whereNull('superseded_at').orderBy('id')) as FindingRow[]
      const presented = presentFindings(findingRows, null)
      const sources = new Map([...presented.flags, ...presented.clear].map(f => [f.rule, f.sources]))
      const linked = await links.linkFacts(trx, c.id)
      const refs = new Map(((await trx('cases').whereIn('id', linked.map(l => l.otherId)).select('id', 'reference')) as Array<{ id: string; reference: string }>).map(r => [r.id, r.reference]))
      const otherRef = (id: string) => refs.get(id) ?? 'another application'
      const othersNamed = (text: unknown) => withoutOthers(String(text ?? ''), linked.map(l => ({ name: l.otherName, reference: otherRef(l.otherId) })))
      const checklist = (await trx('checklist_items').where({ case_id: c.id }).orderBy('position')) as Array<Record<string, unknown>>
      const dispositions = (await trx('finding_dispositions').where({ case_id: c.id }).orderBy('id')) as Array<Record<string, unknown>>
      const signoffs = (await trx('signoffs').where({ case_id: c.id }).orderBy('id')) as Array<Record<string, unknown>>
      const sanctions = (await trx('sanctions_reviews').where({ case_id: c.id }).orderBy('id')) as Array<Record<string, unknown>>
      const access = (await trx('access_events').where({ case_id: c.id }).orderBy('occurred_at').select('occurred_at', 'account', 'ip', 'user_agent', 'event')) as Array<Record<string, unknown>>
      out.push({
        revision: c.revision,
        current: Boolean(Number(c.is_current)),
        kind: c.kind,
        role: c.role_title ?? null,
        source: c.source ?? null,
        externalId: c.external_id ?? null,
        submittedAt: c.submitted_at ?? null,
        openedAt: c.created_at,
        status: c.status,
        riskScore: c.risk_score ?? null,
        riskBand: c.risk_band ?? null,
        facts: facts.map(f => ({
          field: f.field,
          value: parseJson(f.value),
          source: f.source,
          document: f.document_id ? (docName.get(String(f.document_id)) ?? null) : null,
          documentFile: f.document_id ? (fileOf.get(String(f.document_id)) ?? null) : null,
          locator: f.locator ?? null,
          recordedBy: who(f.recorded_by) ?? (f.source === 'reviewer' ? null : 'read automatically'),
          recordedAt: f.recorded_at,
          supersededAt: f.superseded_at ?? null,
        })),
        documents: docs.map(d => ({ file: fileOf.get(d.id), originalName: d.original_name, kind: d.kind, mediaType: d.media_type, bytes: Number(d.size_bytes), sha256: d.sha256, receivedAt: d.uploaded_at, receivedBy: who(d.uploaded_by), warnings: parseJson(d.warnings) })),
        findings: findingRows.map(f => ({
          rule: f.rule_id,
          version: f.rule_version,
          status: f.status,
          severity: f.severity,
          points: f.points,
          // Link rules' messages name the other applicants: by reference here.
          message: othersNamed(f.message),
          evidence: (parseJson(f.evidence) as Array<{ field?: string; value?: unknown; where?: string }> | null ?? []).map(e =>
            // A link's evidence names the other applicant: theirs, so only the reference (in "links") is given.
            e.field === 'link' ? { field: 'link', value: 'another application (see "links")', where: 'link analysis' } : e),
          sources: sources.get(f.rule_id) ?? [],
          decidedAt: f.created_at,
        })),
        checklist: checklist.map(i => ({ step: i.text, why: i.why, status: i.status, required: Boolean(i.required), note: i.note ?? null, file: i.file_name ?? null, completedBy: who(i.completed_by), completedAt: i.completed_at ?? null })),
        dispositions: dispositions.map(d => ({ rule: d.rule_id, text: d.disposition, by: who(d.author_id), at: d.created_at })),
        signoffs: signoffs.map(s => ({ decision: s.decision, statement: s.statement, by: who(s.signer_id), at: s.signed_at, digest: s.digest })),
        links: linked.map(l => ({ otherCase: otherRef(l.otherId), kind: l.kind, shared: l.otherName ? l.via.split(l.otherName).join(otherRef(l.otherId)) : l.via, judgement: l.judgement ?? null })),
        sanctionsReviews: sanctions.map(s => ({ rule: s.rule_id, value: s.value, decision: s.decision, note: s.note, by: who(s.reviewer_id), at: s.created_at })),
        signInEvents: access.map(a => ({ at: a.occurred_at, account: a.account, ip: a.ip, userAgent: a.user_agent, event: a.event })),
      })
    }
    const person = {
      fullName: subject.full_name,
      email: subject.email ?? null,
      phone: subject.phone ?? null,
      address: { line1: subject.address_line1 ?? null, line2: subject.address_line2 ?? null, city: subject.city ?? null, region: subject.region ?? null, postalCode: subject.postal_code ?? null, country: subject.country ?? null },
      timezone: subject.timezone ?? null,
      citizenship: subject.citizenship ?? null,
      recordedAt: subject.created_at,
      updatedAt: subject.updated_at,
    }
    return { head, json: { format: SUBJECT_EXPORT_FORMAT, reference, generatedAt: new Date().toISOString(), person, revisions: out }, files }
  }

  return {
    /** The ZIP for the person of case `reference`; recorded as SUBJECT_EXPORTED (and the report as DATA_EXPORTED). */
    async export(reference: string, ctx: ActorContext): Promise<{ reference: string; zip: Buffer; files: string[] }> {
      const { head, json, files } = await build(db, reference)
      const { pdf } = await reports.casePdf(head.id, ctx, { forSubject: true })
      const zip = new JSZip()
      const fixed = new Date(json.generatedAt)
      zip.file('README.txt', README, { date: fixed })
      zip.file('subject.json', `${JSON.stringify(json, null, 2)}\n`, { date: fixed })
      for (const f of files) zip.file(f.name, await blobs.get(f.sha256), { date: fixed })
      zip.file('report.pdf', pdf, { date: fixed })
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
      const names = ['README.txt', 'subject.json', ...files.map(f => f.name), 'report.pdf']
      await db.transaction(trx =>
        audit.append(trx, { type: 'SUBJECT_EXPORTED', actor: auditActor(ctx), caseId: head.id, subjectId: head.subject_id, requestId: ctx.requestId, data: { reference, format: SUBJECT_EXPORT_FORMAT, files: names.length, sha256: sha256Of(bytes) } }),
      )
      return { reference, zip: bytes, files: names }
    },
  }
}

/** Other applicants' names in a text, replaced by their case references (longest names first). */
export function withoutOthers(text: string, others: Array<{ name: string | null; reference: string }>): string {
  let out = text
  for (const o of [...others].sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0))) {
    if (!o.name || o.name.length < 2) continue
    out = out.replace(new RegExp(o.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), o.reference)
  }
  return out
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export type SubjectExportService = ReturnType<typeof createSubjectExportService>
