import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { syntheticApplications, zipOf } from '../../support/population'

describe('bulk import page', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
  })
  afterAll(() => t.close())

  it('imports a ZIP in the background, shows progress, then a per-file report', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const population = syntheticApplications(60, { withLogs: true, logRows: 30 })
    const zip = await zipOf([...population.files, { path: 'broken.json', data: Buffer.from('{"format": "vetting/application@1",') }])
    const started = await agent.post('/imports').field('_csrf', csrf).attach('files', zip, { filename: 'contractors.zip', contentType: 'application/zip' })
    expect(started.status).toBe(303)
    const jobUrl = String(started.headers.location)
    expect(jobUrl).toMatch(/^\/imports\/[0-9a-f-]{36}$/)

    const progress = await agent.get(jobUrl)
    expect(progress.status).toBe(200)
    expect(progress.text).toContain('Import progress')

    let status = (await agent.get(`${jobUrl}/status`)).body
    for (let i = 0; i < 120 && status.status !== 'done' && status.status !== 'failed'; i++) {
      await new Promise(r => setTimeout(r, 250))
      status = (await agent.get(`${jobUrl}/status`)).body
    }
    expect(status).toMatchObject({ status: 'done', total: 61, processed: 61, created: 60, rejected: 1, percent: 100 })
    const report = await agent.get(jobUrl)
    expect(report.text).toContain('contractors/broken.json')
    expect(report.text).toContain('this is not valid JSON')
    expect((await agent.get(`${jobUrl}?show=rejected`)).text).not.toContain('SYN-1.json')
    expect(Number((await t.testDb.db('access_events').count({ n: '*' }).first())?.n)).toBe(60 * 30)

    // The same ZIP again changes nothing.
    const again = await agent.post('/imports').field('_csrf', csrf).attach('files', zip, { filename: 'contractors.zip' })
    const job = await t.services.imports.waitFor(String(again.headers.location).split('/').pop()!)
    expect(job).toMatchObject({ status: 'done', created: 0, unchanged: 60, rejected: 1 })
  }, 60_000)
})
