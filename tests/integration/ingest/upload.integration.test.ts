import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { makePdf } from '../../support/documents'

describe('uploading to a case', () => {
  let t: TestApp
  let caseId: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    caseId = (await t.services.cases.create({ kind: 'candidate', fullName: 'Dana Whitfield' }, systemActor())).id
  })
  afterAll(() => t.close())

  it('reads a PDF resume and shows each detail with where it was read', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const pdf = await makePdf([['Dana Whitfield', 'dana@example.org | +1 312 483 2212'], ['Experience', 'Staff Engineer, Bluepeak (2019-03 to present)']], { Author: 'Dana W' })
    const res = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'resume').attach('file', pdf, { filename: 'Dana CV.pdf', contentType: 'application/octet-stream' })
    expect(res.status).toBe(303)
    // Back to the Evidence section, with the message under the case summary.
    expect(res.headers.location).toBe(`/cases/${caseId}?tab=evidence`)
    const page = await agent.get(String(res.headers.location))
    expect(page.text).toContain('Dana CV.pdf uploaded. 4 details were read from it.')
    expect(page.text).toMatch(/Email \(resume\)<\/th><td[^>]*>dana@example\.org<\/td><td[^>]*>Dana CV\.pdf, page 1, line 2<\/td>/)
    expect(page.text).toMatch(/Employer \(resume\)<\/th><td[^>]*>Staff Engineer, Bluepeak \(2019-03 – present\)<\/td><td[^>]*>Dana CV\.pdf, page 2, line 2<\/td>/)
    expect(page.text).toContain('2 pages · author Dana W')
    const docLink = /href="(\/cases\/[^"]+\/documents\/[^"]+)"/.exec(page.text)![1]!
    const download = await agent.get(docLink)
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Dana_CV.pdf"/)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0)
    const events = await t.testDb.db('audit_events').where({ case_id: caseId }).pluck('type')
    expect(events).toEqual(expect.arrayContaining(['DOCUMENT_UPLOADED', 'DOCUMENT_DOWNLOADED']))
  }, 30_000)

  it('refuses a renamed program and a duplicate with a plain message, and records the refusal', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 7)])
    await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'resume').attach('file', exe, { filename: 'resume.pdf', contentType: 'application/pdf' })
    const page = await agent.get(`/cases/${caseId}`)
    expect(page.text).toContain('Not uploaded: resume.pdf: the file is named .pdf, but its contents are a program, not a PDF')
    expect(await t.testDb.db('audit_events').where({ case_id: caseId, type: 'DOCUMENT_REJECTED' }).first()).toBeDefined()
    expect((await t.testDb.db('documents').where({ case_id: caseId })).every(d => d.original_name !== 'resume.pdf')).toBe(true)
  })

  it('refuses an upload without its CSRF token and one that is too large', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const noToken = await agent.post(`/cases/${caseId}/documents`).field('kind', 'resume').attach('file', Buffer.from('Jane Roe'), { filename: 'a.txt' })
    expect(noToken.status).toBe(403)
    const big = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).attach('file', Buffer.alloc(21 * 1024 * 1024, 'a'), { filename: 'big.txt' })
    expect(big.status).toBe(413)
    expect(big.text).toContain('larger than 20 MiB')
  })
})
