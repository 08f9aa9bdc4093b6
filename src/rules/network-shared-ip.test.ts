import { rule } from './network-shared-ip'
import { events, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('network-shared-ip', () => {
  it('flags two accounts at one home address', () => {
    expect(rule.evaluate(factsOf([], { events: events([['2026-10-01T14:00:00Z', '198.51.100.1', 'x', 'a@x.com'], ['2026-10-01T15:00:00Z', '198.51.100.1', 'x', 'b@x.com']]) }), ctx).status).toBe('flag')
  })
  it('ignores shared VPN exits', () => {
    expect(rule.evaluate(factsOf([], { events: events([['2026-10-01T14:00:00Z', '192.0.2.1', 'x', 'a@x.com'], ['2026-10-01T15:00:00Z', '192.0.2.1', 'x', 'b@x.com']]) }), ctx).status).toBe('clear')
  })
  it('is not applicable without a log', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
