import type { RiskBand } from '../signoff/caseStatus'
import type { Finding } from '../rules/types'
import { FAMILIES, LIKELIHOOD_RATIOS, LR_VERSION, type FamilyId } from './likelihoodRatios'

/**
 * Findings → an advisory score 0–100 with a band, as a posterior from a stated prior and the likelihood
 * ratios (LRs) of the flags (likelihoodRatios.ts).
 *
 * - Prior: odds of 1 : 100 that an applicant who reaches review follows the pattern. This is a reference
 *   value that fixes how much evidence "more likely than not" needs, not a prevalence estimate
 *   (INDICATORS.md §7: published prevalence figures are estimates, not priors for individuals).
 * - Within a family of rules that share an innocent explanation, the flag with the largest LR counts in
 *   full and each other one at a quarter of its log-LR (FAMILY_DISCOUNT): a move, a VPN or a broken webcam
 *   is counted once, while a second sign of the same kind still adds a little.
 * - Across families the evidence multiplies: log-odds add.
 * - score = 50 + 25 × log10(posterior odds), clamped to 0–100; with the prior above that is 25 points for
 *   each tenfold of evidence, 0 with no evidence. Bands (BANDS) follow from the posterior.
 * - A sanctions hit on an identifier or a designated entity is a fact, not a pattern: it takes the top.
 * - A clear result counts as LR 1: schemes pass many checks, so passing is not evidence of honesty.
 * Corroboration follows from the numbers, not from caps: a weak flag (LR ≈ 2) adds 7–10 points and cannot
 * reach "elevated" alone; one moderate flag stays low; three moderate flags from independent families
 * reach "high"; two flags that share an explanation count little more than one.
 */
export const PRIOR_ODDS = 1 / 100
export const POINTS_PER_TENFOLD = 25
export const FAMILY_DISCOUNT = 0.25

/**
 * Bands by score, with the posterior probability and total LR each threshold means (from the prior above):
 * critical from 75 = LR ≥ 1,000, posterior ≥ 91%; high from 50 = LR ≥ 100, posterior ≥ 50%;
 * elevated from 20 = LR ≥ 6.3, posterior ≥ 6%; low below.
 */
export const BANDS: Array<{ band: RiskBand; from: number; totalLr: number; posterior: number }> = [
  { band: 'critical', from: 75, totalLr: 1000, posterior: 0.91 },
  { band: 'high', from: 50, totalLr: 100, posterior: 0.5 },
  { band: 'elevated', from: 20, totalLr: 6.3, posterior: 0.06 },
  { band: 'low', from: 0, totalLr: 1, posterior: 0.01 },
]

export interface Contribution {
  rule: string
  family: FamilyId | 'unknown'
  /** the rule's likelihood ratio; null for a decisive sanctions hit */
  lr: number | null
  /** share of its log-LR that counted: 1 for the strongest of its family, FAMILY_DISCOUNT for the others */
  counted: number
  /** points it added (25 per tenfold of counted evidence); for a decisive hit, what lifted the score to 100 */
  points: number
}

export interface Score {
  score: number
  band: RiskBand
  contributions: Contribution[]
  /** null, or why the score stopped at the top of the scale */
  capped: string | null
  /** rules that could not run, with what they needed */
  notChecked: Array<{ rule: string; missing: string[] }>
  /** true when too little was known to call the case clean */
  incomplete: boolean
  weightsVersion: number
  /** posterior probability of the pattern under the reference prior */
  posterior: number
}

export const bandOf = (score: number): RiskBand => BANDS.find(b => score >= b.from)!.band
const round1 = (x: number) => Math.round(x * 10) / 10
const log10Of = (rule: string) => {
  const lr = LIKELIHOOD_RATIOS[rule]?.lr ?? 1
  return Number.isFinite(lr) ? Math.log10(lr) : 0
}
const familyOf = (rule: string): FamilyId | 'unknown' => LIKELIHOOD_RATIOS[rule]?.family ?? 'unknown'

export function scoreFindings(findings: Finding[]): Score {
  const flags = [...new Set(findings.filter(f => f.status === 'flag').map(f => f.rule))].sort((a, b) => log10Of(b) - log10Of(a) || a.localeCompare(b))
  const seenFamilies = new Set<string>()
  const contributions: Contribution[] = []
  let evidence = 0
  for (const rule of flags) {
    const family = familyOf(rule)
    // An unknown rule is its own family: it counts in full, with LR 1 until it is given one.
    const key = family === 'unknown' ? `unknown:${rule}` : family
    const counted = seenFamilies.has(key) ? FAMILY_DISCOUNT : 1
    seenFamilies.add(key)
    const lr = LIKELIHOOD_RATIOS[rule]?.lr ?? 1
    const w = counted * log10Of(rule)
    evidence += w
    contributions.push({ rule, family, lr: Number.isFinite(lr) ? lr : null, counted, points: round1(POINTS_PER_TENFOLD * w) })
  }
  const decisive = flags.some(r => LIKELIHOOD_RATIOS[r]?.decisive) || findings.some(f => f.status === 'flag' && f.blocking && (f.rule === 'sanctions-identifier-hit' || f.rule === 'sanctions-organisation-hit'))
  const raw = POINTS_PER_TENFOLD * evidence
  let score = Math.max(0, Math.min(100, Math.round(raw)))
  let capped: string | null = null
  if (decisive) {
    const rest = contributions.filter(c => c.lr !== null).reduce((a, c) => a + c.points, 0)
    for (const c of contributions) if (c.lr === null) c.points = round1(Math.max(0, 100 - rest))
    score = 100
  } else if (raw > 100) {
    capped = `at the top of the scale: the evidence (combined likelihood ratio about ${Math.round(10 ** evidence).toLocaleString('en-US')}) goes beyond it`
  }
  const odds = decisive ? Infinity : PRIOR_ODDS * 10 ** evidence
  const notChecked = findings.filter(f => f.status === 'not_applicable').map(f => ({ rule: f.rule, missing: f.missing }))
  const checked = findings.length - notChecked.length
  return {
    score,
    band: bandOf(score),
    contributions,
    capped,
    notChecked,
    incomplete: checked < Math.ceil(findings.length / 2),
    weightsVersion: LR_VERSION,
    posterior: Number.isFinite(odds) ? odds / (1 + odds) : 1,
  }
}

/** The families in display order, for /rules and README. */
export const FAMILY_LIST = Object.values(FAMILIES)
