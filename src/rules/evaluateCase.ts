import type { ReferenceData } from '../refdata/referenceData'
import { scoreFindings, type Score } from '../scoring/scoreCase'
import { buildCaseFacts, type AccessEventFact, type CaseFacts, type FactRecord, type LinkFact, type SharedIndicatorHit } from './caseFacts'
import { runRules } from './runRules'
import { RULES } from './registry'
import type { Finding, Rule } from './types'

export interface Evaluation {
  findings: Finding[]
  score: Score
}

/** Facts → findings → score: the one path used by the app, imports and `vet score`. Pure. */
export function evaluateCase(kind: CaseFacts['kind'], records: FactRecord[], accessEvents: AccessEventFact[] | undefined, now: Date, ref: ReferenceData, rules: readonly Rule[] = RULES, links?: LinkFact[], shared?: SharedIndicatorHit[]): Evaluation {
  const findings = runRules(buildCaseFacts(kind, records, accessEvents, links, shared), { now, ref }, rules)
  return { findings, score: scoreFindings(findings) }
}
