import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { CaseQuery, CaseRepository } from '../db/repositories/caseRepository'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import { applicationFromFacts } from '../exports/applicationFromFacts'
import { toCsv } from '../exports/csv'
import { notFound } from '../errors'
import { auditActor, type ActorContext } from './context'
import type { LinkService } from './linkService'

export const CASE_EXPORT_FORMAT = 'vetting/case-export@1'
const MAX_ROWS = 100_000

/**
 * Exports: the case list and a ring as spreadsheet-safe CSV, one case as JSON (its application in our
 * format, with its facts, findings, links and checklist). Every export is an audit event, written in
 * the same transaction as the read it records.
 */
export function createExportService(deps: { db: Knex; cases: CaseRepository; evidence: EvidenceRepository; audit: AuditRepository; links: LinkService }) {
  const { db, cases, evidence, audit, links } = deps

  /** The case in our export format (no audit event: callers record what they export). */
  async function buildCaseJson(trx: Knex, caseId: string): Promise<{ reference: string; subjectId: string; json: Record<string, unknown> }> {
    const row = (await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.id', caseId).first('c.*', 's.full_name', 's.email')) as Record<string, unknown> | undefined
    if (!row) throw notFound('No such case')
    const facts = (await evidence.currentFacts(trx, caseId)).map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, locator: f.locator, recorded_at: f.recorded_at }))
    const { application, problems } = applicationFromFacts(facts, { external_id: row.external_id as string | null, kind: row.kind as string })
    const findings = (await trx('findings').where({ case_id: caseId }).whereNull('superseded_at').orderBy('id')) as Array<Record<string, unknown>>
    const linked = await links.linkFacts(trx, caseId)
    const checklist = (await trx('checklist_items').where({ case_id: caseId }).orderBy('position').select('step_key', 'template_version', 'text', 'rule_id', 'why', 'source', 'required', 'status', 'note', 'file_name', 'file_sha256', 'assignee_id', 'due_date', 'completed_by', 'completed_at')) as Array<Record<string, unknown>>
    const dispositions = (await trx('finding_dispositions').where({ case_id: caseId }).orderBy('id').select('rule_id', 'disposition', 'author_id', 'created_at')) as unknown[]
    const signoffs = (await trx('signoffs').where({ case_id: caseId }).orderBy('id').select('decision', 'statement', 'signer_id', 'signed_at', 'digest')) as unknown[]
    const json = {
      format: CASE_EXPORT_FORMAT,
      exported_at: new Date().toISOString(),
      case: { id: row.id, reference: row.reference, revision: row.revision, kind: row.kind, status: row.status, role_title: row.role_title, external_id: row.external_id, risk_score: row.risk_score, risk_band: row.risk_band, created_at: row.created_at, updated_at: row.updated_at },
      application,
      ...(problems.length ? { application_problems: problems } : {}),
      facts,
      findings: findings.map(f => ({
        rule: f.rule_id,
        version: f.rule_version,
        status: f.status,
        severity: f.severity,
        category: f.category,
        message: f.message,
        points: f.points,
        blocking: Boolean(f.blocking),
        evidence: JSON.parse(String(f.evidence ?? '[]')) as unknown,
        missing: JSON.parse(String(f.missing ?? '[]')) as unknown,
        refdata: JSON.parse(String(f.refdata ?? '{}')) as unknown,
      })),
      links: linked.map(l => ({ case_id: l.otherId, name: l.otherName, kind: l.kind, via: l.via, judgement: l.judgement ?? null })),
      checklist: checklist.map(i => ({ ...i, required: Boolean(i.required) })),
      dispositions,
      signoffs,
    }
    return { reference: String(row.reference), subjectId: String(row.subject_id), json }
  }

  return {
    async casesCsv(query: Omit<CaseQuery, 'page' | 'pageSize'>, ctx: ActorContext): Promise<{ csv: string; count: number }> {
      return db.transaction(async trx => {
        const rows: unknown[][] = []
        for (let page = 1; rows.length < MAX_ROWS; page++) {
          const { items } = await cases.search(trx, { ...query, page, pageSize: 1000 })
          for (const c of items) rows.push([c.reference, c.revision, c.full_name, c.email, c.kind, c.role_title, c.external_id, c.status, c.risk_band ?? 'unscored', c.risk_score, c.updated_at])
          if (items.length < 1000) break
        }
        await audit.append(trx, { type: 'DATA_EXPORTED', actor: auditActor(ctx), requestId: ctx.requestId, data: { what: 'case list', format: 'csv', rows: rows.length, filter: { ...query } } })
        return { csv: toCsv(['reference', 'revision', 'name', 'email', 'kind', 'role', 'external id', 'status', 'band', 'score', 'updated'], rows), count: rows.length }
      })
    },

    async ringCsv(reference: string, ctx: ActorContext): Promise<{ csv: string; ringId: string }> {
      return db.transaction(async trx => {
        const c = (await trx('cases').where({ reference, is_current: true }).first('id')) as { id: string } | undefined
        if (!c) throw notFound('No such ring')
        const [ring] = await links.rings(trx, { caseId: c.id })
        if (!ring) throw notFound('This application is not linked to any other')
        const member = new Map(ring.members.map(m => [m.caseId, m]))
        const rows = ring.links.map(l => {
          const a = member.get(l.a)
          const b = member.get(l.b)
          return [ring.id, a?.reference, a?.name, a?.band ?? 'unscored', b?.reference, b?.name, b?.band ?? 'unscored', l.kind, l.via]
        })
        await audit.append(trx, { type: 'DATA_EXPORTED', actor: auditActor(ctx), caseId: c.id, requestId: ctx.requestId, data: { what: 'ring', format: 'csv', ring: ring.id, rows: rows.length } })
        return { csv: toCsv(['ring', 'application', 'name', 'band', 'linked application', 'linked name', 'linked band', 'kind', 'shared'], rows), ringId: ring.id }
      })
    },

    async caseJson(caseId: string, ctx: ActorContext): Promise<{ reference: string; json: Record<string, unknown> }> {
      return db.transaction(async trx => {
        const built = await buildCaseJson(trx, caseId)
        await audit.append(trx, { type: 'DATA_EXPORTED', actor: auditActor(ctx), caseId, subjectId: built.subjectId, requestId: ctx.requestId, data: { what: 'case', format: 'json' } })
        return { reference: built.reference, json: built.json }
      })
    },

    buildCaseJson,
  }
}

export type ExportService = ReturnType<typeof createExportService>
