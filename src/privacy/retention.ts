/**
 * Retention (issue 17): how long a case's personal data is kept after each outcome, and which cases are
 * due for erasure. Pure: the retention service reads the cases and erases through the erasure service.
 *
 * - approved: hired people's files are kept while they work for us (no period; their case is erased by
 *   hand, through the two-person erasure, when they leave).
 * - rejected: 180 days after the decision, long enough to answer a complaint or a re-application.
 * - withdrawn: 90 days after the case was withdrawn.
 * - confirmed_fraud: 6 years after the decision (limitation periods; law enforcement requests). The
 *   watch list's identifiers may be kept longer as hashed indicators only, outside the case.
 * - open_idle: an undecided case nobody has touched for 365 days.
 */
export const RETENTION_OUTCOMES = ['approved', 'rejected', 'withdrawn', 'confirmed_fraud', 'open_idle'] as const
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number]

/** Days kept after the outcome; null: kept (never erased by the retention run). */
export type RetentionPolicy = Record<RetentionOutcome, number | null>

export const DEFAULT_RETENTION: RetentionPolicy = {
  approved: null,
  rejected: 180,
  withdrawn: 90,
  confirmed_fraud: 6 * 365 + 2, // six years, leap days included
  open_idle: 365,
}

export const RETENTION_LABELS: Record<RetentionOutcome, string> = {
  approved: 'Approved (hired)',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  confirmed_fraud: 'Confirmed fraud',
  open_idle: 'Open, without activity',
}

/** What the rule needs of a case: its current revision's state. */
export interface RetentionCase {
  reference: string
  status: 'open' | 'in_review' | 'signed_off' | 'rejected' | 'withdrawn' | string
  /** when the current revision was decided (its approve or reject sign-off); null when undecided */
  decidedAt: string | null
  /** the latest change to the case (any revision) */
  lastActivity: string
  /** the case's identifiers were put on the watch list (links:watch), i.e. fraud was confirmed */
  confirmedFraud: boolean
  /** already erased: never due again */
  erased?: boolean
}

export interface RetentionDue {
  reference: string
  outcome: RetentionOutcome
  days: number
  /** the date the period is counted from */
  since: string
  /** the erasure reason recorded on the case */
  reason: string
}

const DAY = 86_400_000

/** The outcome whose period applies to a case. A confirmed fraud outranks the decision itself. */
export function retentionOutcomeOf(c: RetentionCase): RetentionOutcome {
  if (c.confirmedFraud) return 'confirmed_fraud'
  if (c.status === 'signed_off') return 'approved'
  if (c.status === 'rejected') return 'rejected'
  if (c.status === 'withdrawn') return 'withdrawn'
  return 'open_idle'
}

/** The cases whose period has run out at `now`, oldest first, each with its reason. */
export function dueForErasure(cases: RetentionCase[], policy: RetentionPolicy, now: Date): RetentionDue[] {
  const due: RetentionDue[] = []
  for (const c of cases) {
    if (c.erased) continue
    const outcome = retentionOutcomeOf(c)
    const days = policy[outcome]
    if (days === null) continue
    // Decided outcomes count from the decision; an open case from its last activity. A decided case
    // without a recorded decision time (older data) counts from its last activity, the later of the two.
    const since = outcome === 'open_idle' ? c.lastActivity : (c.decidedAt ?? c.lastActivity)
    const at = Date.parse(since)
    if (Number.isNaN(at)) continue
    if (now.getTime() - at < days * DAY) continue
    due.push({ reference: c.reference, outcome, days, since, reason: `retention policy: ${outcome.replace('_', ' ')} after ${days} days` })
  }
  return due.sort((a, b) => a.since.localeCompare(b.since) || a.reference.localeCompare(b.reference))
}

/** The next daily run time: 03:00 UTC after `now` (quiet hours for most users). */
export function nextDailyRun(now: Date, hourUtc = 3): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc))
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1)
  return next
}
