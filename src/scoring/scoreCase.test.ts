import type { Finding } from '../rules/types'
import { RULES } from '../rules/registry'
import { FAMILIES, LIKELIHOOD_RATIOS, LR_VERSION, SHARED_EXPLANATIONS } from './likelihoodRatios'
import { bandOf, scoreFindings } from './scoreCase'

const META = new Map(RULES.map(r => [r.meta.id, r.meta]))
const f = (rule: string, status: Finding['status'] = 'flag'): Finding => {
  const m = META.get(rule)!
  return { rule, version: 1, title: rule, category: m.category, severity: 'medium', strength: m.strength, status, message: '', evidence: [], missing: status === 'not_applicable' ? ['x'] : [], sources: [], refdata: {}, blocking: Boolean(m.blocking) }
}
const flags = (...rules: string[]) => scoreFindings(rules.map(r => f(r)))
const companyPayee: Finding = { ...f('payment-payee-name-mismatch'), evidence: [{ field: 'payment', value: { account_holder: 'Northgate Digital LLC' }, source: 'application', where: 'payment' }] }

describe('scoring by likelihood ratios', () => {
  it('is zero and low with no flags, and says when too little was checked', () => {
    const s = scoreFindings([f('contact-voip-phone', 'clear'), f('payment-crypto-payout', 'not_applicable'), f('interview-camera-refused', 'not_applicable')])
    expect(s).toMatchObject({ score: 0, band: 'low', incomplete: true, capped: null, weightsVersion: LR_VERSION })
    expect(s.notChecked.map(n => n.rule)).toEqual(['payment-crypto-payout', 'interview-camera-refused'])
  })

  it('adds 25 points per tenfold of evidence and shows each rule’s LR, family and points', () => {
    const s = flags('payment-crypto-payout', 'interview-camera-refused')
    // log10(6) + log10(6) = 1.556 → 38.9
    expect(s.score).toBe(39)
    expect(s.band).toBe('elevated')
    expect(s.contributions).toEqual([
      { rule: 'interview-camera-refused', family: 'interview', lr: 6, counted: 1, points: 19.5 },
      { rule: 'payment-crypto-payout', family: 'payment', lr: 6, counted: 1, points: 19.5 },
    ])
  })

  it('keeps any single weak signal low, and a single moderate one with LR ≤ 6 low', () => {
    for (const [id, l] of Object.entries(LIKELIHOOD_RATIOS)) {
      if (META.get(id)?.strength === 'weak') expect(flags(id).band).toBe('low')
      if (META.get(id)?.strength === 'moderate' && l.lr <= 6) expect(flags(id).band).toBe('low')
    }
  })

  it('lets no single non-sanctions flag reach high', () => {
    for (const id of Object.keys(LIKELIHOOD_RATIOS)) if (!id.startsWith('sanctions-')) expect(['low', 'elevated']).toContain(flags(id).band)
  })

  it('counts a family’s strongest flag fully and the others at a quarter', () => {
    const one = flags('logistics-mail-drop')
    const both = flags('logistics-mail-drop', 'logistics-shipping-not-home')
    expect(both.contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ counted: 0.25, points: 5.6 })
    expect(both.score - one.score).toBeLessThanOrEqual(6)
  })

  it('weighs shipping elsewhere as the move or the paid company that explains it', () => {
    const alone = flags('logistics-shipping-not-home')
    const moving = flags('logistics-shipping-not-home', 'logistics-address-change')
    expect(alone.contributions[0]).toMatchObject({ lr: 8 })
    expect(moving.contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ variant: 'declared-move', lr: 4 })
    // Paid to a company: its office taking the laptop weighs what the company payee weighs.
    expect(scoreFindings([companyPayee, f('logistics-shipping-not-home')]).contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ variant: 'to-paid-company', lr: 4 })
    // A payee who is another person explains no address.
    const personPayee: Finding = { ...companyPayee, evidence: [{ field: 'payment', value: { account_holder: 'Dana Whitfield' }, source: 'application', where: 'payment' }] }
    expect(scoreFindings([personPayee, f('logistics-shipping-not-home')]).contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ lr: 8 })
    // The move and its address are one story: little more than the move alone.
    expect(moving.score - flags('logistics-address-change').score).toBeLessThanOrEqual(4)
  })

  it('keeps two signals that share an innocent explanation below high (the measured look-alikes)', () => {
    expect(flags('payment-payee-name-mismatch', 'contact-voip-phone').band).not.toMatch(/high|critical/)
    // Paid to a company (the look-alike is the applicant's own LLC) and shipped to its office.
    expect(scoreFindings([companyPayee, f('logistics-shipping-not-home')]).band).not.toMatch(/high|critical/)
    expect(flags('logistics-shipping-not-home', 'logistics-address-change', 'interview-camera-refused').band).not.toMatch(/high|critical/)
    expect(flags('network-datacenter-access', 'network-impossible-travel', 'network-geo-mismatch', 'network-off-hours').band).not.toMatch(/high|critical/)
  })

  it('lifts three or more moderate signals from independent families to high', () => {
    expect(flags('contact-reference-webmail', 'interview-camera-refused', 'network-impossible-travel', 'network-off-hours').band).toBe('high')
    const moderate = Object.entries(LIKELIHOOD_RATIOS).filter(([id]) => META.get(id)?.strength === 'moderate')
    // Independent: three families, and no shared explanation (SHARED_EXPLANATIONS) whose anchor is among them covers two.
    const explainedTogether = (rules: string[]) => SHARED_EXPLANATIONS.some(x => rules.includes(x.anchor.split(':')[0]!) && rules.filter(r => x.rules.includes(r)).length >= 2)
    for (const [a, la] of moderate) for (const [b, lb] of moderate) for (const [c, lc] of moderate) {
      if (new Set([la.family, lb.family, lc.family]).size === 3 && !explainedTogether([a, b, c])) expect([a, b, c, ['high', 'critical'].includes(flags(a, b, c).band)]).toEqual([a, b, c, true])
    }
  })

  it('counts a camera left off once with a move, and night hours once with a sign-in from abroad', () => {
    const moving = flags('logistics-address-change', 'logistics-shipping-not-home', 'interview-camera-refused')
    // One of the three counts in full (the camera, now that shipping weighs what the move weighs), the others at a quarter.
    expect(moving.contributions.filter(c => c.counted === 1)).toHaveLength(1)
    expect(moving.contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ counted: 0.25 })
    expect(moving.band).not.toBe('high')
    // Without the move, the camera is independent evidence again.
    expect(flags('logistics-shipping-not-home', 'interview-camera-refused').contributions.every(c => c.counted === 1)).toBe(true)
    const travel = flags('network-geo-mismatch', 'network-off-hours')
    expect(travel.contributions.find(c => c.rule === 'network-off-hours')).toMatchObject({ sharedWith: 'travel' })
    // Night hours and a relay's impossible hops have no common innocent cause: both count.
    expect(flags('network-impossible-travel', 'network-off-hours').contributions.every(c => c.counted === 1)).toBe(true)
  })

  it('reads a payee flag finely: another private person weighs more than a company', () => {
    const payee = (holder: string): Finding => ({ ...f('payment-payee-name-mismatch'), evidence: [{ field: 'payment', value: { account_holder: holder }, source: 'application', where: 'application: payment' } as never] })
    const person = scoreFindings([payee('Christine M. Harper')])
    const company = scoreFindings([payee('Whitfield Software LLC')])
    expect(person.contributions[0]).toMatchObject({ variant: 'person', lr: 15 })
    expect(company.contributions[0]).toMatchObject({ variant: 'company', lr: 4 })
    expect(person.score).toBeGreaterThan(company.score)
    // Paid to a company whose office takes the laptop and whose switchboard answers: one explanation, counted once.
    const agency = scoreFindings([payee('Brightpath Talent Partners LLC'), f('logistics-shipping-not-home'), f('contact-reference-is-applicant')])
    expect(agency.contributions.filter(c => c.counted === 1).map(c => c.rule)).toEqual(['contact-reference-is-applicant'])
    expect(agency.contributions.find(c => c.rule === 'logistics-shipping-not-home')).toMatchObject({ sharedWith: 'intermediary' })
    expect(agency.band).not.toMatch(/high|critical/)
    // Without a company payee the same two flags are independent.
    expect(flags('logistics-shipping-not-home', 'contact-reference-is-applicant').contributions.every(c => c.counted === 1)).toBe(true)
  })

  it('lets a blocking sanctions hit take the top of the scale, and a name-only lead add nothing', () => {
    expect(flags('sanctions-identifier-hit')).toMatchObject({ score: 100, band: 'critical' })
    const org = flags('sanctions-organisation-hit', 'contact-voip-phone')
    expect(org).toMatchObject({ score: 100, band: 'critical' })
    expect(org.contributions.find(c => c.rule === 'sanctions-organisation-hit')).toMatchObject({ lr: null, points: 88.1 })
    expect(flags('sanctions-person-lead')).toMatchObject({ score: 0, band: 'low' })
    expect(flags('sanctions-person-lead', 'contact-voip-phone').score).toBe(flags('contact-voip-phone').score)
  })

  it('says when the evidence goes beyond the top of the scale', () => {
    const s = flags('links-shared-artifact', 'logistics-mail-drop', 'payment-payee-name-mismatch', 'network-remote-access-tool', 'interview-identity-doubt')
    expect(s.score).toBe(100)
    expect(s.capped).toMatch(/top of the scale/)
  })

  it('is deterministic whatever the order of findings, and counts a repeated rule once', () => {
    const a = [f('payment-crypto-payout'), f('logistics-shipping-not-home'), f('contact-voip-phone'), f('network-off-hours'), f('network-datacenter-access')]
    expect(scoreFindings(a)).toEqual(scoreFindings([...a].reverse()))
    expect(scoreFindings([...a, f('contact-voip-phone')]).score).toBe(scoreFindings(a).score)
  })

  it('maps bands on the documented thresholds', () => {
    expect([0, 19, 20, 44, 45, 74, 75, 100].map(bandOf)).toEqual(['low', 'low', 'elevated', 'elevated', 'high', 'high', 'critical', 'critical'])
  })
})

describe('likelihood ratio table', () => {
  it('gives every rule a family, a source and reasoning, with an LR that fits its stated rates', () => {
    for (const r of RULES) {
      const l = LIKELIHOOD_RATIOS[r.meta.id]!
      expect(FAMILIES[l.family]).toBeDefined()
      expect(l.source.length).toBeGreaterThan(5)
      expect(l.reasoning.length).toBeGreaterThan(20)
      if (Number.isFinite(l.lr) && l.benign > 0) expect(Math.abs(Math.log(l.lr / (l.pattern / l.benign)))).toBeLessThan(Math.log(1.25))
    }
  })

  it('orders LRs by the strength the rules declare (sanctions aside)', () => {
    const of = (s: string) => RULES.filter(r => r.meta.strength === s && r.meta.category !== 'sanctions').map(r => LIKELIHOOD_RATIOS[r.meta.id]!.lr)
    expect(Math.max(...of('weak'))).toBeLessThan(Math.min(...of('moderate')))
    expect(Math.max(...of('moderate'))).toBeLessThan(Math.min(...of('strong')))
  })
})
