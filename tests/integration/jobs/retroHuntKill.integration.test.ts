import type { ChildProcess } from 'node:child_process'
import { exited, spawnWorker, until } from '../../support/workerProcess'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Application } from '../../../src/ingest/applicationFormat'
import { application } from '../../support/applications'
import { createServices, type Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'

/**
 * Issue 16: a retro-hunt runs on the durable queue, so a worker killed with -9 in the middle of it and a
 * worker started afterwards finish it exactly once: each matching case hit once, flagged once, its
 * rules run once in the audit trail, and listed once in the job's result. Run on SQLite, and on
 * PostgreSQL with DATABASE_URL set. The population is large enough (no test-only slowing) that the
 * first worker is still hunting when it is killed.
 */
const N = Number(process.env.RETRO_KILL_CASES ?? 300)
const PHONES = 20
const WALLETS = 20
const none = async () => ({ problem: 'none' })

// Each matching case has its own phone or wallet (none shared between cases): linked cases would be
// scored again as neighbours of one another, which is another test's subject.
const phoneOf = (i: number) => `+1 646 555 ${String(100 + i).padStart(4, '0')}`
const walletOf = (i: number) => `0x${crypto.createHash('sha256').update(`retro-wallet-${i}`).digest('hex').slice(0, 40)}`
function person(i: number): Application {
  const id = `RH-${String(i).padStart(4, '0')}`
  const extra = i < PHONES ? { phone: phoneOf(i) } : {}
  return application({
    format: 'vetting/application@1',
    external_id: id,
    kind: 'candidate',
    person: { full_name: `Person ${i} Example`, email: `rh${i}@example.org`, ...extra },
    ...(i >= PHONES && i < PHONES + WALLETS ? { payment: { method: 'crypto', wallet_address: walletOf(i) } } : {}),
  })
}

const worker = (t: TestDb, dataDir: string, extra: NodeJS.ProcessEnv = {}): ChildProcess => spawnWorker('tests/support/appWorker.ts', t, { DATA_DIR: dataDir, ...extra })



describe('a retro-hunt killed with -9 and resumed', () => {
  let t: TestDb
  let dataDir: string
  let services: Services
  const caseIds: string[] = []
  beforeAll(async () => {
    t = await createTestDb()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-retro-kill-'))
    services = createServices(t.db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir })
    const started = Date.now()
    for (let i = 0; i < N; i++) {
      const app = person(i)
      const out = await services.ingest.importApplication(`${app.external_id}.json`, app, none, systemActor())
      if (!('caseId' in out)) throw new Error(JSON.stringify(out))
      caseIds.push(out.caseId)
    }
    process.stdout.write(`retro-hunt kill (${usingPostgres() ? 'PostgreSQL' : 'SQLite'}): ${N} cases seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }, 240_000)
  afterAll(async () => {
    await services.close()
    await t.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('kill -9 after 50 cases are hunted, then a new worker: the job completes exactly once', async () => {
    const expected = caseIds.slice(0, PHONES + WALLETS)
    const lastEvent = Number(((await t.db('audit_events').max({ m: 'id' }).first()) as { m: number | string | null }).m ?? 0)
    const csv = ['type,value,first_seen,expires,comment', ...Array.from({ length: PHONES }, (_, i) => `phone,${phoneOf(i)},2026-10-01,,farm`), ...Array.from({ length: WALLETS }, (_, i) => `wallet,${walletOf(PHONES + i)},2026-10-01,,payout`), 'phone,+1 646 555 0999,2026-10-01,,nobody here'].join('\n')
    const summary = await services.indicators.importFeed(Buffer.from(`${csv}\n`), { source: 'Partner ISAC' }, systemActor('kill-test'))
    expect(summary).toMatchObject({ added: PHONES + WALLETS + 1, rejected: [] })
    const jobId = summary.jobId!
    expect(jobId).toBeTruthy()

    const progress = async () => {
      const row = (await t.db('jobs').where({ id: jobId }).first('progress', 'status')) as { progress: string | null; status: string }
      return { status: row.status, ...((row.progress ? JSON.parse(row.progress) : {}) as { done?: number; total?: number }) }
    }
    const first = worker(t, dataDir, { JOB_WORKER_NAME: 'first' })
    await until(async () => ((await progress()).done ?? 0) >= 50, 120_000, 5)
    first.kill('SIGKILL')
    await exited(first)
    const atKill = await progress()
    const hitsAtKill = Number(((await t.db('indicator_hits').count({ n: '*' }).first()) as { n: number | string }).n)
    process.stdout.write(`retro-hunt kill (${usingPostgres() ? 'PostgreSQL' : 'SQLite'}): killed at ${atKill.done}/${atKill.total} cases hunted, ${hitsAtKill} hits recorded\n`)
    // killed in the middle: the job had begun and not finished
    expect(atKill.status).toBe('running')
    expect(atKill.done).toBeLessThan(N)

    const second = worker(t, dataDir, { JOB_WORKER_NAME: 'second', JOB_EXIT_WHEN_IDLE: '1' })
    expect(await exited(second)).toBe(0)

    const job = (await services.jobs.find(jobId))!
    expect(job.status).toBe('done')
    expect(job.attempts).toBe(2)

    // every matching case hit exactly once, and no other case
    const hits = (await t.db('indicator_hits').select('case_id', 'indicator_id', 'job_id')) as Array<{ case_id: string; indicator_id: number; job_id: string | null }>
    expect(hits).toHaveLength(expected.length)
    expect(hits.map(h => h.case_id).sort()).toEqual([...expected].sort())
    expect(new Set(hits.map(h => `${h.case_id}/${h.indicator_id}`)).size).toBe(expected.length)
    expect(hits.every(h => h.job_id === jobId)).toBe(true)

    // the job's result lists each case once
    const result = JSON.parse(job.result!) as { scanned: number; hits: number; cases: Array<{ caseId: string; source: string }> }
    expect(result.hits).toBe(expected.length)
    expect(result.cases.map(c => c.caseId).sort()).toEqual([...expected].sort())
    expect(result.cases.every(c => c.source === 'Partner ISAC')).toBe(true)

    // each matching open case: one current shared-indicator flag, one RULES_RUN and one SHARED_INDICATOR_HIT from the hunt
    const flags = (await t.db('findings').whereNull('superseded_at').where({ rule_id: 'links-shared-indicator', status: 'flag' }).select('case_id')) as Array<{ case_id: string }>
    expect(flags.map(f => f.case_id).sort()).toEqual([...expected].sort())
    const events = (await t.db('audit_events').where('id', '>', lastEvent).whereIn('type', ['RULES_RUN', 'SHARED_INDICATOR_HIT']).select('type', 'case_id')) as Array<{ type: string; case_id: string }>
    for (const type of ['RULES_RUN', 'SHARED_INDICATOR_HIT']) expect(events.filter(e => e.type === type).map(e => e.case_id).sort()).toEqual([...expected].sort())
  }, 240_000)
})
