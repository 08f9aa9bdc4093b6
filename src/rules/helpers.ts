import { readIntermediary, type DeclaredIntermediary } from '../domain/intermediary'
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

/** The declared staffing agency or employer of record, read for the rules that set its own values aside. */
export function declaredIntermediary(facts: CaseFacts): DeclaredIntermediary | null {
  return facts.intermediary ? readIntermediary(facts.intermediary.value) : null
}

/**
 * Evidence field that marks a parcel service or forwarder in another country than the declared home: how
 * people who say they live abroad receive parcels (a Miami "casillero" for Colombia). The device goes where
 * they say they live, so the claim is not contradicted; scoring reads it as the rules' weaker variant.
 */
export const FORWARDED_TO_DECLARED_HOME = 'logistics.forwarded-to-declared-home'

/** The declared home's and the shipping address's countries, when both are given and differ. */
export function forwardedAbroad(facts: CaseFacts): { home: string; via: string } | null {
  const home = str(facts.person.address?.value.country)?.toUpperCase()
  const via = str(facts.logistics.shippingAddress?.value.country)?.toUpperCase()
  return home && via && home !== via ? { home, via } : null
}
