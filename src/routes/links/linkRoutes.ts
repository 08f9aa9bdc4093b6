import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import type { Services } from '../../services'

const idParam = z.string().uuid()

/** Rings (applications linked by what they share), link judgements, the watch list and its retro-hunt. */
export function linkRoutes(services: Services): Router {
  const router = Router()
  const db = services.db

  router.get('/rings', requirePermission('cases:read'), async (_req, res) => {
    const rings = await services.links.rings(db)
    res.render('pages/rings/index', { pageTitle: 'Rings', rings })
  })

  router.get('/rings/:reference', requirePermission('cases:read'), async (req, res) => {
    const ref = String(req.params.reference)
    const c = (await db('cases').where({ reference: ref, is_current: true }).first('id')) as { id: string } | undefined
    if (!c) throw notFound('No such ring')
    const [ring] = await services.links.rings(db, { caseId: c.id })
    if (!ring) {
      // In no ring: say what it shares and why that joined nothing ("supporting only: not joined").
      const pairs = await services.links.pairsOf(db, c.id)
      if (!pairs.length) throw notFound('This application is not linked to any other')
      res.render('pages/rings/unjoined', { pageTitle: `${ref}: in no ring`, reference: ref, pairs })
      return
    }
    const index = new Map(ring.members.map((m, i) => [m.caseId, i]))
    const graph = {
      nodes: ring.members.map(m => ({ id: m.caseId, label: `${m.reference} ${m.name}`, band: m.band ?? 'unscored' })),
      edges: ring.links.map(l => ({ source: l.a, target: l.b, label: l.kind })),
    }
    const outside = new Map(ring.nearby.map(n => [n.caseId, n.name]))
    res.render('pages/rings/show', { pageTitle: `Ring ${ring.id}`, ring, graph: JSON.stringify(graph), nameOf: (id: string) => (index.has(id) ? ring.members[index.get(id)!]!.name : (outside.get(id) ?? id)) })
  })

  router.post('/cases/:id/links', requirePermission('links:judge'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const actor = actorOf(req, res)
    await db.transaction(async trx => {
      const { otherCaseId } = await services.links.judge(trx, { ...(req.body as object), caseId: id.data }, actor)
      await services.scoring.rescore(trx, id.data, actor, new Date(), { relink: false, neighbours: false })
      // The other application may be decided: it keeps its findings, and its signer is told instead.
      await services.scoring.rescoreIfChangeable(trx, otherCaseId, actor, 'a link to it was judged')
    })
    req.session.flash = { kind: 'success', message: 'Judgement recorded' }
    res.redirect(303, `/cases/${id.data}#links-heading`)
  })

  router.post('/cases/:id/watch', requirePermission('links:watch'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const actor = actorOf(req, res)
    const added = await db.transaction(async trx => {
      const n = await services.links.watch(trx, id.data, actor)
      // Everything linked to it now counts it as critical.
      for (const f of await services.links.linkFacts(trx, id.data)) await services.scoring.rescoreIfChangeable(trx, f.otherId, actor, 'a linked application was confirmed as fraudulent')
      return n
    })
    req.session.flash = { kind: 'success', message: `${added} identifiers added to the watch list` }
    res.redirect(303, '/watchlist')
  })

  router.get('/watchlist', requirePermission('links:watch'), async (req, res) => {
    const hits = await services.links.retroHunt(db)
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/rings/watchlist', { pageTitle: 'Watch list', hits, flash })
  })

  return router
}
