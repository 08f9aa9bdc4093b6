import { sharedConfidenceBand } from '../rules/links-shared-indicator'
import type { RiskBand } from '../signoff/caseStatus'
import type { Finding } from '../rules/types'
import { looksLikeCompany } from '../domain/names'
import { NAME_IN_COMMON } from '../domain/samePersonNames'
import { FORWARDED_TO_DECLARED_HOME } from '../rules/helpers'
import { ONE_JOURNEY } from '../rules/network-impossible-travel'
import { MARKETPLACE_HOLDER } from '../rules/identity-name-mismatch'
import { CONTEXT_VARIANTS, FAMILIES, LIKELIHOOD_RATIOS, LR_VERSION, SHARED_EXPLANATIONS, type FamilyId } from './likelihoodRatios'

/**
 * Findings → an advisory score 0–100 with a band, as a posterior from a stated prior and the likelihood
 * ratios (LRs) of the flags (likelihoodRatios.ts).
 *
 * - Prior: odds of 1 : 63 that an applicant who reaches review follows the pattern. This is a reference
 *   value that fixes how much evidence "more likely than not" needs, not a prevalence estimate
 *   (INDICATORS.md §7: published prevalence figures are estimates, not priors for individuals). It is set
 *   so that three moderate flags from independent families, at the bottom of "moderate" (LR 4 each, 4³ =
 *   64), make the pattern more likely than not, as the scale below promises; at 1 : 100 they did not.
 * - Within a family of rules that share an innocent explanation, the flag with the largest LR counts in
 *   full and each other one at a quarter of its log-LR (FAMILY_DISCOUNT): a move, a VPN or a broken webcam
 *   is counted once, while a second sign of the same kind still adds a little.
 * - A few innocent explanations cross families (SHARED_EXPLANATIONS: paid to a company, that company's
 *   office takes the laptop and its switchboard answers): while their anchor flag is present, their
 *   rules count once among them in the same way.
 * - Some flags are read more finely from their own evidence (variants): pay to another private person
 *   is worth more than pay to a company, which has a common, checkable explanation.
 * - Across families the evidence multiplies: log-odds add.
 * - score = 25 × log10(combined LR), clamped to 0–100: 25 points for each tenfold of evidence, 0 with no
 *   evidence. Bands (BANDS) are where the posterior under the prior above crosses 9%, 50% and 94%.
 * - Some flags are read in the light of another (CONTEXT_VARIANTS): shipping to the new address of a
 *   declared move weighs what the move weighs.
 * - A sanctions hit on an identifier or a designated entity is a fact, not a pattern: it takes the top.
 * - A clear result counts as LR 1: schemes pass many checks, so passing is not evidence of honesty.
 * Corroboration follows from the numbers, not from caps: a weak flag (LR 2–3.5) adds 7–14 points and cannot
 * reach "elevated" alone; one moderate flag stays low (one strong one is elevated); three moderate flags from independent families
 * reach "high"; two flags that share an explanation count little more than one.
 */
export const PRIOR_ODDS = 10 ** -1.8
export const POINTS_PER_TENFOLD = 25
export const FAMILY_DISCOUNT = 0.25

/**
 * Bands by score, with the posterior probability and total LR each threshold means (from the prior above):
 * critical from 75 = LR ≥ 1,000, posterior ≥ 94%; high from 45 = LR ≥ 63, posterior ≥ 50%;
 * elevated from 20 = LR ≥ 6.3, posterior ≥ 9%; low below.
 */
export const BANDS: Array<{ band: RiskBand; from: number; totalLr: number; posterior: number }> = [
  { band: 'critical', from: 75, totalLr: 1000, posterior: 0.94 },
  { band: 'high', from: 45, totalLr: 63, posterior: 0.5 },
  { band: 'elevated', from: 20, totalLr: 6.3, posterior: 0.09 },
  { band: 'low', from: 0, totalLr: 1, posterior: 0.016 },
]

