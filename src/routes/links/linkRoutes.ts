import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { can } from '../../auth/roles'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { maskRing, presentRing, presentRingRows } from '../../presenters/presentRing'
import { maskText, seesSensitiveInFull } from '../../presenters/maskSensitive'
import type { Services } from '../../services'

/** confirmAction's ticked "I understand" box arrives as confirm=yes; anything else, or nothing, is no confirmation. */
const confirmed = (v: unknown) => v === 'yes'

const idParam = z.string().uuid()

/** Rings (applications linked by what they share), link judgements, the watch list and its retro-hunt. */
export function linkRoutes(services: Services): Router {
  const router = Router()
  const db = services.db

  router.get('/rings', requirePermission('cases:read'), async (_req, res) => {
    const rings = await services.links.rings(db)
    res.render('pages/rings/index', { pageTitle: 'Rings', rings: presentRingRows(rings) })
  })

  router.get('/rings/:reference', requirePermission('cases:read'), async (req, res) => {
    const ref = String(req.params.reference)
    const c = (await db('cases').where({ reference: ref, is_current: true }).first('id')) as { id: string } | undefined
    if (!c) throw notFound('No such ring')
    const [found] = await services.links.rings(db, { caseId: c.id })
    // Payout accounts and wallets in what they share: in full for security, masked for others (a reveal is per case, on its page).
    const ring = found && !seesSensitiveInFull(req.currentUser!.role) ? maskRing(found) : found
    if (!ring) {
      // In no ring: say what it shares and why that joined nothing ("supporting only: not joined").
      const pairs = await services.links.pairsOf(db, c.id)
      if (!pairs.length) throw notFound('This application is not linked to any other')
      // Payout accounts and wallets: in full for security, masked for others (a reveal is per case, on its page).
      const full = seesSensitiveInFull(req.currentUser!.role)
      res.render('pages/rings/unjoined', { pageTitle: `${ref}: in no ring`, reference: ref, pairs: full ? pairs : pairs.map(p => ({ ...p, reason: maskText(p.reason) })) })
      return
    }
    const names = new Map([...ring.members.map(m => [m.caseId, m.name] as const), ...ring.nearby.map(n => [n.caseId, n.name] as const)])
    // Members security confirmed as fraudulent: what the ring teaches, to share (indicator exchange).
    const confirmed = can(req.currentUser!.role, 'links:watch') ? ((await db('watch_keys').whereIn('source_case_id', ring.members.map(m => m.caseId)).distinct('source_case_id')) as Array<{ source_case_id: string }>).map(r => r.source_case_id) : []
    res.render('pages/rings/show', { pageTitle: `Ring ${ring.id}`, ring, view: presentRing(ring), nameOf: (id: string) => names.get(id) ?? id, confirmed })
  })

  router.post('/cases/:id/links', requirePermission('links:judge'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const back = `/cases/${id.data}?tab=links`
    const body = (req.body ?? {}) as Record<string, unknown>
    // The menu starts on "Choose…": no judgement is recorded by leaving it alone.
    if (typeof body.judgement !== 'string' || body.judgement === '') {
      req.session.flash = { kind: 'error', message: 'Choose a judgement (same person, different people or unsure): nothing was recorded' }
      res.redirect(303, back)
      return
    }
    const actor = actorOf(req, res)
    await db.transaction(async trx => {
      const { otherCaseId } = await services.links.judge(trx, { ...body, caseId: id.data }, actor)
      await services.scoring.rescore(trx, id.data, actor, new Date(), { relink: false, neighbours: false })
      // The other application may be decided: it keeps its findings, and its signer is told instead.
      await services.scoring.rescoreIfChangeable(trx, otherCaseId, actor, 'a link to it was judged')
    })
    req.session.flash = { kind: 'success', message: 'Judgement recorded' }
    res.redirect(303, back)
  })

  router.post('/cases/:id/watch', requirePermission('links:watch'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const back = `/cases/${id.data}?tab=links`
    // Confirming as fraudulent cannot be undone (other applications start counting it as critical): the
    // form's "I understand" box must be ticked.
    if (!confirmed((req.body as Record<string, unknown> | undefined)?.confirm)) {
      req.session.flash = { kind: 'error', message: 'Nothing was confirmed: tick "I understand" to confirm this case as fraudulent. It cannot be undone.' }
      res.redirect(303, back)
      return
    }
    const actor = actorOf(req, res)
    const added = await db.transaction(async trx => {
      const n = await services.links.watch(trx, id.data, actor)
      // Everything linked to it now counts it as critical.
      for (const f of await services.links.linkFacts(trx, id.data)) await services.scoring.rescoreIfChangeable(trx, f.otherId, actor, 'a linked application was confirmed as fraudulent')
      return n
    })
    req.session.flash = { kind: 'success', message: `Confirmed as fraudulent: ${added} identifiers added to the watch list` }
    res.redirect(303, back)
  })

  router.get('/watchlist', requirePermission('links:watch'), async (req, res) => {
    const hits = await services.links.retroHunt(db)
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/rings/watchlist', { pageTitle: 'Watch list', hits, flash })
  })

  return router
}
