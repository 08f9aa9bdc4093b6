import type { RiskBand } from '../signoff/caseStatus'
import type { Finding } from '../rules/types'
import { WEIGHTS, WEIGHTS_VERSION } from './weights'

/**
 * Findings → an advisory score 0–100 with a band. Flags combine like independent evidence
 * (score = 100 × (1 − Π(1 − wᵢ/100))), so each adds less as the score rises and none can pass 100.
 *
 * Corroboration is built in:
 * - weak signals on their own never pass "elevated";
 * - reaching "high" needs a strong signal, or moderate ones from two different categories;
 * - reaching "critical" needs a strong signal with something else beside it;
 * - except that a sanctions hit that blocks sign-off is never held back.
 * Where key facts are missing, the result says so instead of looking clean.
 */
export const BANDS: Array<{ band: RiskBand; from: number }> = [
  { band: 'critical', from: 75 },
  { band: 'high', from: 50 },
  { band: 'elevated', from: 25 },
  { band: 'low', from: 0 },
]

export interface Contribution {
  rule: string
  weight: number
  /** points this flag added, in the order applied */
  points: number
}

export interface Score {
  score: number
  band: RiskBand
  contributions: Contribution[]
  /** why the score was held back, if it was */
  capped: string | null
  /** rules that could not run, with what they needed */
  notChecked: Array<{ rule: string; missing: string[] }>
  /** true when too little was known to call the case clean */
  incomplete: boolean
  weightsVersion: number
}

export const bandOf = (score: number): RiskBand => BANDS.find(b => score >= b.from)!.band

export function scoreFindings(findings: Finding[]): Score {
  const flags = findings.filter(f => f.status === 'flag').sort((a, b) => (WEIGHTS[b.rule] ?? 0) - (WEIGHTS[a.rule] ?? 0) || a.rule.localeCompare(b.rule))
  let remaining = 1
  const contributions: Contribution[] = []
  for (const f of flags) {
    const weight = WEIGHTS[f.rule] ?? 0
    const before = 100 * (1 - remaining)
    remaining *= 1 - weight / 100
    contributions.push({ rule: f.rule, weight, points: Math.round((100 * (1 - remaining) - before) * 10) / 10 })
  }
  let score = Math.round(100 * (1 - remaining))
  let capped: string | null = null
  const strong = flags.filter(f => f.strength === 'strong')
  const moderateCategories = new Set(flags.filter(f => f.strength === 'moderate').map(f => f.category))
  const strongCategories = new Set(strong.map(f => f.category))
  if (flags.some(f => f.blocking)) {
    // A sanctions hit on an identifier or entity is a fact, not a pattern: no corroboration cap applies.
    capped = null
  } else if (!strong.length && moderateCategories.size < 2 && score >= 50) {
    score = 49
    capped = 'held at elevated: no strong signal, and moderate ones from fewer than two independent areas'
  } else if (!strong.length && moderateCategories.size === 0 && score >= 25) {
    score = 24
    capped = 'held at low: weak signals alone'
  } else if (score >= 75 && !(strong.length && flags.length >= 2 && (strongCategories.size + moderateCategories.size >= 2 || strong.length >= 2))) {
    score = 74
    capped = 'held at high: critical needs a strong signal corroborated by another area'
  }
  const notChecked = findings.filter(f => f.status === 'not_applicable').map(f => ({ rule: f.rule, missing: f.missing }))
  const checked = findings.length - notChecked.length
  return { score, band: bandOf(score), contributions, capped, notChecked, incomplete: checked < Math.ceil(findings.length / 2), weightsVersion: WEIGHTS_VERSION }
}
