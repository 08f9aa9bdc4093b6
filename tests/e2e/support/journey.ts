import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Role } from '../../../src/auth/roles'
import { parseApplication } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser } from '../../support/appSetup'
import { launchBrowser } from './browser'
import { startApp, type RunningApp } from './server'

export interface Journey {
  app: RunningApp
  browser: Browser
  context: BrowserContext
  page: Page
  stop: () => Promise<void>
}

/** The app on a free port with one user per role (role@example.test), and a browser page pointed at it. */
export async function openJourney(roles: Role[]): Promise<Journey> {
  const app = await startApp()
  for (const role of roles) await addUser(app.services, role)
  const browser = await launchBrowser()
  const context = await browser.newContext({ baseURL: app.baseUrl })
  const page = await context.newPage()
  return {
    app,
    browser,
    context,
    page,
    stop: async () => {
      await context.close()
      await browser.close()
      await app.stop()
    },
  }
}

/** Import one application in our format (referenced files from `files`); returns its case id. */
export async function importApplication(app: RunningApp, application: Record<string, unknown>, files: Record<string, Buffer> = {}): Promise<string> {
  const parsed = parseApplication({ format: 'vetting/application@1', ...application })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const outcome = await app.services.ingest.importApplication(`${String(application.external_id ?? 'application')}.json`, parsed.value, async name => files[name] ?? { problem: `no file ${name}` }, systemActor())
  if (!('caseId' in outcome)) throw new Error('the application was not imported')
  return outcome.caseId
}
