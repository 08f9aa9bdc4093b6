import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import type { Services } from '../../services'
import { listQuerySchema } from '../cases/caseRoutes'
import { showsInFull } from '../cases/sensitiveReveal'

// The same filters as the case list it downloads (without its page).
const filterSchema = listQuerySchema.omit({ page: true })
const idParam = z.string().uuid()
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)

/** Downloads: the case list and a ring as CSV; a case as JSON, PDF report or evidence pack. Registered before the case pages. */
export function exportRoutes(services: Services): Router {
  const router = Router()

  router.get('/cases/export.csv', requirePermission('cases:read'), async (req, res) => {
    const f = filterSchema.parse(req.query)
    const { csv } = await services.exports.casesCsv({ ...f, q: f.q || undefined }, actorOf(req, res))
    res.type('text/csv; charset=utf-8').attachment(`cases-${new Date().toISOString().slice(0, 10)}.csv`).send(csv)
  })

  router.get('/rings/:reference/export.csv', requirePermission('cases:read'), async (req, res) => {
    const { csv, ringId } = await services.exports.ringCsv(String(req.params.reference), actorOf(req, res))
    res.type('text/csv; charset=utf-8').attachment(`ring-${safeName(ringId)}.csv`).send(csv)
  })

  router.get('/cases/:id/export.json', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const { reference, json } = await services.exports.caseJson(id.data, actorOf(req, res))
    res.type('application/json; charset=utf-8').attachment(`${safeName(reference)}.json`).send(`${JSON.stringify(json, null, 2)}\n`)
  })

  router.get('/cases/:id/report.pdf', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    // Masked as the case page shows it to this person: in full for security or after a reveal.
    const { reference, pdf } = await services.reports.casePdf(id.data, actorOf(req, res), { masked: !showsInFull(req, id.data) })
    res.type('application/pdf').attachment(`${safeName(reference)}-report.pdf`).send(pdf)
  })

  router.get('/cases/:id/evidence.zip', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const { reference, zip } = await services.reports.evidencePack(id.data, actorOf(req, res))
    res.type('application/zip').attachment(`${safeName(reference)}-evidence.zip`).send(zip)
  })

  return router
}
