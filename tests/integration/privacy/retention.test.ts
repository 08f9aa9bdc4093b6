import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Knex } from 'knex'
import request from 'supertest'
import { createApp } from '../../../src/app'
import { loadConfig } from '../../../src/config'
import { KnexSessionStore } from '../../../src/db/sessionStore'
import { createLogger } from '../../../src/logger'
import { dueForErasure, DEFAULT_RETENTION, nextDailyRun } from '../../../src/privacy/retention'
import { createServices, type Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'
import { RETENTION_KIND } from '../../../src/services/retentionService'
import { PASSWORD } from '../../support/appSetup'
import { createTestDb, type TestDb } from '../../support/testDb'
import { vet } from '../../support/cli'
import { as, createSharedDatabase, decide, importCase, ringMember, type SharedDatabase } from '../signoff/support'

const DAY = 86_400_000

/**
 * Issue 17: the retention run, with periods shortened through the configuration (RETENTION_*_DAYS):
 * rejected 2 days, open and idle 10 days; approved kept; confirmed fraud 6 years (the default).
 */
describe('retention', () => {
  let testDb: TestDb
  let db: Knex
  let services: Services
  let dataDir: string
  let people: Record<'recruiter' | 'manager' | 'security' | 'admin', number>
  const refs: Record<string, { id: string; reference: string }> = {}

  const stateOf = async (reference: string) => {
    const row = (await db('cases as c').join('subjects as s', 's.id', 'c.subject_id').where({ 'c.reference': reference, 'c.is_current': true }).first('s.full_name', 'c.status')) as { full_name: string; status: string }
    const facts = Number(((await db('facts as f').join('cases as c', 'c.id', 'f.case_id').where('c.reference', reference).count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n)
    return { name: row.full_name, status: row.status, facts }
  }

  beforeAll(async () => {
    testDb = await createTestDb()
    db = testDb.db
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-retention-'))
    const config = loadConfig({ DATA_DIR: dataDir, RETENTION_REJECTED_DAYS: '2', RETENTION_OPEN_IDLE_DAYS: '10' })
    expect(config.retention).toEqual({ ...DEFAULT_RETENTION, rejected: 2, open_idle: 10 })
    services = createServices(db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir, retention: config.retention })
    const add = async (role: 'recruiter' | 'manager' | 'security' | 'admin') => (await services.users.create({ email: `${role}@example.test`, role, displayName: role, password: PASSWORD }, systemActor())).id
    people = { recruiter: await add('recruiter'), manager: await add('manager'), security: await add('security'), admin: await add('admin') }
    const recruiter = as(people.recruiter, 'recruiter')
    const manager = as(people.manager, 'manager')
    const make = async (key: string, name: string) => {
      const id = await importCase(services, ringMember(`RET-${key}`, name, { references: [], logistics: {} }))
      refs[key] = { id, reference: ((await db('cases').where({ id }).first('reference')) as { reference: string }).reference }
    }
    await make('rejected', 'Rhona Rejected')
    await make('approved', 'Abel Approved')
    await make('fraud', 'Fergus Fraudster')
    await make('idle', 'Ida Idle')
    await make('fresh', 'Fiona Fresh')
    // Confirmed fraud: its identifiers are on the watch list (what "Confirm as fraudulent" records).
    await db('watch_keys').insert({ kind: 'email', key: 'ret-fraud@example.org', label: 'email', source_case_id: refs.fraud!.id, added_by: people.security, created_at: new Date().toISOString() })
    await decide(services, refs.rejected!.id, 'reject', recruiter, manager)
    await decide(services, refs.approved!.id, 'approve', recruiter, manager)
    await decide(services, refs.fraud!.id, 'reject', recruiter, manager)
    // Nobody has touched this open case for 20 days.
    await db('cases').where({ id: refs.idle!.id }).update({ updated_at: new Date(Date.now() - 20 * DAY).toISOString() })
  }, 120_000)

  afterAll(async () => {
    await services.close()
    await testDb.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('the pure rule: decided outcomes count from the decision, open ones from the last activity; none past its period is missed', () => {
    const now = new Date('2026-12-01T00:00:00Z')
    const due = dueForErasure(
      [
        { reference: 'VD-1', status: 'rejected', decidedAt: '2026-05-01T00:00:00Z', lastActivity: '2026-11-30T00:00:00Z', confirmedFraud: false },
        { reference: 'VD-2', status: 'rejected', decidedAt: '2026-11-01T00:00:00Z', lastActivity: '2026-11-01T00:00:00Z', confirmedFraud: false },
        { reference: 'VD-3', status: 'signed_off', decidedAt: '2016-01-01T00:00:00Z', lastActivity: '2016-01-01T00:00:00Z', confirmedFraud: false },
        { reference: 'VD-4', status: 'rejected', decidedAt: '2022-01-01T00:00:00Z', lastActivity: '2022-01-01T00:00:00Z', confirmedFraud: true },
        { reference: 'VD-5', status: 'rejected', decidedAt: '2020-01-01T00:00:00Z', lastActivity: '2020-01-01T00:00:00Z', confirmedFraud: true },
        { reference: 'VD-6', status: 'open', decidedAt: null, lastActivity: '2025-11-01T00:00:00Z', confirmedFraud: false },
        { reference: 'VD-7', status: 'in_review', decidedAt: null, lastActivity: '2026-01-01T00:00:00Z', confirmedFraud: false },
        { reference: 'VD-8', status: 'rejected', decidedAt: '2020-01-01T00:00:00Z', lastActivity: '2020-01-01T00:00:00Z', confirmedFraud: false, erased: true },
      ],
      DEFAULT_RETENTION,
      now,
    )
    expect(due.map(d => [d.reference, d.outcome, d.reason])).toEqual([
      ['VD-5', 'confirmed_fraud', 'retention policy: confirmed fraud after 2192 days'],
      ['VD-6', 'open_idle', 'retention policy: open idle after 365 days'],
      ['VD-1', 'rejected', 'retention policy: rejected after 180 days'],
    ])
    expect(nextDailyRun(new Date('2026-12-04T22:00:00Z')).toISOString()).toBe('2026-12-05T03:00:00.000Z')
    // Configuration: "never" keeps; a period is whole days, at least one.
    expect(loadConfig({ RETENTION_APPROVED_DAYS: 'never', RETENTION_REJECTED_DAYS: '30' }).retention).toMatchObject({ approved: null, rejected: 30, withdrawn: 90 })
    expect(loadConfig({ RETENTION_REJECTED_DAYS: 'never' }).retention.rejected).toBeNull()
    for (const bad of ['0', '-5', '1.5', 'soon']) expect(() => loadConfig({ RETENTION_REJECTED_DAYS: bad })).toThrow(/RETENTION_REJECTED_DAYS: use a whole number of days/)
    expect(() => loadConfig({ ACCESS_LOG_POLL_SECONDS: '1' })).toThrow(/ACCESS_LOG_POLL_SECONDS/)
    expect(loadConfig({}).accessLogs).toEqual({ dir: undefined, pollSeconds: 60 })
  })

  it('a dry run lists what is due and changes nothing', async () => {
    // One day on: the rejected case's two days have not run out; only the idle case is due.
    const early = await services.retention.run({ dryRun: true, now: new Date(Date.now() + DAY) })
    expect(early.erased.map(e => e.reference)).toEqual([refs.idle!.reference])
    const later = await services.retention.run({ dryRun: true, now: new Date(Date.now() + 3 * DAY) })
    expect(later.dryRun).toBe(true)
    expect(later.erased.map(e => [e.reference, e.outcome]).sort()).toEqual([[refs.idle!.reference, 'open_idle'], [refs.rejected!.reference, 'rejected']].sort())
    expect(Number(((await db('erasures').count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n)).toBe(0)
    expect((await stateOf(refs.rejected!.reference)).name).toBe('Rhona Rejected')
    expect(await db('audit_events').where({ type: 'RETENTION_RUN' }).first('id')).toBeUndefined()
  })

  it('the scheduled job erases exactly the cases past their period, reports them, and queues the next run', async () => {
    const jobId = await services.retention.schedule(undefined, new Date(Date.now() - 1000))
    expect(await services.retention.schedule()).toBe(jobId) // one queued run only (dedupe key)
    // The job runs "three days on": only Date is faked (timers, I/O and the drivers run as usual).
    jest.useFakeTimers({ now: Date.now() + 3 * DAY, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
    try {
      expect(await services.jobs.runUntilIdle(1)).toBe(1)
    } finally {
      jest.useRealTimers()
    }
    const job = (await services.jobs.find(jobId))!
    expect(job.status).toBe('done')
    const report = JSON.parse(job.result!) as { erased: Array<{ reference: string; outcome: string; reason: string }>; failed: unknown[]; considered: number }
    expect(report.erased.map(e => [e.reference, e.reason]).sort()).toEqual(
      [
        [refs.idle!.reference, 'retention policy: open idle after 10 days'],
        [refs.rejected!.reference, 'retention policy: rejected after 2 days'],
      ].sort(),
    )
    expect(report.failed).toEqual([])
    expect(report.considered).toBe(5)

    // Erased: the shell stays (status, reference), the person goes.
    for (const key of ['rejected', 'idle']) {
      const s = await stateOf(refs[key]!.reference)
      expect(s.name).toBe(`Erased (${refs[key]!.reference})`)
      expect(s.facts).toBe(0)
    }
    expect((await stateOf(refs.rejected!.reference)).status).toBe('rejected')
    const erasedEvent = (await db('audit_events').where({ type: 'CASE_ERASED' }).select('data')) as Array<{ data: string }>
    expect(erasedEvent.map(e => (JSON.parse(e.data) as { reason: string }).reason).sort()).toEqual(['retention policy: open idle after 10 days', 'retention policy: rejected after 2 days'])
    // Untouched: approved (kept), confirmed fraud (six years), the fresh open case.
    expect((await stateOf(refs.approved!.reference)).name).toBe('Abel Approved')
    expect((await stateOf(refs.fraud!.reference)).name).toBe('Fergus Fraudster')
    expect((await stateOf(refs.fresh!.reference)).name).toBe('Fiona Fresh')
    expect((await stateOf(refs.approved!.reference)).facts).toBeGreaterThan(0)

    const run = (await db('audit_events').where({ type: 'RETENTION_RUN' }).first('data', 'actor_user_id')) as { data: string } | undefined
    expect(run).toBeDefined()
    expect((JSON.parse(run!.data) as { erased: Array<{ reference: string }> }).erased.map(e => e.reference).sort()).toEqual([refs.idle!.reference, refs.rejected!.reference].sort())

    // The next daily run is queued, once.
    const next = (await db('jobs').where({ kind: RETENTION_KIND, status: 'queued' }).select('run_at')) as Array<{ run_at: string }>
    expect(next).toHaveLength(1)
    expect(new Date(next[0]!.run_at).getUTCHours()).toBe(3)

    // A second run finds nothing more to do.
    const again = await services.retention.run({ now: new Date(Date.now() + 3 * DAY) })
    expect(again.erased).toEqual([])
  })

  it('the admin page shows the policy, the next run and the last report; others may not see it', async () => {
    const store = new KnexSessionStore(db, 30 * 60_000)
    const app = createApp({ config: { production: false, trustProxy: false, sessionIdleMinutes: 30 }, services, sessionStore: store, sessionSecret: 'test-secret-test-secret-test-secret-0123', logger: createLogger('silent'), loginAttemptsPerIpPer15Min: 1000 })
    const signIn = async (email: string) => {
      const agent = request.agent(app)
      const page = await agent.get('/login')
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!
      await agent.post('/login').type('form').send({ _csrf: csrf, email, password: PASSWORD })
      return agent
    }
    try {
      const admin = await signIn('admin@example.test')
      const page = await admin.get('/admin/retention')
      expect(page.status).toBe(200)
      expect(page.text).toContain('Rejected')
      expect(page.text).toContain('2 days')
      expect(page.text).toContain('2,192 days')
      expect(page.text).toContain('Kept (not erased by the retention run)')
      expect(page.text).toContain(refs.rejected!.reference)
      expect(page.text).toContain('Erased')
      expect((await admin.get('/')).text).toContain('href="/admin/retention"')
      const manager = await signIn('manager@example.test')
      expect((await manager.get('/admin/retention')).status).toBe(403)
    } finally {
      store.close()
    }
  })
})

describe('vet retention run', () => {
  let shared: SharedDatabase
  let rejected: string
  let open: string

  beforeAll(async () => {
    shared = await createSharedDatabase()
    const i = shared.instance()
    const recruiter = as((await i.services.users.create({ email: 'r@example.test', role: 'recruiter', displayName: 'R', password: PASSWORD }, systemActor())).id, 'recruiter')
    const manager = as((await i.services.users.create({ email: 'm@example.test', role: 'manager', displayName: 'M', password: PASSWORD }, systemActor())).id, 'manager')
    const a = await importCase(i.services, ringMember('CLI-1', 'Carla Cliff', { references: [], logistics: {} }))
    const b = await importCase(i.services, ringMember('CLI-2', 'Otto Open', { references: [], logistics: {} }))
    await decide(i.services, a, 'reject', recruiter, manager)
    const ref = async (id: string) => ((await i.db('cases').where({ id }).first('reference')) as { reference: string }).reference
    rejected = await ref(a)
    open = await ref(b)
  }, 120_000)
  afterAll(() => shared.close())

  const threeDaysOn = async <T>(work: () => Promise<T>): Promise<T> => {
    jest.useFakeTimers({ now: Date.now() + 3 * DAY, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
    try {
      return await work()
    } finally {
      jest.useRealTimers()
    }
  }

  it('--dry-run --json lists what is due and changes nothing; a run erases it; a bad command is a usage error', async () => {
    const env = { ...shared.env, RETENTION_REJECTED_DAYS: '2' }
    expect((await vet(['retention'], env)).code).toBe(2)
    expect((await vet(['retention', 'run'], { ...env, RETENTION_REJECTED_DAYS: 'soon' })).err).toContain('RETENTION_REJECTED_DAYS')

    const dry = await threeDaysOn(() => vet(['retention', 'run', '--dry-run', '--json'], env))
    expect(dry.code).toBe(0)
    const report = JSON.parse(dry.out) as { dryRun: boolean; erased: Array<{ reference: string; reason: string }>; considered: number }
    expect(report).toMatchObject({ dryRun: true, considered: 2 })
    expect(report.erased.map(e => [e.reference, e.reason])).toEqual([[rejected, 'retention policy: rejected after 2 days']])
    const i = shared.instance()
    expect(Number(((await i.db('erasures').count({ n: '*' })) as Array<{ n: unknown }>)[0]!.n)).toBe(0)

    // Not yet due without the shortened period (the default is 180 days).
    expect(JSON.parse((await threeDaysOn(() => vet(['retention', 'run', '--dry-run', '--json'], shared.env))).out).erased).toEqual([])

    const real = await threeDaysOn(() => vet(['retention', 'run'], env))
    expect(real.code).toBe(0)
    expect(real.out).toContain('Erased 1 of 2 case(s)')
    expect(real.out).toContain(`${rejected}  retention policy: rejected after 2 days`)
    const names = (await i.db('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.is_current', true).select('c.reference', 's.full_name')) as Array<{ reference: string; full_name: string }>
    expect(Object.fromEntries(names.map(r => [r.reference, r.full_name]))).toEqual({ [rejected]: `Erased (${rejected})`, [open]: 'Otto Open' })
  })
})
