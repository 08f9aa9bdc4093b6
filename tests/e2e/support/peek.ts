/**
 * A developer's look at pages: starts the app with the shared examples imported, signs in as a role and
 * saves full-page screenshots at 1,366 and 390 px, printing each page's size. Not a test.
 * Run: npx tsx tests/e2e/support/peek.ts OUTDIR ROLE URL...
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Role } from '../../../src/auth/roles'
import { PASSWORD } from '../../support/appSetup'
import { importApplication, openJourney } from './journey'

async function main(): Promise<void> {
  const [outDir, role, ...urls] = process.argv.slice(2) as [string, Role, ...string[]]
  fs.mkdirSync(outDir, { recursive: true })
  const j = await openJourney(['recruiter', 'security', 'manager', 'admin'])
  try {
    const examples = path.join(__dirname, '..', '..', '..', '..', 'shared', 'formats', 'examples')
    const ids: string[] = []
    for (const f of fs.existsSync(examples) ? fs.readdirSync(examples).filter(n => n.endsWith('.json')) : []) {
      const app = JSON.parse(fs.readFileSync(path.join(examples, f), 'utf8')) as Record<string, unknown>
      const files: Record<string, Buffer> = {}
      for (const n of fs.readdirSync(examples)) files[n] = fs.readFileSync(path.join(examples, n))
      try { ids.push(await importApplication(j.app, app, files)) } catch (e) { process.stdout.write(`skip ${f}: ${(e as Error).message}\n`) }
    }
    const { page } = j
    await page.goto('/login')
    await page.fill('#email', `${role}@example.test`)
    await page.fill('#password', PASSWORD)
    await page.click('button[type=submit]')
    for (const raw of urls) {
      const url = raw.replace('{case}', ids[1] ?? ids[0] ?? '')
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 })
        const res = await page.goto(url)
        const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }))
        const name = `${url.replace(/[^a-z0-9]+/gi, '_')}_${width}.png`
        await page.screenshot({ path: path.join(outDir, name), fullPage: true })
        process.stdout.write(`${res?.status()} ${url} @${width}: ${size.w}x${size.h} ${size.w > width ? 'OVERFLOW' : ''}\n`)
      }
    }
  } finally {
    await j.stop()
  }
}

void main()
