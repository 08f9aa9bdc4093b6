import crypto from 'node:crypto'
import type { Knex } from 'knex'

/**
 * A small durable queue in the app's own database, on SQLite and PostgreSQL alike. We did not take a
 * library: graphile-worker and pg-boss need PostgreSQL, BullMQ needs Redis, and the embedded SQLite
 * default must work on its own. The queue is one table (migrations/20261205000100_create_jobs.ts):
 *
 * - Claiming is one UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING: PostgreSQL adds FOR UPDATE SKIP
 *   LOCKED so several instances never claim one row; SQLite runs one writer at a time, so the statement
 *   is atomic by itself.
 * - A claim is a lease (locked_by, locked_until) that the worker renews while it works. A worker killed
 *   with -9 stops renewing; when its lease runs out the job is claimed again and resumes from its
 *   checkpoint.
 * - Fencing: every write a handler makes about its job (checkpoint, progress, completion) is conditional
 *   on still holding the lease, and a handler writes its checkpoint in the same transaction as its work.
 *   A worker that lost its lease therefore cannot commit work twice: its transaction fails and rolls back.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead'

export interface JobRow {
  id: string
  kind: string
  payload: string
  status: JobStatus
  priority: number
  attempts: number
  max_attempts: number
  run_at: string
  locked_by: string | null
  locked_until: string | null
  checkpoint: string | null
  progress: string | null
  result: string | null
  last_error: string | null
  dedupe_key: string | null
  created_by: number | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  updated_at: string
}

export interface EnqueueOptions {
  /** a job with the same key already queued or running is returned instead of a new one */
  dedupeKey?: string
  runAt?: Date
  priority?: number
  maxAttempts?: number
  createdBy?: number | null
}

