import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './network-remote-access-tool'

const ctx = testContext('2026-10-01T00:00:00Z')
const ev = (userAgent: string, event = 'login') => ({ occurredAt: '2026-10-01T10:00:00.000Z', account: 'a', ip: '1.2.3.4', userAgent, event, where: 'log.csv, row 2' })
const facts = (events?: ReturnType<typeof ev>[]) => buildCaseFacts('contractor', [], events)

describe('network-remote-access-tool', () => {
  it('flags repeated remote-control sessions', () => {
    const r = rule.evaluate(facts([ev('AnyDesk/8.0.14', 'remote_session'), ev('Mozilla/5.0'), ev('TeamViewer 15')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toBe('2 of 3 sign-ins came through AnyDesk, TeamViewer.')
  })
  it('does not flag a single session (threshold is two)', () => expect(rule.evaluate(facts([ev('AnyDesk/8.0'), ev('Mozilla/5.0')]), ctx).status).toBe('clear'))
  it('clears ordinary browsers', () => expect(rule.evaluate(facts([ev('Mozilla/5.0 (Windows NT 10.0)')]), ctx).status).toBe('clear'))
  it('is not applicable without a log', () => {
    expect(rule.evaluate(facts(), ctx).status).toBe('not_applicable')
    expect(rule.evaluate(facts([]), ctx).status).toBe('not_applicable')
  })
})
