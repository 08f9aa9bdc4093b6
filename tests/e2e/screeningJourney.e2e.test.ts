import type { Page } from 'playwright-core'
import { PASSWORD } from '../support/appSetup'
import { CasePage, RulesPage, SanctionsReviewPage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser } from './support/browser'
import { importApplication, openJourney, type Journey } from './support/journey'
import type { RunningApp } from './support/server'

describeInBrowser('checks and sanctions screening, in a real browser', () => {
  let journey: Journey
  let app: RunningApp
  let page: Page
  let caseId: string

  beforeAll(async () => {
    journey = await openJourney(['recruiter', 'security'])
    ;({ app, page } = journey)
    caseId = await importApplication(app, {
      external_id: 'E2E-SANC', kind: 'contractor',
      person: { full_name: 'Kevin Brandt', email: 'kevin.brandt@mailinator.com', address: { line1: '88 Hudson St', city: 'New York', postal_code: '10013', country: 'US' } },
      submission: { ip: '159.89.14.201' },
      logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' }, note: 'please ship to my cousin' },
      payment: { method: 'crypto', currency: 'USDT', wallet_address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
    })
  }, 60_000)

  afterAll(() => journey?.stop())

  const signInAs = (email: string) => LoginPage.signInAs(page, email, PASSWORD)

  it('a recruiter sees findings grouped by family, with the sanctions hit blocking sign-off, and runs the checks again', async () => {
    await signInAs('recruiter@example.test')
    await page.goto(`/cases/${caseId}`)
    const casePage = await CasePage.verifyOnPage(page, 'Kevin Brandt')
    const families = await casePage.familyHeadings()
    expect(families[0]).toBe('Sanctions screening')
    expect(families).toEqual(expect.arrayContaining(['Equipment shipping', 'Contact details', 'Network and access', 'Payment']))
    const hit = casePage.finding('A wallet, email, phone or website is on the sanctions list')
    expect(await hit.textContent()).toContain('Blocks sign-off until security clears it')
    expect(await hit.textContent()).toContain('OFAC-43377')
    await casePage.runChecksAgain()
    await CasePage.verifyOnPage(page, 'Kevin Brandt')
    expect(await page.getByRole('status').first().textContent()).toContain('Checks run again')
    await page.goto('/rules')
    const rules = await RulesPage.verifyOnPage(page)
    expect(await rules.referenceDataRow('ip-asn').textContent()).toContain('@ip-location-db/asn')
    await rules.signOut()
  }, 60_000)

  it('a security reviewer clears the hit from the review queue with a note', async () => {
    await signInAs('security@example.test')
    await page.goto('/sanctions')
    const queue = await SanctionsReviewPage.verifyOnPage(page)
    expect(await queue.hit('Kevin Brandt').textContent()).toContain('Blocks sign-off')
    await queue.clear('Kevin Brandt', 'The exchange confirmed the address belongs to another customer')
    await SanctionsReviewPage.verifyOnPage(page)
    expect(await page.getByText('Nothing to review.').isVisible()).toBe(true)
    await page.goto(`/cases/${caseId}/record/interview`)
    await page.locator('h1').waitFor()
    expect(await page.getByRole('checkbox', { name: /Failed liveness prompts/ }).isVisible()).toBe(true)
  }, 60_000)

  it('has no serious accessibility problems on the pages visited', () => {
    expect(BasePage.problems).toEqual([])
  })
})
