import { rule } from './network-geo-mismatch'
import { events, fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const at = (ip: string, n: number) => Array.from({ length: n }, (_, i) => [`2026-10-${String(i + 1).padStart(2, '0')}T15:00:00Z`, ip] as [string, string])
const home = fact('person.address', { city: 'Chicago', country: 'US' })
describe('network-geo-mismatch', () => {
  it('flags a US claim with most sign-ins from Korean home networks', () => {
    expect(rule.evaluate(factsOf([home], { events: events([...at('198.51.101.4', 6), ...at('198.51.100.4', 2)]) }), ctx).status).toBe('flag')
  })
  it('clears a trip abroad, and someone living abroad who says so', () => {
    expect(rule.evaluate(factsOf([home], { events: events([...at('198.51.100.4', 8), ...at('198.51.102.4', 3)]) }), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('person.address', { country: 'KR' })], { events: events(at('198.51.101.4', 8)) }), ctx).status).toBe('clear')
  })
  it('is not applicable with too few located sign-ins', () => {
    expect(rule.evaluate(factsOf([home], { events: events(at('198.51.101.4', 2)) }), ctx).status).toBe('not_applicable')
  })
})
