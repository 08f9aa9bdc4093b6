import request from 'supertest'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { seedDashboard } from '../../support/dashboardSeed'
import { medianAndP90 } from '../../../src/services/dashboardService'

/** The rows of the "Show the numbers" table of one chart, as cell texts. */
function tableOf(html: string, chartId: string): string[][] {
  const section = new RegExp(`<section [^>]*data-qa="${chartId}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1]
  if (!section) throw new Error(`no ${chartId} on the page`)
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(section)![1]!
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(r => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(c => c[1]!.replace(/<[^>]+>/g, '').trim()))
}

function svgOf(html: string, chartId: string): string {
  const svg = new RegExp(`<svg [^>]*aria-labelledby="${chartId}-title[\\s\\S]*?</svg>`).exec(html)?.[0]
  if (!svg) throw new Error(`no ${chartId} picture on the page`)
  return svg
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

describe('GET /dashboard (on SQLite, or PostgreSQL with DATABASE_URL)', () => {
  let t: TestApp
  let decisions: Array<[string, number]>
  beforeAll(async () => {
    t = await createTestApp()
    const ada = await addUser(t.services, 'recruiter', 'ada@example.test')
    const bob = await addUser(t.services, 'security', 'bob@example.test')
    await addUser(t.services, 'admin')
    await t.services.db('users').where({ id: ada.id }).update({ display_name: 'Ada Lovelace' })
    // a name with markup in it, to show it is escaped in the picture and the table
    await t.services.db('users').where({ id: bob.id }).update({ display_name: 'Bob <Okafor> & Co' })
    ;({ decisions } = await seedDashboard(t.services.db, new Date(), { ada: ada.id, bob: bob.id }))
  })
  afterAll(() => t.close())

  it('asks who you are first', async () => {
    expect((await request(t.app).get('/dashboard')).headers.location).toMatch(/^\/login/)
  })

  it('draws the four pictures with the seeded numbers, each with its table', async () => {
    const { agent } = await signIn(t.app, 'ada@example.test')
    const page = await agent.get('/dashboard')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<h1 class="govuk-heading-xl">Dashboard</h1>')
    for (const id of ['chart-risk', 'chart-workload', 'chart-families', 'chart-decisions']) {
      const svg = svgOf(page.text, id)
      expect(svg).toMatch(/role="img"/)
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/)
      expect(svg).not.toMatch(/\sstyle=/)
    }
    expect(page.text.match(/Show the numbers/g)).toHaveLength(4)
    expect(page.text).toMatch(/data-qa="figures-as-of">Workload, findings and decision times as of \d{4}-\d\d-\d\d \d\d:\d\d UTC/)

    // Risk: current revisions only (E's first revision is not counted)
    expect(tableOf(page.text, 'chart-risk')).toEqual([
      ['Critical', '1', '17%'],
      ['High', '1', '17%'],
      ['Elevated', '1', '17%'],
      ['Low', '2', '33%'],
      ['Not scored', '1', '17%'],
    ])
    expect(svgOf(page.text, 'chart-risk')).toContain('>2 (33%)</text>')
    expect(page.text).toContain('href="/cases?band=critical"')

    // Workload: open items of undecided cases; most overdue first
    expect(tableOf(page.text, 'chart-workload')).toEqual([
      ['Bob &lt;Okafor&gt; &amp; Co', '2', '2'],
      ['Ada Lovelace', '3', '1'],
      ['Not assigned', '1', '1'],
    ])
    expect(svgOf(page.text, 'chart-workload')).toContain('>3 open, 1 overdue</text>')
    expect(svgOf(page.text, 'chart-workload')).toContain('>Bob &lt;Okafor&gt; &amp; Co</text>')
    expect(page.text).not.toContain('<Okafor>')

    // Families: current flags on current cases opened in the last 12 weeks (A, B and C)
    const families = tableOf(page.text, 'chart-families')
    expect(families).toHaveLength(12)
    const head = /<section [^>]*data-qa="chart-families"[\s\S]*?<thead[^>]*>([\s\S]*?)<\/thead>/.exec(page.text)![1]!
    const columns = [...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map(m => m[1])
    expect(columns).toEqual(['Week starting', 'Identity and claims consistency', 'Contact details', 'Sanctions screening', 'All families'])
    const sums = columns.slice(1).map((_, c) => families.reduce((s, row) => s + Number(row[c + 1]), 0))
    expect(sums).toEqual([3, 2, 1, 6])
    expect(svgOf(page.text, 'chart-families')).toContain('>Identity and claims consistency: 3</text>')

    // Time to decision: approvals and rejections of the last 12 months, by month of the decision
    const rows = tableOf(page.text, 'chart-decisions')
    expect(rows).toHaveLength(12)
    const byMonth = new Map<string, number[]>()
    for (const [month, days] of decisions) byMonth.set(month, [...(byMonth.get(month) ?? []), days])
    for (const [month, days] of byMonth) {
      const label = `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`
      const { median, p90 } = medianAndP90(days)
      expect(rows).toContainEqual([label, String(days.length), median!.toFixed(1), p90!.toFixed(1)])
    }
    expect(rows.reduce((s, r) => s + Number(r[1]), 0)).toBe(3)

    // Kept from before: the status counts and the recent list
    expect(page.text).toContain('Cases by status')
    expect(page.text).toContain('Recently updated cases')
    expect(page.text).not.toContain('Manage user accounts')
  })

  it('shows an administrator the counts and the Administration link, not the case list or links into it', async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    const page = await agent.get('/dashboard')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Manage user accounts')
    expect(page.text).not.toContain('Recently updated cases')
    expect(page.text).not.toContain('href="/cases?band=')
    expect(tableOf(page.text, 'chart-risk')[0]).toEqual(['Critical', '1', '17%'])
  })
})
