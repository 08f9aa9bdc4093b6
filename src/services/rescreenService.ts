import crypto from 'node:crypto'
import type { Knex } from 'knex'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import type { JobContext } from '../jobs/jobRunner'
import type { ReferenceData } from '../refdata/referenceData'
import { evaluateCase } from '../rules/evaluateCase'
import { RULES } from '../rules/registry'
import type { FactRecord } from '../rules/caseFacts'
import { systemActor } from './context'
import type { JobService } from './jobService'
import { whereOf, type ScoringService } from './scoringService'

export const RESCREEN = 'refdata.rescreen'
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')
const SANCTIONS_RULES = RULES.filter(r => r.meta.category === 'sanctions')
/** Cases screened per transaction: small enough that a request never waits long behind one. */
const BATCH = 50
/** New hits listed in the job's result (all are counted, and all are on their cases). */
const LISTED = 1000

export interface RescreenPayload {
  /** what changed: "sanctions 2026-12-01", "wallets …", shown with the result */
  datasets: string[]
}

export interface RescreenHit {
  caseId: string
  reference: string
  rule: string
  message: string
  decided: boolean
}

interface State {
  after: string
  scanned: number
  count: number
  hits: RescreenHit[]
}

/**
 * Continuous screening: after a new sanctions or wallet list, every open case and every active
 * contractor (approved, still current) is screened again against it, on the durable queue, and the job
 * lists the hits that are NEW (a flag, or a flag naming another entry, that the case's stored findings
 * did not have): a diff, not a dump. Only the sanctions rules run for the comparison, so 20,000 cases
 * cost seconds of CPU, not minutes; a case with a new hit is then scored in full (open cases: the hit
 * joins the sanctions queue and blocks as before; decided ones: their people are told).
 */
export function createRescreenService(deps: { db: Knex; evidence: EvidenceRepository; jobs: JobService; scoring: () => ScoringService; referenceData: () => ReferenceData; reload?: () => void }) {
  const { db, evidence } = deps

  async function screenOne(trx: Knex.Transaction, c: { id: string; reference: string; kind: 'candidate' | 'contractor'; status: string }, ref: ReferenceData, now: Date, jobId: string): Promise<RescreenHit[]> {
    const facts = await evidence.currentFacts(trx, c.id)
    const flags = (where: (f: (typeof facts)[number]) => string) => {
      const records: FactRecord[] = facts.map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, where: where(f) }))
      return evaluateCase(c.kind, records, undefined, now, ref, SANCTIONS_RULES).findings.filter(f => f.status === 'flag')
    }
    if (!flags(f => f.locator ?? f.source).length) return []
    // A flag's message names where each fact came from: worded as scoring words it (a document's name,
    // "application: …"), or a hit the case already had at intake would not match its stored finding and
    // would be listed as new. Only the few cases with a flag pay for reading their documents' names.
    const names = new Map((await evidence.documentsOf(trx, c.id)).map(d => [d.id, d.original_name]))
    const after = flags(f => whereOf(f, names))
    const before = (await trx('findings').where({ case_id: c.id }).whereNull('superseded_at').where('status', 'flag').where('rule_id', 'like', 'sanctions-%').select('rule_id', 'message')) as Array<{ rule_id: string; message: string }>
    const seen = (await trx('rescreen_hits').where({ case_id: c.id }).select('rule_id', 'message_sha256')) as Array<{ rule_id: string; message_sha256: string }>
    const known = new Set([...before.map(b => `${b.rule_id}\u0000${sha256(b.message)}`), ...seen.map(r => `${r.rule_id}\u0000${r.message_sha256}`)])
    const fresh = after.filter(f => !known.has(`${f.rule}\u0000${sha256(f.message)}`))
    if (!fresh.length) return []
    for (const f of fresh) await trx('rescreen_hits').insert({ case_id: c.id, rule_id: f.rule, message_sha256: sha256(f.message), job_id: jobId, found_at: now.toISOString() })
    await deps.scoring().rescoreIfChangeable(trx, c.id, systemActor(), 're-screened against a new list')
    return fresh.map(f => ({ caseId: c.id, reference: c.reference, rule: f.rule, message: f.message.slice(0, 300), decided: c.status === 'signed_off' }))
  }

  async function run(ctx: JobContext<RescreenPayload>): Promise<unknown> {
    deps.reload?.() // the lists another process just imported, not this process's cached copy
    let state = (ctx.checkpoint as State | null) ?? { after: '', scanned: 0, count: 0, hits: [] }
    const scope = () =>
      db('cases')
        .where('is_current', true)
        .where(q => void q.whereIn('status', ['open', 'in_review']).orWhere(w => void w.where('kind', 'contractor').where('status', 'signed_off')))
    const total = Number(((await scope().count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n)
    for (;;) {
      const batch = (await scope().where('id', '>', state.after).orderBy('id').limit(BATCH).select('id', 'reference', 'kind', 'status')) as Array<{ id: string; reference: string; kind: 'candidate' | 'contractor'; status: string }>
      if (!batch.length) break
      const ref = deps.referenceData()
      const now = new Date()
      const before = state
      state = await ctx.step(
        async trx => {
          const found: RescreenHit[] = []
          for (const c of batch) found.push(...(await screenOne(trx, c, ref, now, ctx.job.id)))
          return { after: batch[batch.length - 1]!.id, scanned: before.scanned + batch.length, count: before.count + found.length, hits: [...before.hits, ...found].slice(0, LISTED) }
        },
        (next: State) => next,
        { done: before.scanned + batch.length, total },
      )
      await ctx.breathe()
    }
    return { datasets: ctx.payload.datasets, scanned: state.scanned, newHits: state.count, hits: state.hits }
  }
  deps.jobs.register({ kind: RESCREEN, run })

  return {
    /** Queue a re-screen (one at a time: a second request while one is queued or running joins it). */
    async enqueue(datasets: string[], trx?: Knex): Promise<{ id: string; existing: boolean }> {
      return deps.jobs.enqueue(RESCREEN, { datasets } satisfies RescreenPayload, { dedupeKey: RESCREEN, ...(trx ? { trx } : {}) })
    },
    /** The latest finished re-screen and the one in progress, for the sanctions page. */
    async latest(): Promise<{ running: { id: string; progress: { done?: number; total?: number } | null } | null; last: { id: string; finishedAt: string | null; datasets: string[]; scanned: number; newHits: number; hits: RescreenHit[] } | null }> {
      const [live] = await deps.jobs.recent(1, [RESCREEN]).then(rows => rows.filter(r => r.status === 'queued' || r.status === 'running'))
      const done = (await db('jobs').where({ kind: RESCREEN, status: 'done' }).orderBy('finished_at', 'desc').first()) as { id: string; finished_at: string | null; result: string | null } | undefined
      const result = done?.result ? (JSON.parse(done.result) as { datasets: string[]; scanned: number; newHits: number; hits: RescreenHit[] }) : null
      return {
        running: live ? { id: live.id, progress: live.progress ? (JSON.parse(live.progress) as { done?: number; total?: number }) : null } : null,
        last: done && result ? { id: done.id, finishedAt: done.finished_at, ...result } : null,
      }
    },
  }
}

export type RescreenService = ReturnType<typeof createRescreenService>
