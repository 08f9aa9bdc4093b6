import type { Page } from 'playwright-core'
import { BasePage } from './basePage'

export class ImportPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Import')
  }
  static async verifyOnPage(page: Page) {
    const p = new ImportPage(page)
    await p.verify()
    return p
  }
  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('Files or ZIP archives').setInputFiles(file)
    await this.page.getByRole('button', { name: 'Start import' }).click()
  }
}

export class ImportProgressPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Import progress')
  }
  static async verifyOnPage(page: Page) {
    const p = new ImportProgressPage(page)
    await p.verify()
    return p
  }
  state() {
    return this.page.getByTestId('import-state')
  }
  count(name: 'created' | 'updated' | 'unchanged' | 'rejected') {
    return this.page.getByTestId('import-counts').locator(`[data-field="${name}"]`).textContent()
  }
  report() {
    return this.page.getByTestId('import-report')
  }
}
