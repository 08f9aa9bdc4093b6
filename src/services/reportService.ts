import type { Knex } from 'knex'
import JSZip from 'jszip'
import { sha256Of, type BlobStore } from '../ingest/blobStore'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { DocumentRow, EvidenceRepository } from '../db/repositories/evidenceRepository'
import { notFound } from '../errors'
import { presentEvidence } from '../presenters/presentEvidence'
import { presentFindings } from '../presenters/presentFindings'
import { maskText } from '../presenters/maskSensitive'
import type { FindingRow } from './caseService'
import { renderCaseReport, type CaseReportData } from '../reports/caseReport'
import { version } from '../version'
import { auditActor, type ActorContext } from './context'
import type { ExportService } from './exportService'
import { withoutOthers } from './subjectExportService'
import type { LinkService } from './linkService'

/** The case report (PDF) and the evidence pack (ZIP: report, JSON, original documents, SHA-256 manifest). */
/** The `where` presentFindings gives a link's evidence (whose value names the other application). */
const LINK_EVIDENCE = 'link analysis: see Links'

export function createReportService(deps: { db: Knex; audit: AuditRepository; evidence: EvidenceRepository; blobs: BlobStore; links: LinkService; exports: ExportService }) {
  const { db, audit, evidence, blobs, links, exports } = deps

  /**
   * forSubject: for the person's own copy (subject access): other applicants appear by case reference only.
   * masked: payout accounts, wallets and ID numbers masked, for a requester who sees them masked on the case
   * page (the evidence pack and the subject access copy stay complete).
   */
  async function reportData(trx: Knex, caseId: string, options: { forSubject?: boolean; masked?: boolean } = {}): Promise<{ data: CaseReportData; subjectId: string; documents: Array<Omit<DocumentRow, 'extracted_text'>> }> {
    const c = (await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.id', caseId).first('c.*', 's.full_name', 's.email')) as Record<string, unknown> | undefined
    if (!c) throw notFound('No such case')
    const documents = await evidence.documentsOf(trx, caseId)
    const facts = await evidence.currentFacts(trx, caseId)
    const findings = presentFindings((await trx('findings').where({ case_id: caseId }).whereNull('superseded_at').orderBy('id')) as FindingRow[], c.score_detail as string | null, { masked: options.masked ?? false })
    const emails = new Map(((await trx('users').select('id', 'email')) as Array<{ id: number; email: string }>).map(u => [u.id, u.email]))
    const who = (id: unknown) => (typeof id === 'number' ? (emails.get(id) ?? `user ${id}`) : 'system')
    const items = (await trx('checklist_items').where({ case_id: caseId }).orderBy('position')) as Array<Record<string, unknown>>
    const dispositions = (await trx('finding_dispositions').where({ case_id: caseId }).orderBy('id')) as Array<Record<string, unknown>>
    const signoffs = (await trx('signoffs').where({ case_id: caseId }).orderBy('id')) as Array<Record<string, unknown>>
    const linked = await links.linkFacts(trx, caseId)
    const refs = new Map(((await trx('cases').whereIn('id', linked.map(l => l.otherId)).select('id', 'reference')) as Array<{ id: string; reference: string }>).map(r => [r.id, r.reference]))
    const title = new Map(findings.flags.map(f => [f.rule, f.title]))
    const data: CaseReportData = {
      generatedAt: new Date().toISOString(),
      appVersion: version,
      case: { reference: String(c.reference), revision: Number(c.revision), kind: String(c.kind), status: String(c.status), score: (c.risk_score as number | null) ?? null, band: (c.risk_band as string | null) ?? null, roleTitle: (c.role_title as string | null) ?? null, externalId: (c.external_id as string | null) ?? null },
      subject: { name: String(c.full_name), email: (c.email as string | null) ?? null },
      facts: presentEvidence(documents, facts, caseId, { masked: options.masked ?? false }).facts.map(f => ({ label: f.label, value: f.value, where: f.where })),
      findings: findings.flags.map(f => ({ rule: f.rule, version: f.version, title: f.title, severity: f.severity, points: f.points, message: options.forSubject ? withoutOthers(f.message, linked.map(l => ({ name: l.otherName, reference: refs.get(l.otherId) ?? 'another application' }))) : f.message, evidence: f.evidence.map(e => ({ value: options.forSubject && e.where === LINK_EVIDENCE ? 'another application (see Links, by reference)' : String(e.value), where: e.where })), sources: f.sources, refdata: f.refdata })),
      links: linked.map(l => ({ name: options.forSubject ? (refs.get(l.otherId) ?? 'another application') : (l.otherName ?? l.otherId), reference: refs.get(l.otherId) ?? l.otherId, via: options.masked ? maskText(`${l.kind}: ${l.via}`) : `${l.kind}: ${l.via}`, judgement: l.judgement ?? null })),
      checklist: items.map(i => ({ text: String(i.text), status: String(i.status), required: Boolean(i.required), note: i.note ? `${String(i.note)}${i.file_sha256 ? ` [file ${String(i.file_name)}, SHA-256 ${String(i.file_sha256)}]` : ''}` : null, by: i.completed_by ? who(i.completed_by) : null, at: (i.completed_at as string | null) ?? null, why: String(i.why), source: String(i.source), template: String(i.template_version) })),
      dispositions: dispositions.map(d => ({ finding: title.get(String(d.rule_id)) ?? String(d.rule_id), text: String(d.disposition), by: who(d.author_id), at: String(d.created_at) })),
      signoffs: signoffs.map(s => ({ decision: String(s.decision), statement: String(s.statement), signer: who(s.signer_id), at: String(s.signed_at), digest: String(s.digest) })),
    }
    return { data, subjectId: String(c.subject_id), documents }
  }

  return {
    async casePdf(caseId: string, ctx: ActorContext, options: { forSubject?: boolean; masked?: boolean } = {}): Promise<{ reference: string; pdf: Buffer }> {
      return db.transaction(async trx => {
        const { data, subjectId } = await reportData(trx, caseId, options)
        const pdf = await renderCaseReport(data)
        await audit.append(trx, { type: 'DATA_EXPORTED', actor: auditActor(ctx), caseId, subjectId, requestId: ctx.requestId, data: { what: 'case report', format: 'pdf', sha256: sha256Of(pdf) } })
        return { reference: data.case.reference, pdf }
      })
    },

    /**
     * A ZIP anyone can check offline: report.pdf, case.json, the original documents under documents/,
     * and SHA256SUMS (the format `sha256sum -c` reads) listing every other file.
     */
    async evidencePack(caseId: string, ctx: ActorContext): Promise<{ reference: string; zip: Buffer; manifest: string }> {
      return db.transaction(async trx => {
        const { data, subjectId, documents } = await reportData(trx, caseId)
        const files: Array<[string, Buffer]> = [
          ['report.pdf', await renderCaseReport(data)],
          ['case.json', Buffer.from(`${JSON.stringify((await exports.buildCaseJson(trx, caseId)).json, null, 2)}\n`)],
        ]
        const used = new Set<string>()
        for (const d of documents) {
          let name = `documents/${entryName(d.original_name, d.sha256)}`
          if (used.has(name)) name = `documents/${d.sha256.slice(0, 12)}-${name.slice('documents/'.length)}`
          used.add(name)
          files.push([name, await blobs.get(d.sha256)])
        }
        for (const i of (await trx('checklist_items').where({ case_id: caseId }).whereNotNull('file_sha256').orderBy('position').select('file_name', 'file_sha256')) as Array<{ file_name: string | null; file_sha256: string }>) {
          files.push([`checklist/${i.file_sha256.slice(0, 12)}-${entryName(i.file_name ?? '', 'file')}`, await blobs.get(i.file_sha256)])
        }
        const manifest = `${files.map(([name, bytes]) => `${sha256Of(bytes)}  ${name}`).join('\n')}\n`
        const zip = new JSZip()
        for (const [name, bytes] of files) zip.file(name, bytes)
        zip.file('SHA256SUMS', manifest)
        const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
        await audit.append(trx, { type: 'DATA_EXPORTED', actor: auditActor(ctx), caseId, subjectId, requestId: ctx.requestId, data: { what: 'evidence pack', format: 'zip', files: files.length, sha256: sha256Of(bytes) } })
        return { reference: data.case.reference, zip: bytes, manifest }
      })
    },
  }
}

/** Stored names are the uploaders' words: keep them readable in the ZIP, but never a path or a control character. */
function entryName(name: string, fallback: string): string {
  return [...name].map(ch => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch)).join('').slice(-120) || fallback
}

export type ReportService = ReturnType<typeof createReportService>
