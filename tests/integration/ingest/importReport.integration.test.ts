import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { syntheticApplications, zipOf } from '../../support/population'

// The report after a bulk import: names, bands and a link to each case, flagged ones first, a count by band.
describe('import report', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
  })
  afterAll(() => t.close())

  it('lists each case with its name, band and link, flagged ones first, and counts the cases by band', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const population = syntheticApplications(6, { withResume: false, prefix: 'RPT' })
    const zip = await zipOf([...population.files, { path: 'broken.json', data: Buffer.from('{"format": ') }])
    const started = await agent.post('/imports').field('_csrf', csrf).attach('files', zip, { filename: 'batch.zip', contentType: 'application/zip' })
    const jobUrl = String(started.headers.location)
    const job = await t.services.imports.waitFor(jobUrl.split('/').pop()!)
    expect(job).toMatchObject({ status: 'done', created: 6, rejected: 1 })

    // Set the bands the report should sort by (the synthetic applications raise no flag), and a name
    // that would be markup if it were not escaped.
    const cases = (await t.testDb.db('cases').whereIn('external_id', ['RPT-0', 'RPT-1', 'RPT-2', 'RPT-3', 'RPT-4', 'RPT-5']).select('id', 'external_id', 'reference', 'subject_id')) as Array<{ id: string; external_id: string; reference: string; subject_id: string }>
    const byExt = new Map(cases.map(c => [c.external_id, c]))
    const set = (ext: string, band: string | null, score: number | null) => t.testDb.db('cases').where({ id: byExt.get(ext)!.id }).update({ risk_band: band, risk_score: score })
    await set('RPT-0', 'low', 3)
    await set('RPT-1', 'elevated', 24)
    await set('RPT-2', 'critical', 88)
    await set('RPT-3', 'high', 61)
    await set('RPT-4', 'low', 0)
    await set('RPT-5', 'high', 70)
    await t.testDb.db('subjects').where({ id: byExt.get('RPT-5')!.subject_id }).update({ full_name: 'Mei <b>Lee</b> & Co' })

    const page = (await agent.get(jobUrl).expect(200)).text
    // Counts by band, worst first.
    const bands = [...page.matchAll(/<dd class="govuk-summary-list__value" data-band="([a-z]+)">(\d+)<\/dd>/g)].map(m => [m[1], Number(m[2])])
    expect(bands).toEqual([['critical', 1], ['high', 2], ['elevated', 1], ['low', 2], ['unscored', 0]])
    expect(page).toContain('6 cases from this import; <strong>4 flagged</strong> (elevated risk or above); 1 file rejected.')

    // Rows: critical, high (higher score first), elevated, low, then the rejected file; each case linked by reference.
    const table = page.slice(page.indexOf('data-qa="import-report"'))
    const order = [...table.matchAll(/<a href="\/cases\/([0-9a-f-]{36})">([^<]+)<\/a>/g)].map(m => cases.find(c => c.id === m[1])!.external_id)
    expect(order).toEqual(['RPT-2', 'RPT-5', 'RPT-3', 'RPT-1', 'RPT-0', 'RPT-4'])
    expect(table).toContain(`<a href="/cases/${byExt.get('RPT-2')!.id}">${byExt.get('RPT-2')!.reference}</a>`)
    expect(table).toMatch(/Risk: Critical<\/strong>\s*<span class="app-muted">88<\/span>/)
    expect(table).toContain('<td class="govuk-table__cell">Kim Silva</td>') // RPT-1's synthetic name
    expect(table).toContain('Mei &lt;b&gt;Lee&lt;/b&gt; &amp; Co')
    expect(table).not.toContain('<b>Lee</b>')
    expect(table.indexOf('batch/broken.json')).toBeGreaterThan(table.indexOf(byExt.get('RPT-4')!.reference))

    // Flagged only: the four cases at elevated or above, nothing else.
    const flagged = (await agent.get(`${jobUrl}?show=flagged`).expect(200)).text
    const flaggedTable = flagged.slice(flagged.indexOf('data-qa="import-report"'))
    expect([...flaggedTable.matchAll(/<a href="\/cases\/([0-9a-f-]{36})">/g)].map(m => cases.find(c => c.id === m[1])!.external_id)).toEqual(['RPT-2', 'RPT-5', 'RPT-3', 'RPT-1'])
    expect(flaggedTable).not.toContain('broken.json')
    expect(flagged).toContain('<strong aria-current="true">flagged cases only</strong>')

    const rejected = (await agent.get(`${jobUrl}?show=rejected`).expect(200)).text
    expect(rejected).toContain('batch/broken.json')
    expect(rejected.slice(rejected.indexOf('data-qa="import-report"'))).not.toContain('/cases/')
  }, 60_000)

  it('says so when no case is flagged', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const zip = await zipOf(syntheticApplications(2, { withResume: false, prefix: 'CALM' }).files)
    const started = await agent.post('/imports').field('_csrf', csrf).attach('files', zip, { filename: 'calm.zip', contentType: 'application/zip' })
    const jobUrl = String(started.headers.location)
    await t.services.imports.waitFor(jobUrl.split('/').pop()!)
    await t.testDb.db('cases').whereIn('external_id', ['CALM-0', 'CALM-1']).update({ risk_band: 'low', risk_score: 2 })
    const page = (await agent.get(`${jobUrl}?show=flagged`).expect(200)).text
    expect(page).toContain('No case from this import is flagged.')
    expect(page).not.toContain('data-qa="import-report"')
  }, 60_000)
})
