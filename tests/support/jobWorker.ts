/**
 * A worker process for the durable-queue tests: it runs jobs of kind `test.count`, whose every step
 * writes one row to `job_test_effects` together with its checkpoint, slowly enough to be killed midway.
 * Environment: JOB_DB_SQLITE (a file) or DATABASE_URL + JOB_DB_SCHEMA; JOB_LEASE_MS; JOB_STEP_MS;
 * JOB_EXIT_WHEN_IDLE=1 to exit when no job is due.
 */
import { createKnex } from '../../src/db/knex'
import { createJobQueue } from '../../src/jobs/jobQueue'
import { createJobRunner, type JobHandler } from '../../src/jobs/jobRunner'

const db = process.env.JOB_DB_SQLITE ? createKnex({ sqliteFile: process.env.JOB_DB_SQLITE }) : createKnex({ databaseUrl: process.env.DATABASE_URL!, pgSchema: process.env.JOB_DB_SCHEMA! })
const stepMs = Number(process.env.JOB_STEP_MS ?? 20)
const worker = `${process.env.JOB_WORKER_NAME ?? 'w'}:${process.pid}`

const count: JobHandler<{ n: number }> = {
  kind: 'test.count',
  async run(ctx) {
    let i = (ctx.checkpoint as { next: number } | null)?.next ?? 0
    for (; i < ctx.payload.n; i++) {
      await new Promise(r => setTimeout(r, stepMs))
      const at = i
      await ctx.step(trx => trx('job_test_effects').insert({ job_id: ctx.job.id, step: at, worker }), { next: at + 1 }, { done: at + 1, total: ctx.payload.n })
    }
    return { steps: ctx.payload.n }
  },
}

async function main() {
  const runner = createJobRunner({ db, queue: createJobQueue(db), handlers: [count as JobHandler<never>], leaseMs: Number(process.env.JOB_LEASE_MS ?? 1000), pollMs: 100, worker })
  if (process.env.JOB_EXIT_WHEN_IDLE) {
    // Keep looking until nothing has been due for a while (a job another process holds may come back).
    let idle = 0
    while (idle < 15) {
      const n = await runner.runUntilIdle()
      idle = n ? 0 : idle + 1
      if (!n) await new Promise(r => setTimeout(r, 200))
    }
  } else {
    runner.start()
    await new Promise(() => undefined)
  }
  await db.destroy()
}

main().catch(error => {
  process.stderr.write(String(error))
  process.exit(1)
})
