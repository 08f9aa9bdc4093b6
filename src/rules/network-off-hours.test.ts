import { rule } from './network-off-hours'
import { events, fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const log = (utcHour: number) => events(Array.from({ length: 12 }, (_, d) => [`2026-10-${String(d + 1).padStart(2, '0')}T${String(utcHour).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string]))
describe('network-off-hours', () => {
  it('flags a Chicago claim with sign-ins at 02:00 Chicago time (a Seoul working day)', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(7) }), ctx).status).toBe('flag')
  })
  it('flags a Los Angeles claim whose sign-ins fill the evening and early night: a UTC+9 working day', () => {
    // 01:00–10:00 UTC is 18:00–03:00 in Los Angeles (PDT) and 10:00–19:00 in UTC+9; under 60% fall in 22:00–06:00
    const spread = events(Array.from({ length: 12 }, (_, d) => [`2026-10-${String(d + 1).padStart(2, '0')}T${String(1 + (d % 9)).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string]))
    const r = rule.evaluate(factsOf([fact('person.timezone', 'America/Los_Angeles')], { events: spread }), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toMatch(/working day at UTC\+[89]/)
  })
  it('flags a Los Angeles claim whose afternoons, evenings and nights are a UTC+9 working day', () => {
    // 22:00–06:00 UTC: 15:00–23:00 in Los Angeles (PDT), 07:00–15:00 in UTC+9; 40% fall in the claimed 08:00–18:00 day,
    // too many for the second reading, 60% in Seoul's working day after Los Angeles' business day
    const hours = [22, 23, 0, 1, 2, 3, 4, 5, 6, 23]
    const pacific = events(hours.map((h, d) => [`2026-10-${String(d + 2).padStart(2, '0')}T${String(h).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string]))
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Los_Angeles')], { events: pacific }), ctx).status).toBe('flag')
  })
  it('clears an evening shift that ends by 22:00, on the Pacific coast, in the Rockies or in New Zealand', () => {
    // 16:00–21:00 local on ten days: inside a UTC+8/+9 working day, outside the business day, never at night
    const evening = (zone: string, utcHours: number[]) => rule.evaluate(factsOf([fact('person.timezone', zone)], { events: events(utcHours.map((h, d) => [`2026-10-${String(d + 2).padStart(2, '0')}T${String(h).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string])) }), ctx).status
    expect(evening('America/Los_Angeles', [23, 0, 1, 2, 3, 4, 23, 0, 1, 2])).toBe('clear')
    expect(evening('America/Denver', [22, 23, 0, 1, 2, 3, 22, 23, 0, 1])).toBe('clear')
    expect(evening('Pacific/Auckland', [3, 4, 5, 6, 7, 8, 3, 4, 5, 6])).toBe('clear')
  })
  it('clears a Los Angeles working day, afternoon included', () => {
    // 16:00–01:00 UTC: 09:00–18:00 in Los Angeles (PDT); its afternoon is Seoul's early morning
    const hours = [16, 17, 18, 19, 20, 21, 22, 23, 0, 1]
    const local = events(hours.map((h, d) => [`2026-10-${String(d + 2).padStart(2, '0')}T${String(h).padStart(2, '0')}:10:00Z`, '198.51.100.1'] as [string, string]))
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Los_Angeles')], { events: local }), ctx).status).toBe('clear')
  })
  it('clears a working day in a claimed UTC+8 or UTC+9 zone: the foreign hours are the claimed ones there', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'Asia/Singapore')], { events: log(3) }), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('person.timezone', 'Asia/Tokyo')], { events: log(2) }), ctx).status).toBe('clear')
  })
  it('clears evening work mixed with a business day in the claimed zone', () => {
    // half at 15:00 Chicago (20:00 UTC), half at 20:00 Chicago (01:00 UTC)
    const mixed = events(Array.from({ length: 12 }, (_, d) => [`2026-10-${String(d + 1).padStart(2, '0')}T${d % 2 ? '20' : '01'}:10:00Z`, '198.51.100.1'] as [string, string]))
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: mixed }), ctx).status).toBe('clear')
  })
  it('clears working hours in the claimed zone', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(15) }), ctx).status).toBe('clear')
  })
  it('is not applicable with few events', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'America/Chicago')], { events: log(7).slice(0, 3) }), ctx).status).toBe('not_applicable')
  })
})
