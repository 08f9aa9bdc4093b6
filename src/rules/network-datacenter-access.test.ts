import { rule } from './network-datacenter-access'
import { events, fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const home = (d: number) => [`2026-10-0${d}T15:00:00Z`, '198.51.100.7'] as [string, string]
const dc = (d: number) => [`2026-10-0${d}T16:00:00Z`, '203.0.113.9'] as [string, string]
describe('network-datacenter-access', () => {
  it('flags an application sent from a datacenter', () => {
    const r = rule.evaluate(factsOf([fact('submission', { ip: '203.0.113.5' })]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('Cloud Host')
  })
  it('flags sign-ins mostly through VPN or hosting networks', () => {
    expect(rule.evaluate(factsOf([], { events: events([home(1), dc(2), dc(3), dc(4), home(5)]) }), ctx).status).toBe('flag')
  })
  it('does not count one VPN sign-in among many', () => {
    expect(rule.evaluate(factsOf([fact('submission', { ip: '198.51.100.8' })], { events: events([home(1), dc(2), home(3), home(4), home(5), home(6)]) }), ctx).status).toBe('clear')
  })
  it('is not applicable with no address at all', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
