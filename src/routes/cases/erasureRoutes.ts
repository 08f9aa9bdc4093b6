import { Router } from 'express'
import { z } from 'zod'
import { badRequest, HttpError, notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import type { Services } from '../../services'

const idParam = z.string().uuid()

/**
 * Erasure (two people: an administrator and a security reviewer, one asks and the other confirms) and the
 * subject access copy. Administrators do not read cases, so these pages show the reference, status and the
 * request only, never the person.
 */
export function erasureRoutes(services: Services): Router {
  const router = Router()

  async function caseOf(id: string) {
    const parsed = idParam.safeParse(id)
    if (!parsed.success) throw notFound('No such case')
    const c = (await services.db('cases').where({ id: parsed.data }).first('id', 'reference', 'revision', 'status', 'is_current')) as { id: string; reference: string; revision: number; status: string; is_current: boolean | number } | undefined
    if (!c) throw notFound('No such case')
    return c
  }

  /** Open requests, and a look-up by reference (administrators cannot open the case list). */
  router.get('/erasures', requirePermission('cases:erase'), async (req, res) => {
    const reference = z.string().trim().toUpperCase().max(20).optional().catch(undefined).parse(req.query.reference)
    if (reference) {
      const c = (await services.db('cases').where({ reference, is_current: true }).first('id')) as { id: string } | undefined
      if (c) return res.redirect(303, `/cases/${c.id}/erasure`)
    }
    const pending = (await services.db('erasure_requests as r').leftJoin('users as u', 'u.id', 'r.requested_by').whereNull('r.closed_at').orderBy('r.requested_at').select('r.reference', 'r.requested_at', 'r.requested_role', 'u.email as requester_email')) as Array<{ reference: string; requested_at: string; requested_role: string; requester_email: string | null }>
    res.render('pages/cases/erasures', { pageTitle: 'Erasure requests', pending, notFoundReference: reference ?? null })
  })

  router.get('/cases/:id/erasure', requirePermission('cases:erase'), async (req, res) => {
    const c = await caseOf(String(req.params.id))
    const [pending, erased] = await Promise.all([services.erasure.pending(c.reference), services.erasure.isErased(c.reference)])
    const me = req.currentUser!
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/cases/erasure', {
      pageTitle: `Erase ${c.reference}`,
      c,
      pending,
      erased,
      flash,
      canConfirm: Boolean(pending && pending.requested_by !== me.id && pending.requested_role !== me.role),
    })
  })

  router.post('/cases/:id/erasure', requirePermission('cases:erase'), async (req, res) => {
    const c = await caseOf(String(req.params.id))
    const reason = z.string().trim().min(10).max(2000).safeParse((req.body as { reason?: unknown }).reason)
    if (!reason.success) throw badRequest('Say why the person’s data is erased (10 to 2,000 characters)')
    await services.erasure.request(c.reference, reason.data, actorOf(req, res))
    req.session.flash = { kind: 'success', message: `Erasure of ${c.reference} asked for: ${req.currentUser!.role === 'admin' ? 'a security reviewer' : 'an administrator'} must confirm it` }
    res.redirect(303, `/cases/${c.id}/erasure`)
  })

  router.post('/cases/:id/erasure/confirm', requirePermission('cases:erase'), async (req, res) => {
    const c = await caseOf(String(req.params.id))
    const body = req.body as { confirm?: unknown; reference?: unknown }
    if (body.confirm !== 'yes') {
      if (!(await services.erasure.pending(c.reference))) throw new HttpError(409, 'erasure', `No erasure of ${c.reference} is waiting for confirmation`)
      throw badRequest('Tick the box to confirm that the erasure cannot be undone')
    }
    const outcome = await services.erasure.confirm(c.reference, typeof body.reference === 'string' ? body.reference : '', actorOf(req, res))
    req.session.flash = { kind: 'success', message: `${outcome.reference} erased: ${outcome.revisions.length} revision(s), ${outcome.files} file(s) deleted` }
    res.redirect(303, `/cases/${c.id}/erasure`)
  })

  router.post('/cases/:id/erasure/withdraw', requirePermission('cases:erase'), async (req, res) => {
    const c = await caseOf(String(req.params.id))
    await services.erasure.withdraw(c.reference, actorOf(req, res))
    req.session.flash = { kind: 'success', message: `The erasure request for ${c.reference} was withdrawn` }
    res.redirect(303, `/cases/${c.id}/erasure`)
  })

  router.get('/cases/:id/subject-access.zip', requirePermission('cases:read'), async (req, res) => {
    const c = await caseOf(String(req.params.id))
    const { reference, zip } = await services.subjectExport.export(c.reference, actorOf(req, res))
    res.type('application/zip').attachment(`${reference.replace(/[^A-Za-z0-9-]/g, '_')}-subject-access.zip`).send(zip)
  })

  return router
}
