import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { can } from '../auth/roles'
import { dbClient } from '../db/knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { auditActor, type ActorContext } from './context'

/**
 * Erasure of a person's data (issue 17). What stays is an erased shell of the case: its reference,
 * revisions, status and decision, dates, risk score and band, and the rule ids of its findings, so that
 * counts, the dashboard and the audit trail still add up. Everything that says who the person was goes:
 * facts, documents and their files, extracted text, photos, link material, search terms, notifications,
 * sanctions review values, import report entries, the audit trail's personal values (audit_event_details)
 * and the texts of findings, checklist notes, dispositions and sign-offs (staff wrote those about the person).
 *
 * The database refuses changes to decided cases and to append-only tables; the one exception is a row of a
 * subject listed in `erasures` (migration 20261206000100), which this transaction inserts first. The audit
 * chain hashes only the trail, which holds keyed hashes of personal values and never the values, so
 * deleting the details leaves it verifiable; the CASE_ERASED event names the revisions whose details are
 * gone, and `vet audit verify` accepts their absence for those revisions only.
 *
 * Two people decide an erasure in the app: an administrator and a security reviewer, one asks (with the
 * reason) and the other confirms by typing the reference. `vet erase` is the operator's path (someone with
 * the database in hand already), recorded the same way.
 */

export const ERASED = 'erased'
/** The roles that ask for and confirm an erasure: one of each. */
const ERASER_ROLES = ['admin', 'security'] as const

export interface ErasureOutcome {
  reference: string
  revisions: string[]
  counts: Record<string, number>
  /** blob files deleted from DATA_DIR/blobs */
  files: number
  /** mentions of the person in other people's decided cases, which stay as they were decided (see README) */
  keptInOtherDecidedCases: number
}

export interface ErasureRequest {
  id: number
  reference: string
  reason: string
  requested_by: number
  requested_role: string
  requested_at: string
  requester_email?: string | null
}

export const erasedName = (reference: string) => `Erased (${reference})`

