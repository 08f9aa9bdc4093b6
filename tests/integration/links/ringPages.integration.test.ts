import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}
// Four applicants naming one referee's phone and shipping to one mail drop: every pair shares both.
const farm = { logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } }, references: [{ name: 'Alan Price', phone: '+1 646 555 0123' }] }
const app = (id: string, name: string, extra: Record<string, unknown>) =>
  application({ format: 'vetting/application@1', external_id: id, kind: 'contractor', person: { full_name: name, email: `${id.toLowerCase()}@example.org`, address: { line1: `${id.replace(/\D/g, '')} Oak St Apt 4`, city: 'Chicago', postal_code: '60601', country: 'US' } }, ...extra })

/** The rows of the table with this data-qa, as text per row. */
function rowsOf(html: string, qa: string): string[] {
  const table = html.slice(html.indexOf(`data-qa="${qa}"`))
  const body = table.slice(table.indexOf('<tbody'), table.indexOf('</tbody>'))
  return body.split(/<tr[^>]*>/).slice(1).map(r => r.replace(/<\/t[dh]>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim())
}

describe('ring pages, link judgements and confirming as fraudulent', () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  let ref = ''
  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security'] as const) await addUser(t.services, role)
    const none = async () => ({ problem: 'none' })
    for (const [id, name] of [['RP-1', 'Kevin Brandt'], ['RP-2', 'Maria Lindqvist'], ['RP-3', 'Olu Adeyemi'], ['RP-4', 'Sara Quist']] as const) {
      const out = await t.services.ingest.importApplication(`${id}.json`, app(id, name, farm), none, systemActor())
      ids[id] = 'caseId' in out ? out.caseId : ''
    }
    ref = (await t.services.cases.view(ids['RP-1']!, systemActor())).case.reference
  })
  afterAll(() => t.close())

  it('/rings lists the ring with its size, highest band and what joins it', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const page = await agent.get('/rings').expect(200)
    const rows = rowsOf(page.text, 'rings')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^Ring \S+ 4 Risk: \w+ .*phone.* Kevin Brandt, Maria Lindqvist, Olu Adeyemi and Sara Quist$/)
  })

  it('the ring page lists each shared value once, with every application giving it, and graphs one edge per pair', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const page = await agent.get(`/rings/${ref}`).expect(200)
    const shared = rowsOf(page.text, 'ring-links')
    const phone = shared.filter(r => r.includes('reference phone'))
    expect(phone).toHaveLength(1)
    expect(phone[0]).toContain('4: Kevin Brandt, Maria Lindqvist, Olu Adeyemi and Sara Quist')
    // Two values (the phone and the mail drop), each one row, however many pairs give them.
    expect(shared).toHaveLength(2)
    const data = JSON.parse(/<script type="application\/json" id="ring-data">([^<]*)<\/script>/.exec(page.text)![1]!) as { nodes: unknown[]; edges: Array<{ label: string }> }
    expect(data.nodes).toHaveLength(4)
    expect(data.edges).toHaveLength(6)
    expect(data.edges.every(e => e.label === 'address, phone')).toBe(true)
    expect(page.text).toContain('role="img" aria-label="Graph of the 4 applications in this ring and the 6 pairs')
    for (const s of ['/vendor/cytoscape/cytoscape.min.js', '/vendor/layout-base/layout-base.js', '/vendor/cose-base/cose-base.js', '/vendor/cytoscape-fcose/cytoscape-fcose.js', '/public/js/ringGraph.js']) expect(page.text).toContain(`src="${s}"`)
  })

  it('refuses a judgement left on "Choose…", and returns to the links tab either way', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const empty = await agent.post(`/cases/${ids['RP-1']}/links`).type('form').send({ _csrf: csrf, otherCaseId: ids['RP-2'], judgement: '', note: 'Compared the IDs' }).expect(303)
    expect(empty.headers.location).toBe(`/cases/${ids['RP-1']}?tab=links`)
    expect(Number(((await t.services.db('link_judgements').count({ n: '*' }).first()) as { n: number | string }).n)).toBe(0) // PostgreSQL counts are strings
    const done = await agent.post(`/cases/${ids['RP-1']}/links`).type('form').send({ _csrf: csrf, otherCaseId: ids['RP-2'], judgement: 'unsure', note: 'Compared the IDs' }).expect(303)
    expect(done.headers.location).toBe(`/cases/${ids['RP-1']}?tab=links`)
    expect(Number(((await t.services.db('link_judgements').count({ n: '*' }).first()) as { n: number | string }).n)).toBe(1) // PostgreSQL counts are strings
  })

  it('confirms a case as fraudulent only with "I understand" ticked', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const refused = await agent.post(`/cases/${ids['RP-3']}/watch`).type('form').send({ _csrf: csrf }).expect(303)
    expect(refused.headers.location).toBe(`/cases/${ids['RP-3']}?tab=links`)
    expect(Number(((await t.services.db('watch_keys').count({ n: '*' }).first()) as { n: number | string }).n)).toBe(0) // PostgreSQL counts are strings
    expect((await t.services.db('audit_events').where({ type: 'CASE_WATCHED' })).length).toBe(0)
    const confirmed = await agent.post(`/cases/${ids['RP-3']}/watch`).type('form').send({ _csrf: csrf, confirm: 'yes' }).expect(303)
    expect(confirmed.headers.location).toBe(`/cases/${ids['RP-3']}?tab=links`)
    expect(Number(((await t.services.db('watch_keys').count({ n: '*' }).first()) as { n: number | string }).n)).toBeGreaterThan(0)
    const list = await agent.get('/watchlist').expect(200)
    expect(rowsOf(list.text, 'watch-hits').join('\n')).toContain('Kevin Brandt')
  })
})
