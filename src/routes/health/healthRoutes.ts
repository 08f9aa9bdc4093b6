import { Router } from 'express'
import type { Knex } from 'knex'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import { redactError } from '../../logger'
import { metricsHandler } from '../../metrics/metrics'
import { version } from '../../version'

/** One thing /readyz asks: it resolves when that part is ready and throws (or hangs) when not. */
export interface ReadinessCheck {
  name: string
  check: () => Promise<void>
}

/** How long one readiness check may take before it counts as failed: probes expect a quick answer. */
export const READINESS_TIMEOUT_MS = 2_000

export interface HealthOptions {
  db: Knex
  logger: Logger
  /** further checks (the job runner's); read at each request, so a check added after start counts */
  readiness?: ReadinessCheck[]
  /** GET /metrics on this port, behind the bearer token; no route at all without a token */
  metrics?: { registry: Registry; token: string | undefined }
  timeoutMs?: number
}

/**
 * Machine endpoints, public and without sessions: /healthz (liveness: the process answers; touches
 * nothing), /readyz (readiness: the database and every registered check answer in time), and /metrics
 * when a token is configured. Answers name a failing check, never its error: no SQL, no internals.
 */
export function healthRoutes(options: HealthOptions): Router {
  const router = Router()
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS
  const database: ReadinessCheck = { name: 'database', check: async () => void (await options.db.raw('select 1')) }

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version })
  })

  router.get('/readyz', async (_req, res) => {
    const checks = [database, ...(options.readiness ?? [])]
    const results = await Promise.all(checks.map(c => runCheck(c, timeoutMs)))
    const failing: string[] = []
    const outcome: Record<string, 'ok' | 'failed' | 'timed out'> = {}
    results.forEach((result, i) => {
      const name = checks[i]!.name
      outcome[name] = result.ok ? 'ok' : result.timedOut ? 'timed out' : 'failed'
      if (!result.ok) {
        failing.push(name)
        options.logger.warn({ check: name, ...(result.error ? { err: redactError(result.error) } : {}) }, 'readiness check failed')
      }
    })
    res.status(failing.length ? 503 : 200).json(failing.length ? { status: 'unavailable', failing, checks: outcome } : { status: 'ok', checks: outcome })
  })

  if (options.metrics?.token) router.get('/metrics', metricsHandler(options.metrics.registry, options.metrics.token))
  return router
}

async function runCheck(c: ReadinessCheck, timeoutMs: number): Promise<{ ok: boolean; timedOut?: boolean; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const result = await Promise.race([c.check().then(() => 'ok' as const), timeout])
    return result === 'ok' ? { ok: true } : { ok: false, timedOut: true }
  } catch (error) {
    return { ok: false, error }
  } finally {
    clearTimeout(timer)
  }
}
