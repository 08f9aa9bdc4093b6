import type { Locator, Page } from 'playwright-core'
import { accessibilityViolations } from './axe'

/**
 * Layout checks for issue 15's journeys: each returns the problems it saw as sentences (empty when
 * none), so that a journey can visit every page and report all that is wrong rather than stop at the first.
 */

/** The page is no wider than the window (a wide table must scroll inside its own box). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  return scroll > width ? [`page is ${scroll} px wide in a ${width} px window`] : []
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const violations = await accessibilityViolations(page)
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`)
}

/** Where the result of an action is shown: our banner first, then an error summary, then any live region. */
const MESSAGE_SELECTORS = ['[data-qa="flash"]', '.govuk-error-summary', '[role="alert"]', '[role="status"]']

/** Within the window as it is now (after the page loaded and any scrolling it did). */
export async function messageInViewport(page: Page, seen: (text: string) => void = () => undefined): Promise<string[]> {
  const vh = page.viewportSize()!.height
  for (const selector of MESSAGE_SELECTORS) {
    const all = await page.locator(selector).all()
    for (const el of all) {
      if (!(await el.isVisible())) continue
      const box = await el.boundingBox()
      if (!box) continue
      const text = ((await el.textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 160)
      seen(text)
      if (box.y < 0 || box.y + box.height > vh) return [`message "${text}" (${selector}) is at y=${Math.round(box.y)}..${Math.round(box.y + box.height)}, outside the ${vh} px window`]
      return []
    }
  }
  return ['no message (flash banner, error summary or live region) after the action']
}

/**
 * Within the first window of the page (at the top, no scrolling): measured against the document, so it
 * holds whatever the page did with its own scroll position.
 */
export async function inFirstViewport(page: Page, locator: Locator, what: string): Promise<string[]> {
  const vh = page.viewportSize()!.height
  if (!(await locator.count())) return [`${what}: not on the page`]
  const el = locator.first()
  if (!(await el.isVisible())) return [`${what}: on the page but not visible`]
  const box = await el.boundingBox()
  const scrollY = await page.evaluate(() => window.scrollY)
  if (!box) return [`${what}: has no box`]
  const top = box.y + scrollY
  const bottom = top + box.height
  return bottom > vh ? [`${what}: at y=${Math.round(top)}..${Math.round(bottom)} of the page, below the first ${vh} px window`] : []
}

export async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight)
}
