import { Router } from 'express'
import type { Services } from '../../services'
import { notFound } from '../../errors'
import { requireSignedIn } from '../../middleware/authentication'
import { RULES } from '../../rules/registry'
import { WEIGHTS, WEIGHTS_VERSION } from '../../scoring/weights'
import { BANDS } from '../../scoring/scoreCase'

/** What every check does and why, for anyone signed in: rules hold no personal data. */
export function ruleRoutes(services: Pick<Services, 'referenceData'>): Router {
  const router = Router()
  const present = (r: (typeof RULES)[number]) => ({ ...r.meta, weight: WEIGHTS[r.meta.id] ?? 0, href: `/rules/${r.meta.id}` })
  router.get('/rules', requireSignedIn, (_req, res) => {
    res.render('pages/rules/index', { pageTitle: 'Rules', rules: RULES.map(present).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id)), weightsVersion: WEIGHTS_VERSION, bands: [...BANDS].reverse(), datasets: services.referenceData().datasets })
  })
  router.get('/rules/:id', requireSignedIn, (req, res) => {
    const rule = RULES.find(r => r.meta.id === req.params.id)
    if (!rule) throw notFound('No such rule')
    const ref = services.referenceData()
    res.render('pages/rules/show', { pageTitle: rule.meta.title, rule: present(rule), datasets: ref.datasets.filter(d => (rule.meta.refdata ?? []).includes(d.id as never)) })
  })
  return router
}
