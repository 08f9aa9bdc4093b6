import { chainEvent } from '../../../src/audit/auditEvents'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

// A candidate's personal values, each distinctive enough to be searched for in a page.
const PERSONAL = {
  name: 'Lockwood Quintavalle',
  email: 'lockwood.secret@example.test',
  phone: '+44 20 7946 0123',
  address: '99 Hidden Road',
  city: 'Marlowfield',
  payee: 'Ostrander Vale',
  interviewNote: 'mentioned Zebulon Crescent',
  checklistNote: 'Farrowdale passport seen',
  statement: 'Ivelbury statement text',
  legacy: 'Tremaine Oldfield',
}

describe('least privilege in the audit trail', () => {
  let t: TestApp
  let caseId: string
  let factsEventId: number

  beforeAll(async () => {
    t = await createTestApp()
    const security = await addUser(t.services, 'security')
    await addUser(t.services, 'admin')
    const ctx = { userId: security.id, role: 'security' as const, requestId: 'seed' }
    caseId = (await t.services.cases.create({ kind: 'candidate', fullName: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone, addressLine1: PERSONAL.address, city: PERSONAL.city }, ctx)).id
    await t.testDb.db.transaction(trx => t.services.checklists.ensure(trx, caseId, ctx)) // makes the checklist
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    expect((await agent.post(`/cases/${caseId}/record/payment`).field('_csrf', csrf).field('method', 'bank').field('account_holder', PERSONAL.payee).field('bank_country', 'US')).status).toBe(303)
    expect((await agent.post(`/cases/${caseId}/record/interview`).field('_csrf', csrf).field('video', 'completed').field('observations', PERSONAL.interviewNote)).status).toBe(303)
    const item = await t.testDb.db('checklist_items').where({ case_id: caseId }).orderBy('id').first('id')
    await t.services.checklists.act(caseId, item.id, { action: 'done', note: PERSONAL.checklistNote }, ctx)
    await t.services.cases.transition(caseId, 'submit_for_review', ctx, PERSONAL.statement)
    expect((await agent.get(`/cases/export.csv?q=${encodeURIComponent('Lockwood')}`)).status).toBe(200)
    // An event written before this change, with the values in its data (as the old code wrote them).
    const head = await t.testDb.db('audit_events').orderBy('id', 'desc').first('hash')
    await t.testDb.db('audit_events').insert(chainEvent({ type: 'CASE_FACTS_RECORDED', actor: { userId: security.id, role: 'security' }, caseId, data: { section: 'person', after: [{ field: 'person', value: { full_name: PERSONAL.legacy } }] } }, head.hash, new Date()))
    factsEventId = (await t.testDb.db('audit_events').where({ case_id: caseId, type: 'CASE_FACTS_RECORDED', chain_version: 1 }).orderBy('id').first('id')).id
  }, 60_000)
  afterAll(() => t.close())

  const allPages = async (agent: Awaited<ReturnType<typeof signIn>>['agent']) => {
    const pages = [await agent.get('/audit')]
    for (const type of ['CASE_CREATED', 'CASE_FACTS_RECORDED', 'CHECKLIST_ITEM_UPDATED', 'CASE_STATUS_CHANGED', 'DATA_EXPORTED']) pages.push(await agent.get(`/audit?type=${type}`))
    pages.push(await agent.get(`/audit?case=${caseId}`))
    return pages
  }

  it("an administrator's /audit shows what changed, and none of the candidate's data", async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    for (const page of await allPages(agent)) {
      expect(page.status).toBe(200)
      for (const value of Object.values(PERSONAL)) expect(page.text).not.toContain(value)
      expect(page.text).not.toContain('Lockwood')
      // Part of the phone number, looked for outside tokens and hashes: a random CSRF token once held "7946".
      expect(page.text.replace(/[0-9a-f]{16,}/g, '')).not.toContain('7946')
      expect(page.text).not.toContain('href="/audit/events/')
    }
    const facts = await agent.get('/audit?type=CASE_FACTS_RECORDED')
    expect(facts.text).toContain('payment:</span> (withheld)') // the field names stay, the values are withheld
    expect(facts.text).not.toMatch(/hmac:[0-9a-f]{16}/) // the keyed hashes are proof material, not shown
    expect(facts.text).not.toContain('&#34;') // no raw JSON
    expect(facts.text).toContain('person:</span> (withheld)') // the legacy event's values are withheld on display too
    expect((await agent.get(`/audit/events/${factsEventId}`)).status).toBe(403)
  })

  it('the stored trail itself holds none of them either (only the details table does)', async () => {
    const rows = await t.testDb.db('audit_events').where('chain_version', 1).select('data', 'target')
    const text = JSON.stringify(rows)
    for (const value of Object.values(PERSONAL)) expect(text).not.toContain(value)
    const details = JSON.stringify(await t.testDb.db('audit_event_details').select('data'))
    for (const value of [PERSONAL.payee, PERSONAL.interviewNote, PERSONAL.checklistNote, PERSONAL.statement]) expect(details).toContain(value)
  })

  it('security, who may read cases, follows a link to the values, and that view is audited', async () => {
    const { agent } = await signIn(t.app, 'security@example.test')
    const trail = await agent.get('/audit?type=CASE_FACTS_RECORDED')
    expect(trail.text).toContain(`href="/audit/events/${factsEventId}"`)
    expect(trail.text).not.toContain(PERSONAL.payee)
    const values = await agent.get(`/audit/events/${factsEventId}`)
    expect(values.status).toBe(200)
    expect(values.text).toContain(PERSONAL.payee)
    expect(values.text).not.toContain('do not match')
    const viewed = await t.testDb.db('audit_events').where({ type: 'CASE_VIEWED', case_id: caseId }).orderBy('id', 'desc').first('data')
    expect(JSON.parse(viewed.data)).toEqual({ page: 'audit event', event: factsEventId })
  })

  it('refuses bad filters with 400 and says which, instead of failing with 500', async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    const bad = await agent.get('/audit?to=2026-13-45')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('To must be a real date')
    for (const query of ['from=2026-02-30', 'from=yesterday', 'person=abc', 'type=NOT_AN_EVENT', 'before=-1', 'from=2026-11-25&to=2026-11-24']) {
      expect((await agent.get(`/audit?${query}`)).status).toBe(400)
    }
    // the filter form sends empty fields: those mean "no filter"
    expect((await agent.get('/audit?person=&case=&type=&from=&to=')).status).toBe(200)
    expect((await agent.get('/audit?from=2026-01-01&to=2026-12-31')).status).toBe(200)
  })

  it('administrators still see staff events whole (they manage accounts)', async () => {
    await t.services.apiTokens.issue((await t.services.users.findByEmail('security@example.test'))!.id, 'nightly sync', systemActor())
    const { agent } = await signIn(t.app, 'admin@example.test')
    expect((await agent.get('/audit?type=API_TOKEN_ISSUED')).text).toContain('nightly sync')
  })
})
