import { Router, type RequestHandler } from 'express'
import { z } from 'zod'
import { can } from '../../auth/roles'
import { badRequest, notFound } from '../../errors'
import { actorOf, requirePermission, requireSignedIn } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import { MAX_UPLOAD_BYTES } from '../../services/ingestService'
import type { Services } from '../../services'
import { DECISIONS } from '../../services/checklistService'
import { caseTabHref } from '../../presenters/presentCase'

const idParam = z.string().uuid()
const itemParam = z.coerce.number().int().positive()
const actSchema = z.object({ action: z.enum(['done', 'failed', 'waive', 'reopen']), note: z.string().max(4000).default('') })
const assignSchema = z.object({
  assignee: z.union([z.literal(''), z.coerce.number().int().positive()]).default(''),
  due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).default(''),
})
const disposeSchema = z.object({ rule: z.string().min(1).max(80), disposition: z.string().max(4000) })
const signSchema = z.object({ decision: z.enum(DECISIONS as [string, ...string[]]), statement: z.string().max(4000).default(''), confirm: z.string().optional() })

/** Completing or failing an item needs checklist:complete; waiving needs checklist:waive (managers may only waive). */
const mayAct: RequestHandler = (req, res, next) => {
  const role = req.currentUser?.role
  if (!role) return requireSignedIn(req, res, next)
  const action = (req.body as { action?: string } | undefined)?.action
  return requirePermission(action === 'waive' || (action === 'reopen' && !can(role, 'checklist:complete')) ? 'checklist:waive' : 'checklist:complete')(req, res, next)
}

const caseId = (raw: unknown) => {
  const id = idParam.safeParse(raw)
  if (!id.success) throw notFound('No such case')
  return id.data
}

/**
 * Closing a checklist item takes an optional file (what was seen), so it is a multipart route: mounted
 * before the app-wide CSRF check, it parses its body and then checks the token itself.
 */
export function checklistUploadRoutes(services: Services): Router {
  const router = Router()
  const mayTouchChecklist: RequestHandler = (req, res, next) => {
    const role = req.currentUser?.role
    if (!role) return requireSignedIn(req, res, next)
    return can(role, 'checklist:complete') || can(role, 'checklist:waive') ? next() : requirePermission('checklist:complete')(req, res, next)
  }
  router.post('/cases/:id/checklist/:itemId', mayTouchChecklist, ...acceptUpload({ field: 'file', maxFiles: 1, maxFileBytes: MAX_UPLOAD_BYTES, dir: services.uploadDir }), mayAct, async (req, res) => {
    const id = caseId(req.params.id)
    const item = itemParam.safeParse(req.params.itemId)
    if (!item.success) throw notFound('No such checklist item')
    const body = actSchema.safeParse(req.body)
    if (!body.success) throw badRequest('Choose done, failed, waive or reopen')
    const actor = actorOf(req, res)
    const file = req.file ? { name: req.file.originalname, data: req.file.buffer } : undefined
    const { status } = await services.checklists.act(id, item.data, { ...body.data, ...(file ? { file } : {}) }, { ...actor, role: req.currentUser!.role })
    req.session.flash = { kind: 'success', message: status === 'open' ? 'Item reopened' : `Item marked ${status}${file ? `, with ${file.name} attached` : ''}` }
    res.redirect(303, caseTabHref(id, 'checklist'))
  })
  return router
}

