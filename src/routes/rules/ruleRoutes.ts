import { Router } from 'express'
import type { Services } from '../../services'
import { notFound } from '../../errors'
import { requireSignedIn } from '../../middleware/authentication'
import { RULES } from '../../rules/registry'
import { presentRule, presentScoringModel } from '../../presenters/presentRules'

/** What every check does and why, for anyone signed in: rules hold no personal data. */
export function ruleRoutes(services: Pick<Services, 'referenceData'>): Router {
  const router = Router()
  router.get('/rules', requireSignedIn, (_req, res) => {
    const rules = RULES.map(r => presentRule(r.meta)).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    res.render('pages/rules/index', { pageTitle: 'Rules', rules, model: presentScoringModel(RULES.map(r => r.meta)), datasets: services.referenceData().datasets })
  })
  router.get('/rules/:id', requireSignedIn, (req, res) => {
    const rule = RULES.find(r => r.meta.id === req.params.id)
    if (!rule) throw notFound('No such rule')
    const ref = services.referenceData()
    res.render('pages/rules/show', { pageTitle: rule.meta.title, rule: presentRule(rule.meta), datasets: ref.datasets.filter(d => (rule.meta.refdata ?? []).includes(d.id as never)) })
  })
  return router
}
