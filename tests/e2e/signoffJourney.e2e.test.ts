import type { Page } from 'playwright-core'
import { PASSWORD } from '../support/appSetup'
import { CasePage, ChecklistSection, SignOffPage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser } from './support/browser'
import { importApplication, openJourney, type Journey } from './support/journey'
import type { RunningApp } from './support/server'

describeInBrowser('checklist and four-eyes sign-off, in a real browser', () => {
  let journey: Journey
  let app: RunningApp
  let page: Page
  let caseId: string

  beforeAll(async () => {
    journey = await openJourney(['recruiter', 'manager'])
    ;({ app, page } = journey)
    caseId = await importApplication(app, {
      external_id: 'E2E-SIGN', kind: 'candidate',
      person: { full_name: 'Anna Lindqvist', email: 'anna.lindqvist@example.org', address: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
      logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } },
    })
  }, 60_000)

  afterAll(() => journey?.stop())

  it('a recruiter completes the checklist, writes dispositions and sends the case for review', async () => {
    await LoginPage.signInAs(page, 'recruiter@example.test', PASSWORD)
    await page.goto(`/cases/${caseId}`)
    await CasePage.verifyOnPage(page, 'Anna Lindqvist')
    // Before anything is done, the blockers are listed beside the button (issue 15).
    expect(await page.getByTestId('send-for-review').textContent()).toMatch(/\d+ things are still open[\s\S]*Checklist: Hold the interview on live video/)
    const checklist = new ChecklistSection(page)
    expect(await checklist.completeAll('Checked on a live call against the ID')).toBeGreaterThan(8)
    expect(await checklist.disposeAll('The applicant could not explain the mailbox; shipping only to the ID address')).toBeGreaterThan(0)
    expect(await page.getByTestId('checklist-progress').textContent()).toMatch(/0 required items open/)
    expect(await page.getByTestId('send-for-review').textContent()).toContain('Every required checklist item is closed')
    await page.getByRole('button', { name: 'Send for review' }).click()
    const casePage = await CasePage.verifyOnPage(page, 'Anna Lindqvist')
    await casePage.signOut()
  }, 120_000)

  it('a manager checks the answers, signs a decision with a digest, and the case is locked', async () => {
    await LoginPage.signInAs(page, 'manager@example.test', PASSWORD)
    await page.goto(`/cases/${caseId}`)
    await CasePage.verifyOnPage(page, 'Anna Lindqvist')
    await page.getByRole('link', { name: 'Decide this case' }).click()
    const signOff = await SignOffPage.verifyOnPage(page)
    expect(await page.getByTestId('signoff-checklist').textContent()).toContain('Checked on a live call against the ID')
    await signOff.decide('Reject', 'Equipment was to go to a private mailbox the applicant could not explain')
    await CasePage.verifyOnPage(page, 'Anna Lindqvist')
    expect(await page.getByRole('status').first().textContent()).toMatch(/the case is rejected\. Digest of the case as signed: [0-9a-f]{12}… \(in full under Decisions\)/)
    expect(await page.locator('form.item-form').count()).toBe(0)
    const report = await page.request.get(`/cases/${caseId}/report.pdf`)
    expect(report.status()).toBe(200)
    expect(report.headers()['content-type']).toContain('application/pdf')
  }, 60_000)

  it('has no serious accessibility problems on the pages visited', () => {
    expect(BasePage.problems).toEqual([])
  })
})
