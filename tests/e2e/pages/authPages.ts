import type { Page } from 'playwright-core'
import { BasePage } from './basePage'

export class SetupPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Set up Vetting Desk')
  }
  static async verifyOnPage(page: Page) {
    const p = new SetupPage(page)
    await p.verify()
    return p
  }
  async createAdmin(name: string, email: string, password: string, confirm = password): Promise<void> {
    await this.page.getByLabel('Your name').fill(name)
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByLabel('Confirm password').fill(confirm)
    await this.page.getByRole('button', { name: 'Create administrator account' }).click()
  }
}

export class LoginPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Sign in')
  }
  static async verifyOnPage(page: Page) {
    const p = new LoginPage(page)
    await p.verify()
    return p
  }
  /** Open the sign-in page, sign in, and wait for the dashboard. */
  static async signInAs(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/login')
    await (await LoginPage.verifyOnPage(page)).signIn(email, password)
    await page.waitForURL(url => url.pathname === '/')
  }
  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in' }).click()
  }
}
