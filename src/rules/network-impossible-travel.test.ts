import { ONE_JOURNEY, rule } from './network-impossible-travel'
import { scoreFindings } from '../scoring/scoreCase'
import { runRules } from './runRules'
import { events, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('network-impossible-travel', () => {
  it('flags sign-ins alternating between the US and China within hours', () => {
    const log = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-01T16:00:00Z', '198.51.103.1'], ['2026-10-01T18:00:00Z', '198.51.100.1'], ['2026-10-02T01:00:00Z', '198.51.103.2']])
    expect(rule.evaluate(factsOf([], { events: log }), ctx).status).toBe('flag')
  })
  it('flags one sign-in abroad between two at home when the excursion is shorter than the round trip', () => {
    // US → China in 1 h, back in 13 h: the return alone is possible, the 14 h out-and-back is not (about 22,000 km).
    const out = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-01T15:00:00Z', '198.51.103.1'], ['2026-10-02T04:00:00Z', '198.51.100.1']])
    expect(rule.evaluate(factsOf([], { events: out }), ctx).status).toBe('flag')
  })
  it('counts a hosting server abroad between two sign-ins at home (G1: various IPs in different countries)', () => {
    const hosted = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-01T14:20:00Z', '203.0.113.7'], ['2026-10-01T16:00:00Z', '198.51.100.1']])
    expect(rule.evaluate(factsOf([], { events: hosted }), ctx).status).toBe('flag')
  })
  it('does not flag one trip abroad, nor VPN hops', () => {
    const trip = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-03T14:00:00Z', '198.51.102.1'], ['2026-10-09T14:00:00Z', '198.51.100.1']])
    expect(rule.evaluate(factsOf([], { events: trip }), ctx).status).toBe('clear')
    const vpn = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-01T14:30:00Z', '192.0.2.1'], ['2026-10-01T15:00:00Z', '198.51.100.1'], ['2026-10-01T15:30:00Z', '192.0.2.1']])
    expect(rule.evaluate(factsOf([], { events: vpn }), ctx).status).toBe('clear')
  })
  it('reports a single impossible journey as its weaker reading (variant "once"), which scores less than two', () => {
    // US, then Portugal 31 minutes later, then home the next afternoon: the round trip is possible, the outward leg is not.
    const once = events([['2026-10-01T18:36:00Z', '198.51.100.1'], ['2026-10-01T19:07:00Z', '198.51.102.1'], ['2026-10-02T16:14:00Z', '198.51.100.1']])
    const r = rule.evaluate(factsOf([], { events: once }), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence.some(e => e.field === ONE_JOURNEY)).toBe(true)
    const twice = events([['2026-10-01T14:00:00Z', '198.51.100.1'], ['2026-10-01T16:00:00Z', '198.51.103.1'], ['2026-10-01T18:00:00Z', '198.51.100.1'], ['2026-10-02T01:00:00Z', '198.51.103.2']])
    const score = (e: typeof once) => scoreFindings(runRules(factsOf([], { events: e }), ctx, [rule]))
    expect(score(once).contributions[0]).toMatchObject({ variant: 'once' })
    expect(score(once).score).toBeLessThan(score(twice).score)
    // One hop through a hosting server abroad is a cloud proxy's exit, not a journey.
    const proxied = events([['2026-10-01T18:36:00Z', '198.51.100.1'], ['2026-10-01T19:07:00Z', '203.0.113.9'], ['2026-10-03T16:14:00Z', '198.51.100.1']])
    expect(rule.evaluate(factsOf([], { events: proxied }), ctx).status).toBe('clear')
  })
  it('is not applicable without a log', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
