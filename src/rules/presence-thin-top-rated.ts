import { careerStart, YEAR_MS } from './helpers'
import { notApplicable, type Rule } from './types'

const FREELANCE = new Set(['upwork', 'freelancer', 'fiverr', 'toptal', 'guru', 'peopleperhour', 'contra'])
/** Below a third of a junior US rate for someone claiming 5+ years (G1: rates out of line with skills). */
const LOW_RATE_USD = 30

export const rule: Rule = {
  meta: {
    id: 'presence-thin-top-rated',
    version: 1,
    title: 'Top-rated freelancer profile with almost no history',
    rationale:
      'Fake client accounts boost new profiles to top ratings in a few reviews, and schemes underbid to win work. A perfect rating from five reviews or fewer, together with an unverified identity or a rate far below the claimed seniority, is the platform pattern G1 describes. Each part alone is common among honest newcomers; the rule needs the thin record plus one more.',
    category: 'presence',
    severity: 'low',
    strength: 'weak',
    indicators: ['GH-THIN-PRESENCE', 'CV-LOWBALL'],
    sources: ['G1 (platforms): "many high ratings from one client account in a short time"; fake client accounts', 'V13: accept low-ball offers, "25-50% discount"'],
    requires: ['profiles[] on a freelancer platform with rating and reviews'],
    knownFalsePositives: ['an honest newcomer building a reputation with low rates', 'identity verification still pending on the platform'],
    checklist: ['Read the reviews: who left them, when, and for what; check whether the reviewing clients exist', 'Ask the platform whether identity verification passed'],
  },
  evaluate(facts, ctx) {
    const profiles = facts.profiles.filter(p => FREELANCE.has(String(p.value.network)) && typeof p.value.rating === 'number' && typeof p.value.reviews === 'number')
    if (!profiles.length) return notApplicable('profiles[] on a freelancer platform with rating and reviews')
    const start = careerStart(facts)
    const careerYears = start ? (ctx.now.getTime() - start.date.getTime()) / YEAR_MS : 0
    const hits = profiles.flatMap(p => {
      const v = p.value
      const thin = (v.rating as number) >= 4.8 && (v.reviews as number) <= 5
      if (!thin) return []
      const reasons = [`rating ${v.rating} from ${v.reviews} reviews`]
      if (v.identity_verified === false) reasons.push('identity not verified')
      if (typeof v.hourly_rate_usd === 'number' && v.hourly_rate_usd < LOW_RATE_USD && careerYears >= 5) reasons.push(`$${v.hourly_rate_usd}/h for ${careerYears.toFixed(0)} claimed years`)
      return reasons.length >= 2 ? [{ p, reasons }] : []
    })
    if (!hits.length) return { status: 'clear', message: `${profiles.length} freelancer profile(s): no perfect rating from a thin record with an unverified identity or a cut-price rate.`, evidence: profiles.map(p => p.evidence) }
    return { status: 'flag', message: hits.map(h => `${h.p.value.network}: ${h.reasons.join(', ')}`).join('; '), evidence: [...hits.map(h => h.p.evidence), ...(start ? [start.evidence] : [])] }
  },
}
