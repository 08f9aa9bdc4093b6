import type { ChildProcess } from 'node:child_process'
import { exited, spawnWorker, until } from '../../support/workerProcess'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'
import { syntheticApplications } from '../../support/population'
import { createServices, type Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'

/**
 * Issue 16: an import runs on the durable queue, so a worker killed with -9 in the middle of it, and a
 * worker started afterwards, finish it exactly once: every application imported once, each file in the
 * report once with its outcome, the import done and its uploads gone. Run on SQLite, and on PostgreSQL
 * with DATABASE_URL set.
 */
const N = 200

const worker = (t: TestDb, dataDir: string, extra: NodeJS.ProcessEnv = {}): ChildProcess => spawnWorker('tests/support/appWorker.ts', t, { DATA_DIR: dataDir, ...extra })



describe('an import killed with -9 and resumed', () => {
  let t: TestDb
  let dataDir: string
  let services: Services
  beforeAll(async () => {
    t = await createTestDb()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-kill-'))
    services = createServices(t.db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir })
  })
  afterAll(async () => {
    await services.close()
    await t.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const count = async (table: string, where: (q: ReturnType<TestDb['db']>) => unknown) => {
    const q = t.db(table)
    where(q)
    return Number(((await q.count({ n: '*' }).first()) as { n: number | string }).n)
  }
  const casesOf = (prefix: string) => count('cases', q => (q as { where: (c: string, o: string, v: string) => unknown }).where('external_id', 'like', `${prefix}-%`))
  const recorded = async (importId: string) => (await t.db('import_jobs').where({ id: importId }).first('processed', 'created', 'total', 'status')) as { processed: number; created: number; total: number; status: string }

  /** Enqueue 200 JSON applications and a broken file; kill the first worker when `killWhen` says so; a second one finishes. */
  async function killAndResume(prefix: string, killWhen: (importId: string) => Promise<boolean>) {
    const population = syntheticApplications(N, { withResume: false, prefix })
    const uploads = [...population.files.map(f => ({ name: f.path, data: f.data })), { name: 'broken.json', data: Buffer.from('{"format": "vetting/application@1",') }]
    const importId = await services.imports.enqueue(uploads, systemActor('kill-test'), { batchSize: 10 })
    const uploadDir = path.join(dataDir, 'imports', importId)
    expect(fs.statSync(uploadDir).mode & 0o777).toBe(0o700)
    expect(fs.readdirSync(uploadDir).every(f => (fs.statSync(path.join(uploadDir, f)).mode & 0o777) === 0o600)).toBe(true)

    const first = worker(t, dataDir, { JOB_WORKER_NAME: 'first' })
    await until(() => killWhen(importId), 120_000, 5)
    first.kill('SIGKILL')
    await exited(first)
    const atKill = { cases: await casesOf(prefix), ...(await recorded(importId)) }
    // killed in the middle: some applications in, the import not finished
    expect(atKill.cases).toBeGreaterThanOrEqual(20)
    expect(atKill.status).toBe('running')
    expect(atKill.processed).toBeLessThan(N + 1)
    expect(fs.existsSync(uploadDir)).toBe(true) // the uploads survive the kill

    const second = worker(t, dataDir, { JOB_WORKER_NAME: 'second', JOB_EXIT_WHEN_IDLE: '1' })
    expect(await exited(second)).toBe(0)

    const row = await services.imports.get(importId)
    expect(row.status).toBe('done')
    expect(row).toMatchObject({ total: N + 1, processed: N + 1, created: N, updated: 0, unchanged: 0, rejected: 1 })
    const report = JSON.parse(row.report) as Array<{ file: string; outcome: string; caseId?: string }>
    expect(report).toHaveLength(N + 1)
    expect(new Set(report.map(r => r.file)).size).toBe(N + 1) // each file once
    expect(report.map(r => r.file).sort()).toEqual(uploads.map(u => u.name).sort())
    for (const r of report) expect(['created', 'updated', 'unchanged', 'rejected']).toContain(r.outcome)
    expect(report.filter(r => r.outcome === 'created')).toHaveLength(N)
    expect(report.find(r => r.file === 'broken.json')?.outcome).toBe('rejected')
    expect(new Set(report.flatMap(r => (r.caseId ? [r.caseId] : []))).size).toBe(N)

    // every application once: as many cases as applications, no duplicate subjects or cases
    expect(await casesOf(prefix)).toBe(N)
    const caseRows = (await t.db('cases').where('external_id', 'like', `${prefix}-%`).select('external_id', 'subject_id')) as Array<{ external_id: string; subject_id: string }>
    expect(new Set(caseRows.map(c => c.external_id)).size).toBe(N)
    expect(new Set(caseRows.map(c => c.subject_id)).size).toBe(N)
    expect(await count('subjects', q => (q as { whereIn: (c: string, v: string[]) => unknown }).whereIn('id', caseRows.map(c => c.subject_id)))).toBe(N)

    const job = (await services.jobs.find(row.job_id!))!
    expect(job.status).toBe('done')
    expect(job.attempts).toBe(2)
    expect(job.payload).not.toContain('.json') // file names stay out of the queue
    expect(fs.existsSync(uploadDir)).toBe(false) // the uploads went with the finished import
    const finished = await count('audit_events', q => (q as { where: (w: object) => unknown }).where({ type: 'IMPORT_FINISHED', target: `import:${importId}` }))
    expect(finished).toBe(1)
    return atKill
  }

  it('kill -9 at a random point after 20 applications: the import finishes exactly once', async () => {
    const extra = 20 + Math.floor(Math.random() * 120)
    const atKill = await killAndResume('KILLR', async () => (await casesOf('KILLR')) >= extra)
    process.stdout.write(`random kill (${usingPostgres() ? 'PostgreSQL' : 'SQLite'}): ${atKill.cases} cases written, ${atKill.processed} files recorded when killed\n`)
  }, 180_000)

  it('kill -9 after a batch is written but before it is recorded: the batch is reported as created, not unchanged', async () => {
    // The window between the ingest's commits and the step that records them: aim for it, and say whether it was hit.
    const atKill = await killAndResume('KILLW', async importId => {
      const cases = await casesOf('KILLW')
      return cases >= 20 && cases > (await recorded(importId)).created
    })
    process.stdout.write(`window kill (${usingPostgres() ? 'PostgreSQL' : 'SQLite'}): ${atKill.cases} cases written, ${atKill.created} recorded created when killed${atKill.cases > atKill.created ? ' (inside the window)' : ''}\n`)
  }, 180_000)
})
