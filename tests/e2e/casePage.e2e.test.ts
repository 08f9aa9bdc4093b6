import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addUser, PASSWORD } from '../support/appSetup'
import { ensurePopulation, importPopulation, pickSubjects } from './support/benchPopulation'
import { CasePage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser, launchBrowser } from './support/browser'
import { startApp, type RunningApp } from './support/server'

/**
 * Issue 15, "a case page in one screen": the heaviest case we generate (a critical member of the largest
 * ring, from our generator's population) fits in two screens at 1,366 × 768, each role's next action is in
 * the first screen, every section fits a 390 px phone, and an action's message is in view after it.
 */
const DESKTOP = { width: 1366, height: 768 }
const PHONE = { width: 390, height: 844 }
const SECTIONS = ['findings', 'evidence', 'links', 'checklist', 'activity']

describeInBrowser('the case page in one screen, in a real browser', () => {
  let app: RunningApp
  let browser: Browser
  let member: { caseId: string; reference: string; name: string }
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    app = await startApp()
    for (const role of ['recruiter', 'security', 'manager'] as const) await addUser(app.services, role)
    await importPopulation(app.services, await ensurePopulation(150, 7))
    ;({ member } = await pickSubjects(app.services))
    browser = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await app?.stop()
  })

  const pageAs = async (email: string, viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ baseURL: app.baseUrl, viewport })
    contexts.push(context)
    const page = await context.newPage()
    await LoginPage.signInAs(page, email, PASSWORD)
    return page
  }
  const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)
  const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)
  /** The element's bottom edge measured from the top of the document (so scrolling does not flatter it). */
  const bottomOf = async (page: Page, selector: string) =>
    page.locator(selector).first().evaluate(el => el.getBoundingClientRect().bottom + window.scrollY)

  it('is under two screens tall at 1,366 × 768 for a critical ring member, with the next action in the first screen', async () => {
    const page = await pageAs('recruiter@example.test', DESKTOP)
    await page.goto(`/cases/${member.caseId}`)
    await CasePage.verifyOnPage(page, member.name)
    expect(await page.locator('[data-qa="case-summary"]').textContent()).toContain('Risk: Critical')
    expect(await page.locator('[data-qa="reasons-chart"] svg rect').count()).toBe(3)
    const h = await height(page)
    expect(h).toBeLessThan(2 * DESKTOP.height)
    expect(await bottomOf(page, '[data-qa="next-action"] .govuk-button')).toBeLessThanOrEqual(DESKTOP.height)
    expect(await bottomOf(page, '[data-qa="case-tabs"] .govuk-tabs__list')).toBeLessThanOrEqual(DESKTOP.height)
  }, 60_000)

  it("puts each role's next action in the first screen", async () => {
    for (const [email, action] of [
      ['security@example.test', /Judge|Clear or confirm the sanctions hit|Send for review|Close the open items/],
      ['manager@example.test', /Being prepared|Decide this case|See the decision/],
    ] as const) {
      const page = await pageAs(email, DESKTOP)
      await page.goto(`/cases/${member.caseId}`)
      await CasePage.verifyOnPage(page, member.name)
      const next = page.locator('[data-qa="next-action"]')
      expect(await next.textContent()).toMatch(action)
      expect(await bottomOf(page, '[data-qa="next-action"] h2')).toBeLessThanOrEqual(DESKTOP.height)
    }
  }, 60_000)

  it('keeps every section within a 390 px phone screen width', async () => {
    const page = await pageAs('recruiter@example.test', PHONE)
    const wide: string[] = []
    for (const tab of SECTIONS) {
      await page.goto(`/cases/${member.caseId}?tab=${tab}`)
      await CasePage.verifyOnPage(page, member.name)
      const w = await width(page)
      if (w > PHONE.width) wide.push(`${tab}: ${w} px`)
    }
    expect(wide).toEqual([])
  }, 90_000)

  it('shows the result of an upload, refused or not, in view on the Evidence section', async () => {
    const page = await pageAs('recruiter@example.test', DESKTOP)
    await page.goto(`/cases/${member.caseId}?tab=evidence`)
    const casePage = await CasePage.verifyOnPage(page, member.name)
    await casePage.uploadDocument('resume', { name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 7)]) })
    await page.waitForURL(/tab=evidence/)
    await CasePage.verifyOnPage(page, member.name)
    const flash = page.locator('[data-qa="flash"]')
    expect(await flash.textContent()).toContain('Not uploaded')
    const box = (await flash.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height)
    expect(await page.locator('[aria-current="page"].govuk-tabs__tab').textContent()).toMatch(/Evidence/)
  }, 60_000)

  it('has no serious accessibility problems on the pages visited', () => {
    expect(BasePage.problems).toEqual([])
  })
})
