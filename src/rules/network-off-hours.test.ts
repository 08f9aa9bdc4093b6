import { rule } from './network-off-hours'
import { events, fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const log = (utcHour: number) => events(Array.from({ length: 12 }, (_, d) => [`2026-10-${String(d + 1).padStart(2, '0')}T${String(utcHour).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string]))
describe('network-off-hours', () => {
  it('flags a Chicago claim with sign-ins at 02:00 Chicago time (a Seoul working day)', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(7) }), ctx).status).toBe('flag')
  })
  it('clears working hours in the claimed zone', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(15) }), ctx).status).toBe('clear')
  })
  it('is not applicable with few events', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(7).slice(0, 3) }), ctx).status).toBe('not_applicable')
  })
})
