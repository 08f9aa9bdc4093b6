import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/axe'

/**
 * Page objects (HMPPS style): each knows its h1 and the actions a person takes on it. `verifyOnPage`
 * checks the heading and runs the accessibility check, so every page a journey visits is checked.
 */
export abstract class BasePage {
  protected constructor(
    readonly page: Page,
    readonly heading: string | RegExp,
  ) {}

  static problems: string[] = []

  protected async verify(): Promise<void> {
    const h1 = this.page.locator('h1')
    await h1.waitFor()
    const text = (await h1.textContent())?.trim() ?? ''
    if (typeof this.heading === 'string' ? text !== this.heading : !this.heading.test(text)) {
      throw new Error(`Expected the page heading "${String(this.heading)}" but found "${text}" at ${this.page.url()}`)
    }
    const violations = (await accessibilityViolations(this.page)).filter(v => v.impact === 'serious' || v.impact === 'critical')
    for (const v of violations) BasePage.problems.push(`${new URL(this.page.url()).pathname}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  }

  async signOut(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/login/), this.page.getByRole('button', { name: 'Sign out' }).click()])
  }

  async nav(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
  }
}
