import { Router, type Request, type Response } from 'express'
import { ROLE_LABELS } from '../../auth/roles'
import { requireSignedIn } from '../../middleware/authentication'
import { bandLabel, formatDate } from '../../presenters/format'
import type { Services } from '../../services'
import { createQueueService, type QueueRow } from '../../services/queueService'

const ageLabel = (days: number) => (days === 0 ? 'Today' : days === 1 ? '1 day' : `${days} days`)

/** "My work", each role's landing page: the queue for recruiters, security and managers; admin links for admins. */
export function workRoutes(services: Services): Router {
  const router = Router()
  const queue = createQueueService({ db: services.db })

  const show = async (req: Request, res: Response) => {
    const user = req.currentUser!
    const flash = req.session.flash
    delete req.session.flash
    if (user.role === 'admin') {
      return res.render('pages/work/index', { pageTitle: 'Administration', flash, admin: true, sections: [], roleLabel: ROLE_LABELS[user.role] })
    }
    const { sections } = await queue.forUser(user)
    res.render('pages/work/index', {
      pageTitle: 'My work',
      flash,
      admin: false,
      roleLabel: ROLE_LABELS[user.role],
      waiting: sections.reduce((n, s) => n + s.total, 0),
      sections: sections.map(s => ({
        ...s,
        rows: s.rows.map((r: QueueRow) => ({ ...r, bandKey: r.band ?? 'unscored', bandLabel: bandLabel(r.band), age: ageLabel(r.ageDays), sinceDate: formatDate(r.since) })),
      })),
    })
  }
  // One address only: every route is in the role matrix test, and `/` is where sign-in lands.
  router.get('/', requireSignedIn, show)
  return router
}
