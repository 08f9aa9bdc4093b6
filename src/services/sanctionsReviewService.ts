import type { Knex } from 'knex'
import { z } from 'zod'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { badRequest, notFound } from '../errors'
import { auditActor, type ActorContext } from './context'
import { assertChangeable } from './revisionGuard'
import { isClosed, type CaseStatus } from '../signoff/caseStatus'

/**
 * The security review queue for sanctions hits and name leads. A reviewer clears (not the listed party)
 * or confirms a hit with a note; decisions are appended, never edited. A blocking hit (identifier,
 * entity, corroborated person) stops sign-off until a decision newer than the finding clears it.
 */
export const reviewSchema = z.object({
  caseId: z.string().uuid(),
  ruleId: z.string().regex(/^sanctions-[a-z-]+$/),
  decision: z.enum(['cleared', 'confirmed']),
  note: z.string().trim().min(5, 'Say what you compared (at least a few words)').max(2000),
})

export interface QueueItem {
  case_id: string
  reference: string
  display_name: string
  rule_id: string
  message: string
  blocking: boolean
  created_at: string
  decision: string | null
  decided_at: string | null
  case_status: string
}

export function createSanctionsReviewService(deps: { db: Knex; audit: AuditRepository }) {
  const { db, audit } = deps
  const latestDecision = (q: Knex, caseId: string, ruleId: string) =>
    q('sanctions_reviews').where({ case_id: caseId, rule_id: ruleId }).orderBy('id', 'desc').first('decision', 'created_at')

  return {
    /** Current sanctions findings that raised a flag, newest first, with the latest decision on each. */
    async queue(options: { openOnly?: boolean } = {}): Promise<QueueItem[]> {
      const rows = (await db('findings as f')
        .join('cases as c', 'c.id', 'f.case_id')
        .join('subjects as s', 's.id', 'c.subject_id')
        .whereNull('f.superseded_at')
        .where('f.status', 'flag')
        .where('f.rule_id', 'like', 'sanctions-%')
        .where('c.is_current', true)
        .orderBy('f.created_at', 'desc')
        .limit(500)
        .select('f.case_id', 'c.reference', 's.full_name as display_name', 'f.rule_id', 'f.message', 'f.blocking', 'f.created_at', 'c.status as case_status')) as Array<Omit<QueueItem, 'decision' | 'decided_at'>>
      const items: QueueItem[] = []
      for (const r of rows) {
        const d = (await latestDecision(db, r.case_id, r.rule_id)) as { decision: string; created_at: string } | undefined
        const decided = d && d.created_at >= r.created_at ? d : undefined
        items.push({ ...r, blocking: Boolean(r.blocking), decision: decided?.decision ?? null, decided_at: decided?.created_at ?? null })
      }
      // A decided case keeps its findings as decided: nothing on it awaits review (reopen it to review).
      return options.openOnly ? items.filter(i => !i.decision && !isClosed(i.case_status as CaseStatus)) : items
    },

    async review(input: unknown, ctx: ActorContext): Promise<void> {
      const parsed = reviewSchema.safeParse(input)
      if (!parsed.success) throw badRequest(parsed.error.issues.map(i => i.message).join('; '))
      const { caseId, ruleId, decision, note } = parsed.data
      await db.transaction(async trx => {
        await assertChangeable(trx, caseId)
        const finding = await trx('findings').where({ case_id: caseId, rule_id: ruleId, status: 'flag' }).whereNull('superseded_at').first('id', 'message')
        if (!finding) throw notFound('No such sanctions hit on this case')
        const now = new Date().toISOString()
        await trx('sanctions_reviews').insert({ case_id: caseId, rule_id: ruleId, entry_uid: (/\[(OFAC-[^\],]+)/.exec(finding.message as string)?.[1] ?? 'unknown').slice(0, 80), value: (finding.message as string).slice(0, 300), decision, note, reviewer_id: ctx.userId, created_at: now })
        const c = await trx('cases').where({ id: caseId }).first('subject_id')
        await audit.append(trx, { type: 'SANCTIONS_REVIEWED', actor: auditActor(ctx), caseId, subjectId: c?.subject_id ?? null, requestId: ctx.requestId, data: { rule: ruleId, decision, note } })
      })
    },
  }
}

/** Blocking sanctions findings on a case that no decision has cleared since they were raised. */
export async function unclearedBlocking(trx: Knex | Knex.Transaction, caseId: string): Promise<string[]> {
  const blocking = (await trx('findings').where({ case_id: caseId, status: 'flag', blocking: true }).whereNull('superseded_at').select('rule_id', 'created_at')) as Array<{ rule_id: string; created_at: string }>
  const open: string[] = []
  for (const f of blocking) {
    const d = (await trx('sanctions_reviews').where({ case_id: caseId, rule_id: f.rule_id }).where('created_at', '>=', f.created_at).orderBy('id', 'desc').first('decision')) as { decision: string } | undefined
    if (d?.decision !== 'cleared') open.push(f.rule_id)
  }
  return open
}

export type SanctionsReviewService = ReturnType<typeof createSanctionsReviewService>
