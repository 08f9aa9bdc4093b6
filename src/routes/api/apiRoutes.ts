import express, { Router, type NextFunction, type Request, type Response } from 'express'
import { can } from '../../auth/roles'
import { actorOf } from '../../middleware/authentication'
import { verifyCsrf } from '../../middleware/csrf'
import { parseJsonFile } from '../../ingest/readJson'
import type { Services } from '../../services'

/**
 * JSON API for integrations. A request authenticates with `Authorization: Bearer <token>` (then no CSRF
 * token is needed: a browser never sends it by itself) or with the browser session (then the CSRF token
 * must come in the x-csrf-token header). Mounted before the app-wide CSRF check for that reason.
 */
export function apiRoutes(services: Services): Router {
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
  return router
}
