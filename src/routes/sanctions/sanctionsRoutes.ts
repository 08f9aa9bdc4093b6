import { Router } from 'express'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { can } from '../../auth/roles'
import type { Services } from '../../services'

/** The security review queue for sanctions hits and name leads. */
export function sanctionsRoutes(services: Services): Router {
  const router = Router()
  router.get('/sanctions', requirePermission('sanctions:read'), async (req, res) => {
    const all = req.query.all === '1'
    const items = await services.sanctions.queue({ openOnly: !all })
    res.render('pages/sanctions/index', { pageTitle: 'Sanctions review', items, all, canReview: can(req.currentUser!.role, 'sanctions:review') })
  })
  router.post('/sanctions/review', requirePermission('sanctions:review'), async (req, res) => {
    await services.sanctions.review(req.body, actorOf(req, res))
    req.session.flash = { kind: 'success', message: 'Decision recorded' }
    res.redirect(303, '/sanctions')
  })
  return router
}
