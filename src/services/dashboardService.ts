import type { Knex } from 'knex'

export interface DashboardFigures {
  workload: Array<{ name: string | null; open: number; overdue: number }>
  /** Mondays (YYYY-MM-DD, UTC) of the weeks shown, oldest first */
  weeks: string[]
  /** flags per family (finding category) per week, aligned with `weeks` */
  flagsByFamily: Map<string, number[]>
  decisions: Array<{ month: string; decisions: number; medianDays: number | null; p90Days: number | null }>
}

export const WEEKS_SHOWN = 12
export const MONTHS_SHOWN = 12
const DAY_MS = 86_400_000

/**
 * The dashboard's aggregates. Each is one GROUP BY (or one narrow two-column read) so the page costs
 * the same on 2,000 cases as on 20. Times are ISO-8601 text on both databases, so `substr` buckets days
 * the same way on SQLite and PostgreSQL; days are folded into weeks here rather than with each
 * dialect's date functions.
 */
export function createDashboardService(db: Knex, options: { maxAgeMs?: number } = {}) {
  const maxAgeMs = options.maxAgeMs ?? 60_000
  let kept: { at: number; figures: Promise<DashboardFigures> } | undefined
  const service = {
    /**
     * The figures, computed at most once a minute per process: together they cost several times the
     * rest of the page, and a picture of the last minute is as useful as one of this second. Concurrent
     * requests share one computation; a failed one is not kept.
     */
    async recentFigures(now: Date): Promise<{ asOf: Date; figures: DashboardFigures }> {
      const t = now.getTime()
      if (!kept || t - kept.at >= maxAgeMs || t < kept.at) {
        const figures = service.figures(now)
        const entry = { at: t, figures }
        kept = entry
        figures.catch(() => {
          if (kept === entry) kept = undefined
        })
      }
      const entry = kept
      return { asOf: new Date(entry.at), figures: await entry.figures }
    },

    async figures(now: Date): Promise<DashboardFigures> {
      const [workload, families, decisions] = await Promise.all([service.workload(now), service.flagsByFamily(now), service.timeToDecision(now)])
      return { workload, ...families, decisions }
    },

    /** Open checklist items on undecided current cases, per assignee (null: nobody), and how many are past their due date. */
    async workload(now: Date) {
      const today = now.toISOString().slice(0, 10)
      // The undecided cases as a sub-select rather than a join: SQLite then reads each case's items by
      // case_id once, instead of walking every case (measured: 13 ms of CPU instead of 22 on 30,000 items).
      const undecided = db('cases').where('is_current', true).whereIn('status', ['open', 'in_review']).select('id')
      const rows = (await db('checklist_items')
        .whereIn('case_id', undecided)
        .where('status', 'open')
        .groupBy('assignee_id')
        .select('assignee_id as assignee')
        .count({ open: '*' })
        // due_date is YYYY-MM-DD text: a string comparison is a date comparison
        .select(db.raw('sum(case when due_date < ? then 1 else 0 end) as overdue', [today]))) as Array<{ assignee: number | null; open: number | string; overdue: number | string | null }>
      const ids = rows.map(r => r.assignee).filter((id): id is number => id !== null)
      const names = new Map(((ids.length ? await db('users').whereIn('id', ids).select('id', 'display_name') : []) as Array<{ id: number; display_name: string }>).map(u => [u.id, u.display_name]))
      return rows.map(r => ({ name: r.assignee === null ? null : (names.get(r.assignee) ?? `User ${r.assignee}`), open: Number(r.open), overdue: Number(r.overdue ?? 0) }))
    },

    /** Current flags on current cases opened in each of the last WEEKS_SHOWN weeks (Monday to Sunday, UTC), per family. */
    async flagsByFamily(now: Date) {
      const weeks = weekStarts(now, WEEKS_SHOWN)
      const day = 'substr(c.created_at, 1, 10)'
      const rows = (await db('cases as c')
        .join('findings as f', 'f.case_id', 'c.id')
        .where('c.is_current', true)
        .where('c.created_at', '>=', `${weeks[0]}T00:00:00.000Z`)
        .where('f.status', 'flag')
        .whereNull('f.superseded_at')
        .groupByRaw(`${day}, f.category`)
        .select(db.raw(`${day} as day`), 'f.category as category')
        .count({ n: '*' })) as Array<{ day: string; category: string; n: number | string }>
      const flagsByFamily = new Map<string, number[]>()
      for (const r of rows) {
        const week = Math.floor((Date.parse(`${r.day}T00:00:00Z`) - Date.parse(`${weeks[0]}T00:00:00Z`)) / (7 * DAY_MS))
        if (week < 0 || week >= weeks.length) continue
        const counts = flagsByFamily.get(r.category) ?? new Array<number>(weeks.length).fill(0)
        counts[week]! += Number(r.n)
        flagsByFamily.set(r.category, counts)
      }
      return { weeks, flagsByFamily }
    },

    /**
     * Days from a revision being opened to its sign-off or rejection, by month of the decision, last
     * MONTHS_SHOWN months. Percentiles need the values, so this reads two short columns of the decisions
     * in range (one row per decided revision) and computes them here.
     */
    async timeToDecision(now: Date) {
      const months = monthStarts(now, MONTHS_SHOWN)
      const rows = (await db('signoffs as s')
        .join('cases as c', 'c.id', 's.case_id')
        .whereIn('s.decision', ['approve', 'reject'])
        .where('s.signed_at', '>=', `${months[0]}-01T00:00:00.000Z`)
        .select('c.created_at as opened', 's.signed_at as decided')) as Array<{ opened: string; decided: string }>
      const byMonth = new Map<string, number[]>(months.map(m => [m, []]))
      for (const r of rows) byMonth.get(r.decided.slice(0, 7))?.push(Math.max(0, (Date.parse(r.decided) - Date.parse(r.opened)) / DAY_MS))
      return months.map(month => {
        const values = byMonth.get(month)!
        const { median, p90 } = medianAndP90(values)
        return { month, decisions: values.length, medianDays: median, p90Days: p90 }
      })
    },
  }
  return service
}

export type DashboardService = ReturnType<typeof createDashboardService>

/** The Mondays (UTC) of the `count` weeks ending with the week of `now`, oldest first. */
export function weekStarts(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const monday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS
  return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10))
}

/** The `count` months (YYYY-MM) ending with the month of `now`, oldest first. */
export function monthStarts(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1)).toISOString().slice(0, 7))
}

/** Median and nearest-rank 90th percentile of a list of day counts; nulls for an empty list. */
export function medianAndP90(values: number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null }
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { median, p90: s[Math.ceil(0.9 * s.length) - 1]! }
}
