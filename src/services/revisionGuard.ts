import type { Knex } from 'knex'
import { dbClient } from '../db/knex'
import { conflict, notFound } from '../errors'
import { isChangeable, type CaseStatus } from '../signoff/caseStatus'

/**
 * "This revision can still change", enforced where changes happen. A decided (signed-off or rejected) or
 * earlier revision keeps the facts, findings and checklist it was decided on, so its signed digest stays
 * true. Every service that changes a case, its evidence, findings, links, checklist, dispositions,
 * sanctions reviews or watch state asks here first, inside its transaction. Migration
 * 20261203000100_decided_revisions_are_frozen is the database's backstop for the same rule.
 */
export interface RevisionHead {
  id: string
  reference: string
  status: CaseStatus
  is_current: boolean | number
  subject_id: string
  created_by: number | null
}

export const READ_ONLY_MESSAGE = 'This case is decided or an earlier revision: it keeps what it was decided on. Reopen it to make changes.'

/**
 * Take the case row for the rest of the transaction, so a decision and a change to the same case never
 * interleave (two managers deciding at once; a reviewer adding evidence while a manager signs).
 * PostgreSQL: SELECT … FOR UPDATE. SQLite ignores FOR UPDATE; its transactions begin IMMEDIATE
 * (src/db/knex.ts) and so already hold its single write lock. The no-op write keeps that true for a
 * transaction begun any other way: once it holds the lock, what is read next is the latest committed state.
 */
export async function lockCase(trx: Knex, caseId: string): Promise<RevisionHead | undefined> {
  if (dbClient(trx) === 'sqlite3') await trx('cases').where({ id: caseId }).update({ updated_at: trx.ref('updated_at') })
  const q = trx('cases').where({ id: caseId }).first('id', 'reference', 'status', 'is_current', 'subject_id', 'created_by')
  return (await (dbClient(trx) === 'pg' ? q.forUpdate() : q)) as RevisionHead | undefined
}

/** The case, locked, if it can still change; a 409 `read_only` conflict otherwise (direct user actions). */
export async function assertChangeable(trx: Knex, caseId: string, message = READ_ONLY_MESSAGE): Promise<RevisionHead> {
  const head = await lockCase(trx, caseId)
  if (!head) throw notFound('No such case')
  if (!isChangeable(head)) throw conflict('read_only', message)
  return head
}

/**
 * A change elsewhere (a neighbour's new link, a judgement, a watched identifier, an import) would change
 * what a decided revision shows if it were re-assessed: its signer and creator are told, once while
 * unread, so someone can reopen it. The revision itself is not touched.
 */
export async function notifyNewEvidence(trx: Knex, head: RevisionHead, why: string): Promise<void> {
  const signer = (await trx('signoffs').where({ case_id: head.id }).whereIn('decision', ['approve', 'reject']).orderBy('id', 'desc').first('signer_id')) as { signer_id: number } | undefined
  const users = [...new Set([signer?.signer_id, head.created_by].filter((u): u is number => typeof u === 'number'))]
  const message = `${head.reference}: new evidence exists on a decided case (${why}); reopen it to re-assess`
  for (const userId of users) {
    // One unread note per person and case is enough: a busy ring must not flood anyone's inbox.
    const unread = await trx('notifications').where({ user_id: userId, case_id: head.id }).whereNull('read_at').where('message', 'like', `${head.reference}: new evidence exists%`).first('id')
    if (!unread) await trx('notifications').insert({ user_id: userId, case_id: head.id, message, link: `/cases/${head.id}`, created_at: new Date().toISOString() })
  }
}
