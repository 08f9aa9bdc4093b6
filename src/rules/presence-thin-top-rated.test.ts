import { rule } from './presence-thin-top-rated'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext('2026-10-01T00:00:00Z')
const job = fact('resume.employer', { start: '2015-01' })
describe('presence-thin-top-rated', () => {
  it('flags a perfect rating from three reviews with an unverified identity', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'upwork', rating: 5, reviews: 3, identity_verified: false, hourly_rate_usd: 25 })]), ctx).status).toBe('flag')
  })
  it('clears an established profile, and a thin but verified one at a fair rate', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'upwork', rating: 4.9, reviews: 63, identity_verified: true })]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'upwork', rating: 5, reviews: 2, identity_verified: true, hourly_rate_usd: 80 })]), ctx).status).toBe('clear')
  })
  it('is not applicable without a freelancer profile', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'github' })]), ctx).status).toBe('not_applicable')
  })
})