/** The checklist on the case page, dispositions, the manager's sign-off, "my items" and notifications. */
export function checklistRoutes(services: Services): Router {
  const router = Router()
  const { checklists } = services

  router.get('/cases/:id/checklist/:itemId/file', requirePermission('cases:read'), async (req, res) => {
    const id = caseId(req.params.id)
    const item = itemParam.safeParse(req.params.itemId)
    if (!item.success) throw notFound('No such checklist item')
    const file = await checklists.itemFile(id, item.data, actorOf(req, res))
    // Always a download with a neutral type: an attached file must never render as a page of ours.
    res.attachment(file.name).type('application/octet-stream').send(file.data)
  })

  router.post('/cases/:id/checklist/:itemId/assign', requirePermission('checklist:assign'), async (req, res) => {
    const id = caseId(req.params.id)
    const item = itemParam.safeParse(req.params.itemId)
    if (!item.success) throw notFound('No such checklist item')
    const body = assignSchema.safeParse(req.body)
    if (!body.success) throw badRequest('Choose a person and, if you like, a due date (YYYY-MM-DD)')
    await checklists.assign(id, item.data, { assigneeId: body.data.assignee === '' ? null : body.data.assignee, dueDate: body.data.due || null }, actorOf(req, res))
    req.session.flash = { kind: 'success', message: body.data.assignee === '' ? 'Item unassigned' : 'Item assigned' }
    res.redirect(303, caseTabHref(id, 'checklist'))
  })

  router.post('/cases/:id/dispositions', requirePermission('checklist:complete'), async (req, res) => {
    const id = caseId(req.params.id)
    const body = disposeSchema.safeParse(req.body)
    if (!body.success) throw badRequest('Say which finding and what was done about it')
    await checklists.dispose(id, body.data.rule, body.data.disposition, actorOf(req, res))
    req.session.flash = { kind: 'success', message: 'Disposition recorded' }
    res.redirect(303, caseTabHref(id, 'checklist'))
  })

  const wouldSign = async (id: string, statement: string, actor: ReturnType<typeof actorOf>) => {
    const answers = await checklists.checkAnswers(id, actor)
    return answers.problems.length === 0 && !answers.conflictOfInterest && statement.trim().length >= 10
  }

  router.get('/cases/:id/signoff', requirePermission('cases:signoff'), async (req, res) => {
    const id = caseId(req.params.id)
    const answers = await checklists.checkAnswers(id, actorOf(req, res))
    await services.db.transaction(trx => services.audit.append(trx, { type: 'CASE_VIEWED', actor: { userId: req.currentUser!.id, role: req.currentUser!.role }, caseId: id, subjectId: answers.case.subject_id, requestId: actorOf(req, res).requestId, data: { page: 'sign-off' } }))
    const view = await checklists.view(services.db, id)
    // Only the current revision of a case in review can be decided: anything else (going back after signing,
    // an old bookmark) shows the decision as signed, read-only, instead of a form that would be refused.
    const decidable = answers.case.status === 'in_review' && Boolean(answers.case.is_current)
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/checklists/signoff', { flash, pageTitle: decidable ? `Decide ${answers.case.reference}` : `Decision on ${answers.case.reference}`, c: answers.case, decidable, problems: answers.problems, conflictOfInterest: answers.conflictOfInterest, ...view, error: null, values: { decision: '', statement: '' } })
  })

  router.post('/cases/:id/signoff', requirePermission('cases:signoff'), async (req, res) => {
    const id = caseId(req.params.id)
    const body = signSchema.safeParse(req.body)
    if (!body.success) throw badRequest('Choose approve, reject or escalate')
    // Approve and reject cannot be taken back: the form's "I understand" box must be ticked. Asked only of a
    // decision that would otherwise be signed, so a refusal for another reason (decided, four-eyes, too short) stays as it was.
    if (body.data.decision !== 'escalate' && body.data.confirm !== 'yes' && (await wouldSign(id, body.data.statement, actorOf(req, res)))) {
      req.session.flash = { kind: 'error', message: 'Nothing was signed: tick "I understand this cannot be undone" to sign the decision.' }
      return res.redirect(303, `/cases/${id}/signoff`)
    }
    const { status, digest } = await checklists.signOff(id, { decision: body.data.decision as (typeof DECISIONS)[number], statement: body.data.statement }, actorOf(req, res))
    // The digest in full is in the decisions list below; the message stays short enough to be seen on a phone.
    req.session.flash = { kind: 'success', message: `Decision recorded: the case is ${status.replace('_', ' ')}. Digest of the case as signed: ${digest.slice(0, 12)}… (in full under Decisions)` }
    res.redirect(303, caseTabHref(id, 'checklist'))
  })

  router.get('/my-items', requirePermission('checklist:complete'), async (req, res) => {
    res.render('pages/checklists/myItems', { pageTitle: 'My items', items: await checklists.myItems(req.currentUser!.id) })
  })

  router.get('/notifications', requireSignedIn, async (req, res) => {
    const items = await checklists.notifications(req.currentUser!.id)
    await checklists.markNotificationsRead(req.currentUser!.id)
    res.render('pages/checklists/notifications', { pageTitle: 'Notifications', items })
  })

  return router
}
