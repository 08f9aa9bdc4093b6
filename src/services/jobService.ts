import type { Knex } from 'knex'
import { createJobQueue, type EnqueueOptions, type JobRow } from '../jobs/jobQueue'
import { createJobRunner, type JobHandler, type JobRunner } from '../jobs/jobRunner'

interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/**
 * Background work for the whole app: services register their handlers (retro-hunts, re-screens, imports,
 * scheduled checks) and enqueue jobs, often inside the transaction that asks for them; the server starts
 * one runner per process, and the command line runs jobs itself when no server is running.
 */
export function createJobService(db: Knex) {
  const queue = createJobQueue(db)
  const handlers: JobHandler<never>[] = []
  let runner: JobRunner | undefined
  const listeners = new Set<(job: JobRow) => void>()

  const getRunner = (options: { logger?: Logger; leaseMs?: number; pollMs?: number } = {}) => {
    if (!runner) {
      runner = createJobRunner({ db, queue, handlers, ...options })
      runner.onFinished(job => listeners.forEach(l => l(job)))
    }
    return runner
  }

  return {
    queue,
    register<P>(handler: JobHandler<P>): void {
      if (runner) throw new Error(`job handler ${handler.kind} registered after the runner started`)
      if (!handlers.some(h => h.kind === handler.kind)) handlers.push(handler as JobHandler<never>)
    },
    /** Enqueue (in `trx` when given, so the job exists only if the work asking for it commits) and wake this process's runner. */
    async enqueue(kind: string, payload: unknown, options: EnqueueOptions & { trx?: Knex } = {}): Promise<{ id: string; existing: boolean }> {
      const { trx, ...rest } = options
      const out = await queue.enqueueIn(trx ?? db, kind, payload, rest)
      if (!trx) runner?.wake()
      return out
    },
    wake: () => runner?.wake(),
    /** Start this process's worker (the server does; tests and the command line may). */
    start(options: { logger?: Logger; leaseMs?: number; pollMs?: number } = {}): JobRunner {
      const r = getRunner(options)
      r.start()
      return r
    },
    /** Run due jobs in this process until none is left (the command line; tests). */
    runUntilIdle: (maxJobs?: number) => getRunner().runUntilIdle(maxJobs),
    alive: () => runner?.alive() ?? false,
    async stop(): Promise<void> {
      await runner?.stop()
    },
    find: (id: string) => queue.find(id),
    recent: (limit?: number, kinds?: string[]) => queue.recent(limit, kinds),
    retry: (id: string) => queue.retry(id),
    depth: () => queue.depth(),
    onFinished(listener: (job: JobRow) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type JobService = ReturnType<typeof createJobService>
