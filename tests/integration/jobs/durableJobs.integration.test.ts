import type { ChildProcess } from 'node:child_process'
import { exited, spawnWorker, until } from '../../support/workerProcess'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'
import { createJobQueue } from '../../../src/jobs/jobQueue'


const worker = (t: TestDb, extra: NodeJS.ProcessEnv = {}): ChildProcess => spawnWorker('tests/support/jobWorker.ts', t, { JOB_STEP_MS: '15', ...extra })

describe('durable jobs across processes', () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb()
    await t.db.schema.createTable('job_test_effects', table => {
      table.increments('id')
      table.string('job_id', 36)
      table.integer('step')
      table.string('worker', 100)
    })
  })
  afterAll(() => t.destroy())

  const effects = async (jobId: string) => (await t.db('job_test_effects').where({ job_id: jobId }).select('step', 'worker')) as Array<{ step: number; worker: string }>

  it('kill -9 in the middle of a job, then restart: every step is done exactly once and the job completes once', async () => {
    const queue = createJobQueue(t.db)
    const { id } = await queue.enqueue('test.count', { n: 120 })
    const first = worker(t, { JOB_WORKER_NAME: 'first' })
    await until(async () => (await effects(id)).length >= 30)
    first.kill('SIGKILL')
    await exited(first)
    const halfway = (await effects(id)).length
    expect((await queue.find(id))!.status).toBe('running') // left claimed by the dead worker
    const second = worker(t, { JOB_WORKER_NAME: 'second', JOB_EXIT_WHEN_IDLE: '1' })
    expect(await exited(second)).toBe(0)
    const job = (await queue.find(id))!
    expect(job.status).toBe('done')
    expect(JSON.parse(job.result!)).toEqual({ steps: 120 })
    const rows = await effects(id)
    expect(rows.map(r => r.step).sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i))
    expect(rows.filter(r => r.worker.startsWith('first')).length).toBe(halfway)
    expect(job.attempts).toBe(2)
  }, 120_000)

  it('two worker processes on one queue share the jobs without doing any twice', async () => {
    const queue = createJobQueue(t.db)
    const ids: string[] = []
    for (let i = 0; i < 12; i++) ids.push((await queue.enqueue('test.count', { n: 8 })).id)
    const a = worker(t, { JOB_WORKER_NAME: 'a', JOB_EXIT_WHEN_IDLE: '1', JOB_STEP_MS: '10' })
    const b = worker(t, { JOB_WORKER_NAME: 'b', JOB_EXIT_WHEN_IDLE: '1', JOB_STEP_MS: '10' })
    expect(await exited(a)).toBe(0)
    expect(await exited(b)).toBe(0)
    const jobs = await t.db('jobs').whereIn('id', ids).select('status', 'attempts')
    expect(jobs.every(j => j.status === 'done' && Number(j.attempts) === 1)).toBe(true)
    const rows = (await t.db('job_test_effects').whereIn('job_id', ids).select('job_id', 'step', 'worker')) as Array<{ job_id: string; step: number; worker: string }>
    expect(rows).toHaveLength(12 * 8)
    expect(new Set(rows.map(r => `${r.job_id}:${r.step}`)).size).toBe(12 * 8)
    // each job was worked by one process only
    for (const id of ids) expect(new Set(rows.filter(r => r.job_id === id).map(r => r.worker.split(':')[0])).size).toBe(1)
    if (usingPostgres()) expect(new Set(rows.map(r => r.worker.split(':')[0])).size).toBe(2) // both took part
  }, 120_000)
})
