import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { HttpError } from '../errors'
import type { JobHandler } from '../jobs/jobRunner'
import { safeErrorMessage } from '../logger'
import { DEFAULT_RETENTION, dueForErasure, nextDailyRun, type RetentionCase, type RetentionDue, type RetentionPolicy } from '../privacy/retention'
import { auditActor, systemActor, type ActorContext } from './context'
import type { ErasureService } from './erasureService'
import type { JobService } from './jobService'
import type { IndicatorService } from './indicatorService'

/**
 * The daily retention run (issue 17): cases past their period (src/privacy/retention.ts, overridden by
 * RETENTION_<OUTCOME>_DAYS) are erased through the erasure service by the system actor, with the reason
 * "retention policy: <outcome> after N days". The run's report (which cases, why, what failed) is the
 * job's result and a RETENTION_RUN audit event. `vet retention run` runs the same code.
 */
export const RETENTION_KIND = 'retention.purge'
const RETENTION_KEY = 'retention.purge'

export interface RetentionReport {
  at: string
  dryRun: boolean
  policy: RetentionPolicy
  /** the cases erased (or, in a dry run, that would be) */
  erased: Array<RetentionDue & { revisions?: number; files?: number }>
  /** due but not erased, and why (a person shared with another case, say) */
  failed: Array<RetentionDue & { error: string }>
  /** cases looked at */
  considered: number
}

export function createRetentionService(deps: { db: Knex; audit: AuditRepository; erasure: ErasureService; jobs: JobService; policy?: Partial<RetentionPolicy> | undefined; indicators?: Pick<IndicatorService, 'retainHashed'> }) {
  const { db, audit, erasure, jobs } = deps
  const policy: RetentionPolicy = { ...DEFAULT_RETENTION, ...(deps.policy ?? {}) }

  /** Each reference once, as its current revision stands, with its decision time and latest activity. */
  async function cases(): Promise<RetentionCase[]> {
    const rows = (await db('cases as c')
      .where('c.is_current', true)
      .select('c.id', 'c.reference', 'c.status', 'c.subject_id')
      .select(db.raw('(SELECT MAX(a.updated_at) FROM cases a WHERE a.reference = c.reference) AS last_activity'))
      .select(db.raw("(SELECT MAX(s.signed_at) FROM signoffs s WHERE s.case_id = c.id AND s.decision IN ('approve', 'reject')) AS decided_at"))
      .select(db.raw('(SELECT COUNT(*) FROM watch_keys w JOIN cases wc ON wc.id = w.source_case_id WHERE wc.reference = c.reference) AS watched'))
      .select(db.raw('(SELECT COUNT(*) FROM erasures e WHERE e.subject_id = c.subject_id) AS erased'))) as Array<{ reference: string; status: string; last_activity: string; decided_at: string | null; watched: number | string; erased: number | string }>
    return rows.map(r => ({ reference: r.reference, status: r.status, decidedAt: r.decided_at, lastActivity: r.last_activity, confirmedFraud: Number(r.watched) > 0, erased: Number(r.erased) > 0 }))
  }

  async function run(options: { dryRun?: boolean; now?: Date; ctx?: ActorContext } = {}): Promise<RetentionReport> {
    const now = options.now ?? new Date()
    const ctx = options.ctx ?? systemActor('retention')
    const all = await cases()
    const due = dueForErasure(all, policy, now)
    const report: RetentionReport = { at: now.toISOString(), dryRun: Boolean(options.dryRun), policy, erased: [], failed: [], considered: all.length }
    if (options.dryRun) {
      report.erased = due
      return report
    }
    for (const d of due) {
      try {
        // A confirmed fraud's identifiers outlive its file as HMACs only: a returning persona still matches.
        if (d.outcome === 'confirmed_fraud' && deps.indicators) {
          const ids = ((await db('cases').where({ reference: d.reference }).select('id')) as Array<{ id: string }>).map(r => r.id)
          await deps.indicators.retainHashed(ids, { ctx })
        }
        const outcome = await erasure.erase(d.reference, d.reason, ctx, { requestedBy: null, confirmedBy: null })
        report.erased.push({ ...d, revisions: outcome.revisions.length, files: outcome.files })
      } catch (error) {
        // One case that cannot be erased (already erased by hand meanwhile; a person shared with another case) does not stop the rest.
        report.failed.push({ ...d, error: error instanceof HttpError ? error.message : safeErrorMessage(error) })
      }
      await new Promise(resolve => setImmediate(resolve))
    }
    await db.transaction(trx =>
      audit.append(trx, {
        type: 'RETENTION_RUN',
        actor: auditActor(ctx),
        requestId: ctx.requestId,
        data: {
          erased: report.erased.map(e => ({ reference: e.reference, outcome: e.outcome, days: e.days, since: e.since })),
          failed: report.failed.map(f => ({ reference: f.reference, outcome: f.outcome, error: f.error.slice(0, 200) })),
          considered: report.considered,
          policy,
        },
      }),
    )
    return report
  }

  /** The next daily run (one only: the dedupe key). */
  async function schedule(trx?: Knex, runAt = nextDailyRun(new Date())): Promise<string> {
    return (await jobs.enqueue(RETENTION_KIND, {}, { dedupeKey: RETENTION_KEY, runAt, maxAttempts: 3, ...(trx ? { trx } : {}) })).id
  }

  const handler: JobHandler<{ dryRun?: boolean }> = {
    kind: RETENTION_KIND,
    maxAttempts: 3,
    async run(ctx) {
      const report = await run({ dryRun: ctx.payload.dryRun === true, ctx: systemActor(`job-${ctx.job.id}`) })
      await db.transaction(async trx => {
        await ctx.finish(trx, report)
        await schedule(trx)
      })
      return report
    },
  }

  return {
    policy,
    run,
    schedule,
    handler: handler as JobHandler<never>,
    /** For the admin page: the policy, when the next run is due, and the last run's report. */
    async status(): Promise<{ policy: RetentionPolicy; nextRun: string | null; last: { finishedAt: string | null; status: string; report: RetentionReport | null; error: string | null } | null }> {
      const next = (await db('jobs').where({ kind: RETENTION_KIND }).whereIn('status', ['queued', 'running']).orderBy('run_at').first('run_at')) as { run_at: string } | undefined
      const last = (await db('jobs').where({ kind: RETENTION_KIND }).whereIn('status', ['done', 'dead']).orderBy('finished_at', 'desc').first('status', 'result', 'finished_at', 'last_error')) as
        | { status: string; result: string | null; finished_at: string | null; last_error: string | null }
        | undefined
      let report: RetentionReport | null
      try {
        report = last?.result ? (JSON.parse(last.result) as RetentionReport) : null
      } catch {
        report = null
      }
      return { policy, nextRun: next?.run_at ?? null, last: last ? { finishedAt: last.finished_at, status: last.status, report: report && Array.isArray(report.erased) ? report : null, error: last.last_error } : null }
    },
  }
}

export type RetentionService = ReturnType<typeof createRetentionService>
