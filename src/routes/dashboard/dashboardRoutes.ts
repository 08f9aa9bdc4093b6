import { Router } from 'express'
import { can } from '../../auth/roles'
import { requireSignedIn } from '../../middleware/authentication'
import { presentCaseListItem } from '../../presenters/presentCase'
import { bandLabel, formatDateTime, statusLabel } from '../../presenters/format'
import { dashboardCharts } from '../../presenters/charts/dashboardCharts'
import { createDashboardService } from '../../services/dashboardService'
import type { Services } from '../../services'

export function dashboardRoutes(services: Services): Router {
  const router = Router()
  // Built here from the shared connection so the composition root need not change for it.
  const dashboard = createDashboardService(services.db)
  // Drawing four SVG charts costs more than reading their figures: the drawing is kept while the figures
  // (cached for a minute) and the band counts are the same, for each of the two link variants.
  const drawn = new Map<string, ReturnType<typeof dashboardCharts>>()
  router.get('/dashboard', requireSignedIn, async (req, res) => {
    const user = req.currentUser!
    const canRead = can(user.role, 'cases:read')
    // Counts, workload and timings are not personal data about applicants; the list of recent cases is,
    // so only case readers see it (and only they get links into the case list).
    const [data, { asOf, figures }] = await Promise.all([services.cases.dashboard(), dashboard.recentFigures(new Date())])
    const bands = data.byBand.map(b => {
      const key = b.band ?? 'unscored'
      return { key, label: bandLabel(b.band), count: b.count, ...(canRead ? { href: `/cases?band=${key}` } : {}) }
    })
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/dashboard', {
      pageTitle: 'Dashboard',
      flash,
      total: data.total,
      byStatus: data.byStatus.map(s => ({ ...s, label: statusLabel(s.status) })),
      charts: (() => {
        const key = `${asOf.toISOString()}|${JSON.stringify(bands)}`
        let charts = drawn.get(key)
        if (!charts) {
          if (drawn.size > 8) drawn.clear()
          charts = dashboardCharts(bands, figures)
          drawn.set(key, charts)
        }
        return charts
      })(),
      figuresAsOf: formatDateTime(asOf.toISOString()),
      recent: canRead ? data.recent.map(presentCaseListItem) : null,
      canCreate: can(user.role, 'cases:create'),
      canManageUsers: can(user.role, 'users:manage'),
    })
  })
  return router
}
