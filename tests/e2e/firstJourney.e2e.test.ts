import type { Browser, BrowserContext, Page } from 'playwright-core'
import { LandingPage, CaseListPage, CasePage, NewCasePage, RulesPage, UsersPage } from './pages/appPages'
import { LoginPage, SetupPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser, launchBrowser } from './support/browser'
import { startApp, type RunningApp } from './support/server'

const ADMIN = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 42' }
const RECRUITER = { name: 'Rita Recruiter', email: 'rita@example.test', password: 'recruiter passphrase 7' }
const MANAGER = { name: 'Mo Manager', email: 'mo@example.test', password: 'manager passphrase 9' }

describeInBrowser('first journey in a real browser', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const consoleErrors: string[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await browser.newContext({ baseURL: app.baseUrl })
    page = await context.newPage()
    page.on('console', msg => {
      // The journey submits invalid forms and visits /setup after it is gone on purpose: those 400/404s are expected.
      if (msg.type() === 'error' && !/status of (400|404) /.test(msg.text())) consoleErrors.push(msg.text())
    })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  it('sets up the admin, adds colleagues, opens a case as a recruiter and finds it as a manager', async () => {
    // First run: everything leads to /setup.
    await page.goto('/')
    const setup = await SetupPage.verifyOnPage(page)
    await setup.createAdmin(ADMIN.name, ADMIN.email, 'too short')
    await SetupPage.verifyOnPage(page) // the error page is checked for accessibility too
    await page.getByRole('alert').getByRole('link').first().waitFor()
    await setup.createAdmin(ADMIN.name, ADMIN.email, ADMIN.password)
    const dashboard = await LandingPage.verifyOnPage(page, 'Administration')

    // The admin adds a recruiter and a manager.
    await dashboard.nav('Users')
    const users = await UsersPage.verifyOnPage(page)
    await users.addUser(RECRUITER.name, RECRUITER.email, 'recruiter', RECRUITER.password)
    await UsersPage.verifyOnPage(page)
    await users.addUser(MANAGER.name, MANAGER.email, 'manager', MANAGER.password)
    await UsersPage.verifyOnPage(page)
    expect(await users.userRow(MANAGER.email).textContent()).toContain('Manager')
    await users.signOut()

    // Setup is gone for good.
    expect((await page.goto('/setup'))?.status()).toBe(404)

    // The recruiter signs in and opens a case.
    await page.goto('/login')
    const login = await LoginPage.verifyOnPage(page)
    await login.signIn(RECRUITER.email, RECRUITER.password)
    const home = await LandingPage.verifyOnPage(page)
    await home.nav('New case')
    const form = await NewCasePage.verifyOnPage(page)
    await form.fill({ 'Full name': 'Dana Whitfield', 'Email address': 'not an email' })
    await form.submit()
    await NewCasePage.verifyOnPage(page)
    expect(await page.locator('#email-error').textContent()).toContain('Enter an email address')
    await form.fill({
      'Kind of case': 'candidate',
      Role: 'Senior Backend Engineer',
      Source: 'greenhouse',
      'External id': 'GH-88213',
      'Full name': 'Dana Whitfield',
      'Email address': 'dana.whitfield@example.org',
      Phone: '+1 312 483 2212',
      'Town or city': 'Chicago',
      // Written as people write them (issue 15): stored as US and America/Chicago.
      Country: 'USA',
      'Working time zone they claim': 'Central Time',
    })
    await form.submit()
    const casePage = await CasePage.verifyOnPage(page, 'Dana Whitfield')
    expect(await page.getByRole('status').first().textContent()).toMatch(/Case VD-\d{6} opened/)

    // Find it by email.
    await casePage.nav('Cases')
    const list = await CaseListPage.verifyOnPage(page)
    await list.search('dana.whitfield@example.org')
    await CaseListPage.verifyOnPage(page)
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/list.png`, fullPage: true })
    expect(await list.resultCount().textContent()).toContain('Showing 1–1 of 1 case')
    expect(await list.rows().first().textContent()).toContain('Dana Whitfield')
    await list.signOut()

    // The manager signs in and sees it.
    const managerLogin = await LoginPage.verifyOnPage(page)
    await managerLogin.signIn(MANAGER.email, MANAGER.password)
    const managerHome = await LandingPage.verifyOnPage(page)
    await managerHome.nav('Cases')
    const managerList = await CaseListPage.verifyOnPage(page)
    await managerList.search('dana.whitfield@example.org')
    await CaseListPage.verifyOnPage(page)
    await managerList.rows().first().getByRole('link').first().click()
    const managerCase = await CasePage.verifyOnPage(page, 'Dana Whitfield')
    // The person's details are on the Evidence tab.
    await managerCase.openSection('Evidence')
    expect(await page.getByText('United States (US)').count()).toBe(1)
    const casePageForManager = await CasePage.verifyOnPage(page, 'Dana Whitfield')
    await casePageForManager.nav('Rules')
    await RulesPage.verifyOnPage(page)
    await page.getByRole('link', { name: 'Asks to be paid in cryptocurrency' }).click()
    await page.getByRole('heading', { name: 'Public sources' }).waitFor()
    await page.goto('/cases')

    // Keyboard: the first Tab lands on the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')

    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/case.png`, fullPage: true })
    expect(BasePage.problems).toEqual([])
    expect(consoleErrors).toEqual([])
  }, 120_000)
})
