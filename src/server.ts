import { createApp } from './app'
import { ConfigError, ensureDataDir, loadConfig, resolveSessionSecret } from './config'
import { createKnex, refreshPlannerStatistics, sqliteFileIn } from './db/knex'
import { migrateLatest } from './db/migrate'
import { KnexSessionStore } from './db/sessionStore'
import { createLogger, safeErrorMessage } from './logger'
import { createServices } from './services'

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
  const services = createServices(db, { login: config.login, dataDir: config.dataDir, auditKey: config.auditKey }, { endSessions: id => sessionStore.destroyForUser(id) })
  // Events from before the audit key existed are sealed by a keyed event after them (see auditService).
  if (await services.auditTrail.sealLegacy()) logger.info('audit trail: earlier unkeyed events sealed under the audit key')
  const app = createApp({ config, services, sessionStore, sessionSecret: resolveSessionSecret(config), logger })
  const interrupted = await services.imports.failInterrupted()
  if (interrupted) logger.warn({ jobs: interrupted }, 'imports interrupted by the last stop were marked failed')
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
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close(() => {
      sessionStore.close()
      void services
        .close()
        .then(() => db.destroy())
        .then(() => process.exit(0))
    })
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch(error => {
  process.stderr.write(`Vetting Desk could not start: ${safeErrorMessage(error)}\n`) // no SQL values from a failed migration
  process.exit(1)
})
