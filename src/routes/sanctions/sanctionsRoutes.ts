import { Router, type Request, type Response } from 'express'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { can } from '../../auth/roles'
import type { Services } from '../../services'
import { reviewSchema } from '../../services/sanctionsReviewService'
import { maskText, seesSensitiveInFull } from '../../presenters/maskSensitive'

const DECISION_WORDS: Record<string, string> = {
  cleared: 'cleared: not the listed party',
  confirmed: 'confirmed: the listed party',
}

/** The form of one hit: its id on the page, so an error can point at it. */
const formId = (caseId: string, ruleId: string) => `hit-${caseId}-${ruleId}`.replace(/[^A-Za-z0-9_-]/g, '')

/** The security review queue for sanctions hits and name leads. */
export function sanctionsRoutes(services: Services): Router {
  const router = Router()

  async function render(req: Request, res: Response, extra: { errors?: Record<string, string>; failed?: { form: string; decision?: string; note?: string; errors: Record<string, string> } } = {}) {
    const all = req.query.all === '1'
    const [items, rescreen] = await Promise.all([services.sanctions.queue({ openOnly: !all }), services.rescreen.latest()])
    // The result of the last decision is shown here, where it was made (read once, so no later page repeats it).
    const flash = req.session.flash
    delete req.session.flash
    // Security compares wallets with the list in full; a manager reads the queue with them masked.
    const shown = seesSensitiveInFull(req.currentUser!.role) ? (t: string) => t : maskText
    res.render('pages/sanctions/index', {
      pageTitle: extra.errors ? 'Error: Sanctions review' : 'Sanctions review',
      items: items.map(i => ({ ...i, message: shown(i.message), formId: formId(i.case_id, i.rule_id) })),
      rescreen: rescreen.last ? { ...rescreen, last: { ...rescreen.last, hits: rescreen.last.hits.map(h => ({ ...h, message: shown(h.message) })) } } : rescreen,
      all,
      flash,
      errors: extra.errors ?? {},
      failed: extra.failed ?? null,
      canReview: can(req.currentUser!.role, 'sanctions:review'),
    })
  }

  router.get('/sanctions', requirePermission('sanctions:read'), (req, res) => render(req, res))

  router.post('/sanctions/review', requirePermission('sanctions:review'), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const caseId = typeof body.caseId === 'string' ? body.caseId : ''
    const ruleId = typeof body.ruleId === 'string' ? body.ruleId : ''
    const form = formId(caseId, ruleId)
    // Refused on the queue itself, next to the hit, with what was typed kept: a decision is never half made.
    const problems: Record<string, string> = {}
    if (body.decision !== 'cleared' && body.decision !== 'confirmed') problems[`${form}-decision`] = 'Choose whether this is the listed party or not'
    const note = typeof body.note === 'string' ? body.note.trim() : ''
    if (note.length < 5) problems[`${form}-note`] = 'Say what you compared (at least a few words): the audit trail keeps it with the decision'
    // A decision cannot be taken back (clearing a blocking hit lets the case be signed off): ask for it explicitly.
    if (body.confirm !== 'yes') problems[`${form}-confirm`] = 'Tick "I understand" to record the decision: it cannot be undone'
    const parsed = reviewSchema.safeParse(body)
    if (!Object.keys(problems).length && !parsed.success) problems[`${form}-decision`] = parsed.error.issues.map(i => i.message).join('; ')
    if (Object.keys(problems).length || !parsed.success) {
      res.status(400)
      return render(req, res, { errors: problems, failed: { form, decision: typeof body.decision === 'string' ? body.decision : '', note: typeof body.note === 'string' ? body.note : '', errors: problems } })
    }
    await services.sanctions.review(parsed.data, actorOf(req, res))
    const c = (await services.db('cases as c').join('subjects as s', 's.id', 'c.subject_id').where('c.id', parsed.data.caseId).first('c.reference', 's.full_name')) as { reference: string; full_name: string } | undefined
    const who = c ? `${c.reference} (${c.full_name})` : 'the case'
    req.session.flash = { kind: 'success', message: `Decision recorded for ${who}: ${parsed.data.ruleId} ${DECISION_WORDS[parsed.data.decision]}.` }
    res.redirect(303, '/sanctions')
  })
  return router
}
