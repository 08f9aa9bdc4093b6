import { createApp } from './app'
import { ConfigError, ensureDataDir, loadConfig, resolveSessionSecret } from './config'
import { createKnex, refreshPlannerStatistics, sqliteFileIn } from './db/knex'
import { migrateLatest } from './db/migrate'
import { KnexSessionStore } from './db/sessionStore'
import { createLogger, safeErrorMessage } from './logger'
import { createMetrics, metricsApp } from './metrics/metrics'
import type { ReadinessCheck } from './routes/health/healthRoutes'
import { createServices } from './services'
import { createShutdown } from './shutdown'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
  const logger = createLogger(config.logLevel)
  ensureDataDir(config)
  const db = createKnex({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) })
  if (config.migrateOnStart) {
    const applied = await migrateLatest(db)
    if (applied.length) logger.info({ migrations: applied }, 'database migrated')
  }
  const sessionStore = new KnexSessionStore(db, config.sessionIdleMinutes * 60_000)
  const services = createServices(db, { login: config.login, dataDir: config.dataDir, auditKey: config.auditKey, accessLogs: config.accessLogs, retention: config.retention }, { endSessions: id => sessionStore.destroyForUser(id) })
  // Events from before the audit key existed are sealed by a keyed event after them (see auditService).
  if (await services.auditTrail.sealLegacy()) logger.info('audit trail: earlier unkeyed events sealed under the audit key')
  // The job runner joins these when it starts: a readiness check, and an onShutdown hook that releases its claims.
  const readiness: ReadinessCheck[] = []
  const metricsOn = config.metrics.port !== undefined || config.metrics.token !== undefined
  const metrics = metricsOn ? createMetrics({ db, imports: services.imports }) : undefined
  const app = createApp({ config, services, sessionStore, sessionSecret: resolveSessionSecret(config), logger, readiness, ...(metrics ? { metrics: { metrics, token: config.metrics.token } } : {}) })
  const interrupted = await services.imports.failInterrupted()
  if (interrupted) logger.warn({ jobs: interrupted }, 'imports interrupted by the last stop were marked failed')
  // Durable background work: this process takes its share of the queue (several instances on one
  // PostgreSQL share it), and gives back what it holds when it stops.
  services.jobs.start({ logger, leaseMs: config.jobLeaseSeconds * 1000 })
  // Scheduled work re-enqueues itself; these make sure one of each is queued (dedupe keys: never two).
  await services.retention.schedule()
  if (config.accessLogs.dir) await services.accessLogFeed.schedule()
  readiness.push({ name: 'jobs', check: async () => {
    if (!services.jobs.alive()) throw new Error('the job runner is not running')
  } })
  const firstRun = await services.users.needsSetup()
  const maintenance = setInterval(() => void refreshPlannerStatistics(db).catch(() => undefined), 60 * 60_000)
  maintenance.unref()
  const server = app.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    logger.info({ port, database: config.databaseUrl ? 'postgresql' : 'sqlite' }, 'Vetting Desk is listening')
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`
    process.stdout.write(`Vetting Desk on ${url}${firstRun ? ` (first run: open ${url}setup to create the administrator)` : ''}\n`)
  })
  const servers = [server]
  if (metrics && config.metrics.port !== undefined) {
    const metricsServer = metricsApp(metrics.registry, config.metrics.token).listen(config.metrics.port, config.metrics.host, () => {
      const address = metricsServer.address()
      logger.info({ port: typeof address === 'object' && address ? address.port : config.metrics.port, host: config.metrics.host }, 'metrics are served')
    })
    servers.push(metricsServer)
  }
  const shutdown = createShutdown({ servers, logger, timeoutMs: config.shutdownTimeoutSeconds * 1000 })
  // onShutdown hooks (the job runner's release of claimed jobs) run first; these close what they may use.
  shutdown.onShutdown({ name: 'jobs', run: () => services.jobs.stop() })
  shutdown.finally({ name: 'sessions', run: () => sessionStore.close() })
  shutdown.finally({ name: 'services', run: () => services.close() })
  shutdown.finally({ name: 'database', run: () => db.destroy() })
  shutdown.installSignalHandlers()
}

main().catch(error => {
  process.stderr.write(`Vetting Desk could not start: ${safeErrorMessage(error)}\n`) // no SQL values from a failed migration
  process.exit(1)
})