/** The worker no longer holds the job: another took it over after the lease ran out. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`lease on job ${jobId} lost`)
    this.name = 'LeaseLost'
  }
}

const iso = (d: Date) => d.toISOString()

export function createJobQueue(db: Knex) {
  const isPg = db.client.config.client === 'pg'

  async function enqueue(trx: Knex, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<{ id: string; existing: boolean }> {
    const now = iso(new Date())
    if (options.dedupeKey) {
      const live = (await trx('jobs').where({ dedupe_key: options.dedupeKey }).whereIn('status', ['queued', 'running']).first('id')) as { id: string } | undefined
      if (live) return { id: live.id, existing: true }
    }
    const id = crypto.randomUUID()
    await trx('jobs').insert({
      id,
      kind,
      payload: JSON.stringify(payload ?? {}),
      status: 'queued',
      priority: options.priority ?? 0,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      run_at: iso(options.runAt ?? new Date()),
      dedupe_key: options.dedupeKey ?? null,
      created_by: options.createdBy ?? null,
      created_at: now,
      updated_at: now,
    })
    return { id, existing: false }
  }

  return {
    enqueue: (kind: string, payload: unknown, options?: EnqueueOptions) => enqueue(db, kind, payload, options),
    /** Enqueue inside the caller's transaction: the job exists exactly when the work that asks for it commits. */
    enqueueIn: enqueue,

    /** Take the next due job of these kinds (or one whose lease ran out) for `lease` ms; undefined when none. */
    async claim(worker: string, kinds: string[], leaseMs: number, now = new Date()): Promise<JobRow | undefined> {
      if (!kinds.length) return undefined
      const at = iso(now)
      const until = iso(new Date(now.getTime() + leaseMs))
      const marks = kinds.map(() => '?').join(', ')
      const pick = `SELECT id FROM jobs WHERE kind IN (${marks}) AND ((status = 'queued' AND run_at <= ?) OR (status = 'running' AND locked_until < ?)) ORDER BY priority DESC, run_at, created_at LIMIT 1${isPg ? ' FOR UPDATE SKIP LOCKED' : ''}`
      const sql = `UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1, started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = (${pick}) RETURNING *`
      const result = await db.raw(sql, [worker, until, at, at, ...kinds, at, at])
      const rows = (isPg ? (result as { rows: JobRow[] }).rows : (result as JobRow[])) ?? []
      return rows[0]
    },

    /** Renew the lease; false when another worker has taken the job. */
    async heartbeat(id: string, worker: string, leaseMs: number): Promise<boolean> {
      const n = await db('jobs').where({ id, locked_by: worker, status: 'running' }).update({ locked_until: iso(new Date(Date.now() + leaseMs)), updated_at: iso(new Date()) })
      return n === 1
    },

    /** Record how far the job got, in the transaction of the work it describes (see the fencing note). */
    async checkpoint(trx: Knex, id: string, worker: string, checkpoint: unknown, progress?: unknown): Promise<void> {
      const changes: Record<string, unknown> = { checkpoint: JSON.stringify(checkpoint), updated_at: iso(new Date()) }
      if (progress !== undefined) changes.progress = JSON.stringify(progress)
      const n = await trx('jobs').where({ id, locked_by: worker, status: 'running' }).update(changes)
      if (n !== 1) throw new LeaseLost(id)
    },

    async progress(id: string, worker: string, progress: unknown): Promise<void> {
      await db('jobs').where({ id, locked_by: worker, status: 'running' }).update({ progress: JSON.stringify(progress), updated_at: iso(new Date()) })
    },

    /** Mark done, optionally inside the transaction of the job's last work. */
    async complete(trx: Knex, id: string, worker: string, result: unknown): Promise<void> {
      const at = iso(new Date())
      const n = await trx('jobs').where({ id, locked_by: worker, status: 'running' }).update({ status: 'done', result: JSON.stringify(result ?? null), finished_at: at, updated_at: at, locked_by: null, locked_until: null })
      if (n !== 1) throw new LeaseLost(id)
    },

    /**
     * A failed attempt: queued again after a back-off (5 s, 10 s, 20 s… up to 10 min), or `dead` when it
     * has used its attempts. Dead jobs stay in the table, with their error, for people to see and retry.
     */
    async fail(job: JobRow, worker: string, error: string, now = new Date()): Promise<JobStatus> {
      const dead = job.attempts >= job.max_attempts
      const backoff = Math.min(600_000, 5000 * 2 ** Math.max(0, job.attempts - 1))
      const at = iso(now)
      await db('jobs')
        .where({ id: job.id, locked_by: worker, status: 'running' })
        .update({ status: dead ? 'dead' : 'queued', last_error: error.slice(0, 1000), run_at: dead ? job.run_at : iso(new Date(now.getTime() + backoff)), locked_by: null, locked_until: null, updated_at: at, ...(dead ? { finished_at: at } : {}) })
      return dead ? 'dead' : 'queued'
    },

    /** Give back what this worker holds (graceful shutdown): queued again at once, attempt not counted. */
    async release(worker: string): Promise<number> {
      return db('jobs').where({ locked_by: worker, status: 'running' }).update({ status: 'queued', locked_by: null, locked_until: null, attempts: db.raw('CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END'), updated_at: iso(new Date()) })
    },

    /** A dead job tried again from its checkpoint, with fresh attempts. */
    async retry(id: string): Promise<boolean> {
      const n = await db('jobs').where({ id, status: 'dead' }).update({ status: 'queued', attempts: 0, run_at: iso(new Date()), finished_at: null, updated_at: iso(new Date()) })
      return n === 1
    },

    find(id: string): Promise<JobRow | undefined> {
      return db<JobRow>('jobs').where({ id }).first()
    },

    recent(limit = 50, kinds?: string[]): Promise<JobRow[]> {
      const q = db<JobRow>('jobs').orderBy('created_at', 'desc').limit(limit)
      return kinds ? q.whereIn('kind', kinds) : q
    },

    /** Queue depth and age by kind and status, for /metrics and the jobs page. */
    async depth(): Promise<Array<{ kind: string; status: JobStatus; count: number; oldest: string | null }>> {
      const rows = (await db('jobs').whereIn('status', ['queued', 'running', 'dead']).groupBy('kind', 'status').select('kind', 'status').count({ count: '*' }).min({ oldest: 'created_at' })) as Array<{ kind: string; status: JobStatus; count: number | string; oldest: string | null }>
      return rows.map(r => ({ ...r, count: Number(r.count) }))
    },
  }
}

export type JobQueue = ReturnType<typeof createJobQueue>
