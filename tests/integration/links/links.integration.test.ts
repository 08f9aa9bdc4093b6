import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}
const app = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  application({ format: 'vetting/application@1', external_id: id, kind: 'contractor', person: { full_name: name, email: `${id.toLowerCase()}@example.org`, address: { line1: `${id.replace(/\D/g, "")}${id.length} Oak St Apt 4`, city: 'Chicago', postal_code: '60601', country: 'US' } }, ...extra })
const farm = { logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } }, references: [{ name: 'Alan Price', phone: '+1 646 555 0123' }] }

describe('link analysis in the app', () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security'] as const) await addUser(t.services, role)
    const none = async () => ({ problem: 'none' })
    // A ring of two arriving one by one, and an unrelated applicant.
    for (const [id, name, extra] of [['L-1', 'Kevin Brandt', farm], ['L-2', 'Maria Lindqvist', farm], ['L-3', 'Dana Whitfield', {}]] as const) {
      const out = await t.services.ingest.importApplication(`${id}.json`, app(id, name, extra), none, systemActor())
      ids[id] = 'caseId' in out ? out.caseId : ''
    }
  })
  afterAll(() => t.close())

  it('links applications as they arrive, with what they share, and scores both', async () => {
    const facts = await t.services.links.linkFacts(t.services.db, ids['L-2']!)
    expect(facts.map(f => f.otherId)).toEqual([ids['L-1'], ids['L-1']])
    expect(facts.map(f => f.kind).sort()).toEqual(['address', 'phone'])
    const first = await t.services.cases.view(ids['L-1']!, systemActor())
    expect(first.findings.find(f => f.rule_id === 'links-shared-artifact')!.status).toBe('flag')
    const lone = await t.services.cases.view(ids['L-3']!, systemActor())
    expect(lone.findings.find(f => f.rule_id === 'links-shared-artifact')!.status).toBe('clear')
  })

  it('shows the ring with a graph served from our own origin, and the links on the case page', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const rings = await agent.get('/rings')
    expect(rings.text).toContain('Kevin Brandt')
    expect(rings.text).not.toContain('Dana Whitfield')
    const ref = (await t.services.cases.view(ids['L-1']!, systemActor())).case.reference
    const ring = await agent.get(`/rings/${ref}`)
    expect(ring.text).toContain('/vendor/cytoscape/cytoscape.min.js')
    expect(ring.text).toContain('reference phone: +16465550123')
    expect((await agent.get('/vendor/cytoscape/cytoscape.min.js')).status).toBe(200)
    const page = await agent.get(`/cases/${ids['L-1']}?tab=links`)
    expect(page.text).toContain('Linked applications')
    expect(page.text).toContain('Maria Lindqvist')
  })

  it('keeps judgements, and a link judged "different people" stops counting', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post(`/cases/${ids['L-1']}/links`).type('form').send({ _csrf: csrf, otherCaseId: ids['L-2'], judgement: 'different_people', note: 'Different IDs seen on video' })
    expect(res.status).toBe(303)
    const after = await t.services.cases.view(ids['L-1']!, systemActor())
    expect(after.findings.find(f => f.rule_id === 'links-shared-artifact')!.status).toBe('clear')
    expect(await t.services.links.rings(t.services.db)).toEqual([])
    expect(await t.services.db('link_judgements').count({ n: '*' }).first()).toMatchObject({ n: expect.anything() })
    expect((await t.services.db('audit_events').where({ type: 'LINK_JUDGED' })).length).toBe(1)
  })

  it('retro-hunts: a confirmed case’s identifiers list every application that shares them', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent.post(`/cases/${ids['L-2']}/watch`).type('form').send({ _csrf: csrf, confirm: 'yes' })
    expect(res.status).toBe(303)
    const list = await agent.get('/watchlist')
    expect(list.text).toContain('Kevin Brandt')
    expect(list.text).not.toContain('Dana Whitfield')
  })

  it('does not link on a value shared by very many applications (an agency office), and says why', async () => {
    const none = async () => ({ problem: 'none' })
    const office = { logistics: { shipping_address: { line1: '1 Staffing Plaza Fl 9', city: 'Austin', postal_code: '78701', country: 'US' } } }
    const made: string[] = []
    for (let i = 0; i < 14; i++) {
      const out = await t.services.ingest.importApplication(`A-${i}.json`, app(`AG-${i}`, `Agency Person ${String.fromCharCode(65 + i)}${String.fromCharCode(75 + i)}x`, office), none, systemActor())
      made.push('caseId' in out ? out.caseId : '')
    }
    const facts = await t.services.links.linkFacts(t.services.db, made[13]!)
    expect(facts).toEqual([])
    const hubs = await t.services.links.hubsOf(t.services.db, made[13]!)
    expect(hubs).toEqual([expect.objectContaining({ kind: 'address', count: 14 })])
    expect((await t.services.links.linkFacts(t.services.db, made[0]!))).toEqual([])
  })
})
