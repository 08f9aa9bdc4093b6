import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { CaseRepository, CaseRow } from '../db/repositories/caseRepository'
import type { EvidenceRepository, FactRow } from '../db/repositories/evidenceRepository'
import type { AccessEventFact, FactRecord } from '../rules/caseFacts'
import type { ReferenceData } from '../refdata/referenceData'
import type { CaseFacts, LinkFact } from '../rules/caseFacts'
import type { LinkService } from './linkService'
import { evaluateCase, type Evaluation } from '../rules/evaluateCase'
import { auditActor, type ActorContext } from './context'
import { assertChangeable, lockCase, notifyNewEvidence } from './revisionGuard'
import { isChangeable } from '../signoff/caseStatus'
import { UNSCORED_LOG_STATES } from './signInLogService'

/** Where a stored fact was read, in words: "cv.pdf, page 1, line 2" or "application: person.email". */
export function whereOf(fact: Pick<FactRow, 'source' | 'locator' | 'document_id'>, documentNames: Map<string, string>): string {
  if (fact.document_id && documentNames.has(fact.document_id)) return `${documentNames.get(fact.document_id)}, ${fact.locator ?? ''}`.replace(/, $/, '')
  return fact.source === 'application' ? `application: ${fact.locator ?? ''}` : (fact.locator ?? fact.source)
}

export function findingRows(caseId: string, evaluation: Evaluation, now: string) {
  const points = new Map(evaluation.score.contributions.map(c => [c.rule, c.points]))
  return evaluation.findings.map(f => ({
    case_id: caseId,
    rule_id: f.rule,
    rule_version: f.version,
    status: f.status,
    severity: f.severity,
    strength: f.strength,
    category: f.category,
    message: f.message,
    evidence: JSON.stringify(f.evidence),
    missing: JSON.stringify(f.missing),
    refdata: JSON.stringify(f.refdata),
    blocking: f.blocking,
    points: points.get(f.rule) ?? 0,
    created_at: now,
    superseded_at: null,
  }))
}

export function caseScoreColumns(evaluation: Evaluation, now: string) {
  const s = evaluation.score
  return {
    risk_score: s.score,
    risk_band: s.band,
    score_sort: s.score,
    score_detail: JSON.stringify({ contributions: s.contributions, capped: s.capped, notChecked: s.notChecked, incomplete: s.incomplete, weightsVersion: s.weightsVersion }),
    scored_at: now,
  }
}

/**
 * Run the rules on a case's current evidence and store what they found, inside the caller's
 * transaction (so a change and its findings commit together). Audited when the outcome changes.
 */
