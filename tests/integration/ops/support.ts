import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { Express } from 'express'
import { createApp, type AppDeps } from '../../../src/app'
import { KnexSessionStore } from '../../../src/db/sessionStore'
import { createLogger } from '../../../src/logger'
import { createMetrics, type AppMetrics, type MetricsDeps } from '../../../src/metrics/metrics'
import { createServices, type Services } from '../../../src/services'
import { createTestDb, type TestDb } from '../../support/testDb'

export interface OpsApp {
  app: Express
  services: Services
  testDb: TestDb
  metrics: AppMetrics | undefined
  logs: string[]
  close: () => Promise<void>
}

/**
 * An app as createTestApp builds it, plus what the ops endpoints take: readiness checks and metrics
 * (each app its own registry). `metrics: { token }` turns metrics on; `clock` drives their cache.
 */
export async function createOpsApp(options: { readiness?: AppDeps['readiness']; metrics?: { token?: string; now?: MetricsDeps['now'] } } = {}): Promise<OpsApp> {
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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-ops-'))
  const services = createServices(testDb.db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir }, { endSessions: id => store.destroyForUser(id) })
  const metrics = options.metrics ? createMetrics({ db: testDb.db, imports: services.imports, ...(options.metrics.now ? { now: options.metrics.now } : {}) }) : undefined
  const app = createApp({
    config: { production: false, trustProxy: false, sessionIdleMinutes: 30 },
    services,
    sessionStore: store,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    logger,
    loginAttemptsPerIpPer15Min: 1000,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    ...(metrics ? { metrics: { metrics, token: options.metrics?.token } } : {}),
  })
  return {
    app,
    services,
    testDb,
    metrics,
    logs,
    close: async () => {
      metrics?.close()
      store.close()
      await services.close()
      await testDb.destroy()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The value of one sample in Prometheus text ("name{a="b"} 3"), or undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(m => [m[1], m[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v) && Object.keys(have).length >= Object.keys(labels).length) return Number(match[3])
  }
  return undefined
}
