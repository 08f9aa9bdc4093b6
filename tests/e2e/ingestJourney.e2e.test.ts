import type { Page } from 'playwright-core'
import { systemActor } from '../../src/services/context'
import { PASSWORD } from '../support/appSetup'
import { makePdf } from '../support/documents'
import { syntheticApplications, zipOf } from '../support/population'
import { CasePage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { ImportPage, ImportProgressPage } from './pages/importPages'
import { describeInBrowser } from './support/browser'
import { openJourney, type Journey } from './support/journey'
import type { RunningApp } from './support/server'

describeInBrowser('bringing applications in, in a real browser', () => {
  let journey: Journey
  let app: RunningApp
  let page: Page

  beforeAll(async () => {
    journey = await openJourney(['admin', 'recruiter', 'security'])
    ;({ app, page } = journey)
  }, 60_000)

  afterAll(() => journey?.stop())

  const signInAs = (email: string) => LoginPage.signInAs(page, email, PASSWORD)

  it('a recruiter uploads a PDF resume and sees each detail with where it was read', async () => {
    const c = await app.services.cases.create({ kind: 'candidate', fullName: 'Dana Whitfield' }, systemActor())
    await signInAs('recruiter@example.test')
    await page.goto(`/cases/${c.id}`)
    const casePage = await CasePage.verifyOnPage(page, 'Dana Whitfield')
    const pdf = await makePdf([['Dana Whitfield', 'dana.whitfield@example.org | +1 312 483 2212 | https://github.com/dwhitfield'], ['Experience', 'Staff Engineer, Bluepeak Software (2019-03 to present)']])
    await casePage.uploadDocument('resume', { name: 'Dana Whitfield CV.pdf', mimeType: 'application/pdf', buffer: pdf })
    await CasePage.verifyOnPage(page, 'Dana Whitfield')
    expect(await page.getByRole('status').first().textContent()).toContain('Dana Whitfield CV.pdf uploaded')
    expect(await casePage.factRow('Email (resume)').textContent()).toContain('Dana Whitfield CV.pdf, page 1, line 2')
    expect(await casePage.factRow('Phone (resume)').textContent()).toContain('+13124832212')
    expect(await casePage.factRow('Employer (resume)').textContent()).toContain('page 2, line 2')
    await casePage.signOut()
  }, 60_000)

  it('a security analyst imports a ZIP of 1,000 contractors with sign-in logs and watches progress', async () => {
    const population = syntheticApplications(1000, { withLogs: true, logRows: 20, prefix: 'CTR' })
    const zip = await zipOf(population.files)
    await signInAs('security@example.test')
    await page.goto('/imports')
    const importPage = await ImportPage.verifyOnPage(page)
    await importPage.upload({ name: 'contractors.zip', mimeType: 'application/zip', buffer: zip })
    const progress = await ImportProgressPage.verifyOnPage(page)
    // The page updates itself, then reloads with the report when the import is done.
    await progress.report().waitFor({ timeout: 120_000 })
    await ImportProgressPage.verifyOnPage(page)
    expect(await progress.state().textContent()).toBe('Finished')
    expect(await progress.count('created')).toBe('1000')
    expect(await progress.count('rejected')).toBe('0')
    expect(await progress.report().locator('tbody tr').count()).toBe(1000)
    expect(Number((await app.testDb.db('access_events').count({ n: '*' }).first())?.n)).toBe(20_000)
    expect(BasePage.problems).toEqual([])
  }, 180_000)
})