export interface Contribution {
  rule: string
  family: FamilyId | 'unknown'
  /** which finer reading of the flag applied, if any (e.g. payee "person" or "company") */
  variant?: string
  /** the shared explanation or family that discounted it, when counted < 1 */
  sharedWith?: string
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
const familyOf = (rule: string): FamilyId | 'unknown' => LIKELIHOOD_RATIOS[rule]?.family ?? 'unknown'

/** The finer reading of a flag its evidence supports, for rules that have variants. */
export function variantOf(finding: Finding): string | undefined {
  // Names that share one whole name and nothing else: the name rules' weak reading (samePersonNames).
  if (finding.evidence.some(e => e.field === NAME_IN_COMMON)) return 'one-name-in-common'
  if (finding.evidence.some(e => e.field === FORWARDED_TO_DECLARED_HOME)) return 'to-declared-home'
  if (finding.evidence.some(e => e.field === MARKETPLACE_HOLDER)) return 'marketplace-holder'
  if (finding.evidence.some(e => e.field === ONE_JOURNEY)) return 'once'
  if (finding.rule === 'links-shared-indicator') {
    const best = Math.max(0, ...finding.evidence.map(e => Number((e.value as { confidence?: unknown } | null)?.confidence ?? 0)))
    return sharedConfidenceBand(best)
  }
  if (finding.rule === 'payment-payee-name-mismatch') {
    const payment = finding.evidence.find(e => e.field === 'payment')?.value as { account_holder?: unknown } | undefined
    const holder = typeof payment?.account_holder === 'string' ? payment.account_holder : null
    return holder ? (looksLikeCompany(holder) ? 'company' : 'person') : undefined
  }
  return undefined
}

interface Flag {
  rule: string
  variant: string | undefined
  lr: number
}
const flagOf = (f: Finding): Flag => {
  const table = LIKELIHOOD_RATIOS[f.rule]
  const variant = variantOf(f)
  const v = variant ? table?.variants?.[variant] : undefined
  return { rule: f.rule, variant: v ? variant : undefined, lr: v?.lr ?? table?.lr ?? 1 }
}
const log10 = (lr: number) => (Number.isFinite(lr) ? Math.log10(lr) : 0)

/** The rules flagged, and each as rule:variant when read more finely (what anchors and contexts name). */
const raisedOf = (flags: Iterable<Flag>) => new Set([...flags].flatMap(f => [f.rule, ...(f.variant ? [`${f.rule}:${f.variant}`] : [])]))

export function scoreFindings(findings: Finding[]): Score {
  const byRule = new Map<string, Flag>()
  for (const f of findings) if (f.status === 'flag' && !byRule.has(f.rule)) byRule.set(f.rule, flagOf(f))
  const raised = raisedOf(byRule.values())
  for (const c of CONTEXT_VARIANTS) {
    const flag = byRule.get(c.rule)
    const v = LIKELIHOOD_RATIOS[c.rule]?.variants?.[c.variant]
    if (flag && !flag.variant && v && raised.has(c.when)) byRule.set(c.rule, { ...flag, variant: c.variant, lr: v.lr })
  }
  const flags = [...byRule.values()].sort((a, b) => log10(b.lr) - log10(a.lr) || a.rule.localeCompare(b.rule))
  const present = raisedOf(flags)
  const shared = SHARED_EXPLANATIONS.filter(x => present.has(x.anchor))
  const seen = new Set<string>()
  const contributions: Contribution[] = []
  let evidence = 0
  for (const flag of flags) {
    const family = familyOf(flag.rule)
    // An unknown rule is its own family: it counts in full, with LR 1 until it is given one.
    const keys = [family === 'unknown' ? `unknown:${flag.rule}` : family, ...shared.filter(x => x.rules.includes(flag.rule)).map(x => x.id)]
    const sharedWith = keys.find(k => seen.has(k))
    const counted = sharedWith ? FAMILY_DISCOUNT : 1
    for (const k of keys) seen.add(k)
    const w = counted * log10(flag.lr)
    evidence += w
    contributions.push({ rule: flag.rule, family, ...(flag.variant ? { variant: flag.variant } : {}), ...(sharedWith ? { sharedWith } : {}), lr: Number.isFinite(flag.lr) ? flag.lr : null, counted, points: round1(POINTS_PER_TENFOLD * w) })
  }
  const decisive = flags.some(f => LIKELIHOOD_RATIOS[f.rule]?.decisive) || findings.some(f => f.status === 'flag' && f.blocking && (f.rule === 'sanctions-identifier-hit' || f.rule === 'sanctions-organisation-hit'))
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
