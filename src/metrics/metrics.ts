import crypto from 'node:crypto'
import express, { type Express, type Request, type RequestHandler, type Response } from 'express'
import type { Knex } from 'knex'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ImportEvent } from '../services/importJobService'

/** How long the database-backed gauges are kept between scrapes: a tight scrape loop cannot load the database. */
export const DB_GAUGE_CACHE_MS = 10_000

/** Statuses counted as the queue: `done` rows are history and grow without bound, so they are not counted. */
const QUEUE_STATUSES = ['queued', 'running', 'dead'] as const

/** Label of a request that matched no route: static files, 404s, answers given by middleware. Never the URL. */
export const NO_ROUTE = 'no_route'

interface DbSnapshot {
  jobs: Array<{ kind: string; status: string; n: number }>
  /** seconds the longest-waiting due job of each kind has waited since its run_at (0 when none is due) */
  oldest: Map<string, number>
  findings: Array<{ rule: string; status: string; n: number }>
  signoffs: Array<{ decision: string; n: number }>
}

export interface AppMetrics {
  registry: Registry
  /** Times every request by method, route template and status class. Mount it early. */
  observeRequests: RequestHandler
  /** Stop following imports (an app that is thrown away, in tests). */
  close: () => void
}

export interface MetricsDeps {
  db: Knex
  /** importJobService: its observe() hook feeds the import series */
  imports?: { observe: (observer: (event: ImportEvent) => void) => () => void }
  cacheMs?: number
  now?: () => number
}

/**
 * Prometheus series for one app instance, in a registry of its own (not prom-client's global one), so
 * that tests can build several apps in one process. Labels never carry ids, names or raw URLs.
 */
export function createMetrics(deps: MetricsDeps): AppMetrics {
  const registry = new Registry()
  const now = deps.now ?? Date.now
  const cacheMs = deps.cacheMs ?? DB_GAUGE_CACHE_MS
  collectDefaultMetrics({ register: registry })

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route template and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })

  // The database-backed gauges share one snapshot, read at most once per cacheMs; concurrent scrapes
  // wait for the same read. A failed read leaves the gauges empty until the next one (also cached).
  let cached: { at: number; value: Promise<DbSnapshot | undefined> } | undefined
  const snapshot = (): Promise<DbSnapshot | undefined> => {
    if (!cached || now() - cached.at >= cacheMs) cached = { at: now(), value: readSnapshot(deps.db, now()).catch(() => undefined) }
    return cached.value
  }

  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Background jobs by kind and status (queued, running, dead); read from the jobs table at most every 10 s',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const row of (await snapshot())?.jobs ?? []) this.set({ kind: row.kind, status: row.status }, row.n)
    },
  })
  new Gauge({
    name: 'jobs_oldest_queued_age_seconds',
    help: 'Seconds the longest-waiting due queued job of each kind has waited since its run_at (0 when none is due)',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const [kind, age] of (await snapshot())?.oldest ?? []) this.set({ kind }, age)
    },
  })
  new Gauge({
    name: 'findings_total',
    help: 'Current findings (not superseded) by rule and status',
    labelNames: ['rule', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const row of (await snapshot())?.findings ?? []) this.set({ rule: row.rule, status: row.status }, row.n)
    },
  })
  new Gauge({
    name: 'signoffs_total',
    help: 'Recorded sign-off decisions by decision',
    labelNames: ['decision'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const row of (await snapshot())?.signoffs ?? []) this.set({ decision: row.decision }, row.n)
    },
  })

  const importFiles = new Counter({ name: 'import_files_total', help: 'Files handled by bulk imports, by outcome', labelNames: ['outcome'] as const, registers: [registry] })
  // Throughput two ways: a counter of the seconds imports ran (rate(import_files_total) / rate(import_seconds_total)
  // gives files per second over any window, across instances), and the last finished import's rate for a dashboard.
  const importSeconds = new Counter({ name: 'import_seconds_total', help: 'Seconds spent running bulk imports (finished ones)', registers: [registry] })
  const importThroughput = new Gauge({ name: 'import_throughput_files_per_second', help: 'Files per second of the last finished bulk import', registers: [registry] })
  for (const outcome of ['created', 'updated', 'unchanged', 'rejected']) importFiles.inc({ outcome }, 0) // series exist before the first import
  const stopObserving = deps.imports?.observe(event => {
    if (event.type === 'file') importFiles.inc({ outcome: event.outcome })
    else {
      importSeconds.inc(event.seconds)
      if (event.seconds > 0) importThroughput.set(event.files / event.seconds)
    }
  })

  const observeRequests: RequestHandler = (req, res, next) => {
    const start = process.hrtime.bigint()
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      httpDuration.observe({ method: req.method, route: routeTemplate(req, res), status: `${Math.floor(res.statusCode / 100)}xx` }, seconds)
    })
    next()
  }

  return { registry, observeRequests, close: () => stopObserving?.() }
}

