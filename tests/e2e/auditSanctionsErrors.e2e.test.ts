import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { PASSWORD } from '../support/appSetup'
import { SanctionsReviewPage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { describeInBrowser } from './support/browser'
import { importApplication, openJourney, type Journey } from './support/journey'
import { horizontalOverflow, messageInViewport, seriousAxeViolations } from './support/layoutChecks'

// Issue 15, items 5, 6 and 8: the audit trail readable on a laptop and a phone, the sanctions decision
// confirmed where it was made, and an upload that is too large leading back to where it came from.
describeInBrowser('audit trail, sanctions decisions and error pages, in a real browser', () => {
  let journey: Journey
  let page: Page
  let caseId: string

  beforeAll(async () => {
    journey = await openJourney(['recruiter', 'security'])
    page = journey.page
    caseId = await importApplication(journey.app, {
      external_id: 'E2E-AUDIT-1', kind: 'contractor',
      person: { full_name: 'Rowan Pierce', email: 'rowan.pierce@mailinator.com', address: { line1: '88 Hudson St', city: 'New York', postal_code: '10013', country: 'US' } },
      payment: { method: 'crypto', currency: 'USDT', wallet_address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
    })
    for (const n of [2, 3, 4]) await importApplication(journey.app, { external_id: `E2E-AUDIT-${n}`, person: { full_name: `Person Number${n}`, email: `person${n}@example.org` } })
  }, 90_000)
  afterAll(() => journey?.stop())

  it('a security reviewer records a sanctions decision and reads it on the queue, in view', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await LoginPage.signInAs(page, 'security@example.test', PASSWORD)
    await page.goto('/sanctions')
    const queue = await SanctionsReviewPage.verifyOnPage(page)
    // Nothing is chosen for the reviewer; sending the form as it stands is refused, said at the top, in view.
    expect(await queue.hit('Rowan Pierce').getByRole('radio', { checked: true }).count()).toBe(0)
    await queue.hit('Rowan Pierce').getByRole('button', { name: 'Record the decision' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Tick "I understand"')
    expect(await messageInViewport(page)).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.goto('/sanctions')
    await queue.clear('Rowan Pierce', 'The exchange confirmed the wallet belongs to another customer')
    await SanctionsReviewPage.verifyOnPage(page)
    expect(new URL(page.url()).pathname).toBe('/sanctions')
    expect(await page.getByTestId('flash').textContent()).toMatch(/Decision recorded for VD-\d+ \(Rowan Pierce\): sanctions-identifier-hit cleared/)
    expect(await messageInViewport(page)).toEqual([])
    await page.goto('/sanctions?all=1')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await horizontalOverflow(page)).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1366, height: 768 })
  }, 60_000)

  it('/audit fits a 1,366 px screen, shows references and words, and its table scrolls or stacks on a phone', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`/cases/${caseId}`) // a view, so the trail has one more kind of event
    await page.goto('/audit')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(1366)
    const table = page.getByTestId('audit-events')
    const text = (await table.textContent()) ?? ''
    expect(text).toMatch(/VD-\d{6}/)
    expect(text).toContain('Sanctions hit decided')
    expect(text).toContain('Case imported')
    expect(text).not.toMatch(/[{}]|CASE_[A-Z]+|SANCTIONS_REVIEWED/)
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/audit')
    expect(await horizontalOverflow(page)).toEqual([])
    await page.setViewportSize({ width: 1366, height: 768 })
  }, 60_000)

  it('a 50 MB upload says the file is too large, the limit, and leads back to the case', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.context().clearCookies()
    await LoginPage.signInAs(page, 'recruiter@example.test', PASSWORD)
    await page.goto(`/cases/${caseId}?tab=evidence`)
    const form = page.locator(`form[action="/cases/${caseId}/documents"]`)
    // A file on disk: the browser sends it as a person's would (Playwright will not pass 50 MB in memory).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-big-'))
    const file = path.join(dir, 'scan.pdf')
    fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x61))
    try {
      await form.locator('input[type=file]').setInputFiles(file)
      await form.getByRole('button', { name: 'Upload' }).click()
      await page.getByRole('heading', { level: 1, name: 'The file is too large' }).waitFor()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    expect(await page.getByTestId('error-message').textContent()).toContain('larger than 20 MiB')
    const back = page.getByRole('link', { name: 'Back to the case' })
    expect(await back.getAttribute('href')).toBe(`/cases/${caseId}`)
    expect(await page.getByRole('link', { name: 'Go to My work' }).getAttribute('href')).toBe('/')
    expect(await seriousAxeViolations(page)).toEqual([])
    await back.click()
    await page.waitForURL(url => url.pathname === `/cases/${caseId}`)
  }, 90_000)
})
