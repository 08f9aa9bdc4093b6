import type { CaseFacts } from './caseFacts'
import { RULES } from './registry'
import type { Finding, Rule, RuleContext } from './types'

/** Run every rule on one case. Pure: the same facts and context always give the same findings. */
export function runRules(facts: CaseFacts, ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.map(rule => {
    const r = rule.evaluate(facts, ctx)
    const m = rule.meta
    return {
      rule: m.id,
      version: m.version,
      title: m.title,
      category: m.category,
      severity: m.severity,
      strength: m.strength,
      status: r.status,
      message: r.status === 'not_applicable' ? `Not checked: needs ${r.missing.join(', ')}.` : r.message,
      evidence: r.status === 'not_applicable' ? [] : r.evidence,
      missing: r.status === 'not_applicable' ? r.missing : [],
      sources: m.sources,
      refdata: Object.fromEntries((m.refdata ?? []).map(id => [id, ctx.ref.version(id)])),
      blocking: m.blocking === true && r.status === 'flag',
    }
  })
}
