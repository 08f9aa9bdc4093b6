import type { Finding } from '../rules/types'
import { scoreFindings } from './scoreCase'

const f = (rule: string, strength: Finding['strength'], category: Finding['category'], status: Finding['status'] = 'flag'): Finding => ({
  rule, version: 1, title: rule, category, severity: 'medium', strength, status, message: '', evidence: [], missing: status === 'not_applicable' ? ['x'] : [], sources: [], refdata: {}, blocking: false,
})

describe('scoring', () => {
  it('is zero and low with no flags, and says when too little was checked', () => {
    const s = scoreFindings([f('contact-voip-phone', 'weak', 'contact', 'clear'), f('payment-crypto-payout', 'moderate', 'payment', 'not_applicable'), f('interview-camera-refused', 'moderate', 'interview', 'not_applicable')])
    expect(s).toMatchObject({ score: 0, band: 'low', incomplete: true })
    expect(s.notChecked.map(n => n.rule)).toEqual(['payment-crypto-payout', 'interview-camera-refused'])
  })

  it('combines flags with diminishing returns and shows each contribution', () => {
    const s = scoreFindings([f('payment-crypto-payout', 'moderate', 'payment'), f('interview-camera-refused', 'moderate', 'interview')])
    // 1 − 0.8 × 0.85 = 0.32
    expect(s.score).toBe(32)
    expect(s.contributions).toEqual([
      { rule: 'interview-camera-refused', weight: 20, points: 20 },
      { rule: 'payment-crypto-payout', weight: 15, points: 12 },
    ])
  })

  it('keeps a weak signal alone low', () => {
    expect(scoreFindings([f('contact-voip-phone', 'weak', 'contact')])).toMatchObject({ score: 6, band: 'low' })
  })

  it('lets one strong signal reach high but not critical', () => {
    const s = scoreFindings([f('logistics-shipping-not-home', 'strong', 'logistics'), f('payment-payee-name-mismatch', 'strong', 'payment')])
    expect(s.band).toBe('high')
    const one = scoreFindings([f('logistics-shipping-not-home', 'strong', 'logistics')])
    expect(one).toMatchObject({ score: 40, band: 'elevated' })
  })

  it('reaches critical only with a strong signal corroborated elsewhere', () => {
    const s = scoreFindings([f('logistics-shipping-not-home', 'strong', 'logistics'), f('payment-payee-name-mismatch', 'strong', 'payment'), f('network-remote-access-tool', 'strong', 'network')])
    expect(s.band).toBe('critical')
  })

  it('is deterministic whatever the order of findings', () => {
    const a = [f('payment-crypto-payout', 'moderate', 'payment'), f('logistics-shipping-not-home', 'strong', 'logistics'), f('contact-voip-phone', 'weak', 'contact')]
    expect(scoreFindings(a)).toEqual(scoreFindings([...a].reverse()))
  })
})
