import { Router } from 'express'
import { z } from 'zod'
import { can } from '../../auth/roles'
import { CASE_SORTS, type CaseQuery } from '../../db/repositories/caseRepository'
import { badRequest, notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { presentCaseDetail, presentCaseListItem } from '../../presenters/presentCase'
import { presentEvidence } from '../../presenters/presentEvidence'
import { presentFindings } from '../../presenters/presentFindings'
import { BAND_LABELS, statusLabel } from '../../presenters/format'
import { ValidationError } from '../../services/userService'
import type { Services } from '../../services'
import { CASE_KINDS, CASE_STATUSES, isChangeable, RISK_BANDS } from '../../signoff/caseStatus'

export const PAGE_SIZE = 25

// Unknown filter values are dropped rather than rejected: a stale bookmark should still show a list.
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  kind: z.enum(CASE_KINDS).optional().catch(undefined),
  band: z.enum([...RISK_BANDS, 'unscored']).optional().catch(undefined),
  sort: z.enum(Object.keys(CASE_SORTS) as [keyof typeof CASE_SORTS]).catch('updated'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
})

const idParam = z.string().uuid()

const statusActionSchema = z.object({
  action: z.enum(['submit_for_review', 'return_to_open', 'sign_off', 'reject']),
  statement: z.string().trim().max(4000).optional(),
})

export function caseRoutes(services: Services): Router {
  const router = Router()
  const { cases } = services

  router.get('/cases', requirePermission('cases:read'), async (req, res) => {
    const query = listQuerySchema.parse(req.query)
    const search: CaseQuery = { ...query, q: query.q || undefined, pageSize: PAGE_SIZE }
    const { items, total } = await cases.search(search)
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const params = (overrides: Record<string, string | number | undefined>) => {
      const merged: Record<string, string | number | undefined> = { q: search.q, status: query.status, kind: query.kind, band: query.band, sort: query.sort, ...overrides }
      const usp = new URLSearchParams()
      for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'sort' && v === 'updated') && !(k === 'page' && v === 1)) usp.set(k, String(v))
      const s = usp.toString()
      return s ? `/cases?${s}` : '/cases'
    }
    res.render('pages/cases/index', {
      pageTitle: 'Cases',
      query,
      items: items.map(presentCaseListItem),
      total,
      page: query.page,
      pages,
      firstShown: total === 0 ? 0 : (query.page - 1) * PAGE_SIZE + 1,
      lastShown: Math.min(total, query.page * PAGE_SIZE),
      prevHref: query.page > 1 ? params({ page: query.page - 1 }) : null,
      exportHref: params({ page: undefined }).replace(/^\/cases/, '/cases/export.csv'),
      nextHref: query.page < pages ? params({ page: query.page + 1 }) : null,
      statuses: CASE_STATUSES.map(s => ({ value: s, label: statusLabel(s) })),
      bands: [...RISK_BANDS.map(b => ({ value: b, label: BAND_LABELS[b] })), { value: 'unscored', label: 'Not scored' }],
      sorts: [
        { value: 'updated', label: 'Recently updated' },
        { value: 'created', label: 'Recently opened' },
        { value: 'name', label: 'Name (A–Z)' },
        { value: 'score', label: 'Risk score (highest first)' },
      ],
      canCreate: can(req.currentUser!.role, 'cases:create'),
    })
  })

  router.get('/cases/new', requirePermission('cases:create'), (_req, res) => {
    res.render('pages/cases/new', { pageTitle: 'New case', values: { kind: 'candidate' }, errors: {} })
  })

  router.post('/cases', requirePermission('cases:create'), async (req, res) => {
    const body = req.body as Record<string, string>
    try {
      const created = await cases.create(body, actorOf(req, res))
      req.session.flash = { kind: 'success', message: `Case ${created.reference} opened` }
      res.redirect(303, `/cases/${created.id}`)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      res.status(400).render('pages/cases/new', { pageTitle: 'Error: New case', values: body, errors: error.fieldErrors })
    }
  })

  router.get('/cases/:id', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const actor = actorOf(req, res)
    // New findings add their steps when the case is next opened (and the checklist is made on first view).
    await services.db.transaction(trx => services.checklists.ensure(trx, id.data, actor))
    const detail = await cases.view(id.data, actor)
    const [linkFacts, hubs, checklist, assignable, heldLogs] = await Promise.all([
      services.links.linkFacts(services.db, id.data),
      services.links.hubsOf(services.db, id.data),
      services.checklists.view(services.db, id.data),
      services.db('users').whereIn('role', ['recruiter', 'security']).whereNull('disabled_at').orderBy('email').select('id', 'email') as Promise<Array<{ id: number; email: string }>>,
      services.signInLogs.held(services.db, id.data),
    ])
    // One entry per linked application, with everything it shares.
    const linked = [...linkFacts.reduce((m, l) => m.set(l.otherId, { ...l, vias: [...(m.get(l.otherId)?.vias ?? []), `${l.kind}: ${l.via}`] }), new Map<string, (typeof linkFacts)[number] & { vias: string[] }>()).values()]
    const flash = req.session.flash
    delete req.session.flash
    const role = req.currentUser!.role
    res.render('pages/cases/show', {
      pageTitle: `${detail.case.reference}`,
      c: presentCaseDetail(detail),
      evidence: presentEvidence(detail.documents, detail.facts, detail.case.id),
      accessEvents: detail.accessEvents,
      heldLogs,
      findings: presentFindings(detail.findings, detail.case.score_detail),
      flash,
      canEdit: can(role, 'cases:edit'),
      canDecide: can(role, 'cases:signoff'),
      linked,
      hubs,
      checklist,
      assignable,
      canComplete: can(role, 'checklist:complete'),
      canWaive: can(role, 'checklist:waive'),
      canAssign: can(role, 'checklist:assign'),
      // A decided revision keeps its links as decided: no judging or watching from its page.
      canJudge: can(role, 'links:judge') && isChangeable(detail.case),
      canWatch: can(role, 'links:watch') && isChangeable(detail.case),
    })
  })

  router.post('/cases/:id/rescore', requirePermission('cases:edit'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const evaluation = await cases.rescore(id.data, actorOf(req, res))
    req.session.flash = { kind: 'success', message: `Checks run again: score ${evaluation.score.score}, ${evaluation.findings.filter(f => f.status === 'flag').length} flags` }
    res.redirect(303, `/cases/${id.data}`)
  })

  router.post('/cases/:id/status', requirePermission('cases:edit'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const parsed = statusActionSchema.safeParse(req.body)
    if (!parsed.success || (parsed.data.action !== 'submit_for_review' && parsed.data.action !== 'return_to_open')) {
      throw badRequest('Unknown action')
    }
    await cases.transition(id.data, parsed.data.action, actorOf(req, res))
    req.session.flash = { kind: 'success', message: parsed.data.action === 'submit_for_review' ? 'Case sent for review' : 'Case returned to open' }
    res.redirect(303, `/cases/${id.data}`)
  })

  router.post('/cases/:id/reopen', requirePermission('cases:signoff'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const reason = z.string().trim().min(10).max(4000).safeParse((req.body as { reason?: unknown }).reason)
    if (!reason.success) throw badRequest('Say why the case is reopened (at least 10 characters)')
    const next = await cases.reopen(id.data, actorOf(req, res), reason.data)
    req.session.flash = { kind: 'success', message: `Reopened as revision ${next.revision}; revision ${next.revision - 1} and its decision stay as they were` }
    res.redirect(303, `/cases/${next.id}`)
  })

  return router
}