export function createErasureService(deps: { db: Knex; audit: AuditRepository; dataDir: string }) {
  const { db, audit, dataDir } = deps
  const blobPath = (sha: string) => path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha)

  async function revisionsOf(database: Knex, reference: string) {
    const rows = (await database('cases').where({ reference }).orderBy('revision').select('id', 'subject_id', 'status', 'revision', 'is_current')) as Array<{ id: string; subject_id: string; status: string; revision: number; is_current: boolean | number }>
    if (!rows.length) throw notFound('No such case')
    return rows
  }

  async function isErased(database: Knex, subjectIds: string[]): Promise<boolean> {
    return Boolean(await database('erasures').whereIn('subject_id', subjectIds).first('id'))
  }

  async function openRequest(database: Knex, reference: string): Promise<ErasureRequest | undefined> {
    return (await database('erasure_requests as r')
      .leftJoin('users as u', 'u.id', 'r.requested_by')
      .where('r.reference', reference)
      .whereNull('r.closed_at')
      .orderBy('r.id', 'desc')
      .first('r.id', 'r.reference', 'r.reason', 'r.requested_by', 'r.requested_role', 'r.requested_at', 'u.email as requester_email')) as ErasureRequest | undefined
  }

  /** The erasure itself, in one transaction; then the files, and the WAL folded back into the database. */
  async function erase(reference: string, reason: string, ctx: ActorContext, who: { requestedBy: number | null; confirmedBy: number | null }): Promise<ErasureOutcome> {
    const cleanReason = reason.trim()
    if (cleanReason.length < 10) throw badRequest('Say why the data is erased (at least 10 characters)')
    const now = new Date().toISOString()
    let shas: string[] = []
    const outcome = await db.transaction(async trx => {
      const revisions = await revisionsOf(trx, reference)
      const ids = revisions.map(r => r.id)
      const subjectIds = [...new Set(revisions.map(r => r.subject_id))]
      if (await isErased(trx, subjectIds)) throw conflict('erasure', `${reference} is already erased`)
      // A subject is one case's person; if another case shares them, erasing here would leave that case half-erased.
      const elsewhere = await trx('cases').whereIn('subject_id', subjectIds).whereNot('reference', reference).first('reference')
      if (elsewhere) throw conflict('erasure', `${reference}'s person is also the subject of ${String((elsewhere as { reference: string }).reference)}: erase both together`)
      const subject = (await trx('subjects').whereIn('id', subjectIds).select('full_name', 'email', 'phone', 'address_line1')) as Array<{ full_name: string; email: string | null; phone: string | null; address_line1: string | null }>
      const names = [...new Set(subject.map(s => s.full_name).filter(n => n && n.length >= 3))]
      const values = [...new Set(subject.flatMap(s => [s.full_name, s.email, s.phone, s.address_line1]).filter((v): v is string => typeof v === 'string' && v.length >= 3))]

      // First: the row that lets the triggers through for this person's rows, and only theirs.
      for (const subject_id of subjectIds) await trx('erasures').insert({ subject_id, reference, requested_by: who.requestedBy, confirmed_by: who.confirmedBy, erased_at: now })

      shas = [
        ...((await trx('documents').whereIn('case_id', ids).pluck('sha256')) as string[]),
        ...((await trx('checklist_items').whereIn('case_id', ids).whereNotNull('file_sha256').pluck('file_sha256')) as string[]),
      ]
      const counts: Record<string, number> = {}
      const count = async (name: string, n: Promise<number> | number) => {
        counts[name] = (counts[name] ?? 0) + Number(await n)
      }
      // Sign-in logs received by API or watched folder (issue 16): their bytes and records go with the case.
      if (await trx.schema.hasTable('access_log_deliveries')) {
        shas.push(...((await trx('access_log_deliveries').whereIn('case_id', ids).pluck('sha256')) as string[]))
        await count('accessLogDeliveries', trx('access_log_deliveries').whereIn('case_id', ids).delete())
      }
      await count('accessEvents', trx('access_events').whereIn('case_id', ids).delete())
      await count('facts', trx('facts').whereIn('case_id', ids).delete())
      await count('documents', trx('documents').whereIn('case_id', ids).delete())
      await count('linkKeys', trx('link_keys').whereIn('case_id', ids).delete())
      await count('linkPrints', trx('link_prints').whereIn('case_id', ids).delete())
      await count('links', trx('links').whereIn('case_a', ids).orWhereIn('case_b', ids).delete())
      await count('watchKeys', trx('watch_keys').whereIn('source_case_id', ids).delete())
      await count('linkJudgements', trx('link_judgements').whereIn('subject_a', subjectIds).orWhereIn('subject_b', subjectIds).delete())
      await count('searchTerms', trx('case_search_terms').whereIn('case_id', ids).delete())
      // The shell stays findable by its reference.
      for (const id of ids) await trx('case_search_terms').insert({ term: reference.toLowerCase(), case_id: id })
      await count('notifications', trx('notifications').whereIn('case_id', ids).delete())
      await count('auditDetails', trx('audit_event_details').whereIn('case_id', ids).delete())
      await count('sanctionsReviews', trx('sanctions_reviews').whereIn('case_id', ids).update({ value: ERASED, note: ERASED }))
      await count('dispositions', trx('finding_dispositions').whereIn('case_id', ids).update({ disposition: ERASED }))
      // The decision and its digest stay; the statement and the snapshot it was computed over described the person.
      await count('signoffs', trx('signoffs').whereIn('case_id', ids).update({ statement: ERASED, snapshot: JSON.stringify({ erased: true }) }))
      await count('findings', trx('findings').whereIn('case_id', ids).update({ message: ERASED, evidence: JSON.stringify([{ field: ERASED, value: ERASED, source: ERASED, where: ERASED }]) }))
      await count('checklistNotes', trx('checklist_items').whereIn('case_id', ids).whereNotNull('note').update({ note: ERASED }))
      await trx('checklist_items').whereIn('case_id', ids).whereNotNull('file_name').update({ file_name: ERASED, file_sha256: null })
      await count('importReports', eraseFromImportReports(trx, ids))
      await count('jobs', eraseFromJobs(trx, [...ids, reference]))
      await count('sessions', eraseFromSessions(trx, [...values, ...shas]))
      await trx('cases').whereIn('id', ids).update({ sort_name: erasedName(reference).toLowerCase(), external_id: null, content_hash: null, score_detail: null })
      await trx('subjects').whereIn('id', subjectIds).update({
        full_name: erasedName(reference), email: null, phone: null, phone_line_type: null, address_line1: null, address_line2: null,
        city: null, region: null, postal_code: null, country: null, timezone: null, citizenship: null, updated_at: now,
      })
      // Other people's cases name this person in their link findings: open ones are reworded; decided ones
      // keep what they were decided on (the triggers refuse, and their sign-off digests cover it).
      const kept = await rewordMentions(trx, ids, names, reference)

      const head = revisions.find(r => Number(r.is_current)) ?? revisions[revisions.length - 1]!
      // Staff-only event (kept whole in the trail): the reason is staff text, the rest ids and counts.
      await audit.append(trx, {
        type: 'CASE_ERASED',
        actor: auditActor(ctx),
        caseId: head.id,
        subjectId: head.subject_id,
        requestId: ctx.requestId,
        data: { reference, revisions: ids, reason: cleanReason, requestedBy: who.requestedBy, confirmedBy: who.confirmedBy, counts },
      })
      return { reference, revisions: ids, counts, files: 0, keptInOtherDecidedCases: kept }
    })
    // Files after the commit: a rolled-back erasure must not have lost them. A file another case also holds stays.
    for (const sha of new Set(shas)) {
      const stillUsed = (await db('documents').where({ sha256: sha }).first('id')) ?? (await db('checklist_items').where({ file_sha256: sha }).first('id'))
      if (stillUsed || !/^[0-9a-f]{64}$/.test(sha)) continue
      try {
        await fs.promises.unlink(blobPath(sha))
        outcome.files++
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    await foldWal(db)
    return outcome
  }

  /** Import reports list each file with the case it made: those entries lose their file name and reason. */
  async function eraseFromImportReports(trx: Knex, ids: string[]): Promise<number> {
    let n = 0
    const jobs = (await trx('import_jobs').where(q => { for (const id of ids) q.orWhere('report', 'like', `%${id}%`) }).select('id', 'report', 'current_file')) as Array<{ id: string; report: string; current_file: string | null }>
    for (const job of jobs) {
      const report = JSON.parse(job.report) as Array<Record<string, unknown>>
      const erasedFiles = new Set<unknown>()
      const next = report.map(entry => {
        if (typeof entry.caseId !== 'string' || !ids.includes(entry.caseId)) return entry
        n++
        erasedFiles.add(entry.file)
        return { ...entry, file: ERASED, ...(entry.reason !== undefined ? { reason: ERASED } : {}) }
      })
      await trx('import_jobs').where({ id: job.id }).update({ report: JSON.stringify(next), ...(erasedFiles.has(job.current_file) ? { current_file: ERASED } : {}) })
    }
    return n
  }

  /** Background jobs whose payload or result names one of the revisions (the jobs table may not exist yet). */
  async function eraseFromJobs(trx: Knex, needles: string[]): Promise<number> {
    if (!(await trx.schema.hasTable('jobs'))) return 0
    const rows = (await trx('jobs').where(q => { for (const s of needles) q.orWhere('payload', 'like', `%${s}%`).orWhere('result', 'like', `%${s}%`).orWhere('checkpoint', 'like', `%${s}%`) }).pluck('id')) as string[]
    if (!rows.length) return 0
    return trx('jobs').whereIn('id', rows).update({ payload: JSON.stringify({ erased: true }), result: null, checkpoint: null, progress: null })
  }

  /**
   * Staff sessions can hold a flash message naming an uploaded file, or a resume waiting to become a case:
   * any string there that holds one of the person's values becomes "erased" (the session stays signed in).
   */
  async function eraseFromSessions(trx: Knex, needles: string[]): Promise<number> {
    if (!needles.length) return 0
    const rows = (await trx('sessions').where(q => { for (const n of needles) q.orWhereRaw('LOWER(sess) LIKE ?', [`%${n.toLowerCase()}%`]) }).select('sid', 'sess')) as Array<{ sid: string; sess: string }>
    const lower = needles.map(n => n.toLowerCase())
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return lower.some(n => v.toLowerCase().includes(n)) ? ERASED : v
      if (Array.isArray(v)) return v.map(walk)
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]))
      return v
    }
    for (const r of rows) {
      let sess: unknown
      try {
        sess = JSON.parse(r.sess) as unknown
      } catch {
        continue
      }
      const next = walk(sess) as Record<string, unknown>
      // A resume waiting to become a case is the person's: the form starts again without it.
      if (next.pendingResume && JSON.stringify(next.pendingResume).includes(ERASED)) delete next.pendingResume
      await trx('sessions').where({ sid: r.sid }).update({ sess: JSON.stringify(next) })
    }
    return rows.length
  }

  async function rewordMentions(trx: Knex, ids: string[], names: string[], reference: string): Promise<number> {
    if (!names.length) return 0
    let kept = 0
    const rows = (await trx('findings as f')
      .join('cases as c', 'c.id', 'f.case_id')
      .whereNotIn('f.case_id', ids)
      .where(q => { for (const name of names) q.orWhere('f.evidence', 'like', `%${name}%`).orWhere('f.message', 'like', `%${name}%`) })
      .select('f.id', 'f.evidence', 'f.message', 'c.status')) as Array<{ id: number; evidence: string; message: string; status: string }>
    for (const r of rows) {
      if (r.status === 'signed_off' || r.status === 'rejected') {
        kept++
        continue
      }
      let evidence = r.evidence
      let message = r.message
      for (const name of names) {
        evidence = evidence.split(name).join(erasedName(reference))
        message = message.split(name).join(erasedName(reference))
      }
      await trx('findings').where({ id: r.id }).update({ evidence, message })
    }
    return kept
  }

  return {
    erase,

    /** The open request for this case, if any (the erasure page shows who asked, and when). */
    async pending(reference: string): Promise<ErasureRequest | undefined> {
      return openRequest(db, reference)
    },

    async isErased(reference: string): Promise<boolean> {
      const revisions = await revisionsOf(db, reference)
      return isErased(db, [...new Set(revisions.map(r => r.subject_id))])
    },

    /** The first person's step: an administrator or security reviewer asks, with the reason. */
    async request(reference: string, reason: string, ctx: ActorContext): Promise<ErasureRequest> {
      if (!can(ctx.role ?? undefined, 'cases:erase') || ctx.userId === null) throw forbidden()
      const cleanReason = reason.trim()
      if (cleanReason.length < 10 || cleanReason.length > 2000) throw badRequest('Say why the data is erased (10 to 2,000 characters)')
      return db.transaction(async trx => {
        const revisions = await revisionsOf(trx, reference)
        if (await isErased(trx, [...new Set(revisions.map(r => r.subject_id))])) throw conflict('erasure', `${reference} is already erased`)
        if (await openRequest(trx, reference)) throw conflict('erasure', `An erasure of ${reference} is already waiting for confirmation`)
        const requested_at = new Date().toISOString()
        const [inserted] = await trx('erasure_requests').insert({ reference, reason: cleanReason, requested_by: ctx.userId, requested_role: ctx.role, requested_at }).returning('id')
        const id = Number(typeof inserted === 'object' ? (inserted as { id: number }).id : inserted)
        const head = revisions.find(r => Number(r.is_current)) ?? revisions[revisions.length - 1]!
        await audit.append(trx, { type: 'CASE_ERASURE_REQUESTED', actor: auditActor(ctx), caseId: head.id, subjectId: head.subject_id, requestId: ctx.requestId, data: { reference, reason: cleanReason } })
        return { id, reference, reason: cleanReason, requested_by: ctx.userId!, requested_role: ctx.role!, requested_at }
      })
    },

    /**
     * The second person's step. Refused unless someone else, of the other of the two roles, asked; the
     * reference must be typed as it is (the confirmation that this is the case meant).
     */
    async confirm(reference: string, typedReference: string, ctx: ActorContext): Promise<ErasureOutcome> {
      if (!can(ctx.role ?? undefined, 'cases:erase') || ctx.userId === null) throw forbidden()
      const request = await openRequest(db, reference)
      if (!request) throw conflict('erasure', `No erasure of ${reference} is waiting for confirmation`)
      if (request.requested_by === ctx.userId) throw forbidden('The person who asked for an erasure cannot confirm it: another person must')
      if (request.requested_role === ctx.role || !(ERASER_ROLES as readonly string[]).includes(request.requested_role)) {
        throw forbidden(`An erasure asked for by ${request.requested_role === 'admin' ? 'an administrator' : 'a security reviewer'} is confirmed by ${request.requested_role === 'admin' ? 'a security reviewer' : 'an administrator'}`)
      }
      if (typedReference.trim().toUpperCase() !== reference.toUpperCase()) throw badRequest(`Type the case reference ${reference} to confirm`)
      const outcome = await erase(reference, request.reason, ctx, { requestedBy: request.requested_by, confirmedBy: ctx.userId })
      await db('erasure_requests').where({ id: request.id }).update({ closed_at: new Date().toISOString(), outcome: 'confirmed', closed_by: ctx.userId })
      return outcome
    },

    /** Withdraw an open request (either of the two roles). */
    async withdraw(reference: string, ctx: ActorContext): Promise<void> {
      if (!can(ctx.role ?? undefined, 'cases:erase') || ctx.userId === null) throw forbidden()
      await db.transaction(async trx => {
        const request = await openRequest(trx, reference)
        if (!request) throw conflict('erasure', `No erasure of ${reference} is waiting for confirmation`)
        const revisions = await revisionsOf(trx, reference)
        await trx('erasure_requests').where({ id: request.id }).update({ closed_at: new Date().toISOString(), outcome: 'withdrawn', closed_by: ctx.userId })
        const head = revisions.find(r => Number(r.is_current)) ?? revisions[revisions.length - 1]!
        await audit.append(trx, { type: 'CASE_ERASURE_WITHDRAWN', actor: auditActor(ctx), caseId: head.id, requestId: ctx.requestId, data: { reference } })
      })
    },

    /**
     * Reclaim the space deleted rows held, so their bytes leave the files. SQLite: VACUUM rewrites the
     * database (free pages from deletes made before secure_delete was on are dropped), then the WAL is
     * truncated. PostgreSQL: VACUUM (FULL) of the tables erasure touches rewrites them without dead tuples;
     * it takes an exclusive lock on each table while it runs. WAL segments and backups still hold the old
     * rows until they are recycled or expire: see README, "Erasure and subject access".
     */
    /**
     * Rewrites the touched tables so the erased rows' bytes leave the files. On PostgreSQL, VACUUM FULL
     * copies a deleted row into the new file while any other transaction in this database may still see
     * it, so it first waits (up to `waitMs`) for transactions older than now to end. It returns how many
     * were still running after the wait (their rows go at the next compact or autovacuum).
     */
    async compact(database: Knex = db, options: { waitMs?: number } = {}): Promise<{ heldBack: number }> {
      if (dbClient(database) === 'pg') {
        const heldBack = await waitForOlderTransactions(database, options.waitMs ?? 30_000)
        for (const table of TOUCHED_TABLES) if (await database.schema.hasTable(table)) await database.raw(`VACUUM (FULL) ${table}`)
        await database.raw('CHECKPOINT').catch(() => undefined) // needs superuser or pg_checkpoint; advisory
        return { heldBack }
      }
      await database.raw('VACUUM')
      await foldWal(database)
      return { heldBack: 0 }
    },
  }
}

