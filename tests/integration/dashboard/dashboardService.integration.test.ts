import { addUser, createTestApp, type TestApp } from '../../support/appSetup'
import { seedDashboard } from '../../support/dashboardSeed'
import { createDashboardService } from '../../../src/services/dashboardService'

// Friday 4 December 2026, noon UTC: the 12 weeks run from Monday 14 September.
const NOW = new Date('2026-12-04T12:00:00Z')

describe('dashboard figures (on SQLite, or PostgreSQL with DATABASE_URL)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    const ada = await addUser(t.services, 'recruiter', 'ada@example.test')
    const bob = await addUser(t.services, 'security', 'bob@example.test')
    await t.services.db('users').where({ id: ada.id }).update({ display_name: 'Ada Lovelace' })
    await t.services.db('users').where({ id: bob.id }).update({ display_name: 'Bob Okafor' })
    await seedDashboard(t.services.db, NOW, { ada: ada.id, bob: bob.id })
  })
  afterAll(() => t.close())

  it('counts open items on undecided current cases per assignee, with those past due', async () => {
    const rows = await createDashboardService(t.services.db).workload(NOW)
    expect(rows.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))).toEqual([
      { name: null, open: 1, overdue: 1 },
      { name: 'Ada Lovelace', open: 3, overdue: 1 },
      { name: 'Bob Okafor', open: 2, overdue: 2 },
    ])
  })

  it('counts current flags on current cases by family and by the week the case was opened', async () => {
    const { weeks, flagsByFamily } = await createDashboardService(t.services.db).flagsByFamily(NOW)
    expect(weeks).toHaveLength(12)
    expect(weeks[0]).toBe('2026-09-14')
    expect(weeks[11]).toBe('2026-11-30')
    const at = (day: string) => weeks.filter(w => w <= day).length - 1
    const expected = new Map<string, number[]>()
    const put = (family: string, day: string, n: number) => {
      const counts = expected.get(family) ?? new Array<number>(12).fill(0)
      counts[at(day)]! += n
      expected.set(family, counts)
    }
    put('identity', '2026-12-02', 2) // A
    put('contact', '2026-12-02', 1) // A
    put('sanctions', '2026-11-19', 1) // B
    put('identity', '2026-11-19', 1) // B
    put('contact', '2026-10-25', 1) // C
    expect(Object.fromEntries(flagsByFamily)).toEqual(Object.fromEntries(expected))
  })

  it('takes median and 90th-percentile days to a decision per month, approvals and rejections only', async () => {
    const months = await createDashboardService(t.services.db).timeToDecision(NOW)
    expect(months.map(m => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    // D opened 26 August, rejected 5 September (10 days); C approved 29 October (4); E approved 6 November (2); B's escalation is not a decision
    expect(months.filter(m => m.decisions > 0)).toEqual([
      { month: '2026-09', decisions: 1, medianDays: 10, p90Days: 10 },
      { month: '2026-10', decisions: 1, medianDays: 4, p90Days: 4 },
      { month: '2026-11', decisions: 1, medianDays: 2, p90Days: 2 },
    ])
  })

  it('works the figures out at most once a minute, sharing one computation between concurrent requests', async () => {
    const service = createDashboardService(t.services.db)
    const spy = jest.spyOn(service, 'figures')
    const [first, second] = await Promise.all([service.recentFigures(NOW), service.recentFigures(NOW)])
    expect(spy).toHaveBeenCalledTimes(1)
    expect(second.figures).toBe(first.figures)
    expect(first.asOf).toEqual(NOW)
    const later = await service.recentFigures(new Date(NOW.getTime() + 59_000))
    expect(spy).toHaveBeenCalledTimes(1)
    expect(later.asOf).toEqual(NOW)
    expect(later.figures).toBe(first.figures)
    const fresh = await service.recentFigures(new Date(NOW.getTime() + 60_000))
    expect(spy).toHaveBeenCalledTimes(2)
    expect(fresh.asOf).toEqual(new Date(NOW.getTime() + 60_000))
    expect(fresh.figures.workload).toEqual(first.figures.workload)
  })

  it('does not keep a failed computation', async () => {
    const service = createDashboardService(t.services.db)
    jest.spyOn(service, 'figures').mockRejectedValueOnce(new Error('database gone'))
    await expect(service.recentFigures(NOW)).rejects.toThrow('database gone')
    await expect(service.recentFigures(NOW)).resolves.toMatchObject({ asOf: NOW })
  })
})
