import request from 'supertest'
import type { ReadinessCheck } from '../../../src/routes/health/healthRoutes'
import { createOpsApp, type OpsApp } from './support'

describe('/healthz and /readyz', () => {
  let t: OpsApp
  let jobsAlive = true
  const readiness: ReadinessCheck[] = [
    {
      name: 'jobs',
      check: async () => {
        if (!jobsAlive) throw new Error('select * from jobs where secret = 42: runner heartbeat 17 s old')
      },
    },
  ]
  beforeAll(async () => {
    t = await createOpsApp({ readiness })
  })
  afterAll(() => t.close())
  afterEach(() => {
    jobsAlive = true
  })

  /** The SQL the app sent while `fn` ran. */
  async function queriesDuring(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = []
    const listener = (q: { sql: string }) => seen.push(q.sql)
    t.services.db.on('query', listener)
    try {
      await fn()
    } finally {
      t.services.db.off('query', listener)
    }
    return seen
  }

  it('/healthz is liveness only: it answers without touching the database and without a session', async () => {
    let res: request.Response | undefined
    const sql = await queriesDuring(async () => (res = await request(t.app).get('/healthz')))
    expect(res!.status).toBe(200)
    expect(res!.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    expect(res!.headers['set-cookie']).toBeUndefined()
    expect(sql).toEqual([])
  })

  it('/readyz is 200 when the database and every registered check answer', async () => {
    let res: request.Response | undefined
    const sql = await queriesDuring(async () => (res = await request(t.app).get('/readyz')))
    expect(res!.status).toBe(200)
    expect(res!.body).toEqual({ status: 'ok', checks: { database: 'ok', jobs: 'ok' } })
    expect(res!.headers['set-cookie']).toBeUndefined()
    expect(sql).toEqual(['select 1'])
  })

  it('/readyz is 503 naming a failing check, without its error', async () => {
    jobsAlive = false
    const res = await request(t.app).get('/readyz')
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ status: 'unavailable', failing: ['jobs'], checks: { database: 'ok', jobs: 'failed' } })
    expect(res.text).not.toMatch(/select|secret|heartbeat/)
    // the operator finds why in the log, with the SQL's values taken out
    expect(t.logs.join('')).toMatch(/"check":"jobs".*readiness check failed/)
  })

  it('when the database is gone: /readyz is 503 naming it (no driver message), /healthz still 200', async () => {
    const down = await createOpsApp()
    try {
      await down.testDb.db.destroy()
      const res = await request(down.app).get('/readyz')
      expect(res.status).toBe(503)
      expect(res.body).toEqual({ status: 'unavailable', failing: ['database'], checks: { database: 'failed' } })
      expect(res.text).not.toMatch(/select|pool|acquire|connection/i)
      expect((await request(down.app).get('/healthz')).status).toBe(200)
    } finally {
      await down.close()
    }
  })

  it('/readyz counts a check added after the app was built, and one that hangs fails by timing out', async () => {
    readiness.push({ name: 'stuck', check: () => new Promise<void>(() => undefined) })
    try {
      const started = Date.now()
      const res = await request(t.app).get('/readyz')
      expect(res.status).toBe(503)
      expect(res.body).toEqual({ status: 'unavailable', failing: ['stuck'], checks: { database: 'ok', jobs: 'ok', stuck: 'timed out' } })
      expect(Date.now() - started).toBeLessThan(5_000)
    } finally {
      readiness.pop()
    }
  })

  it('serves no /metrics route when metrics are off', async () => {
    expect((await request(t.app).get('/metrics')).status).toBe(404)
  })
})
