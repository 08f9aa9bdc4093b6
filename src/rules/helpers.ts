import type { CaseFacts, Evidence } from './caseFacts'

/** Shared readings of facts for several rules. Pure. */

/** "2019-02", "2019", "2019-02-11" → a Date at the start of that period, or null. */
export function parseYearMonth(text: unknown): Date | null {
  if (typeof text !== 'string') return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text.trim())
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1))
  return Number.isNaN(d.getTime()) ? null : d
}

export const YEAR_MS = 365.25 * 24 * 3600 * 1000

/** The earliest start date among the resume's jobs: when the claimed career began. */
export function careerStart(facts: CaseFacts): { date: Date; evidence: Evidence } | null {
  let best: { date: Date; evidence: Evidence } | null = null
  for (const e of facts.resume.employers) {
    const d = parseYearMonth(e.value.start)
    if (d && (!best || d < best.date)) best = { date: d, evidence: e.evidence }
  }
  return best
}

export function domainOfEmail(email: unknown): string | null {
  if (typeof email !== 'string') return null
  const at = email.lastIndexOf('@')
  return at > 0 ? email.slice(at + 1).trim().toLowerCase() : null
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
