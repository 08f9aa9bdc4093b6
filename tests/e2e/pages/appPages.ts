import type { Page } from 'playwright-core'
import { BasePage } from './basePage'

export class DashboardPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Dashboard')
  }
  static async verifyOnPage(page: Page) {
    const p = new DashboardPage(page)
    await p.verify()
    return p
  }
}

export class UsersPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Users')
  }
  static async verifyOnPage(page: Page) {
    const p = new UsersPage(page)
    await p.verify()
    return p
  }
  async addUser(name: string, email: string, role: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a user' })
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Email address').fill(email)
    await form.getByLabel('Role').selectOption(role)
    await form.getByLabel('Initial password').fill(password)
    await form.getByRole('button', { name: 'Add user' }).click()
  }
  userRow(email: string) {
    return this.page.getByTestId('user-table').getByRole('row').filter({ hasText: email })
  }
}

export class NewCasePage extends BasePage {
  private constructor(page: Page) {
    super(page, 'New case')
  }
  static async verifyOnPage(page: Page) {
    const p = new NewCasePage(page)
    await p.verify()
    return p
  }
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) {
      const input = this.page.getByLabel(label, { exact: true })
      if ((await input.evaluate(el => el.tagName)) === 'SELECT') await input.selectOption(value)
      else await input.fill(value)
    }
  }
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open case' }).click()
  }
}

export class CaseListPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Cases')
  }
  static async verifyOnPage(page: Page) {
    const p = new CaseListPage(page)
    await p.verify()
    return p
  }
  async search(text: string): Promise<void> {
    await this.page.getByLabel('Name, email or id').fill(text)
    await this.page.getByRole('button', { name: 'Search' }).click()
  }
  rows() {
    return this.page.getByTestId('case-table').locator('tbody tr')
  }
  resultCount() {
    return this.page.getByTestId('result-count')
  }
}

export class CasePage extends BasePage {
  private constructor(page: Page, name: string) {
    super(page, name)
  }
  static async verifyOnPage(page: Page, name: string) {
    const p = new CasePage(page, name)
    await p.verify()
    return p
  }
  async uploadDocument(kind: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('What is it?').selectOption(kind)
    await this.page.getByLabel('File', { exact: true }).setInputFiles(file)
    await this.page.getByRole('button', { name: 'Upload' }).click()
  }
  factRow(label: string) {
    return this.page.getByTestId('facts').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) })
  }
  finding(title: string) {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: title }) })
  }
  familyHeadings() {
    return this.page.locator('h3.family').allTextContents()
  }
  async runChecksAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run the checks again' }).click()
  }
}

export class SanctionsReviewPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Sanctions review')
  }
  static async verifyOnPage(page: Page) {
    const p = new SanctionsReviewPage(page)
    await p.verify()
    return p
  }
  hit(name: string) {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name }) })
  }
  async clear(name: string, note: string): Promise<void> {
    const hit = this.hit(name)
    await hit.getByLabel('What you compared').fill(note)
    await hit.getByRole('button', { name: 'Clear: not the listed party' }).click()
  }
}

export class RulesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Rules')
  }
  static async verifyOnPage(page: Page) {
    const p = new RulesPage(page)
    await p.verify()
    return p
  }
  referenceDataRow(id: string) {
    return this.page.getByTestId('refdata').getByRole('row').filter({ hasText: id })
  }
}
