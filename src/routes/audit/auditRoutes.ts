import { Router } from 'express'
import { z } from 'zod'
import { AUDIT_EVENT_TYPES } from '../../audit/auditEvents'
import { requirePermission } from '../../middleware/authentication'
import type { Services } from '../../services'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const filterSchema = z.object({
  person: z.coerce.number().int().positive().optional().catch(undefined),
  case: z.string().trim().max(64).optional().catch(undefined),
  type: z.enum(AUDIT_EVENT_TYPES).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
  verify: z.literal('1').optional().catch(undefined),
})

const PAGE = 100

/** The audit trail, filtered, and its hash chain verified on request (the same check as `vet audit verify`). */
export function auditRoutes(services: Services): Router {
  const router = Router()
  const db = services.db

  router.get('/audit', requirePermission('audit:read'), async (req, res) => {
    const f = filterSchema.parse(req.query)
    // A case may be given by its reference (VD-…) or its id; every revision of it is shown.
    let caseIds: string[] | undefined
    if (f.case) {
      const rows = (await db('cases').where('reference', f.case).orWhere('id', f.case).select('id')) as Array<{ id: string }>
      caseIds = rows.map(r => r.id)
    }
    const events = caseIds && !caseIds.length ? [] : await services.auditTrail.search({
      ...(f.person ? { actorUserId: f.person } : {}),
      ...(caseIds ? { caseIds } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.before ? { beforeId: f.before } : {}),
      limit: PAGE + 1,
    })
    const more = events.length > PAGE
    const shown = events.slice(0, PAGE)
    const people = (await db('users').select('id', 'email').orderBy('email')) as Array<{ id: number; email: string }>
    const verification = f.verify ? await services.auditTrail.verify() : null
    const query = new URLSearchParams(Object.entries({ person: f.person, case: f.case, type: f.type, from: f.from, to: f.to }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))
    res.render('pages/audit/index', {
      pageTitle: 'Audit trail',
      filter: f,
      events: shown.map(e => ({ ...e, dataText: e.data === '{}' ? '' : e.data })),
      people,
      types: services.auditTrail.types(),
      verification,
      nextPage: more ? `/audit?${new URLSearchParams([...query, ['before', String(shown[shown.length - 1]!.id)]]).toString()}` : null,
      verifyLink: `/audit?${new URLSearchParams([...query, ['verify', '1']]).toString()}`,
    })
  })

  return router
}
