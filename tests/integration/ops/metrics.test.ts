import crypto from 'node:crypto'
import request from 'supertest'
import { systemActor } from '../../../src/services/context'
import { metricsApp } from '../../../src/metrics/metrics'
import { addUser, signIn } from '../../support/appSetup'
import { createOpsApp, sample, type OpsApp } from './support'

const TOKEN = 'metrics-token-metrics-token-0123456789'
const scrape = (t: OpsApp, token = TOKEN) => request(t.app).get('/metrics').set('Authorization', `Bearer ${token}`)

describe('Prometheus metrics', () => {
  let t: OpsApp
  let clock = Date.parse('2026-12-05T12:00:00.000Z')
  beforeAll(async () => {
    t = await createOpsApp({ metrics: { token: TOKEN, now: () => clock } })
  })
  afterAll(() => t.close())

  it('/metrics on the main port needs the bearer token: 401 without it or with a wrong one', async () => {
    const none = await request(t.app).get('/metrics')
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/)
    expect(none.text).not.toMatch(/http_request_duration_seconds/)
    expect((await scrape(t, `${TOKEN}x`)).status).toBe(401)
    expect((await scrape(t, TOKEN.slice(0, -1))).status).toBe(401)
    expect((await request(t.app).get('/metrics').set('Authorization', TOKEN)).status).toBe(401) // no "Bearer"
    const ok = await scrape(t)
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toMatch(/^text\/plain/)
    expect(ok.headers['set-cookie']).toBeUndefined()
    expect(ok.text).toMatch(/^process_cpu_user_seconds_total /m) // default process metrics
  })

  it('is off (404) on an app built without metrics, and each app has a registry of its own', async () => {
    const plain = await createOpsApp()
    const other = await createOpsApp({ metrics: { token: TOKEN } })
    try {
      expect((await request(plain.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(404)
      expect(other.metrics!.registry).not.toBe(t.metrics!.registry)
      await request(other.app).get('/healthz')
      expect(sample((await scrape(other)).text, 'http_request_duration_seconds_count', { route: '/healthz' })).toBe(1)
    } finally {
      await other.close()
      await plain.close()
    }
  })

  it('times requests by method, route template and status class: ids never become labels', async () => {
    await addUser(t.services, 'recruiter')
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const c = await t.services.cases.create({ kind: 'candidate', fullName: `Metrics Person ${i}` }, systemActor())
      ids.push(c.id)
      expect((await agent.get(`/cases/${c.id}`)).status).toBe(200)
    }
    const missing = crypto.randomUUID()
    await agent.get(`/cases/${missing}`)
    await agent.get('/no/such/page/12345')
    for (let i = 0; i < 2; i++) await request(t.app).get('/healthz')
    const text = (await scrape(t)).text
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/cases/:id', status: '2xx' })).toBe(3)
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/cases/:id', status: '4xx' })).toBe(1)
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/healthz', status: '2xx' })).toBeGreaterThanOrEqual(2)
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/login', status: '3xx' })).toBe(1)
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'no_route', status: '4xx' })).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/cases/:id', status: '2xx', le: '+Inf' })).toBe(3)
    for (const id of [...ids, missing]) expect(text).not.toContain(id)
    expect(text).not.toMatch(/12345|Metrics Person|recruiter@example/)
    const routes = new Set([...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="([^"]*)"/gm)].map(m => m[1]))
    for (const route of routes) expect(route).toMatch(/^(no_route|\/[\w/.:-]*)$/)
  })

  it('reads findings and sign-offs at scrape time, keeps them 10 s, and tolerates an empty jobs table', async () => {
    clock += 60_000 // past whatever an earlier scrape cached
    const expectFindings = async () =>
      (await t.testDb.db('findings').select('rule_id', 'status').count({ n: '*' }).whereNull('superseded_at').groupBy('rule_id', 'status')).map((r: Record<string, unknown>) => ({ rule: String(r.rule_id), status: String(r.status), n: Number(r.n) }))
    const current = await expectFindings()
    expect(current.length).toBeGreaterThan(0) // the cases made above were scored
    let text = (await scrape(t)).text
    expect(text).toMatch(/^# TYPE jobs_queue_depth gauge$/m)
    expect(text).not.toMatch(/^jobs_queue_depth\{/m) // the jobs table is empty: no samples, no error
    expect(text).not.toMatch(/^jobs_oldest_queued_age_seconds\{/m)
    for (const row of current) expect(sample(text, 'findings_total', { rule: row.rule, status: row.status })).toBe(row.n)
    expect(text).not.toMatch(/^signoffs_total\{/m)

    const [manager] = await Promise.all([addUser(t.services, 'manager')])
    const [caseRow] = await t.testDb.db('cases').select('id').limit(1)
    await t.testDb.db('signoffs').insert({ case_id: caseRow.id, decision: 'escalate', statement: 'needs a second look', signer_id: manager.id, signed_at: new Date(clock).toISOString(), digest: '0'.repeat(64), snapshot: '{}' })
    text = (await scrape(t)).text
    expect(text).not.toMatch(/^signoffs_total\{/m) // cached for 10 s: the scrape loop does not reach the database
    clock += 9_000
    expect((await scrape(t)).text).not.toMatch(/^signoffs_total\{/m)
    clock += 1_000
    text = (await scrape(t)).text
    expect(sample(text, 'signoffs_total', { decision: 'escalate' })).toBe(1)
  })

  it('counts jobs by kind and status and the age of the oldest due queued job', async () => {
    const iso = (msAgo: number) => new Date(clock - msAgo).toISOString()
    const job = (kind: string, status: string, runMsAgo: number) => ({ id: crypto.randomUUID(), kind, payload: '{}', status, run_at: iso(runMsAgo), created_at: iso(runMsAgo + 5_000), updated_at: iso(0) })
    await t.testDb.db('jobs').insert([
      job('retrohunt', 'queued', 90_000), // due for 90 s
      job('retrohunt', 'queued', 30_000),
      job('retrohunt', 'running', 10_000),
      job('retrohunt', 'done', 500_000), // history: not counted
      job('rescreen', 'queued', -60_000), // scheduled a minute ahead: not late
      job('rescreen', 'dead', 1_000_000),
    ])
    clock += 10_000
    const text = (await scrape(t)).text
    expect(sample(text, 'jobs_queue_depth', { kind: 'retrohunt', status: 'queued' })).toBe(2)
    expect(sample(text, 'jobs_queue_depth', { kind: 'retrohunt', status: 'running' })).toBe(1)
    expect(sample(text, 'jobs_queue_depth', { kind: 'retrohunt', status: 'done' })).toBeUndefined()
    expect(sample(text, 'jobs_queue_depth', { kind: 'rescreen', status: 'queued' })).toBe(1)
    expect(sample(text, 'jobs_queue_depth', { kind: 'rescreen', status: 'dead' })).toBe(1)
    expect(sample(text, 'jobs_oldest_queued_age_seconds', { kind: 'retrohunt' })).toBeCloseTo(100, 3) // 90 s + the 10 s that passed
    expect(sample(text, 'jobs_oldest_queued_age_seconds', { kind: 'rescreen' })).toBe(0)
  })

  it('counts import files by outcome and the time imports ran', async () => {
    const before = (await scrape(t)).text
    expect(sample(before, 'import_files_total', { outcome: 'rejected' })).toBe(0)
    const recruiter = await t.testDb.db('users').where({ email: 'recruiter@example.test' }).first()
    const ctx = { userId: Number(recruiter.id), role: 'recruiter' as const, requestId: null }
    const id = await t.services.imports.start(
      [
        { name: 'a.txt', data: Buffer.from('Get Person\nget.person@example.test') },
        // A NUL byte makes it binary whatever follows: 64 random bytes sniff as single-byte text 4.5 times in 100.
        { name: 'junk.bin', data: Buffer.concat([Buffer.from([0, 0xff]), crypto.randomBytes(62)]) },
      ],
      ctx,
    )
    const job = await t.services.imports.waitFor(id)
    expect([job.status, job.created, job.rejected]).toEqual(['done', 1, 1])
    const text = (await scrape(t)).text
    const counted = ['created', 'updated', 'unchanged', 'rejected'].map(outcome => sample(text, 'import_files_total', { outcome }) ?? 0)
    expect(counted.reduce((a, b) => a + b, 0)).toBe(job.processed)
    expect(sample(text, 'import_files_total', { outcome: 'created' })).toBe(job.created)
    expect(sample(text, 'import_files_total', { outcome: 'rejected' })).toBe(job.rejected)
    expect(sample(text, 'import_seconds_total')).toBeGreaterThan(0)
    expect(sample(text, 'import_throughput_files_per_second')).toBeGreaterThan(0)
  })

  it('serves the same registry on a separate port (no sessions, nothing else there)', async () => {
    const open = metricsApp(t.metrics!.registry, undefined)
    const res = await request(open).get('/metrics')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m)
    expect((await request(open).get('/')).status).toBe(404)
    expect((await request(open).get('/cases')).status).toBe(404)
    const guarded = metricsApp(t.metrics!.registry, TOKEN)
    expect((await request(guarded).get('/metrics')).status).toBe(401)
    expect((await request(guarded).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200)
  })
})
