import { rule, sharedConfidenceBand } from './links-shared-indicator'
import { factsOf, testContext } from './ruleTestKit'
import type { SharedIndicatorHit } from './caseFacts'

const ctx = testContext()
const hit = (over: Partial<SharedIndicatorHit> = {}): SharedIndicatorHit => ({ indicatorId: 1, kind: 'phone', matched: 'applicant phone', label: '+14155550100', source: 'Acme ISAC', confidence: 85, tlp: 'amber', families: ['links'], ...over })
const with_ = (shared?: SharedIndicatorHit[]) => ({ ...factsOf([]), ...(shared ? { sharedIndicators: shared } : {}) })

describe('links-shared-indicator', () => {
  it('flags a match, naming the source, where it matched and the confidence', () => {
    const r = rule.evaluate(with_([hit(), hit({ indicatorId: 2, kind: 'wallet', matched: 'payout wallet', confidence: 40, source: 'Other Co' })]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toBe('2 identifier(s) match indicators shared by Acme ISAC, Other Co: applicant phone (phone, confidence 85); payout wallet (wallet, confidence 40). Strongest confidence 85 (high).')
    expect(r.status === 'flag' && r.evidence[0]).toMatchObject({ field: 'shared-indicator', where: 'applicant phone', source: 'shared indicator feed: Acme ISAC' })
  })
  it('is clear when feeds were consulted and nothing matched, not applicable when none were', () => {
    expect(rule.evaluate(with_([]), ctx).status).toBe('clear')
    expect(rule.evaluate(with_(), ctx).status).toBe('not_applicable')
  })
  it('never blocks: only a sanctions hit may', () => {
    const r = rule.evaluate(with_([hit({ confidence: 100 })]), ctx)
    expect((r as { blocking?: boolean }).blocking).toBeFalsy()
  })
  it('reads confidence in three bands', () => {
    expect([sharedConfidenceBand(95), sharedConfidenceBand(80), sharedConfidenceBand(79), sharedConfidenceBand(50), sharedConfidenceBand(49)]).toEqual(['high', 'high', 'medium', 'medium', 'low'])
  })
})
