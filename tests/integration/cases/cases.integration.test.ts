import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

describe('cases', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    await addUser(t.services, 'manager')
    await addUser(t.services, 'security')
  })
  afterAll(() => t.close())

  it('re-renders the intake form with messages beside the fields', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post('/cases').type('form').send({ _csrf: csrf, kind: 'candidate', fullName: '', email: 'not-an-email', country: 'XX', timezone: 'Mars/Base', phone: 'call me', roleTitle: 'Kept value' })
    expect(res.status).toBe(400)
    expect(res.text).toContain('<title>Error: New case')
    expect(res.text).toContain('There is a problem')
    for (const [field, message] of [
      ['fullName', 'Enter the full name'],
      ['email', 'Enter an email address like name@example.com'],
      ['country', 'Country: We do not know the country'],
      ['timezone', 'Time zone: We do not know the time zone'],
      ['phone', 'Enter a phone number in international form'],
    ]) {
      expect(res.text).toContain(`id="${field}-error"`)
      expect(res.text).toContain(message)
      expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-describedby="[^"]*${field}-error`))
    }
    expect(res.text).toContain('value="Kept value"')
  })

  it('creates a case, audits it, and finds it by email, name and external id', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post('/cases').type('form').send({
      _csrf: csrf,
      kind: 'candidate',
      roleTitle: 'Senior Backend Engineer',
      source: 'Greenhouse',
      externalId: 'GH-88213',
      submittedAt: '2026-09-14',
      fullName: 'Dana Whitfield',
      email: 'Dana.Whitfield@example.org',
      phone: '+1 312 483 2212',
      phoneLineType: 'mobile',
      addressLine1: '12 Oak St',
      city: 'Chicago',
      region: 'IL',
      postalCode: '60601',
      country: 'us',
      timezone: 'America/Chicago',
    })
    expect(res.status).toBe(303)
    const id = String(res.headers.location).split('/').pop()!
    const page = await agent.get(`/cases/${id}`)
    expect(page.text).toContain('Dana Whitfield')
    expect(page.text).toContain('Risk: Low')
    expect(page.text).toContain('Checks')

    for (const q of ['dana.whitfield@example.org', 'DANA.WHITFIELD', 'whitfield', 'GH-88213']) {
      const list = await agent.get(`/cases?q=${encodeURIComponent(q)}`)
      expect(list.text).toContain(`/cases/${id}`)
    }
    const audit = await t.testDb.db('audit_events').where({ case_id: id }).orderBy('id').select('type', 'actor_role')
    // Opening the case makes its checklist (audited) before the view is recorded.
    expect(audit.map(a => a.type)).toEqual(['CASE_CREATED', 'RULES_RUN', 'CHECKLIST_ITEMS_ADDED', 'CASE_VIEWED'])
    expect(audit[0].actor_role).toBe('recruiter')
    // The person's details are under Evidence (one section at a time on the case page).
    expect((await agent.get(`/cases/${id}?tab=evidence`)).text).toContain('United States (US)')

    // the same source + external id cannot open a second case
    const dup = await agent.post('/cases').type('form').send({ _csrf: csrf, kind: 'candidate', fullName: 'Someone Else', source: 'greenhouse', externalId: 'GH-88213' })
    expect(dup.status).toBe(400)
    expect(dup.text).toContain('already exists')

    // a manager sees it too
    const manager = await signIn(t.app, 'manager@example.test')
    const found = await manager.agent.get('/cases?q=dana.whitfield%40example.org')
    expect(found.text).toContain('Dana Whitfield')
  })

  it('filters, sorts and pages on the server', async () => {
    for (let i = 0; i < 30; i++) {
      await t.services.cases.create({ kind: i % 2 ? 'contractor' : 'candidate', fullName: `Pager Person ${String(i).padStart(2, '0')}`, email: `pager${i}@example.test` }, systemActor())
    }
    const { agent } = await signIn(t.app, 'security@example.test')
    const first = await agent.get('/cases?q=pager&sort=name')
    expect(first.text).toContain('Showing 1–25 of 30 cases')
    expect(first.text.indexOf('Pager Person 00')).toBeLessThan(first.text.indexOf('Pager Person 01'))
    expect(first.text).toContain('href="/cases?q=pager&amp;sort=name&amp;page=2"')
    const second = await agent.get('/cases?q=pager&sort=name&page=2')
    expect(second.text).toContain('Showing 26–30 of 30 cases')
    expect(second.text).toContain('Pager Person 29')
    const contractors = await agent.get('/cases?q=pager&kind=contractor')
    expect(contractors.text).toContain('of 15 cases')
    const none = await agent.get('/cases?q=pager&status=signed_off')
    expect(none.text).toContain('No cases match')
    // junk in the query string falls back to defaults rather than failing
    expect((await agent.get('/cases?page=-4&sort=evil&status=nope')).status).toBe(200)
    // LIKE wildcards are literal
    expect((await agent.get('/cases?q=%25')).text).toContain('No cases match')
  })

  it('moves through the life cycle with four-eyes and keeps earlier revisions', async () => {
    const recruiter = await t.services.users.findByEmail('recruiter@example.test')
    const manager = await t.services.users.findByEmail('manager@example.test')
    const asRecruiter = { userId: recruiter!.id, role: recruiter!.role, requestId: 'r1' }
    const asManager = { userId: manager!.id, role: manager!.role, requestId: 'r2' }
    const c = await t.services.cases.create({ kind: 'contractor', fullName: 'Life Cycle' }, asRecruiter)
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    // Its checklist is not made (the page was never opened): it goes with a reason, kept in the trail.
    const submitted = await agent.post(`/cases/${c.id}/status`).type('form').send({ _csrf: csrf, action: 'submit_for_review', statement: 'Sent early for a second opinion on the basics' })
    expect(submitted.status).toBe(303)
    expect((await t.services.cases.view(c.id, asManager)).case.status).toBe('in_review')
    // submitting twice is a conflict, not a silent no-op
    expect((await agent.post(`/cases/${c.id}/status`).type('form').send({ _csrf: csrf, action: 'submit_for_review' })).status).toBe(409)
    // the preparer cannot decide; a manager can
    await expect(t.services.cases.transition(c.id, 'sign_off', { ...asRecruiter })).rejects.toThrow(/prepared/)
    await t.services.cases.transition(c.id, 'sign_off', asManager, 'Verified on a live call')
    const reopened = await t.services.cases.reopen(c.id, asManager, 'New evidence arrived')
    expect(reopened.revision).toBe(2)
    expect(reopened.status).toBe('open')
    const detail = await t.services.cases.view(c.id, asManager)
    expect(detail.case.status).toBe('signed_off')
    expect(detail.case.is_current).toBeFalsy()
    expect(detail.revisions.map(r => r.revision)).toEqual([2, 1])
    // the list shows the current revision only
    const list = await agent.get('/cases?q=life+cycle')
    expect(list.text).toContain('of 1 case')
    expect(list.text).toContain(`/cases/${reopened.id}`)
    const events = await t.testDb.db('audit_events').whereIn('case_id', [c.id, reopened.id]).orderBy('id').pluck('type')
    expect(events).toEqual(expect.arrayContaining(['CASE_CREATED', 'CASE_STATUS_CHANGED', 'CASE_REOPENED']))
  })

  it('shows a dashboard with counts, and recent cases only to those who may read cases', async () => {
    await addUser(t.services, 'admin')
    const admin = await signIn(t.app, 'admin@example.test')
    const page = await admin.agent.get('/dashboard')
    expect(page.text).toContain('Cases by status')
    expect(page.text).not.toContain('Recently updated cases')
    const recruiter = await signIn(t.app, 'recruiter@example.test')
    expect((await recruiter.agent.get('/dashboard')).text).toContain('Recently updated cases')
  })

  it('renders a 500 page without internals when something breaks', async () => {
    const prod = await createTestApp({ production: true })
    await addUser(prod.services, 'recruiter')
    try {
      const { agent } = await signIn(prod.app, 'recruiter@example.test')
      prod.services.cases.search = async () => {
        throw new Error('SQLITE_CORRUPT: secret internals at /srv/db')
      }
      const res = await agent.get('/cases')
      expect(res.status).toBe(500)
      expect(res.text).toContain('Sorry, there is a problem with the service')
      expect(res.text).not.toMatch(/SQLITE_CORRUPT|secret internals|at .*\.ts/)
      expect(res.text).toMatch(/give this reference: <code>[0-9a-f-]{36}<\/code>/)
    } finally {
      await prod.close()
    }
  })
})
