import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Express } from 'express'
import { Writable } from 'node:stream'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { createApp } from '../../src/app'
import type { Role } from '../../src/auth/roles'
import { KnexSessionStore } from '../../src/db/sessionStore'
import { createLogger } from '../../src/logger'
import { createServices, type Services } from '../../src/services'
import { systemActor } from '../../src/services/context'
import { createTestDb, type TestDb } from './testDb'

export const PASSWORD = 'correct horse battery staple'

export interface TestApp {
  app: Express
  services: Services
  testDb: TestDb
  store: KnexSessionStore
  /** every log line the app wrote, for tests that check what is (not) logged */
  logs: string[]
  dataDir: string
  close: () => Promise<void>
}

export async function createTestApp(options: { maxFailures?: number; loginAttemptsPerIp?: number; production?: boolean } = {}): Promise<TestApp> {
  const testDb = await createTestDb()
  const logs: string[] = []
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString())
      cb()
    },
  })
  const logger = createLogger('info', sink)
  const store = new KnexSessionStore(testDb.db, 30 * 60_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-data-'))
  const services = createServices(testDb.db, { login: { maxFailures: options.maxFailures ?? 5, lockMinutes: 15 }, dataDir }, { endSessions: id => store.destroyForUser(id) })
  const app = createApp({
    config: { production: options.production ?? false, trustProxy: false, sessionIdleMinutes: 30 },
    services,
    sessionStore: store,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    logger,
    loginAttemptsPerIpPer15Min: options.loginAttemptsPerIp ?? 1000,
  })
  return {
    app,
    services,
    testDb,
    store,
    logs,
    dataDir,
    close: async () => {
      store.close()
      await services.close()
      await testDb.destroy()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function addUser(services: Services, role: Role, email = `${role}@example.test`) {
  return services.users.create({ email, role, displayName: `Test ${role}`, password: PASSWORD }, systemActor())
}

/** The CSRF token in the first hidden _csrf field of a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match) throw new Error('no CSRF token on the page')
  return match[1]!
}

export async function tokenFor(agent: TestAgent, path = '/login'): Promise<string> {
  const page = await agent.get(path)
  return csrfFrom(page.text)
}

/** Sign in through the real form; returns the agent (cookies kept) and a fresh CSRF token. */
export async function signIn(app: Express, email: string, password = PASSWORD): Promise<{ agent: TestAgent; csrf: string }> {
  const agent = request.agent(app)
  const token = await tokenFor(agent)
  const res = await agent.post('/login').type('form').send({ _csrf: token, email, password })
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`)
  return { agent, csrf: await tokenFor(agent, '/') }
}
