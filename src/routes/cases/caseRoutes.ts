import { Router, type Response } from 'express'
import { z } from 'zod'
import { can } from '../../auth/roles'
import { CASE_SORTS, type CaseQuery } from '../../db/repositories/caseRepository'
import { badRequest, HttpError, notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { ACTIVITY_HIDDEN, blockerLink, CASE_TABS, caseTabHref, caseTabs, nextActionFor, presentActivity, presentCaseDetail, presentCaseListItem } from '../../presenters/presentCase'
import { presentEvidence } from '../../presenters/presentEvidence'
import { presentFindings, strongestReasons } from '../../presenters/presentFindings'
import { maskText, sensitiveKeysIn } from '../../presenters/maskSensitive'
import { REVEAL_MINUTES, showsInFull } from './sensitiveReveal'
import { contributionChart } from '../../presenters/charts/contribution'
import { BAND_LABELS, formatDateTime, statusLabel } from '../../presenters/format'
import { ValidationError } from '../../services/userService'
import type { ResumeFound } from '../../services/caseService'
import { ImportProblem, MAX_UPLOAD_BYTES } from '../../services/ingestService'
import { acceptUpload } from '../../middleware/uploads'
import { COUNTRY_OPTIONS, ZONE_OPTIONS } from '../../domain/countriesAndZones'
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
/** The Activity tab lists the latest events; the full trail is on /audit. */
const ACTIVITY_LIMIT = 100

const tabSchema = z.enum(CASE_TABS).catch('findings')

const statusActionSchema = z.object({
  action: z.enum(['submit_for_review', 'return_to_open', 'sign_off', 'reject']),
  statement: z.string().trim().max(4000).optional(),
  // the section the person was on: the header's buttons bring them back to it
  tab: tabSchema.optional(),
})

/** The new-case form, with the datalists it suggests from and, when it was filled from a resume, which one. */
export function renderNewCase(res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>, resume?: { name: string; found?: ResumeFound; warnings?: string[] }) {
  res.status(status).render('pages/cases/new', {
    pageTitle: Object.keys(errors).length ? 'Error: New case' : 'New case',
    values: resume ? { ...values, attachResume: 'yes' } : values,
    errors,
    resume,
    countryOptions: COUNTRY_OPTIONS,
    zoneOptions: ZONE_OPTIONS.map(o => o.value),
  })
}

/**
 * "New case from a resume": the file is read by the extraction workers (the same code as every upload),
 * kept by its SHA-256, and the form comes back filled with what was found, for the person to confirm.
 * Nothing is created until they press "Open case"; then the resume is attached as the case's document.
 */
export function caseUploadRoutes(services: Services): Router {
  const router = Router()
  router.post('/cases/new/resume', requirePermission('cases:create'), ...acceptUpload({ field: 'resume', maxFiles: 1, maxFileBytes: MAX_UPLOAD_BYTES, dir: services.uploadDir }), async (req, res) => {
    const file = req.file
    const kind = (req.body as { kind?: string } | undefined)?.kind === 'contractor' ? 'contractor' : 'candidate'
    if (!file) return renderNewCase(res, 400, { kind }, { resume: 'Choose a resume to upload: a PDF, Word (DOCX) or text file' })
    const read = await services.cases.readResume(file.originalname, file.buffer)
    if (!read.ok) return renderNewCase(res, 400, { kind }, { resume: `${file.originalname} could not be read: ${read.error}` })
    req.session.pendingResume = { sha256: read.sha256, name: read.name }
    renderNewCase(res, 200, { kind, ...read.values }, {}, { name: read.name, found: read.found, warnings: read.warnings })
  })
  return router
}

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

  router.get('/cases/new', requirePermission('cases:create'), (req, res) => {
    // A fresh form forgets a resume read earlier but not used.
    delete req.session.pendingResume
    renderNewCase(res, 200, { kind: 'candidate' }, {})
  })

  router.post('/cases', requirePermission('cases:create'), async (req, res) => {
    const body = req.body as Record<string, string>
    const resume = body.attachResume === 'yes' ? req.session.pendingResume : undefined
    let created
    try {
      created = await cases.create(body, actorOf(req, res))
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return renderNewCase(res, 400, body, error.fieldErrors, resume ? { name: resume.name } : undefined)
    }
    let message = `Case ${created.reference} opened`
    if (resume) {
      // The resume the form was filled from becomes the case's document (its facts are read again, with locators).
      delete req.session.pendingResume
      try {
        const added = await services.ingest.addDocument(created.id, resume.name, 'resume', await cases.pendingResume(resume.sha256), actorOf(req, res))
        message += ` with ${resume.name} attached (${added.facts} ${added.facts === 1 ? 'detail' : 'details'} read from it)`
      } catch (error) {
        if (!(error instanceof ImportProblem)) throw error
        req.session.flash = { kind: 'error', message: `${message}, but the resume was not attached: ${error.message}. Add it under Evidence.` }
        return res.redirect(303, `/cases/${created.id}`)
      }
    }
    req.session.flash = { kind: 'success', message }
    res.redirect(303, `/cases/${created.id}`)
  })

  router.get('/cases/:id', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const tab = tabSchema.parse(req.query.tab)
    const actor = actorOf(req, res)
    // New findings add their steps when the case is next opened (and the checklist is made on first view).
    await services.db.transaction(trx => services.checklists.ensure(trx, id.data, actor))
    const detail = await cases.view(id.data, actor)
    const role = req.currentUser!.role
    const changeable = isChangeable(detail.case)
    // Only the selected section's extra reads are made: a tab nobody opened costs nothing.
    const [linkFacts, hubs, checklist, assignable, heldLogs, blockers, activity] = await Promise.all([
      services.links.linkFacts(services.db, id.data),
      tab === 'links' ? services.links.hubsOf(services.db, id.data) : Promise.resolve([]),
      services.checklists.view(services.db, id.data),
      tab === 'checklist' && can(role, 'checklist:assign') ? (services.db('users').whereIn('role', ['recruiter', 'security']).whereNull('disabled_at').orderBy('email').select('id', 'email') as Promise<Array<{ id: number; email: string }>>) : Promise.resolve([]),
      services.signInLogs.held(services.db, id.data),
      // What "Send for review" (and a manager's approve or reject: the same bar) would refuse on, shown at the top.
      changeable ? services.checklists.reviewBlockers(services.db, id.data) : Promise.resolve([]),
      tab === 'activity'
        ? (services.db('audit_events as e').leftJoin('users as u', 'u.id', 'e.actor_user_id').where('e.case_id', id.data).whereNotIn('e.type', ACTIVITY_HIDDEN).orderBy('e.id', 'desc').limit(ACTIVITY_LIMIT).select('e.occurred_at', 'e.type', 'e.actor_role', 'e.data', 'u.email as actor_email') as Promise<Array<{ occurred_at: string; type: string; actor_role: string | null; data: string | null; actor_email: string | null }>>)
        : Promise.resolve([]),
    ])
    // Payout accounts, wallets and ID numbers: in full for security, masked for others unless revealed (audited).
    const masked = !showsInFull(req, detail.case.id)
    const shown = (text: string) => (masked ? maskText(text) : text)
    // One entry per linked application, with everything it shares.
    const linked = [...linkFacts.reduce((m, l) => m.set(l.otherId, { ...l, vias: [...(m.get(l.otherId)?.vias ?? []), shown(`${l.kind}: ${l.via}`)] }), new Map<string, (typeof linkFacts)[number] & { vias: string[] }>()).values()]
    const flash = req.session.flash
    delete req.session.flash
    const c = presentCaseDetail(detail)
    const findings = presentFindings(detail.findings, detail.case.score_detail, { masked })
    const evidence = presentEvidence(detail.documents, detail.facts, detail.case.id, { masked })
    const sensitiveKeys = new Set<string>()
    for (const f of detail.facts) {
      try {
        sensitiveKeysIn(JSON.parse(f.value), sensitiveKeys)
      } catch {
        // a value that is not JSON holds no keys
      }
    }
    const revealedUntil = req.session.revealed?.[detail.case.id]
    const canEdit = can(role, 'cases:edit')
    const canJudge = can(role, 'links:judge') && changeable
    const reviewBlockers = detail.case.status === 'open' ? blockers : []
    const itemsOpen = checklist.items.filter(i => i.status === 'open').length
    res.render('pages/cases/show', {
      pageTitle: `${detail.case.reference}`,
      c,
      tab,
      tabs: caseTabs(detail.case.id, tab, { flags: findings.flags.length, documents: evidence.documents.length, linked: linked.length, itemsOpen, items: checklist.items.length }),
      summary: {
        chart: contributionChart(strongestReasons(findings.flags), { title: 'The strongest reasons for the score, in points' }),
        blockers: blockers.map(b => blockerLink(detail.case.id, b)),
        next: nextActionFor({ caseId: detail.case.id, role, status: detail.case.status, isCurrent: Boolean(detail.case.is_current), blockers, unjudgedLinks: linked.filter(l => !l.judgement).length, canEdit, canDecide: can(role, 'cases:signoff'), canClearSanctions: can(role, 'sanctions:review'), canJudge }),
        itemsOpen,
      },
      evidence,
      accessEvents: detail.accessEvents,
      heldLogs,
      findings,
      flash,
      canEdit,
      canDecide: can(role, 'cases:signoff'),
      linked,
      hubs: hubs.map(h => ({ ...h, label: shown(h.label) })),
      sensitive: {
        present: sensitiveKeys.size > 0,
        masked,
        // "Show in full" is offered to those who see masked values; a reveal shows its end time.
        revealedUntil: !masked && revealedUntil && revealedUntil > Date.now() ? formatDateTime(new Date(revealedUntil).toISOString()) : null,
        minutes: REVEAL_MINUTES,
      },
      checklist,
      assignable,
      activity: presentActivity(activity),
      canComplete: can(role, 'checklist:complete'),
      canWaive: can(role, 'checklist:waive'),
      canAssign: can(role, 'checklist:assign'),
      reviewBlockers,
      reviewRefused: req.query.review === 'refused' && reviewBlockers.length > 0,
      // A decided revision keeps its links as decided: no judging or watching from its page.
      canJudge,
      canWatch: can(role, 'links:watch') && changeable,
      // Security may share what a confirmed case teaches (indicator exchange), whatever its status.
      canShare: can(role, 'links:watch') && Boolean(await services.db('watch_keys').where({ source_case_id: detail.case.id }).first('id')),
    })
  })

  router.post('/cases/:id/rescore', requirePermission('cases:edit'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const evaluation = await cases.rescore(id.data, actorOf(req, res))
    req.session.flash = { kind: 'success', message: `Checks run again: score ${evaluation.score.score}, ${evaluation.findings.filter(f => f.status === 'flag').length} flags` }
    res.redirect(303, caseTabHref(id.data, 'findings'))
  })

  router.post('/cases/:id/status', requirePermission('cases:edit'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const parsed = statusActionSchema.safeParse(req.body)
    if (!parsed.success || (parsed.data.action !== 'submit_for_review' && parsed.data.action !== 'return_to_open')) {
      throw badRequest('Unknown action')
    }
    try {
      await cases.transition(id.data, parsed.data.action, actorOf(req, res), parsed.data.action === 'submit_for_review' ? parsed.data.statement || undefined : undefined)
    } catch (error) {
      // Refused for what is still open: back to the top of the page, where "Next for you" says so beside the
      // button (an alert), with the reason form open. No banner: listing every open item in one would push
      // it below the window.
      if (!(error instanceof HttpError && error.id === 'not_ready')) throw error
      return res.redirect(303, `/cases/${id.data}?${new URLSearchParams({ ...(parsed.data.tab && parsed.data.tab !== 'findings' ? { tab: parsed.data.tab } : {}), review: 'refused' }).toString()}`)
    }
    req.session.flash = { kind: 'success', message: parsed.data.action === 'submit_for_review' ? 'Case sent for review' : 'Case returned to open' }
    res.redirect(303, caseTabHref(id.data, parsed.data.tab ?? 'findings'))
  })

  router.post('/cases/:id/reopen', requirePermission('cases:signoff'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const reason = z.string().trim().min(10).max(4000).safeParse((req.body as { reason?: unknown }).reason)
    if (!reason.success) throw badRequest('Say why the case is reopened (at least 10 characters)')
    const next = await cases.reopen(id.data, actorOf(req, res), reason.data)
    req.session.flash = { kind: 'success', message: `Reopened as revision ${next.revision}; revision ${next.revision - 1} and its decision stay as they were` }
    res.redirect(303, caseTabHref(next.id, 'checklist'))
  })

  return router
}
