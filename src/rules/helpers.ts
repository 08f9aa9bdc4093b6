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

/**
 * A note that sends the device to someone else, or to a stay that is not the declared home: then the
 * service does not deliver where the applicant says they live, and the weaker reading does not apply.
 */
const NOT_TO_THE_HOME = /\b(?:cousin|friend|brother|sister|uncle|aunt|relatives?|colleague|partner|mother|father|parents?|wife|husband|agent|c\/o|care of|attn|moving|move|temporar\w*|travel\w*|until)\b/i

/**
 * The mail-drop patterns a shipping address and its note match: patterns marked `addressOnly` are read in the
 * address lines alone (joined by a comma, so a customer number ends its line), the rest in the note too.
 */
export function mailDropHits<P extends { pattern: RegExp; addressOnly?: boolean }>(ship: { line1?: unknown; line2?: unknown }, note: unknown, patterns: readonly P[]): P[] {
  const lines = [ship.line1, ship.line2].filter((v): v is string => typeof v === 'string' && Boolean(v.trim()))
  const address = lines.join(', ')
  const text = [...lines, ...(typeof note === 'string' ? [note] : [])].join(' ')
  return patterns.filter(p => p.pattern.test(p.addressOnly ? address : text))
}

/** The declared home's and the shipping address's countries, when both are given, differ, and nothing says the device goes to anyone or anywhere else. */
export function forwardedAbroad(facts: CaseFacts): { home: string; via: string } | null {
  const home = str(facts.person.address?.value.country)?.toUpperCase()
  const via = str(facts.logistics.shippingAddress?.value.country)?.toUpperCase()
  const ship = facts.logistics.shippingAddress?.value
  const text = [ship?.line1, ship?.line2, facts.logistics.note?.value].filter(v => typeof v === 'string').join(' ')
  return home && via && home !== via && !NOT_TO_THE_HOME.test(text) ? { home, via } : null
}
