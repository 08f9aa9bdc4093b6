import { Router } from 'express'
import { can } from '../../auth/roles'
import { requireSignedIn } from '../../middleware/authentication'
import { presentCaseListItem } from '../../presenters/presentCase'
import { bandLabel, statusLabel } from '../../presenters/format'
import type { Services } from '../../services'

export function dashboardRoutes(services: Services): Router {
  const router = Router()
  router.get('/', requireSignedIn, async (req, res) => {
    const user = req.currentUser!
    const canRead = can(user.role, 'cases:read')
    // Counts are not personal data; the list of recent cases is, so only case readers see it.
    const data = await services.cases.dashboard()
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/dashboard', {
      pageTitle: 'Dashboard',
      flash,
      total: data.total,
      byStatus: data.byStatus.map(s => ({ ...s, label: statusLabel(s.status) })),
      byBand: data.byBand.map(b => ({ ...b, key: b.band ?? 'unscored', label: bandLabel(b.band) })),
      recent: canRead ? data.recent.map(presentCaseListItem) : null,
      canCreate: can(user.role, 'cases:create'),
      canManageUsers: can(user.role, 'users:manage'),
    })
  })
  return router
}
