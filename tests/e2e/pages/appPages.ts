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

/** Where each person lands at `/`: "My work" (their queue), or "Administration" for an administrator. */
export class LandingPage extends BasePage {
  private constructor(page: Page, heading: 'My work' | 'Administration') {
    super(page, heading)
  }
  static async verifyOnPage(page: Page, heading: 'My work' | 'Administration' = 'My work') {
    const p = new LandingPage(page, heading)
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
  /** The case page shows one section at a time (Findings, Evidence, Links, Checklist, Activity), chosen by its tab. */
  async openSection(name: 'Findings' | 'Evidence' | 'Links' | 'Checklist' | 'Activity'): Promise<void> {
    await openCaseSection(this.page, name)
  }
  async uploadDocument(kind: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.openSection('Evidence')
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
    return this.page.getByTestId('family').allTextContents()
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
  /** Clearing cannot be undone: the reviewer chooses it (nothing is chosen for them) and ticks "I understand". */
  async clear(name: string, note: string): Promise<void> {
    const hit = this.hit(name)
    await hit.getByLabel('Clear the hit: not the listed party').check()
    await hit.getByLabel('What you compared').fill(note)
    await hit.getByLabel(/I understand/).check()
    await hit.getByRole('button', { name: 'Record the decision' }).click()
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

export class RingsPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Rings')
  }
  static async verifyOnPage(page: Page) {
    const p = new RingsPage(page)
    await p.verify()
    return p
  }
  ringRow(memberName: string) {
    return this.page.getByTestId('rings').getByRole('row').filter({ hasText: memberName })
  }
}

export class RingPage extends BasePage {
  private constructor(page: Page) {
    super(page, /^Ring /)
  }
  static async verifyOnPage(page: Page) {
    const p = new RingPage(page)
    await p.verify()
    return p
  }
  memberNames() {
    return this.page.getByTestId('members').locator('tbody tr td:nth-child(2)').allTextContents()
  }
  sharedRows() {
    return this.page.getByTestId('ring-links').locator('tbody tr').allTextContents()
  }
  /** cytoscape draws on canvases inside the graph element once its script has run (not blocked by the CSP). */
  async graphDrawn(): Promise<boolean> {
    await this.page.locator('#ring-graph canvas').first().waitFor({ timeout: 10_000 })
    return (await this.page.locator('#ring-graph canvas').count()) > 0
  }
}

export class LinkedApplications {
  constructor(private readonly page: Page) {}
  item(name: string) {
    return this.page.locator('ul.linked-list > li').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }
  async judge(name: string, judgement: 'Same person' | 'Different people' | 'Unsure', note: string): Promise<void> {
    const item = this.item(name)
    await item.getByLabel('Judgement').selectOption({ label: judgement })
    await item.getByLabel('What you compared').fill(note)
    await item.getByRole('button', { name: 'Record judgement' }).click()
  }
}

export class WatchListPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Watch list')
  }
  static async verifyOnPage(page: Page) {
    const p = new WatchListPage(page)
    await p.verify()
    return p
  }
  hitRows() {
    return this.page.getByTestId('watch-hits').locator('tbody tr').allTextContents()
  }
}

export class SignOffPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Check your answers before deciding')
  }
  static async verifyOnPage(page: Page) {
    const p = new SignOffPage(page)
    await p.verify()
    return p
  }
  async decide(decision: 'Approve: hire or pay' | 'Reject' | 'Escalate to security (the case returns to open)', statement: string): Promise<void> {
    await this.page.getByLabel(decision, { exact: true }).check()
    await this.page.getByLabel('Statement: what you decided and why').fill(statement)
    await this.page.getByLabel(/I understand a signed approval or rejection cannot be undone/).check()
    await this.page.getByRole('button', { name: 'Sign the decision' }).click()
  }
}

/** Open a section of the case page by its tab (a link: the server shows the chosen section), unless it is open. */
async function openCaseSection(page: Page, name: string): Promise<void> {
  const tab = page.locator('.govuk-tabs__tab').filter({ hasText: new RegExp(`^\\s*${name}\\b`) }).first()
  if ((await tab.getAttribute('aria-current')) === 'page') return
  await Promise.all([page.waitForEvent('load'), tab.click()])
  await page.locator('h1').waitFor()
}

export class ChecklistSection {
  constructor(private readonly page: Page) {}
  /** Close every open item with the same note, one form at a time (each submit reloads the page, back on this section). */
  async completeAll(note: string): Promise<number> {
    await openCaseSection(this.page, 'Checklist')
    let n = 0
    for (;;) {
      // Folded forms are hidden, so they are found by their markup, not their role.
      const form = this.page.locator('form.item-form').filter({ has: this.page.locator('button[value="done"]') }).first()
      if ((await form.count()) === 0) return n
      // Each item's form is folded under "Close this item".
      const details = form.locator('xpath=ancestor::details[1]')
      if ((await details.count()) && !(await details.evaluate(d => (d as HTMLDetailsElement).open))) await details.locator('summary').first().click()
      await form.getByRole('textbox').fill(note)
      await Promise.all([this.page.waitForEvent('load'), form.getByRole('button', { name: 'Done', exact: true }).click()])
      await this.page.locator('h1').waitFor()
      n++
    }
  }
  async disposeAll(text: string): Promise<number> {
    await openCaseSection(this.page, 'Checklist')
    let n = 0
    for (;;) {
      const item = this.page.locator('ul.dispositions > li').filter({ hasText: 'No disposition yet' }).first()
      if ((await item.count()) === 0) return n
      await item.getByRole('textbox').fill(text)
      await Promise.all([this.page.waitForEvent('load'), item.getByRole('button', { name: 'Record disposition' }).click()])
      await this.page.locator('h1').waitFor()
      n++
    }
  }
}
