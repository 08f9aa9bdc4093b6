import { Router } from 'express'
import { z } from 'zod'
import { AUDIT_EVENT_TYPES } from '../../audit/auditEvents'
import { can } from '../../auth/roles'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import type { Services } from '../../services'
import { AUDIT_EVENT_NAMES, changeLines, presentAuditEvent, referencedIds, trailDataOf, type AuditLookups } from '../../presenters/presentAudit'

/** A real calendar day: 2026-13-45 and 2026-02-30 are refused, not passed on to become an Invalid Date. */
const day = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date such as 2026-11-24`).refine(v => {
    const d = new Date(`${v}T00:00:00.000Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
  }, `${label} must be a real date such as 2026-11-24`)

// An empty field (the filter form sends every field) means "no filter"; anything else must be valid.
const blankAsUnset = (v: unknown) => (v === '' ? undefined : v)
const filterSchema = z.object({
  person: z.preprocess(blankAsUnset, z.coerce.number({ message: 'Person must be one of the listed people' }).int('Person must be one of the listed people').positive('Person must be one of the listed people').optional()),
  case: z.preprocess(blankAsUnset, z.string().trim().max(64, 'Case must be a reference such as VD-000042 or a case id').optional()),
  type: z.preprocess(blankAsUnset, z.enum(AUDIT_EVENT_TYPES, { message: 'Event must be one of the listed event types' }).optional()),
  from: z.preprocess(blankAsUnset, day('From').optional()),
  to: z.preprocess(blankAsUnset, day('To').optional()),
  before: z.preprocess(blankAsUnset, z.coerce.number().int().positive('The page link is not valid').optional()),
  verify: z.preprocess(blankAsUnset, z.literal('1').optional()),
})

const PAGE = 100

type Db = Services['db']

/**
 * The names and references the page shows for the ids events hold: one query for the cases (every id on the
 * page at once, not one per row) and one for the people.
 */
async function lookupsFor(db: Db, ids: { caseIds: string[]; userIds: number[] }, people?: Array<{ id: number; display_name: string; role: string }>): Promise<AuditLookups> {
  const cases = ids.caseIds.length ? ((await db('cases').whereIn('id', ids.caseIds).select('id', 'reference', 'revision')) as Array<{ id: string; reference: string; revision: number }>) : []
  const users = people ?? (ids.userIds.length ? ((await db('users').whereIn('id', ids.userIds).select('id', 'display_name', 'role')) as Array<{ id: number; display_name: string; role: string }>) : [])
  return {
    cases: new Map(cases.map(c => [c.id, { reference: c.reference, revision: Number(c.revision) }])),
    users: new Map(users.map(u => [u.id, { name: u.display_name, role: u.role }])),
  }
}

/** The audit trail, filtered, and its hash chain verified on request (the same check as `vet audit verify`). */
export function auditRoutes(services: Services): Router {
  const router = Router()
  const db = services.db

  router.get('/audit', requirePermission('audit:read'), async (req, res) => {
    // Every account, for the filter and to name the people events mention (a desk has tens, not thousands).
    const people = (await db('users').select('id', 'email', 'display_name', 'role').orderBy('display_name')) as Array<{ id: number; email: string; display_name: string; role: string }>
    const types = services.auditTrail.types().map(code => ({ code, name: AUDIT_EVENT_NAMES[code] })).sort((a, b) => a.name.localeCompare(b.name))
    // A bad filter is the request's fault: say which, rather than fail (or quietly show everything).
    const refuse = (errors: Record<string, string>) =>
      res.status(400).render('pages/audit/index', { pageTitle: 'Error: Audit trail', errors, filter: {}, events: [], people, types, verification: null, nextPage: null, verifyLink: '/audit?verify=1', showValues: false })
    const parsed = filterSchema.safeParse(req.query)
    if (!parsed.success) return refuse(Object.fromEntries(parsed.error.issues.map(i => [String(i.path[0] ?? '_form'), i.message])))
    const f = parsed.data
    if (f.from && f.to && f.from > f.to) return refuse({ from: 'From must be on or before To' })
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
    const verification = f.verify ? await services.auditTrail.verify() : null
    const query = new URLSearchParams(Object.entries({ person: f.person, case: f.case, type: f.type, from: f.from, to: f.to }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))
    const lookups = await lookupsFor(db, referencedIds(shown), people)
    res.render('pages/audit/index', {
      pageTitle: 'Audit trail',
      errors: {},
      filter: f,
      // Personal values never reach this page: the trail holds hashes of them (see auditPrivacy), shown as "(withheld)".
      events: shown.map(e => presentAuditEvent(e, lookups, { maxItems: 3 })),
      people,
      types,
      brokenName: verification?.broken?.type ? (AUDIT_EVENT_NAMES as Record<string, string>)[verification.broken.type] ?? verification.broken.type : null,
      verification,
      // Security reads cases, so may follow a link to an event's values; administrators never see them.
      showValues: can(req.currentUser!.role, 'cases:read'),
      nextPage: more ? `/audit?${new URLSearchParams([...query, ['before', String(shown[shown.length - 1]!.id)]]).toString()}` : null,
      verifyLink: `/audit?${new URLSearchParams([...query, ['verify', '1']]).toString()}`,
    })
  })

  // One event's withheld values: only for roles that read the trail *and* read cases. Opening them is a
  // view of the case's personal data, so it is audited like one.
  router.get('/audit/events/:id', requirePermission('audit:read'), requirePermission('cases:read'), async (req, res) => {
    const id = Number(req.params.id)
    const found = Number.isSafeInteger(id) && id > 0 ? await services.auditTrail.values(id) : null
    if (!found) throw notFound('No such audit event')
    const { event } = found
    if (event.case_id) {
      const actor = actorOf(req, res)
      await db.transaction(trx => services.audit.append(trx, { type: 'CASE_VIEWED', actor: { userId: actor.userId, role: actor.role }, caseId: event.case_id, subjectId: event.subject_id, requestId: actor.requestId, data: { page: 'audit event', event: event.id } }))
    }
    const trail = trailDataOf(event)
    const ids = referencedIds([{ ...event, shownData: { trail: trail.shownData, values: found.values ?? {} } }])
    const lookups = await lookupsFor(db, ids)
    const item = presentAuditEvent({ ...event, ...trail }, lookups, { maxItems: 50 })
    res.render('pages/audit/event', {
      pageTitle: `Audit event ${event.id}: ${item.name}`,
      item,
      requestId: event.request_id,
      chain: { version: Number(event.chain_version ?? 0), hash: event.hash, prevHash: event.prev_hash, detailHmac: typeof (JSON.parse(event.data) as { detailHmac?: unknown }).detailHmac === 'string' },
      values: found.values ? changeLines(found.values, lookups, 50) : null,
      matchesTrail: found.matchesTrail,
      erased: found.erased === true,
    })
  })

  return router
}
