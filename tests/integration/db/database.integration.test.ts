import request from 'supertest'
import { createTestApp, type TestApp } from '../../support/appSetup'

describe('database and health', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('runs SQLite in WAL mode with foreign keys on', async () => {
    if (t.testDb.client !== 'sqlite3') return
    const [journal] = await t.testDb.db.raw('PRAGMA journal_mode')
    const [fk] = await t.testDb.db.raw('PRAGMA foreign_keys')
    expect(journal.journal_mode).toBe('wal')
    expect(fk.foreign_keys).toBe(1)
  })

  it('answers /healthz (liveness, no database) and /readyz (the database answers) without a session, secrets or counts', async () => {
    const res = await request(t.app).get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    expect(res.headers['set-cookie']).toBeUndefined()
    const ready = await request(t.app).get('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok' } })
    expect(ready.headers['set-cookie']).toBeUndefined()
  })

  it('serves the application JSON Schema publicly and cacheably, while pages stay no-store', async () => {
    const schema = await request(t.app).get('/schema/application.json')
    expect(schema.status).toBe(200)
    expect(schema.headers['cache-control']).toBe('public, max-age=3600')
    expect(schema.body).toMatchObject({ title: 'vetting/application@1' })
    expect((await request(t.app).get('/login')).headers['cache-control']).toBe('no-store')
  })
})
