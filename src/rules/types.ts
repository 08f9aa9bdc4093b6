import type { DatasetId, ReferenceData } from '../refdata/referenceData'
import type { CaseFacts, Evidence } from './caseFacts'

/**
 * One rule = one file named by its id, metadata first, then one pure `evaluate` (ESLint's shape, with
 * nomenklatura's habit of explaining every result). Weights live in scoring/, not here.
 */
export type Severity = 'low' | 'medium' | 'high' | 'critical'
/** How well the signal alone separates a scheme from an ordinary remote applicant (INDICATORS.md §1 header). */
export type Strength = 'weak' | 'moderate' | 'strong'
export type Category = 'identity' | 'contact' | 'presence' | 'network' | 'logistics' | 'payment' | 'interview' | 'sanctions' | 'links'

export interface RuleMeta {
  /** kebab-case, equals the file name, never reused; its first word is the category */
  id: string
  /** bumped on any change to logic, thresholds or messages; stored on every finding */
  version: number
  title: string
  rationale: string
  category: Category
  severity: Severity
  strength: Strength
  /** indicator ids from INDICATORS.md §2 */
  indicators: string[]
  /** source ids from INDICATORS.md §1, with the words relied on */
  sources: string[]
  /** the CaseFacts paths it reads */
  requires: string[]
  knownFalsePositives: string[]
  /** verification steps a flag adds to the reviewer checklist */
  checklist: string[]
  /** reference datasets it consults; their versions are stored on each finding */
  refdata?: DatasetId[]
  /** a flag stops sign-off until a security reviewer clears it (sanctions hits only) */
  blocking?: boolean
}

export interface RuleContext {
  /** the moment the case is judged at (never Date.now() inside a rule) */
  now: Date
  ref: ReferenceData
}

export type RuleResult =
  | { status: 'flag'; message: string; evidence: Evidence[] }
  | { status: 'clear'; message: string; evidence: Evidence[] }
  | { status: 'not_applicable'; missing: string[] }

export interface Rule {
  meta: RuleMeta
  evaluate(facts: CaseFacts, ctx: RuleContext): RuleResult
}

export interface Finding {
  rule: string
  version: number
  title: string
  category: Category
  severity: Severity
  strength: Strength
  status: RuleResult['status']
  message: string
  evidence: Evidence[]
  missing: string[]
  sources: string[]
  /** versions of the reference data the rule used, by dataset id */
  refdata: Record<string, string>
  blocking: boolean
}

export const notApplicable = (...missing: string[]): RuleResult => ({ status: 'not_applicable', missing })
