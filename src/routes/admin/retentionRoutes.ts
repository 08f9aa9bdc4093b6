import { Router, type NextFunction, type Request, type Response } from 'express'
import { forbidden } from '../../errors'
import { requireSignedIn } from '../../middleware/authentication'
import { RETENTION_LABELS, RETENTION_OUTCOMES } from '../../privacy/retention'
import { formatDateTime } from '../../presenters/format'
import type { Services } from '../../services'

/** Administrators only: the retention policy is configuration, like accounts (read-only here). */
const requireAdmin = (req: Request, _res: Response, next: NextFunction) => (req.currentUser!.role === 'admin' ? next() : next(forbidden()))

const WHEN: Record<string, string> = {
  approved: 'after the decision',
  rejected: 'after the decision',
  withdrawn: 'after withdrawal',
  confirmed_fraud: 'after the decision; watch-list identifiers may be kept longer as hashed indicators only',
  open_idle: 'after the last activity on an undecided case',
}

/** /admin/retention: the policy in force, the next daily run, and the last run's report (issue 17). */
export function retentionRoutes(services: Services): Router {
  const router = Router()
  router.get('/admin/retention', requireSignedIn, requireAdmin, async (_req, res) => {
    const status = await services.retention.status()
    const rows = RETENTION_OUTCOMES.map(o => ({ key: o, label: RETENTION_LABELS[o], days: status.policy[o], when: WHEN[o]! }))
    res.render('pages/admin/retention', { pageTitle: 'Retention', rows, nextRun: status.nextRun ? formatDateTime(status.nextRun) : null, last: status.last, lastAt: status.last?.finishedAt ? formatDateTime(status.last.finishedAt) : null, labels: RETENTION_LABELS })
  })
  return router
}
