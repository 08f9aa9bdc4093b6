import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import { badRequest, notFound } from '../errors'
import { auditActor, type ActorContext } from './context'
import { assertChangeable } from './revisionGuard'
import type { ScoringService } from './scoringService'

/**
 * Evidence belongs to the subject. A sign-in log whose accounts match none of the person's known emails or
 * usernames is stored but held (documents.confirmation_state = 'held'): nothing in it is scored until
 * someone who edits cases confirms which of its accounts are this person's, or discards it. Both are
 * audited, go through the revision guard, and score the case again. What each state means for scoring is
 * decided in one place, the pipeline `vet score` shares (src/pipeline/judgeApplication.ts: logVerdict):
 * `vet score` holds the same logs, with nobody to confirm them.
 */
export interface HeldLog {
  id: string
  name: string
  accounts: string[]
  uploadedAt: string
}

/** The accounts stored with a log (a JSON array); nothing when absent or unreadable. */
export const parseAccounts = (raw: unknown): string[] => {
  try {
    const v = JSON.parse(String(raw ?? '[]')) as unknown
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []
  } catch {
    return []
  }
}

export function createSignInLogService(deps: { db: Knex; evidence: EvidenceRepository; audit: AuditRepository; scoring: ScoringService }) {
  const { db, evidence, audit } = deps

  async function heldLog(trx: Knex, caseId: string, documentId: string) {
    const [doc] = await evidence.heldLogsOf(trx, caseId, documentId)
    if (!doc) throw notFound('No sign-in log waits for confirmation here')
    return { ...doc, accounts: parseAccounts(doc.log_accounts) }
  }

  return {
    /** Logs on the case waiting for someone to say whose they are. */
    async held(q: Knex, caseId: string): Promise<HeldLog[]> {
      return (await evidence.heldLogsOf(q, caseId)).map(r => ({ id: r.id, name: r.original_name, accounts: parseAccounts(r.log_accounts), uploadedAt: r.uploaded_at }))
    },

    /** "Yes, these accounts are this person's": the log is scored from now on. */
    async confirm(caseId: string, documentId: string, accounts: string[], ctx: ActorContext): Promise<void> {
      await db.transaction(async trx => {
        const head = await assertChangeable(trx, caseId)
        const doc = await heldLog(trx, caseId, documentId)
        const chosen = [...new Set(accounts)].filter(a => doc.accounts.includes(a))
        if (!chosen.length) throw badRequest('Choose the account or accounts in this log that are this person’s, or discard the log')
        const now = new Date().toISOString()
        await evidence.decideLog(trx, documentId, { state: 'confirmed', accounts: chosen, by: ctx.userId, at: now })
        await audit.append(trx, { type: 'SIGN_IN_LOG_CONFIRMED', actor: auditActor(ctx), caseId, subjectId: head.subject_id, requestId: ctx.requestId, data: { documentId, sha256: doc.sha256, accounts: chosen, count: chosen.length } })
        await deps.scoring.rescore(trx, caseId, ctx)
      })
    },

    /** "Not this person's log": kept, as every upload is, but never scored. */
    async discard(caseId: string, documentId: string, ctx: ActorContext): Promise<void> {
      await db.transaction(async trx => {
        const head = await assertChangeable(trx, caseId)
        const doc = await heldLog(trx, caseId, documentId)
        await evidence.decideLog(trx, documentId, { state: 'discarded', accounts: null, by: ctx.userId, at: new Date().toISOString() })
        await audit.append(trx, { type: 'SIGN_IN_LOG_DISCARDED', actor: auditActor(ctx), caseId, subjectId: head.subject_id, requestId: ctx.requestId, data: { documentId, sha256: doc.sha256 } })
        await deps.scoring.rescore(trx, caseId, ctx)
      })
    },
  }
}

export type SignInLogService = ReturnType<typeof createSignInLogService>
