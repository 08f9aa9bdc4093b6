import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

// Every error page says what happened and offers the way back to where the person was, and My work.
describe('error pages lead back', () => {
  let t: TestApp
  let caseId: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    await addUser(t.services, 'admin')
    caseId = (await t.services.cases.create({ kind: 'candidate', fullName: 'Morgan Hale' }, systemActor())).id
  })
  afterAll(() => t.close())

  const myWork = '<a class="govuk-link" href="/">Go to My work</a>'

  it('a file over the upload limit: says it is too large, the limit, and leads back to the case it was sent from', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'resume').attach('file', Buffer.alloc(21 * 1024 * 1024, 'a'), { filename: 'scan.pdf' })
    expect(res.status).toBe(413)
    expect(res.text).toContain('<h1 class="govuk-heading-l">The file is too large</h1>')
    expect(res.text).toContain('The file is larger than 20 MiB, the most accepted here.')
    expect(res.text).toContain('choose a smaller file')
    expect(res.text).toContain(`<a class="govuk-link" href="/cases/${caseId}">Back to the case</a>`)
    expect(res.text).toContain(myWork)
    expect(res.text).not.toContain('Sorry, that did not work')
    expect(res.text).not.toContain('Go to the dashboard')
  })

  it('a resume too large for a new case leads back to the new case form', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post('/cases/new/resume').field('_csrf', csrf).attach('resume', Buffer.alloc(21 * 1024 * 1024, 'a'), { filename: 'cv.pdf' })
    expect(res.status).toBe(413)
    expect(res.text).toContain('The file is too large')
    expect(res.text).toContain('<a class="govuk-link" href="/cases/new">Back to the new case form</a>')
  })

  it('a conflict (sending a case for review twice) says it cannot be done now and leads back to the case', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const send = () => agent.post(`/cases/${caseId}/status`).type('form').send({ _csrf: csrf, action: 'submit_for_review', statement: 'Sending it on to the manager now' })
    await send()
    const res = await send()
    expect(res.status).toBe(409)
    expect(res.text).toContain('That cannot be done now')
    expect(res.text).toContain('Go back to see it as it is now')
    expect(res.text).toContain(`<a class="govuk-link" href="/cases/${caseId}">Back to the case</a>`)
    expect(res.text).toContain(myWork)
  })

  it('not found and forbidden pages lead back too', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const missing = await agent.get('/cases/00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('Page not found')
    expect(missing.text).toContain('No such case.')
    expect(missing.text).toContain('<a class="govuk-link" href="/cases">Back to the cases</a>')
    expect(missing.text).toContain(myWork)
    const forbidden = await agent.get('/audit')
    expect(forbidden.status).toBe(403)
    expect(forbidden.text).toContain('You cannot do that')
    expect(forbidden.text).toContain(myWork)
  })
})
