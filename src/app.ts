import { indicatorUploadRoutes } from './routes/indicators/indicatorRoutes'
import { checklistUploadRoutes } from './routes/checklists/checklistRoutes'
import path from 'node:path'
import express, { type Express } from 'express'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { KnexSessionStore } from './db/sessionStore'
import { loadCurrentUser } from './middleware/authentication'
import { csrfTokenLocals, verifyCsrf } from './middleware/csrf'
import { errorHandler, notFoundHandler } from './middleware/errorHandler'
import { setUpRequestContext } from './middleware/setUpRequestContext'
import { setUpWebSecurity } from './middleware/setUpWebSecurity'
import { saveSessionBeforeRedirect, setUpWebSession } from './middleware/setUpWebSession'
import { unreadNotifications } from './middleware/unreadNotifications'
import { vendorAssets } from './middleware/vendorAssets'
import { routes } from './routes'
import { apiRoutes } from './routes/api/apiRoutes'
import { recordUploadRoutes } from './routes/cases/recordRoutes'
import { mappingUploadRoutes } from './routes/imports/mappingRoutes'
import { documentUploadRoutes } from './routes/documents/documentRoutes'
import { caseUploadRoutes } from './routes/cases/caseRoutes'
import { importUploadRoutes } from './routes/imports/importRoutes'
import { healthRoutes, type ReadinessCheck } from './routes/health/healthRoutes'
import type { AppMetrics } from './metrics/metrics'
import { schemaRoutes } from './routes/schema/schemaRoutes'
import type { Services } from './services'

export interface AppDeps {
  config: Pick<Config, 'production' | 'trustProxy' | 'sessionIdleMinutes'>
  services: Services
  sessionStore: KnexSessionStore
  sessionSecret: string
  logger: Logger
  /** sign-in attempts allowed per client address per 15 minutes (tests raise it) */
  loginAttemptsPerIpPer15Min?: number
  /** /readyz checks besides the database's (the job runner adds its own; read at each request) */
  readiness?: ReadinessCheck[]
  /** Prometheus metrics (createMetrics); with a token they are also served at /metrics on this port */
  metrics?: { metrics: AppMetrics; token?: string | undefined }
}

export const ROOT_DIR = path.join(__dirname, '..')

/** Build the app. No I/O happens here: the caller opens the database and passes the services. */
export function createApp(deps: AppDeps): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.config.trustProxy)
  app.set('view engine', 'ejs')
  app.set('views', path.join(ROOT_DIR, 'views'))
  if (deps.config.production) app.enable('view cache')

  // The order matters; each step relies on the ones before it.
  app.use(setUpRequestContext(deps.logger)) // request id + one log line per request
  app.use(setUpWebSecurity()) // helmet headers, CSP nonce, no-store
  if (deps.metrics) app.use(deps.metrics.metrics.observeRequests)
  // before sessions: probes and scrapers must not create sessions
  app.use(healthRoutes({ db: deps.services.db, logger: deps.logger, readiness: deps.readiness ?? [], ...(deps.metrics ? { metrics: { registry: deps.metrics.metrics.registry, token: deps.metrics.token } } : {}) }))
  app.use(schemaRoutes())
  app.use('/public', express.static(path.join(ROOT_DIR, 'public'), { index: false, fallthrough: false, maxAge: deps.config.production ? '1h' : 0 }))
  app.use(vendorAssets({ production: deps.config.production }))
  app.use(setUpWebSession(deps.sessionStore, deps.sessionSecret, deps.config.sessionIdleMinutes))
  app.use(saveSessionBeforeRedirect)
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }))
  app.use(loadCurrentUser(deps.services.users))
  app.use(unreadNotifications(deps.services.checklists)) // the header's count of unread notifications
  app.use(csrfTokenLocals) // before the check, so error pages can still offer a working sign-out form
  app.use(caseUploadRoutes(deps.services))
  app.use(documentUploadRoutes(deps.services)) // multipart: each parses its body, then checks the token itself
  app.use(importUploadRoutes(deps.services))
  app.use(recordUploadRoutes(deps.services))
  app.use(mappingUploadRoutes(deps.services))
  app.use(checklistUploadRoutes(deps.services))
  app.use(indicatorUploadRoutes(deps.services))
  app.use(apiRoutes(deps.services, deps.logger)) // bearer tokens are CSRF-exempt; sessions must send the token in a header
  app.use(verifyCsrf) // every other POST/PUT/PATCH/DELETE carries the session's token
  app.use(routes(deps.services, { loginAttemptsPerIpPer15Min: deps.loginAttemptsPerIpPer15Min ?? 30 }))
  app.use(notFoundHandler)
  app.use(errorHandler(deps.logger))
  return app
}