export function createScoringService(deps: { cases: CaseRepository; evidence: EvidenceRepository; audit: AuditRepository; referenceData: () => ReferenceData; links?: () => LinkService }) {
  const { cases, evidence, audit } = deps
  const evaluate = (kind: CaseFacts['kind'], records: FactRecord[], events: AccessEventFact[] | undefined, asOf: Date, links?: LinkFact[]) => evaluateCase(kind, records, events, asOf, deps.referenceData(), undefined, links)
  const flagsOf = (rows: Array<{ rule_id: string; status: string }>) => rows.filter(f => f.status === 'flag').map(f => f.rule_id).sort()

  /** The rules on a case's stored evidence and its links as they stand; reads only. */
  async function assess(trx: Knex, row: CaseRow, now: Date): Promise<{ evaluation: Evaluation; base: Evaluation | null }> {
    const caseId = row.id
    const [facts, documents] = await Promise.all([evidence.currentFacts(trx, caseId), evidence.documentsOf(trx, caseId)])
    const names = new Map(documents.map(d => [d.id, d.original_name]))
    const records: FactRecord[] = facts.map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, where: whereOf(f, names) }))
    // Shipping addresses given earlier and replaced since: a change of destination is itself evidence.
    for (const old of await evidence.supersededFacts(trx, caseId, ['logistics.shipping_address'])) {
      records.push({ field: 'logistics.previous_shipping_address', value: { address: JSON.parse(old.value) as unknown, given_at: old.recorded_at, replaced_at: old.superseded_at }, source: old.source, where: `${whereOf(old, names)} (replaced ${String(old.superseded_at).slice(0, 10)})` })
    }
    // Evidence belongs to the subject: a log held for confirmation (or discarded) is not scored at all.
    const unscored = new Set(documents.filter(d => d.kind === 'access_log' && (UNSCORED_LOG_STATES as readonly unknown[]).includes(d.confirmation_state)).map(d => d.id))
    const logs = documents.filter(d => d.kind === 'access_log' && !unscored.has(d.id))
    let events: AccessEventFact[] | undefined
    if (logs.length) {
      events = (await trx('access_events').where({ case_id: caseId }).modify(q => (unscored.size ? q.whereNotIn('document_id', [...unscored]) : q)).orderBy('occurred_at').select('document_id', 'occurred_at', 'account', 'ip', 'user_agent', 'event')).map(
        (e: { document_id: string; occurred_at: string; account: string | null; ip: string | null; user_agent: string | null; event: string | null }) => ({
          occurredAt: e.occurred_at, account: e.account, ip: e.ip, userAgent: e.user_agent, event: e.event, where: names.get(e.document_id) ?? 'sign-in log',
        }),
      )
    }
    // Judge the application as of when it arrived, if known, so re-scoring later does not drift.
    const asOf = row.submitted_at ? new Date(row.submitted_at) : now
    const links = deps.links?.()
    // Today's judgements: for a decided case this is the re-assessment its people are told about.
    const linkFacts = links ? await links.linkFacts(trx, caseId, { reassess: true }) : undefined
    // The band before links is what linked cases see (bounded propagation: no loops).
    const base = linkFacts?.length ? evaluate(row.kind, records, events, asOf, []) : null
    return { evaluation: evaluate(row.kind, records, events, asOf, linkFacts), base }
  }

  return {
    evaluate,
    referenceData: deps.referenceData,
    /**
     * Link the cases just imported in bulk (they were scored assuming no links), and score again those
     * that turned out linked, with their neighbours.
     */
    async linkImported(trx: Knex.Transaction, caseIds: string[], ctx: ActorContext): Promise<number> {
      const links = deps.links?.()
      if (!links) return 0
      const touched = new Set<string>()
      for (const id of caseIds) {
        const others = await links.relink(trx, id)
        if (others.length) {
          touched.add(id)
          for (const o of others) touched.add(o)
        }
      }
      for (const id of touched) await this.rescoreIfChangeable(trx, id, ctx, 'a new application links to it')
      return touched.size
    },

    /**
     * Score a case again because something around it changed (a neighbour's link, a judgement, a watched
     * identifier). A decided or earlier revision is skipped, not refused: the change that reached it is
     * someone else's. When re-assessing the decided one would change its score or flags, its signer and
     * creator are told. Undefined when skipped.
     */
    async rescoreIfChangeable(trx: Knex.Transaction, caseId: string, ctx: ActorContext, why: string, now = new Date()): Promise<Evaluation | undefined> {
      const head = await lockCase(trx, caseId)
      if (!head) return undefined
      if (isChangeable(head)) return this.rescore(trx, caseId, ctx, now, { relink: false, neighbours: false })
      if (!head.is_current) return undefined
      // Decided: assessed without writing, and its people told only when re-assessing would change something.
      const row = (await cases.findById(trx, caseId))!
      const { evaluation } = await assess(trx, row, now)
      const flags = flagsOf((await trx('findings').where({ case_id: caseId }).whereNull('superseded_at').select('rule_id', 'status')) as Array<{ rule_id: string; status: string }>)
      const after = evaluation.findings.filter(f => f.status === 'flag').map(f => f.rule).sort()
      if (row.risk_score !== evaluation.score.score || row.risk_band !== evaluation.score.band || flags.join() !== after.join()) {
        await notifyNewEvidence(trx, head, `${why}; re-assessed it would score ${evaluation.score.score} (${evaluation.score.band}), not ${row.risk_score ?? '–'} (${row.risk_band ?? 'unscored'})`)
      }
      return undefined
    },

    async rescore(trx: Knex.Transaction, caseId: string, ctx: ActorContext, now = new Date(), options: { relink?: boolean; neighbours?: boolean } = {}): Promise<Evaluation> {
      // Never rewrite the findings or score a decision rests on (its digest must stay true): 409 read_only.
      await assertChangeable(trx, caseId, 'This case is decided or an earlier revision: it keeps the findings it was decided on. Reopen it to run the checks again.')
      const row = await cases.findById(trx, caseId)
      if (!row) throw new Error(`no case ${caseId}`)
      const links = deps.links?.()
      // Neighbours before and after: a case that gains or loses a link is scored again too.
      const neighbours = new Set<string>()
      if (links && options.neighbours !== false) for (const f of await links.linkFacts(trx, caseId)) neighbours.add(f.otherId)
      if (links && options.relink !== false) for (const o of await links.relink(trx, caseId)) neighbours.add(o)
      const { evaluation, base } = await assess(trx, row, now)
      const stamp = now.toISOString()
      const before = await trx('findings').where({ case_id: caseId }).whereNull('superseded_at').select('rule_id', 'status')
      const beforeFlags = flagsOf(before)
      const afterFlags = evaluation.findings.filter(f => f.status === 'flag').map(f => f.rule).sort()
      await trx('findings').where({ case_id: caseId }).whereNull('superseded_at').update({ superseded_at: stamp })
      const rows = findingRows(caseId, evaluation, stamp)
      for (let i = 0; i < rows.length; i += 100) await trx('findings').insert(rows.slice(i, i + 100))
      await cases.update(trx, caseId, { ...caseScoreColumns(evaluation, stamp), base_band: (base ?? evaluation).score.band } as Parameters<CaseRepository['update']>[2])
      if (options.neighbours !== false) for (const n of neighbours) if (n !== caseId) await this.rescoreIfChangeable(trx, n, ctx, 'a linked application changed', now)
      if (row.risk_score !== evaluation.score.score || row.risk_band !== evaluation.score.band || beforeFlags.join() !== afterFlags.join()) {
        await audit.append(trx, {
          type: 'RULES_RUN',
          actor: auditActor(ctx),
          caseId,
          subjectId: row.subject_id,
          requestId: ctx.requestId,
          data: { before: { score: row.risk_score, band: row.risk_band, flags: beforeFlags }, after: { score: evaluation.score.score, band: evaluation.score.band, flags: afterFlags }, rules: evaluation.findings.map(f => `${f.rule}@${f.version}`), weightsVersion: evaluation.score.weightsVersion },
        })
      }
      return evaluation
    },
  }
}

export type ScoringService = ReturnType<typeof createScoringService>
