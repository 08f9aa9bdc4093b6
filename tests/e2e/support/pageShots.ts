/**
 * `npx tsx tests/e2e/support/pageShots.ts OUT_DIR [before|after]`: screenshots of the main pages on the
 * generated population (see benchPopulation.ts), at 1366x768 and 390x844, full page, signed in as a
 * security analyst; writes OUT_DIR/sizes.md with each page's height and width in CSS pixels. Runs on an
 * older checkout too (pages at their old addresses with `before`), for the before/after note.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PASSWORD, addUser } from '../../support/appSetup'
import { ensurePopulation, importPopulation, pickSubjects } from './benchPopulation'
import { launchBrowser } from './browser'
import { startApp } from './server'

const VIEWPORTS = [
  { name: '1366', width: 1366, height: 768 },
  { name: '390', width: 390, height: 844 },
] as const

async function main(): Promise<void> {
  const out = process.argv[2]
  const layout = process.argv[3] === 'before' ? 'before' : 'after'
  if (!out) throw new Error('usage: pageShots.ts OUT_DIR [before|after]')
  fs.mkdirSync(out, { recursive: true })
  const folder = await ensurePopulation(2000, 1)
  const app = await startApp()
  const browser = await launchBrowser()
  try {
    const imported = await importPopulation(app.services, folder)
    const s = await pickSubjects(app.services)
    await addUser(app.services, 'security')
    const pages: Array<[string, string]> = [
      ...(layout === 'after' ? ([['queue', '/']] as Array<[string, string]>) : []),
      ['dashboard', layout === 'before' ? '/' : '/dashboard'],
      ['case', `/cases/${s.member.caseId}`],
      ['ring', `/rings/${s.ringReference}`],
      ['rings', '/rings'],
      ['audit', '/audit'],
    ]
    const sizes = [`# Page sizes (${layout}), CSS px, signed in as security`, '', `${imported.created} applications (generator seed 1); case ${s.member.reference} (critical member of a ring of ${s.ringSize}); ring /rings/${s.ringReference}`, '', '| page | viewport | height | width | screens tall |', '|---|---|---|---|---|']
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: vp.width, height: vp.height } })
      const page = await context.newPage()
      await page.goto('/login')
      await page.getByLabel('Email address').fill('security@example.test')
      await page.getByLabel('Password').fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(url => !url.pathname.startsWith('/login'))
      for (const [name, url] of pages) {
        await page.goto(url)
        await page.waitForLoadState('networkidle')
        // the ring graph lays itself out in script; give it a moment
        if (name === 'ring') await page.waitForTimeout(1500)
        const { h, w } = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }))
        sizes.push(`| ${name} | ${vp.width}x${vp.height} | ${h} | ${w} | ${(h / vp.height).toFixed(1)} |`)
        await page.screenshot({ path: path.join(out, `${name}-${vp.name}.png`), fullPage: true })
      }
      await context.close()
    }
    fs.writeFileSync(path.join(out, 'sizes.md'), `${sizes.join('\n')}\n`)
    process.stdout.write(`${sizes.join('\n')}\n`)
  } finally {
    await browser.close()
    await app.stop()
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${(error as Error).stack}\n`)
    process.exit(1)
  },
)
