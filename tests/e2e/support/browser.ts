import fs from 'node:fs'
import { chromium, selectors, type Browser } from 'playwright-core'

// Test ids in our HTML are data-qa attributes (HMPPS convention).
selectors.setTestIdAttribute('data-qa')

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]

/** Debian's chromium (never a downloaded browser). */
export const chromiumPath: string | undefined = CANDIDATES.find(p => fs.existsSync(p))

/**
 * `describe` when a browser is here; otherwise `describe.skip` on a developer's machine, and a failing
 * suite under CI (CI=true), where the browser tests are required.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath) return describe(name, body)
  if (process.env.CI) {
    return describe(name, () => {
      it('needs Chromium (apt-get install chromium); CI requires the browser tests', () => {
        throw new Error(`No Chromium found at ${CANDIDATES.join(', ')}`)
      })
    })
  }
  return describe.skip(`${name} (skipped: no Chromium; apt-get install chromium)`, body)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    // The machine has no internet: stop Chromium's own background calls so they fail nothing and wait for nothing.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}
