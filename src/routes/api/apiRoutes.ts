import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import { can } from '../../auth/roles'
import { actorOf } from '../../middleware/authentication'
import { verifyCsrf } from '../../middleware/csrf'
import { parseJsonFile } from '../../ingest/readJson'
import type { Services } from '../../services'
import { HttpError } from '../../errors'
import { DeliveryProblem, logFromBody } from '../../services/accessLogFeedService'

/**
 * JSON API for integrations. A request authenticates with `Authorization: Bearer <token>` (then no CSRF
 * token is needed: a browser never sends it by itself) or with the browser session (then the CSRF token
 * must come in the x-csrf-token header). Mounted before the app-wide CSRF check for that reason.
 */
export function apiRoutes(services: Services, logger?: Logger): Router {
  const router = Router()
  const problem = (res: Response, status: number, error: string, problems: string[] = []) => res.status(status).json({ error, problems })

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization')
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header)
      const user = m ? await services.apiTokens.authenticate(m[1]!) : undefined
      if (!user) return problem(res, 401, 'The API token is missing, unknown or revoked.')
      req.currentUser = { id: user.id, email: user.email, displayName: user.display_name, role: user.role }
      return next()
    }
    if (!req.currentUser) return problem(res, 401, 'Sign in, or send an API token as "Authorization: Bearer …".')
    verifyCsrf(req, res, err => (err ? problem(res, 403, 'A signed-in request must carry the CSRF token in the x-csrf-token header.') : next()))
  }

  router.post('/api/applications', authenticate, express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    if (!can(req.currentUser!.role, 'cases:import')) return problem(res, 403, 'Your role may not import applications.')
    if (!req.is('application/json')) return problem(res, 415, 'Send the application as JSON (Content-Type: application/json).')
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const parsed = parseJsonFile(body)
    if (!parsed.ok) return problem(res, 422, 'The application was not accepted.', parsed.problems)
    const app = parsed.value.application
    if (app.documents?.length || app.access_log || app.profiles?.some(p => p.photo)) {
      return problem(res, 422, 'The application was not accepted.', ['the API takes the application JSON alone: send documents, photos and sign-in logs in a ZIP on the import page or with vet import, or upload them on the case page'])
    }
    const outcome = await services.ingest.importApplication('api', app, async () => ({ problem: 'no files accompany an API call' }), actorOf(req, res), body)
    if (outcome.outcome === 'rejected') return problem(res, 422, 'The application was not accepted.', [outcome.reason])
    res.status(outcome.outcome === 'created' ? 201 : 200).json({ id: outcome.caseId, reference: outcome.reference, outcome: outcome.outcome, url: `/cases/${outcome.caseId}` })
  })

  // Contractors' sign-in logs on a schedule (issue 16): CSV or JSON; the case by ?case=, the JSON's "case",
  // or the log's accounts. 202 when queued for its ingest job; 200 when this exact log came before.
  router.post('/api/access-logs', authenticate, express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    if (!can(req.currentUser!.role, 'cases:import')) return problem(res, 403, 'Your role may not send sign-in logs.')
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const fromQuery = typeof req.query.case === 'string' ? req.query.case : typeof req.query.reference === 'string' ? req.query.reference : undefined
    try {
      const log = logFromBody(body, req.get('content-type'))
      const reference = fromQuery?.trim() ? fromQuery.trim().toUpperCase() : log.reference
      const d = await services.accessLogFeed.receive({ bytes: log.bytes, name: `sign-in-log-${new Date().toISOString().slice(0, 10)}.csv`, source: 'api', reference, ctx: actorOf(req, res) })
      res.status(d.outcome === 'queued' ? 202 : 200).json({ outcome: d.outcome, delivery: d.deliveryId, case: d.reference, caseId: d.caseId, matchedBy: d.matchedBy, events: d.events, job: d.jobId, url: `/cases/${d.caseId}` })
    } catch (error) {
      if (error instanceof DeliveryProblem) return problem(res, error.status, error.message)
      throw error
    }
  })

  // An integration reads JSON, whatever went wrong: unknown endpoints and errors never fall through to HTML pages.
  router.use('/api', (_req, res) => problem(res, 404, 'No such API endpoint.'))
  router.use('/api', ((err, _req, res, next) => {
    if (res.headersSent) return next(err)
    const { status, error } = apiError(err)
    if (status >= 500) logger?.error({ requestId: res.locals.requestId, err }, 'API request failed') // redacted by the logger's err serializer
    res.status(status).json({ error, problems: [], requestId: res.locals.requestId })
  }) as ErrorRequestHandler)
  return router
}

/** Status and message for an error thrown in the API; internal details never reach the client. */
export function apiError(err: unknown): { status: number; error: string } {
  if (err instanceof HttpError) return { status: err.status, error: err.message }
  const e = err as { status?: number; type?: string } | null
  if (e?.type === 'entity.too.large') return { status: 413, error: 'The request body is larger than the API accepts (10 MB).' }
  if (e?.status && e.status >= 400 && e.status < 500) return { status: e.status, error: 'The request could not be understood.' }
  return { status: 500, error: 'Something went wrong on our side. Try again later; if it keeps happening, give an administrator the request id.' }
}
