import { Router } from 'express'
import { z } from 'zod'
import { HttpError } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import { parseSharingKey } from '../../indicators/hashing'
import { parseTlp } from '../../indicators/tlp'
import { RETRO_HUNT } from '../../services/indicatorService'
import type { Services } from '../../services'

const MAX_FEED_BYTES = 20 * 1024 * 1024
const TLP_CHOICES = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const

const exportSchema = z.object({
  format: z.enum(['stix', 'misp', 'csv']),
  tlp: z.enum(TLP_CHOICES),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('')),
  key: z.string().max(200).optional(),
  relay: z.literal('yes').optional(),
  caseIds: z.union([z.string().uuid(), z.array(z.string().uuid()).max(500)]).optional(),
})

/** A feed upload: multipart, so mounted before the app-wide CSRF check; acceptUpload checks the token after parsing. */
export function indicatorUploadRoutes(services: Services): Router {
  const router = Router()
  const guard = requirePermission('links:watch')
  router.post('/indicators/import', guard, ...acceptUpload({ field: 'feed', maxFiles: 1, maxFileBytes: MAX_FEED_BYTES, dir: services.uploadDir }), async (req, res) => {
    const body = req.body as Record<string, string | undefined>
    const back = (message: string, kind: 'error' | 'success' = 'error') => {
      req.session.flash = { kind, message }
      res.redirect(303, '/indicators')
    }
    if (!req.file) return back('Choose a feed file: a STIX 2.1 bundle, a MISP event (JSON) or a CSV.')
    const source = (body.source ?? '').trim() || req.file.originalname.slice(0, 200)
    const tlp = body.tlp ? parseTlp(body.tlp) : null
    if (body.tlp && !tlp) return back('Choose a TLP marking from the list.')
    if (body.expires && !/^\d{4}-\d{2}-\d{2}$/.test(body.expires)) return back('Write the expiry date as YYYY-MM-DD.')
    let key: Buffer | undefined
    if (body.key?.trim()) {
      try {
        key = parseSharingKey(body.key.trim())
      } catch (error) {
        return back((error as Error).message)
      }
    }
    try {
      const s = await services.indicators.importFeed(req.file.buffer, { source, ...(tlp ? { tlp } : {}), ...(body.expires ? { expires: new Date(body.expires).toISOString() } : {}), ...(key ? { key } : {}) }, actorOf(req, res))
      const rejected = s.rejected.length ? ` Rejected ${s.rejected.length}: ${s.rejected.slice(0, 3).map(r => `${r.at}: ${r.reason}`).join('; ')}${s.rejected.length > 3 ? '; …' : ''}.` : ''
      back(`${s.source} (${s.format.toUpperCase()}): ${s.added} added, ${s.updated} updated, ${s.expired} already expired.${rejected}${s.jobId ? ' Every existing case is being screened against it (retro-hunt below).' : ''}`, s.added + s.updated ? 'success' : 'error')
    } catch (error) {
      if (error instanceof HttpError && error.status === 400) return back(error.message)
      throw error
    }
  })

  return router
}

/** Indicator exchange for the security role: feeds in, what confirmed cases teach out, and the hits. */
export function indicatorRoutes(services: Services): Router {
  const router = Router()
  const guard = requirePermission('links:watch')

  router.get('/indicators', guard, async (req, res) => {
    const [sources, hits, jobs] = await Promise.all([services.indicators.sources(), services.indicators.hits(200), services.jobs.recent(5, [RETRO_HUNT])])
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/indicators/index', {
      pageTitle: 'Shared indicators',
      sources,
      hits,
      jobs: jobs.map(j => ({ id: j.id, status: j.status, createdAt: j.created_at, progress: j.progress ? (JSON.parse(j.progress) as { done?: number; total?: number }) : null, error: j.last_error })),
      tlps: TLP_CHOICES,
      flash,
    })
  })

  router.post('/indicators/export', guard, async (req, res) => {
    const parsed = exportSchema.safeParse(req.body)
    if (!parsed.success) {
      req.session.flash = { kind: 'error', message: 'Choose a format and a TLP marking for the export.' }
      return res.redirect(303, '/indicators')
    }
    const o = parsed.data
    let key: Buffer | undefined
    if (o.key?.trim()) {
      try {
        key = parseSharingKey(o.key.trim())
      } catch (error) {
        req.session.flash = { kind: 'error', message: (error as Error).message }
        return res.redirect(303, '/indicators')
      }
    }
    const caseIds = o.caseIds === undefined ? undefined : Array.isArray(o.caseIds) ? o.caseIds : [o.caseIds]
    const out = await services.indicators.exportIndicators({ format: o.format, tlp: o.tlp, ...(o.since ? { since: new Date(o.since).toISOString() } : {}), ...(key ? { key } : {}), relay: o.relay === 'yes', ...(caseIds ? { caseIds } : {}) }, actorOf(req, res))
    res.setHeader('Content-Type', out.contentType)
    res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`)
    res.setHeader('Cache-Control', 'no-store')
    res.send(out.body)
  })

  return router
}
