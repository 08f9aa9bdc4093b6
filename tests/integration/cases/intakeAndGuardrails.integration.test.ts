import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { makeDocx, makePdf } from '../../support/documents'

/** Issue 15: intake that meets people halfway, and the send-for-review guardrail. */
describe('intake and guardrails', () => {
  let t: TestApp
  let recruiter: Awaited<ReturnType<typeof signIn>>
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    await addUser(t.services, 'manager')
    recruiter = await signIn(t.app, 'recruiter@example.test')
  })
  afterAll(() => t.close())

  const post = (path: string, body: Record<string, string>) => recruiter.agent.post(path).type('form').send({ _csrf: recruiter.csrf, ...body })
  const caseIdOf = (location: unknown) => String(location).split('/').pop()!.split(/[?#]/)[0]!

  describe('the new-case form', () => {
    it('accepts "USA" and "PST" and stores the ISO code and the IANA zone', async () => {
      const res = await post('/cases', { kind: 'candidate', fullName: 'Jordan Ames', country: 'USA', timezone: 'PST', citizenship: 'United States' })
      expect(res.status).toBe(303)
      const row = await t.services.db('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.id', caseIdOf(res.headers.location)).first('s.country', 's.timezone', 's.citizenship')
      expect(row).toEqual({ country: 'US', timezone: 'America/Los_Angeles', citizenship: 'US' })
    })

    it('accepts names, aliases and offsets: "Korea, Rep.", "Türkiye", "UTC+9"', async () => {
      const res = await post('/cases', { kind: 'candidate', fullName: 'Lee Min-ho', country: 'Korea, Rep.', timezone: 'UTC+9' })
      expect(res.status).toBe(303)
      const other = await post('/cases', { kind: 'candidate', fullName: 'Deniz Kaya', country: 'Türkiye', timezone: 'Europe/Istanbul' })
      expect(other.status).toBe(303)
      const rows = (await t.services.db('subjects').whereIn('full_name', ['Lee Min-ho', 'Deniz Kaya']).orderBy('full_name').select('country', 'timezone')) as Array<{ country: string; timezone: string }>
      expect(rows).toEqual([{ country: 'TR', timezone: 'Europe/Istanbul' }, { country: 'KR', timezone: 'Etc/GMT-9' }])
    })

    it('suggests the closest match for "Untied States" and asks which zone "IST" means, keeping what was typed', async () => {
      const res = await post('/cases', { kind: 'candidate', fullName: 'Typo Person', country: 'Untied States', timezone: 'IST' })
      expect(res.status).toBe(400)
      expect(res.text).toContain('Did you mean United States (US)?')
      expect(res.text).toMatch(/could mean more than one time zone: choose .*Europe\/Dublin/)
      expect(res.text).toContain('value="Untied States"')
      expect(res.text).toMatch(/id="country"[^>]*list="country-options"/)
      expect(res.text).toContain('<datalist id="country-options">')
      expect(res.text).toContain('<option value="United States">US</option>')
      expect(res.text).toContain('<option value="America/Los_Angeles">')
    })
  })

  describe('a new case from a resume', () => {
    const pdf = () => makePdf([['Maren Okafor', 'maren.okafor@example.org | +1 415 555 0134', 'https://github.com/maren-okafor', 'https://www.linkedin.com/in/maren-okafor', '', 'Experience', 'Senior Engineer, Northwind Labs', 'Mar 2019 – Present']])

    it('fills the form from a PDF for the person to confirm, then attaches that resume to the case', async () => {
      const read = await recruiter.agent.post('/cases/new/resume').field('_csrf', recruiter.csrf).attach('resume', await pdf(), { filename: 'maren-okafor.pdf', contentType: 'application/pdf' })
      expect(read.status).toBe(200)
      expect(read.text).toContain('Filled in from maren-okafor.pdf')
      expect(read.text).toMatch(/id="fullName"[^>]*value="Maren Okafor"/)
      expect(read.text).toMatch(/id="email"[^>]*value="maren.okafor@example.org"/)
      expect(read.text).toMatch(/id="phone"[^>]*value="\+14155550134"/)
      expect(read.text).toContain('https://github.com/maren-okafor')
      // Nothing exists until the person confirms.
      expect(await t.services.db('subjects').where({ full_name: 'Maren Okafor' }).first()).toBeUndefined()

      // They correct what they must (the resume gives no address) and open the case.
      const res = await post('/cases', { kind: 'candidate', fullName: 'Maren Okafor', email: 'maren.okafor@example.org', phone: '+14155550134', country: 'United States', timezone: 'Pacific', attachResume: 'yes' })
      expect(res.status).toBe(303)
      const caseId = caseIdOf(res.headers.location)
      const docs = (await t.services.db('documents').where({ case_id: caseId }).select('original_name', 'kind')) as Array<{ original_name: string; kind: string }>
      expect(docs).toEqual([{ original_name: 'maren-okafor.pdf', kind: 'resume' }])
      const fields = ((await t.services.db('facts').where({ case_id: caseId }).whereNotNull('document_id').select('field')) as Array<{ field: string }>).map(f => f.field)
      expect(fields).toEqual(expect.arrayContaining(['resume.name', 'resume.email']))
      const page = await recruiter.agent.get(String(res.headers.location))
      expect(page.text).toContain('with maren-okafor.pdf attached')
      // Used once: the next case does not pick the same resume up.
      const again = await post('/cases', { kind: 'candidate', fullName: 'Somebody Else', attachResume: 'yes' })
      expect(await t.services.db('documents').where({ case_id: caseIdOf(again.headers.location) }).first('id')).toBeUndefined()
    })

    it('reads a Word resume too', async () => {
      const docx = await makeDocx(['Tomasz Wrobel', 'tomasz.wrobel@example.net', '+48 22 555 01 23'])
      const read = await recruiter.agent.post('/cases/new/resume').field('_csrf', recruiter.csrf).attach('resume', docx, { filename: 'cv.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
      expect(read.status).toBe(200)
      expect(read.text).toMatch(/id="fullName"[^>]*value="Tomasz Wrobel"/)
      expect(read.text).toMatch(/id="email"[^>]*value="tomasz.wrobel@example.net"/)
    })

    it('says why a file cannot be read, beside the upload', async () => {
      const read = await recruiter.agent.post('/cases/new/resume').field('_csrf', recruiter.csrf).attach('resume', Buffer.from('MZ\x90\x00 not a resume'), { filename: 'cv.exe' })
      expect(read.status).toBe(400)
      expect(read.text).toContain('id="resume-error"')
      expect(read.text).toContain('cv.exe could not be read')
    })
  })

  describe('send for review', () => {
    const statusOf = async (id: string) => ((await t.services.db('cases').where({ id }).first('status')) as { status: string }).status
    const openCase = async (name: string) => {
      const created = await t.services.cases.create({ kind: 'candidate', fullName: name }, systemActor())
      await recruiter.agent.get(`/cases/${created.id}`).expect(200) // the checklist is made on first view
      return created.id
    }

    it('lists what is still open beside the button before it is pressed', async () => {
      const id = await openCase('Open Items')
      const page = await recruiter.agent.get(`/cases/${id}`)
      const section = page.text.slice(page.text.indexOf('data-qa="send-for-review"'))
      expect(section).toMatch(/\d+ things are still open/)
      expect(section).toContain('Checklist: Hold the interview on live video')
      expect(section).toContain(`href="/cases/${id}?tab=checklist#item-`)
      expect(section).toContain('Reason for sending it with open items')
    })

    it('refuses while required items are open, saying what is open', async () => {
      const id = await openCase('Refused Person')
      const res = await post(`/cases/${id}/status`, { action: 'submit_for_review' })
      expect(res.status).toBe(303)
      expect(res.headers.location).toBe(`/cases/${id}?review=refused`)
      expect(await statusOf(id)).toBe('open')
      const page = await recruiter.agent.get(String(res.headers.location))
      expect(page.text).toMatch(/Not sent for review: \d+ things are still open/)
      // A reason too short to say anything is no reason.
      await post(`/cases/${id}/status`, { action: 'submit_for_review', statement: 'because' })
      expect(await statusOf(id)).toBe('open')
    })

    it('allows it with a reason, and the trail keeps the reason and what was open', async () => {
      const id = await openCase('Reason Person')
      const res = await post(`/cases/${id}/status`, { action: 'submit_for_review', statement: 'Manager asked to see it before the interview' })
      expect(res.status).toBe(303)
      expect(await statusOf(id)).toBe('in_review')
      const event = await t.services.db('audit_events').where({ case_id: id, type: 'CASE_STATUS_CHANGED' }).orderBy('id', 'desc').first('hash')
      const detail = await t.services.db('audit_event_details').where({ event_hash: event.hash }).first('data')
      const data = JSON.parse(detail.data) as { action: string; sentWithOpen: { count: number; reason: string; open: string[] } }
      expect(data.action).toBe('submit_for_review')
      expect(data.sentWithOpen.reason).toBe('Manager asked to see it before the interview')
      expect(data.sentWithOpen.count).toBeGreaterThan(5)
      expect(data.sentWithOpen.open).toEqual(expect.arrayContaining([expect.stringContaining('Checklist: Hold the interview on live video')]))
    })

    it('allows it without a reason once every required item is closed (no serious finding here)', async () => {
      const id = await openCase('Complete Person')
      const me = (await t.services.db('users').where({ email: 'recruiter@example.test' }).first('id', 'role')) as { id: number; role: 'recruiter' }
      const ctx = { userId: me.id, role: me.role, requestId: 'complete' }
      for (const i of (await t.services.db('checklist_items').where({ case_id: id, required: true }).select('id')) as Array<{ id: number }>) {
        await t.services.checklists.act(id, i.id, { action: 'done', note: 'Checked on a live call with the ID' }, ctx)
      }
      const page = await recruiter.agent.get(`/cases/${id}`)
      expect(page.text).toContain('Every required checklist item is closed')
      const res = await post(`/cases/${id}/status`, { action: 'submit_for_review' })
      expect(res.headers.location).toBe(`/cases/${id}`)
      expect(await statusOf(id)).toBe('in_review')
      const event = await t.services.db('audit_events').where({ case_id: id, type: 'CASE_STATUS_CHANGED' }).orderBy('id', 'desc').first('data')
      expect(JSON.parse(event.data)).not.toHaveProperty('sentWithOpen')
    })
  })

  describe('error pages', () => {
    it('offer the way back to the case the error came from', async () => {
      const id = await t.services.cases.create({ kind: 'candidate', fullName: 'Error Person' }, systemActor())
      await post(`/cases/${id.id}/status`, { action: 'submit_for_review', statement: 'Sending it on to the manager now' })
      // Sending it again is a 409 on a case route: the page leads back to that case.
      const res = await post(`/cases/${id.id}/status`, { action: 'submit_for_review', statement: 'Sending it on to the manager now' })
      expect(res.status).toBe(409)
      expect(res.text).toContain(`href="/cases/${id.id}">Back to the case</a>`)
      expect(res.text).toContain('Go to My work')
    })

    it('never take the way back from the Referer header', async () => {
      const res = await recruiter.agent.get('/cases/00000000-0000-4000-8000-000000000000').set('Referer', 'https://evil.example/')
      expect(res.status).toBe(404)
      expect(res.text).not.toContain('evil.example')
      expect(res.text).toContain('href="/cases">Back to the cases</a>')
    })
  })
})
