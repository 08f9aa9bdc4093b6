import { createTestDb, type TestDb } from '../../tests/support/testDb'
import { createJobQueue, LeaseLost } from './jobQueue'
import { createJobRunner, type JobHandler } from './jobRunner'

describe('job queue', () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb()
  })
  afterAll(() => t.destroy())
  beforeEach(() => t.db('jobs').del())

  it('gives a live job for the same dedupe key instead of a second one, and a new one once it is done', async () => {
    const q = createJobQueue(t.db)
    const a = await q.enqueue('k', {}, { dedupeKey: 'hunt:1' })
    const b = await q.enqueue('k', {}, { dedupeKey: 'hunt:1' })
    expect(b).toEqual({ id: a.id, existing: true })
    const job = (await q.claim('w', ['k'], 10_000))!
    await q.complete(t.db, job.id, 'w', { ok: true })
    expect((await q.enqueue('k', {}, { dedupeKey: 'hunt:1' })).existing).toBe(false)
  })

  it('claims only due jobs of its kinds, one worker each', async () => {
    const q = createJobQueue(t.db)
    await q.enqueue('later', {}, { runAt: new Date(Date.now() + 60_000) })
    const { id } = await q.enqueue('k', { n: 1 })
    expect(await q.claim('w1', ['other'], 1000)).toBeUndefined()
    expect((await q.claim('w1', ['k', 'later'], 1000))!.id).toBe(id)
    expect(await q.claim('w2', ['k', 'later'], 1000)).toBeUndefined()
  })

  it('a worker whose lease ran out cannot commit: the job is claimed again and the stale checkpoint fails', async () => {
    const q = createJobQueue(t.db)
    const { id } = await q.enqueue('k', {})
    expect(await q.claim('old', ['k'], 1)).toBeDefined()
    await new Promise(r => setTimeout(r, 10))
    const taken = (await q.claim('new', ['k'], 10_000))!
    expect(taken.id).toBe(id)
    expect(taken.attempts).toBe(2)
    await expect(t.db.transaction(trx => q.checkpoint(trx, id, 'old', { at: 1 }))).rejects.toBeInstanceOf(LeaseLost)
    expect(await q.heartbeat(id, 'old', 1000)).toBe(false)
    await q.checkpoint(t.db, id, 'new', { at: 1 })
  })

  it('retries with a growing back-off and leaves a job dead after its last attempt; a dead job can be retried', async () => {
    const q = createJobQueue(t.db)
    const { id } = await q.enqueue('k', {}, { maxAttempts: 2 })
    const now = new Date()
    let job = (await q.claim('w', ['k'], 1000, now))!
    expect(await q.fail(job, 'w', 'boom', now)).toBe('queued')
    const row = (await q.find(id))!
    expect(Date.parse(row.run_at) - now.getTime()).toBe(5000)
    expect(row.last_error).toBe('boom')
    job = (await q.claim('w', ['k'], 1000, new Date(now.getTime() + 6000)))!
    expect(await q.fail(job, 'w', 'boom again', now)).toBe('dead')
    expect((await q.find(id))!.status).toBe('dead')
    expect(await q.retry(id)).toBe(true)
    expect((await q.find(id))!.status).toBe('queued')
  })

  it('release gives a held job back at once without counting the attempt', async () => {
    const q = createJobQueue(t.db)
    const { id } = await q.enqueue('k', {})
    await q.claim('w', ['k'], 60_000)
    expect(await q.release('w')).toBe(1)
    const row = (await q.find(id))!
    expect([row.status, row.attempts, row.locked_by]).toEqual(['queued', 0, null])
    expect((await q.depth()).find(d => d.kind === 'k')).toMatchObject({ status: 'queued', count: 1 })
  })

  it('the runner resumes a handler from its checkpoint and completes it once', async () => {
    const q = createJobQueue(t.db)
    const seen: number[] = []
    let failOnce = true
    const handler: JobHandler<{ n: number }> = {
      kind: 'steps',
      async run(ctx) {
        for (let i = (ctx.checkpoint as { next: number } | null)?.next ?? 0; i < ctx.payload.n; i++) {
          if (i === 3 && failOnce) {
            failOnce = false
            throw new Error('transient')
          }
          await ctx.step(async () => seen.push(i), { next: i + 1 }, { done: i + 1 })
        }
        return { total: seen.length }
      },
    }
    const { id } = await q.enqueue('steps', { n: 6 })
    const runner = createJobRunner({ db: t.db, queue: q, handlers: [handler as JobHandler<never>], worker: 'w' })
    await runner.runUntilIdle()
    expect((await q.find(id))!.status).toBe('queued') // waiting out its back-off
    await t.db('jobs').where({ id }).update({ run_at: new Date().toISOString() })
    await runner.runUntilIdle()
    const row = (await q.find(id))!
    expect(row.status).toBe('done')
    expect(seen).toEqual([0, 1, 2, 3, 4, 5])
    expect(JSON.parse(row.result!)).toEqual({ total: 6 })
  })
})
