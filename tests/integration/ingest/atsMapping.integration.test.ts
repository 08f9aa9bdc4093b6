import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

describe('ATS column mappings', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
  })
  afterAll(() => t.close())

  const csv = Buffer.from('Kandidat,Posteingang,Telefon,Stelle\nJonas Weber,jonas@example.de,+49 30 1234567,Backend\nMia Schulz,mia@example.de,,Frontend\n')

  it('rejects an export it cannot place, then imports it once a person maps the columns', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const first = await agent.post('/imports').field('_csrf', csrf).attach('files', csv, { filename: 'personio.csv' })
    const job1 = await t.services.imports.waitFor(String(first.headers.location).split('/').pop()!)
    expect(job1).toMatchObject({ rejected: 1, created: 0 })
    expect(job1.report).toContain('map the columns on the import page')

    const preview = await agent.post('/imports/mappings/preview').field('_csrf', csrf).attach('sample', csv, { filename: 'personio.csv' })
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('value="personio"')
    expect(preview.text).toMatch(/<label for="field_0">Kandidat<\/label>/)

    const bad = await agent.post('/imports/mappings').type('form').send({ _csrf: csrf, source: 'personio', column_0: 'Kandidat', field_0: 'phone', column_1: 'Posteingang', field_1: 'phone' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('is chosen for two columns')

    const saved = await agent.post('/imports/mappings').type('form').send({ _csrf: csrf, source: 'personio', column_0: 'Kandidat', field_0: 'full_name', column_1: 'Posteingang', field_1: 'email', column_2: 'Telefon', field_2: 'phone', column_3: 'Stelle', field_3: 'job' })
    expect(saved.status).toBe(303)
    expect((await agent.get('/imports/mappings')).text).toContain('Kandidat → Full name')

    const second = await agent.post('/imports').field('_csrf', csrf).attach('files', csv, { filename: 'personio.csv' })
    const job2 = await t.services.imports.waitFor(String(second.headers.location).split('/').pop()!)
    expect(job2).toMatchObject({ created: 2, rejected: 0 })
    const list = await agent.get('/cases?q=jonas%40example.de')
    expect(list.text).toContain('Jonas Weber')
  })

  it('reads a payroll export: pay to another name raises the payee check', async () => {
    const payroll = Buffer.from('Name,Email,Account Holder Name,IBAN,Staffing Agency\nPriya Raman,priya@example.test,Dmitri Volkov,GB33BUKB20201555555555,Northwind Staffing\n')
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.post('/imports').field('_csrf', csrf).attach('files', payroll, { filename: 'payroll.csv' })
    const job = await t.services.imports.waitFor(String(res.headers.location).split('/').pop()!)
    expect(job).toMatchObject({ created: 1, rejected: 0 })
    const c = (await t.testDb.db('cases').join('subjects', 'subjects.id', 'cases.subject_id').where('subjects.email', 'priya@example.test').first('cases.id as id')) as { id: string }
    const flags = (await t.testDb.db('findings').where({ case_id: c.id, status: 'flag' }).whereNull('superseded_at').pluck('rule_id')) as string[]
    expect(flags).toContain('payment-payee-name-mismatch')
  })
})