/**
 * The route a request matched as its template ("/cases/:id"): the router's mount path joined with the
 * route's own path. Routers here are mounted at fixed paths, so baseUrl holds no values; a request that
 * matched no route gets NO_ROUTE.
 */
export function routeTemplate(req: Request, _res?: Response): string {
  const route = (req as { route?: { path?: unknown } }).route
  if (!route || route.path === undefined) return NO_ROUTE
  const own = Array.isArray(route.path) ? route.path.map(String).join('|') : String(route.path)
  return `${req.baseUrl}${own}` || '/'
}

async function readSnapshot(db: Knex, nowMs: number): Promise<DbSnapshot> {
  const nowIso = new Date(nowMs).toISOString()
  type Row = Record<string, unknown>
  const [jobs, due, findings, signoffs] = (await Promise.all([
    db('jobs').select('kind', 'status').count({ n: '*' }).whereIn('status', QUEUE_STATUSES).groupBy('kind', 'status'),
    // run_at, not created_at: a retry scheduled for later is not late; times are ISO text, so they compare as text
    db('jobs').select('kind').min({ since: 'run_at' }).where('status', 'queued').andWhere('run_at', '<=', nowIso).groupBy('kind'),
    db('findings').select({ rule: 'rule_id' }, 'status').count({ n: '*' }).whereNull('superseded_at').groupBy('rule_id', 'status'),
    db('signoffs').select('decision').count({ n: '*' }).groupBy('decision'),
  ])) as [Row[], Row[], Row[], Row[]]
  const oldest = new Map<string, number>()
  for (const row of jobs) if (row.status === 'queued') oldest.set(String(row.kind), 0)
  for (const row of due) {
    const since = Date.parse(String(row.since))
    if (Number.isFinite(since)) oldest.set(String(row.kind), Math.max(0, (nowMs - since) / 1000))
  }
  return {
    // PostgreSQL's count() is a string
    jobs: jobs.map(r => ({ kind: String(r.kind), status: String(r.status), n: Number(r.n) })),
    oldest,
    findings: findings.map(r => ({ rule: String(r.rule), status: String(r.status), n: Number(r.n) })),
    signoffs: signoffs.map(r => ({ decision: String(r.decision), n: Number(r.n) })),
  }
}

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match) return false
  // Hashing first gives equal lengths, so timingSafeEqual does not reveal the token's length either.
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest()
  return crypto.timingSafeEqual(digest(match[1]!), digest(token))
}

/** GET /metrics: the registry's text, behind the bearer token when one is given. */
export function metricsHandler(registry: Registry, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token !== undefined && !bearerMatches(req.get('authorization'), token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized\n')
      return
    }
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(await registry.metrics())
  }
}

/** The app on METRICS_PORT: GET /metrics and nothing else (no sessions, no pages). */
export function metricsApp(registry: Registry, token: string | undefined): Express {
  const app = express()
  app.disable('x-powered-by')
  app.get('/metrics', metricsHandler(registry, token))
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found\n')
  })
  return app
}
