import { Router, type Request } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { seesSensitiveInFull, SENSITIVE_KEYS, sensitiveKeysIn } from '../../presenters/maskSensitive'
import { CASE_TABS, caseTabHref } from '../../presenters/presentCase'
import type { Services } from '../../services'

/**
 * "Show in full": a recruiter or manager reveals one case's payout accounts, wallets and ID numbers.
 *
 * A reveal lasts REVEAL_MINUTES in the session, for that case only. Why minutes rather than one page view:
 * the reviewer compares the values across the case's tabs (evidence, findings, links) and the record
 * form, and the POST can redirect (a refresh or Back never re-posts or records a second reveal); a few
 * minutes bound how long the values stay on screen, and every reveal is in the audit trail.
 */
export const REVEAL_MINUTES = 5

const idParam = z.string().uuid()
const bodySchema = z.object({
  reason: z.string().trim().max(500).optional().catch(undefined),
  tab: z.enum(CASE_TABS).optional().catch(undefined),
})

/** Whether this request shows the case's sensitive values in full: security always, others after a reveal. */
export function showsInFull(req: Request, caseId: string, now = Date.now()): boolean {
  if (seesSensitiveInFull(req.currentUser?.role)) return true
  const until = req.session.revealed?.[caseId]
  return until !== undefined && until > now
}

export function sensitiveRevealRoutes(services: Services): Router {
  const router = Router()

  router.post('/cases/:id/reveal', requirePermission('cases:read'), async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const body = bodySchema.parse(req.body ?? {})
    const c = (await services.db('cases').where({ id: id.data }).first('id', 'subject_id')) as { id: string; subject_id: string } | undefined
    if (!c) throw notFound('No such case')
    const back = caseTabHref(c.id, body.tab ?? 'evidence')
    if (seesSensitiveInFull(req.currentUser!.role)) return res.redirect(303, back)
    // Which fields the case holds, named in the event; never their values.
    const facts = (await services.db('facts').where({ case_id: c.id }).whereNull('superseded_at').select('value')) as Array<{ value: string }>
    const found = new Set<string>()
    for (const f of facts) {
      try {
        sensitiveKeysIn(JSON.parse(f.value), found)
      } catch {
        // a value that is not JSON holds no keys
      }
    }
    const fields = SENSITIVE_KEYS.filter(k => found.has(k))
    const actor = actorOf(req, res)
    // A read, like CASE_VIEWED: a decided case stays as decided (the event changes nothing about it).
    await services.db.transaction(trx =>
      services.audit.append(trx, { type: 'SENSITIVE_REVEALED', actor: { userId: actor.userId, role: actor.role }, caseId: c.id, subjectId: c.subject_id, requestId: actor.requestId, data: { fields, ...(body.reason ? { reason: body.reason } : {}) } }),
    )
    const now = Date.now()
    // Expired reveals are dropped, so the session holds only the live ones.
    const live = Object.fromEntries(Object.entries(req.session.revealed ?? {}).filter(([, until]) => until > now))
    req.session.revealed = { ...live, [c.id]: now + REVEAL_MINUTES * 60_000 }
    req.session.flash = { kind: 'success', message: `Payout accounts, wallets and ID numbers shown in full for ${REVEAL_MINUTES} minutes. Your reveal is recorded in the audit trail.` }
    res.redirect(303, back)
  })

  return router
}
