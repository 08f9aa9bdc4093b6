import os from 'node:os'
import crypto from 'node:crypto'
import type { Knex } from 'knex'
import { safeErrorMessage } from '../logger'
import { LeaseLost, type JobQueue, type JobRow } from './jobQueue'

/** What a handler gets: its payload, where it got to last time, and a way to commit work with a checkpoint. */
export interface JobContext<P = unknown> {
  job: JobRow
  payload: P
  /** the checkpoint the last attempt committed, or null on a first run */
  checkpoint: unknown
  /**
   * Do one step's work and record the checkpoint after it in one transaction. Throws (and rolls back) if
   * the worker has been stopped or no longer holds the job, so no step is committed twice.
   */
  step<T>(work: (trx: Knex.Transaction) => Promise<T>, checkpoint: unknown | ((done: T) => unknown), progress?: unknown): Promise<T>
  /** finish inside the transaction of the last work (the runner completes the job otherwise) */
  finish(trx: Knex.Transaction, result: unknown): Promise<void>
  progress(progress: unknown): Promise<void>
  signal: AbortSignal
  /** let the event loop serve requests between pieces of CPU-bound work */
  breathe(): Promise<void>
}

export interface JobHandler<P = unknown> {
  kind: string
  /** attempts before the job is left dead (default 5) */
  maxAttempts?: number
  run(ctx: JobContext<P>): Promise<unknown>
}

export class JobStopped extends Error {
  constructor() {
    super('the worker is stopping')
    this.name = 'JobStopped'
  }
}

interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface JobRunnerOptions {
  db: Knex
  queue: JobQueue
  handlers: JobHandler<never>[]
  /** how long a claim lasts without renewal; renewed every third of it */
  leaseMs?: number
  /** how often an idle worker looks for work */
  pollMs?: number
  worker?: string
  logger?: Logger
}

/**
 * One worker per process: claims a job, runs its handler, completes or fails it, and looks again. Work
 * is done one job at a time (2-core machines; the web app shares the process), and handlers yield
 * between steps so requests keep being served.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { db, queue } = options
  const leaseMs = options.leaseMs ?? 30_000
  const pollMs = options.pollMs ?? 1000
  const worker = options.worker ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  const handlers = new Map(options.handlers.map(h => [h.kind, h as JobHandler<unknown>]))
  const kinds = [...handlers.keys()]
  let running = false
  let loop: Promise<void> | undefined
  let current: { job: JobRow; abort: AbortController } | undefined
  let wakeUp: (() => void) | undefined
  let lastTick = Date.now()
  const finished = new Set<(job: JobRow) => void>()

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.kind)!
    const abort = new AbortController()
    current = { job, abort }
    const beat = setInterval(() => {
      void queue.heartbeat(job.id, worker, leaseMs).then(held => {
        if (!held) abort.abort(new LeaseLost(job.id))
      }, () => undefined)
    }, Math.max(200, Math.floor(leaseMs / 3)))
    beat.unref()
    let completedInside = false
    const ctx: JobContext = {
      job,
      payload: JSON.parse(job.payload) as unknown,
      checkpoint: job.checkpoint ? (JSON.parse(job.checkpoint) as unknown) : null,
      signal: abort.signal,
      async step(work, checkpoint, progress) {
        if (abort.signal.aborted) throw abort.signal.reason instanceof Error ? abort.signal.reason : new JobStopped()
        return db.transaction(async trx => {
          const out = await work(trx)
          // A function makes the checkpoint from what the work found (counts, hits), inside the same transaction.
          const next = typeof checkpoint === 'function' ? (checkpoint as (done: unknown) => unknown)(out) : checkpoint
          await queue.checkpoint(trx, job.id, worker, next, progress)
          ctx.checkpoint = next
          return out
        })
      },
      async finish(trx, result) {
        await queue.complete(trx, job.id, worker, result)
        completedInside = true
      },
      progress: p => queue.progress(job.id, worker, p),
      breathe: () => new Promise(resolve => setImmediate(resolve)),
    }
    try {
      const result = await handler.run(ctx)
      if (!completedInside) await queue.complete(db, job.id, worker, result)
      options.logger?.info({ job: job.id, kind: job.kind, attempts: job.attempts }, 'job done')
    } catch (error) {
      if (error instanceof LeaseLost) {
        options.logger?.warn({ job: job.id, kind: job.kind }, 'job taken over by another worker after its lease ran out')
      } else if (error instanceof JobStopped || (abort.signal.aborted && !running)) {
        await queue.release(worker).catch(() => undefined)
      } else {
        const status = await queue.fail(job, worker, safeErrorMessage(error)).catch(() => 'unknown')
        options.logger?.error({ job: job.id, kind: job.kind, attempts: job.attempts, status, err: safeErrorMessage(error) }, 'job failed')
      }
    } finally {
      clearInterval(beat)
      current = undefined
      const done = (await queue.find(job.id).catch(() => undefined)) ?? job
      for (const f of finished) f(done)
    }
  }

  async function tick(): Promise<boolean> {
    lastTick = Date.now()
    const job = await queue.claim(worker, kinds, leaseMs)
    if (!job) return false
    await runOne(job)
    return true
  }

  async function main(): Promise<void> {
    while (running) {
      let worked = false
      try {
        worked = await tick()
      } catch (error) {
        options.logger?.error({ err: safeErrorMessage(error) }, 'job runner could not claim work')
      }
      if (!worked && running) await new Promise<void>(resolve => {
        const t = setTimeout(resolve, pollMs)
        t.unref()
        wakeUp = () => {
          clearTimeout(t)
          resolve()
        }
      })
      wakeUp = undefined
    }
  }

  return {
    worker,
    kinds,
    start(): void {
      if (running) return
      running = true
      loop = main()
    },
    /** Look for work now (after an enqueue in this process). */
    wake(): void {
      wakeUp?.()
    },
    /** Stop after the current step: the job in hand is released, not failed, and resumes elsewhere. */
    async stop(): Promise<void> {
      running = false
      current?.abort.abort(new JobStopped())
      wakeUp?.()
      await loop
      await queue.release(worker).catch(() => undefined)
    },
    /** Run jobs until none is due (the command line and tests). */
    async runUntilIdle(maxJobs = Infinity): Promise<number> {
      let n = 0
      while (n < maxJobs && (await tick())) n++
      return n
    },
    /** Alive: started and not stuck outside a job (for /readyz). */
    alive(): boolean {
      return running && (current !== undefined || Date.now() - lastTick < pollMs * 5 + 10_000)
    },
    onFinished(listener: (job: JobRow) => void): () => void {
      finished.add(listener)
      return () => finished.delete(listener)
    },
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
