import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { CaseRepository, CaseRow } from '../db/repositories/caseRepository'
import type { EvidenceRepository, FactRow } from '../db/repositories/evidenceRepository'
import type { AccessEvent } from '../extract/accessLog'
import type { AccessEventFact, FactRecord } from '../rules/caseFacts'
import type { ReferenceData } from '../refdata/referenceData'
import type { CaseFacts, LinkFact, SharedIndicatorHit } from '../rules/caseFacts'
import type { LinkService } from './linkService'
import type { Evaluation } from '../rules/evaluateCase'
import { decisionScores, judgeApplication, judgedAsOf, judgeEvidence, type ApplicationEvidence, type Judgement, type LogDecision, type SignInLogInput } from '../pipeline/judgeApplication'
import { auditActor, type ActorContext } from './context'
import { assertChangeable, lockCase, notifyNewEvidence } from './revisionGuard'
import { isChangeable } from '../signoff/caseStatus'
import { parseAccounts } from './signInLogService'

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

const LOG_DECISIONS: ReadonlySet<string> = new Set(['matched', 'held', 'confirmed', 'discarded'])
const decisionOf = (state: string | null | undefined): LogDecision => (state && LOG_DECISIONS.has(state) ? (state as LogDecision) : null)

/**
 * A case's stored evidence, read through the repositories, in the shape the pipeline takes (the same shape
 * `vet score` hands it from files). Sign-ins are read only for the logs the pipeline will score.
 */
export async function caseEvidence(trx: Knex, evidence: EvidenceRepository, row: Pick<CaseRow, 'id' | 'kind' | 'submitted_at'>, now: Date): Promise<ApplicationEvidence> {
  const caseId = row.id
  const [facts, documents] = await Promise.all([evidence.currentFacts(trx, caseId), evidence.documentsOf(trx, caseId)])
  const names = new Map(documents.map(d => [d.id, d.original_name]))
  const records: FactRecord[] = facts.map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, where: whereOf(f, names) }))
  // Shipping addresses given earlier and replaced since: a change of destination is itself evidence.
  for (const old of await evidence.supersededFacts(trx, caseId, ['logistics.shipping_address'])) {
    records.push({ field: 'logistics.previous_shipping_address', value: { address: JSON.parse(old.value) as unknown, given_at: old.recorded_at, replaced_at: old.superseded_at }, source: old.source, where: `${whereOf(old, names)} (replaced ${String(old.superseded_at).slice(0, 10)})` })
  }
  // Evidence belongs to the subject: what was decided about each log stands (held and discarded are not scored).
  const logDocs = documents.filter(d => d.kind === 'access_log')
  const scoredIds = logDocs.filter(d => decisionScores(decisionOf(d.confirmation_state))).map(d => d.id)
  const byDocument = new Map<string, AccessEvent[]>()
  for (const e of await evidence.accessEventsOf(trx, caseId, scoredIds)) {
    const list = byDocument.get(e.document_id) ?? []
    if (!list.length) byDocument.set(e.document_id, list)
    list.push({ occurredAt: e.occurred_at, account: e.account, ip: e.ip, userAgent: e.user_agent, event: e.event })
  }
  const logs: SignInLogInput[] = logDocs.map(d => ({ name: d.original_name, events: byDocument.get(d.id) ?? [], decision: decisionOf(d.confirmation_state), accounts: parseAccounts(d.log_accounts) }))
  // Judge the application as of when it arrived, if known, so re-scoring later does not drift.
  return { kind: row.kind, records, logs, asOf: judgedAsOf(row.submitted_at, now) }
}

/**
 * Run the rules on a case's current evidence and store what they found, inside the caller's
 * transaction (so a change and its findings commit together). Audited when the outcome changes.
 * The judging itself is the pipeline's (src/pipeline/judgeApplication.ts), shared with `vet score`.
 */
/** Shared indicators (indicatorService): what matches a case now, and a record of newly found matches. */
export interface SharedScreening {
  hitsFor(trx: Knex, caseId: string, now?: Date): Promise<SharedIndicatorHit[]>
  record(trx: Knex.Transaction, caseId: string, hits: SharedIndicatorHit[], jobId?: string | null, now?: Date): Promise<SharedIndicatorHit[]>
}

export function createScoringService(deps: { cases: CaseRepository; evidence: EvidenceRepository; audit: AuditRepository; referenceData: () => ReferenceData; links?: () => LinkService; shared?: () => SharedScreening }) {
  const { cases, evidence, audit } = deps
  const evaluate = (kind: CaseFacts['kind'], records: FactRecord[], events: AccessEventFact[] | undefined, asOf: Date, links?: LinkFact[]) => judgeEvidence(kind, records, events, asOf, deps.referenceData(), links ? { links } : {})
  /** An application's evidence judged by the shared pipeline; `links` [] when link analysis found none. */
  // Shared indicators default to "consulted, none matched": an import judges before its link keys exist,
  // and linkImported scores again the few that match a feed.
  const judge = (e: ApplicationEvidence, links: LinkFact[] = [], shared: SharedIndicatorHit[] = []): Judgement => judgeApplication(e, deps.referenceData(), { links, shared })
  const flagsOf = (rows: Array<{ rule_id: string; status: string }>) => rows.filter(f => f.status === 'flag').map(f => f.rule_id).sort()

  /** The rules on a case's stored evidence and its links as they stand; reads only. */
  async function assess(trx: Knex, row: CaseRow, now: Date): Promise<{ evaluation: Evaluation; base: Evaluation | null; shared: SharedIndicatorHit[] }> {
    const e = await caseEvidence(trx, evidence, row, now)
    const links = deps.links?.()
    // Today's judgements: for a decided case this is the re-assessment its people are told about.
    const linkFacts = links ? await links.linkFacts(trx, row.id, { reassess: true }) : []
    const shared = deps.shared ? await deps.shared().hitsFor(trx, row.id) : []
    const judged = judge(e, linkFacts, shared)
    // The band before links is what linked cases see (bounded propagation: no loops).
    const base = linkFacts.length ? judgeEvidence(e.kind, e.records, judged.events, e.asOf, deps.referenceData(), { links: [], shared }) : null
    return { evaluation: judged.evaluation, base, shared }
  }

  return {
    evaluate,
    judge,
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
        // A new application using an identifier another organisation shared: scored again with it.
        if (deps.shared && (await deps.shared().hitsFor(trx, id)).length) touched.add(id)
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
      const { evaluation, base, shared } = await assess(trx, row, now)
      const stamp = now.toISOString()
      if (shared.length && deps.shared) await deps.shared().record(trx, caseId, shared, null, now)
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