/** The tables an erasure deletes from or rewrites. */
export const TOUCHED_TABLES = [
  'subjects', 'cases', 'facts', 'documents', 'access_events', 'link_keys', 'link_prints', 'links', 'watch_keys', 'link_judgements',
  'case_search_terms', 'notifications', 'audit_event_details', 'sanctions_reviews', 'finding_dispositions', 'signoffs', 'findings',
  'checklist_items', 'import_jobs', 'jobs', 'access_log_deliveries',
]

/**
 * Waits until no other session of this database holds a snapshot or transaction older than this moment
 * (an idle pool connection holds neither; a job runner's poll or a page being rendered does, briefly).
 * Returns the number still older when `waitMs` ran out.
 */
async function waitForOlderTransactions(database: Knex, waitMs: number): Promise<number> {
  // A fresh transaction id: every transaction that could still see the erased rows started before it.
  const cutoff = ((await database.raw('SELECT (txid_current() % 4294967296)::text AS x')).rows as Array<{ x: string }>)[0]!.x
  const deadline = Date.now() + waitMs
  for (;;) {
    const rows = (await database.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND ((backend_xmin IS NOT NULL AND age(backend_xmin) > age(?::xid))
            OR (backend_xid IS NOT NULL AND age(backend_xid) > age(?::xid)))`,
      [cutoff, cutoff],
    )).rows as Array<{ n: number }>
    const older = rows[0]!.n
    if (older === 0 || Date.now() >= deadline) return older
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

/**
 * SQLite keeps changed pages in the WAL until a checkpoint copies them back; TRUNCATE then empties the WAL
 * file, so the pages that held the person's rows before the erasure leave it (secure_delete, set on every
 * connection, zeroes the deleted content in the database file itself).
 */
async function foldWal(db: Knex): Promise<void> {
  if (dbClient(db) !== 'sqlite3') return
  await db.raw('PRAGMA wal_checkpoint(TRUNCATE)')
}

export type ErasureService = ReturnType<typeof createErasureService>
