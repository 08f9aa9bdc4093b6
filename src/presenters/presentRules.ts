import type { RuleMeta } from '../rules/types'
import { FAMILIES, LIKELIHOOD_RATIOS, LR_VERSION, SHARED_EXPLANATIONS } from '../scoring/likelihoodRatios'
import { BANDS, FAMILY_DISCOUNT, POINTS_PER_TENFOLD, PRIOR_ODDS } from '../scoring/scoreCase'

const lrText = (lr: number) => (Number.isFinite(lr) ? (lr >= 10 ? String(Math.round(lr)) : String(Math.round(lr * 10) / 10)) : 'decisive')
const pct = (x: number) => `${x < 0.01 ? Math.round(x * 1000) / 10 : Math.round(x * 100)}%`

/** One rule for /rules: its metadata with the evidence it is worth in the score and the family it counts in. */
export function presentRule(meta: RuleMeta) {
  const l = LIKELIHOOD_RATIOS[meta.id]
  const family = l ? FAMILIES[l.family] : null
  return {
    ...meta,
    href: `/rules/${meta.id}`,
    lr: l ? lrText(l.lr) : '1',
    points: l && Number.isFinite(l.lr) ? Math.round(POINTS_PER_TENFOLD * Math.log10(l.lr) * 10) / 10 : l ? 100 : 0,
    family: family ? { id: family.id, title: family.title, sharedExplanation: family.sharedExplanation } : null,
    lrPattern: l ? pct(l.pattern) : '',
    lrBenign: l ? pct(l.benign) : '',
    lrSource: l?.source ?? '',
    lrReasoning: l?.reasoning ?? 'No likelihood ratio set: the flag adds nothing to the score.',
    variants: Object.entries(l?.variants ?? {}).map(([id, v]) => ({ id, lr: lrText(v.lr), pattern: pct(v.pattern), benign: pct(v.benign), reasoning: v.reasoning })),
    shared: SHARED_EXPLANATIONS.filter(x => x.rules.includes(meta.id)).map(x => ({ title: x.title, explanation: x.explanation, rules: x.rules })),
  }
}

/** The model behind the score, for /rules. */
export function presentScoringModel(rules: RuleMeta[]) {
  const families = Object.values(FAMILIES).map(f => ({ ...f, rules: rules.filter(r => LIKELIHOOD_RATIOS[r.id]?.family === f.id).map(r => ({ id: r.id, title: r.title, lr: lrText(LIKELIHOOD_RATIOS[r.id]!.lr) })) })).filter(f => f.rules.length)
  return {
    version: LR_VERSION,
    prior: `1 : ${Math.round(1 / PRIOR_ODDS)}`,
    pointsPerTenfold: POINTS_PER_TENFOLD,
    discount: FAMILY_DISCOUNT,
    bands: [...BANDS].reverse().map(b => ({ band: b.band, from: b.from, totalLr: b.totalLr.toLocaleString('en-US'), posterior: pct(b.posterior) })),
    families,
    shared: SHARED_EXPLANATIONS.map(x => ({ title: x.title, explanation: x.explanation, anchor: x.anchor, rules: x.rules })),
  }
}
