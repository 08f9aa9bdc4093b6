import crypto from 'node:crypto'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { newCaseRow, type CaseRepository, type CaseRow } from '../db/repositories/caseRepository'
import type { DocumentRow, EvidenceRepository } from '../db/repositories/evidenceRepository'
import type { SubjectRepository, SubjectRow } from '../db/repositories/subjectRepository'
import { searchTermsFor } from '../domain/searchTerms'
import { knownAccountsOf, type AccessEvent } from '../extract/accessLog'
import { factsFromDocument, type FactInput } from '../extract/buildFacts'
import { evidenceOfPrepared, factsOfPrepared } from '../ingest/preparedFacts'
import { judgedAsOf, logVerdict } from '../pipeline/judgeApplication'
import type { ExtractionPool } from '../extract/extractionPool'
import type { Application } from '../ingest/applicationFormat'
import { ImportProblem, prepareApplication, readPreparedFile, type DocumentKind, type FileResolver, type ImportOutcome, type PreparedApplication, type PreparedFile } from '../ingest/prepareApplication'
import { sha256Of, type BlobStore } from '../ingest/blobStore'
import { subjectColumnsFromPerson } from '../ingest/subjectColumns'
import { dbClient, isWriteConflict, refreshPlannerStatistics } from '../db/knex'
import { caseScoreColumns, findingRows, type ScoringService } from './scoringService'
import type { Collected } from '../ingest/collectApplications'
import { conflict, HttpError, notFound } from '../errors'
import { isChangeable, isClosed } from '../signoff/caseStatus'
import { assertChangeable, lockCase } from './revisionGuard'
import { auditActor, type ActorContext } from './context'

/**
 * Bringing applications and their files into cases. Slow work (reading PDFs, parsing logs) happens
 * first, outside any transaction; then each application is written in one transaction, so a rejected
 * file leaves nothing half-written. Re-importing the same application updates its case or, when nothing
 * changed, leaves it alone: never a duplicate.
 */
export { ImportProblem, MAX_UPLOAD_BYTES, type DocumentKind, type FileResolver, type ImportOutcome, type PreparedApplication, type PreparedFile } from '../ingest/prepareApplication'

export interface IngestServiceDeps {
  db: Knex
  cases: CaseRepository
  subjects: SubjectRepository
  evidence: EvidenceRepository
  audit: AuditRepository
  blobs: BlobStore
  pool: () => ExtractionPool
  scoring: ScoringService
}


/** New applications per SQLite write transaction: short enough that other writers wait milliseconds, not seconds. */
const WRITE_CHUNK = 25
/** ...and at most this many sign-in log rows, the bulk of a contractor's application. */
const WRITE_CHUNK_ROWS = 1_500
const eventRows = (p: PreparedApplication) => p.files.reduce((n, f) => n + (f.events?.length ?? 0), 0)
/** A unique-index loss is retried from the look-up; a second loss on the same application would be a bug. */
const COMMIT_ATTEMPTS = 3
/** An empty source is no source: the unique index folds NULL and '' together, so the look-ups must too. */
const sourceOf = (app: Application) => app.source?.toLowerCase() || null

/** The outcome for an application whose case is decided (signed off or rejected) or an earlier revision. */
function decidedOutcome(label: string, reference: string | null, status: string | null): ImportOutcome {
  const what = reference ? `case ${reference} is ${status ? status.replace('_', ' ') : 'decided'}` : 'its case was decided meanwhile'
  return { file: label, outcome: 'rejected', reason: `${what}; reopen it before importing changes` }
}

/** A write refused because the case is decided: the guard's 409, or a frozen trigger (PostgreSQL 23514, SQLite RAISE). */
function refusedAsDecided(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 409 && error.id === 'read_only'
  return /of a decided case cannot change/.test(String((error as { message?: unknown } | null)?.message ?? ''))
}

/**
 * Evidence belongs to the subject: a sign-in log naming none of the person's known accounts is stored
 * "held" (not scored until confirmed on the case page). Other files, and logs naming no account, get nothing.
 */
function ownershipOf(f: PreparedFile, known: Set<string>): { columns: { confirmation_state?: string; log_accounts?: string }; held: string[] | null } {
  if (f.kind !== 'access_log' || !f.events) return { columns: {}, held: null }
  // The pipeline's verdict, the one `vet score` reaches on the same log: stored, so that it stands until someone decides.
  const v = logVerdict({ name: f.name, events: f.events }, known)
  return { columns: v.accounts.length ? { confirmation_state: v.status === 'held' ? 'held' : 'matched', log_accounts: JSON.stringify(v.accounts.slice(0, 20)) } : {}, held: v.status === 'held' ? v.accounts : null }
}

export function createIngestService(deps: IngestServiceDeps) {
  const { db, cases, subjects, evidence, audit, blobs } = deps
  const prepareFile = (key: string, name: string, kind: DocumentKind, data: Buffer, defaultCountry?: string | null) => readPreparedFile(deps.pool(), key, name, kind, data, defaultCountry)
  const prepare = (label: string, application: Application, resolve: FileResolver, raw?: Buffer) => prepareApplication(deps.pool(), label, application, resolve, raw)

  function subjectFields(app: Application, files: PreparedFile[]) {
    const p = app.person ?? {}
    const resumeName = files.find(f => f.read?.fields.name)?.read?.fields.name?.value
    return {
      full_name: (p.full_name || resumeName || app.external_id || 'Name not given').slice(0, 200),
      ...subjectColumnsFromPerson(p),
      citizenship: p.citizenship?.toUpperCase() ?? null,
    }
  }

  /** Store the files' bytes and rows, their facts and sign-in events, inside the caller's transaction. */
  async function attachFiles(trx: Knex.Transaction, caseId: string, files: PreparedFile[], ctx: ActorContext, now: string, known: Set<string>): Promise<{ documents: Map<string, string>; added: PreparedFile[]; held: Map<string, string[]> }> {
    const documents = new Map<string, string>()
    const added: PreparedFile[] = []
    /** file key → the accounts of a sign-in log held for confirmation */
    const held = new Map<string, string[]>()
    for (const f of files) {
      const existing = await evidence.findDocument(trx, caseId, f.sha256)
      if (existing) {
        documents.set(f.key, existing.id)
        continue
      }
      const id = crypto.randomUUID()
      const ownership = ownershipOf(f, known)
      if (ownership.held) held.set(f.key, ownership.held)
      await evidence.insertDocument(trx, {
        id,
        case_id: caseId,
        sha256: f.sha256,
        size_bytes: f.data.length,
        media_type: f.sniffed.mediaType,
        kind: f.kind,
        original_name: f.name.slice(0, 255),
        metadata: JSON.stringify(f.read ? { kind: f.read.kind, ...f.read.metadata } : f.events ? { rows: f.events.length } : {}),
        extracted_text: f.read ? f.read.pages.join('\n\f\n') : null,
        warnings: JSON.stringify(f.read?.warnings ?? []),
        uploaded_by: ctx.userId,
        uploaded_at: now,
        ...ownership.columns,
      })
      if (f.events?.length) await evidence.insertAccessEvents(trx, caseId, id, f.events)
      documents.set(f.key, id)
      added.push(f)
    }
    return { documents, added, held }
  }

  async function writeFacts(trx: Knex.Transaction, caseId: string, facts: FactInput[], documents: Map<string, string>, ctx: ActorContext, now: string) {
    await evidence.insertFacts(
      trx,
      facts.map(f => ({
        case_id: caseId,
        field: f.field,
        value: JSON.stringify(f.value),
        source: f.source,
        document_id: f.documentKey ? (documents.get(f.documentKey) ?? null) : null,
        locator: f.locator.slice(0, 200),
        recorded_by: ctx.userId,
        recorded_at: now,
        superseded_at: null,
      })),
    )
  }

  const factsOf = factsOfPrepared

  /**
   * Write one prepared application in one transaction. Importers racing on the same application (two
   * instances, parallel API calls) meet at the unique indexes on the current revision's keys: the loser's
   * transaction rolls back and it looks again, finding the winner's case (unchanged, or updated).
   */
  async function commit(prepared: PreparedApplication, ctx: ActorContext): Promise<ImportOutcome> {
    // Bytes first (content-addressed and idempotent): a rolled-back transaction leaves only an unreferenced blob.
    for (const f of prepared.files) await blobs.put(f.data)
    for (let attempt = 1; ; attempt++) {
      try {
        return await commitOnce(prepared, ctx)
      } catch (error) {
        // The guard (409 read_only) or the frozen triggers refused a write: the case was decided meanwhile.
        if (refusedAsDecided(error)) return decidedOutcome(prepared.label, null, null)
        if (attempt >= COMMIT_ATTEMPTS || !isWriteConflict(error)) throw error
      }
    }
  }

  async function commitOnce(prepared: PreparedApplication, ctx: ActorContext): Promise<ImportOutcome> {
    const app = prepared.application
    const source = sourceOf(app)
    const externalId = app.external_id ?? null
    return db.transaction(async trx => {
      const now = new Date().toISOString()
      const existing = externalId
        ? await cases.findCurrentByExternal(trx, source, externalId)
        : await cases.findCurrentByContentHash(trx, prepared.contentHash)
      const fileHashes = prepared.files.map(f => ({ kind: f.kind, sha256: f.sha256 }))
      if (existing && existing.content_hash === prepared.contentHash) {
        return { file: prepared.label, outcome: 'unchanged' as const, caseId: existing.id, reference: existing.reference }
      }
      if (existing) {
        // Hold the case row before any write, then look again: a sign-off committed on another instance
        // meanwhile makes this a refused import, not a half-written one that the frozen triggers stop.
        const head = await lockCase(trx, existing.id)
        if (!head || !isChangeable(head)) return decidedOutcome(prepared.label, existing.reference, head?.status ?? existing.status)
        existing.status = head.status
      }
      const person = subjectFields(app, prepared.files)
      if (existing) {
        await subjects.update(trx, existing.subject_id, { ...person, updated_at: now })
        await cases.update(trx, existing.id, {
          kind: app.kind ?? existing.kind,
          role_title: app.role ?? existing.role_title,
          submitted_at: app.submitted_at ? new Date(app.submitted_at).toISOString() : existing.submitted_at,
          sort_name: person.full_name.toLowerCase(),
          content_hash: prepared.contentHash,
          updated_at: now,
        })
        await cases.replaceSearchTerms(trx, existing.id, searchTermsFor({ fullName: person.full_name, email: person.email, externalId, reference: existing.reference }))
        const superseded = await evidence.supersedeFacts(trx, existing.id, ['application', 'document'], now)
        const facts = factsOf(prepared)
        const { documents } = await attachFiles(trx, existing.id, prepared.files, ctx, now, knownAccountsOf(facts))
        await writeFacts(trx, existing.id, facts, documents, ctx, now)
        await audit.append(trx, {
          type: 'CASE_IMPORTED',
          actor: auditActor(ctx),
          caseId: existing.id,
          subjectId: existing.subject_id,
          requestId: ctx.requestId,
          data: { outcome: 'updated', before: { contentHash: existing.content_hash, facts: superseded }, after: { contentHash: prepared.contentHash }, files: fileHashes },
        })
        await deps.scoring.rescore(trx, existing.id, ctx)
        return { file: prepared.label, outcome: 'updated' as const, caseId: existing.id, reference: existing.reference }
      }
      const subject: SubjectRow = { id: crypto.randomUUID(), ...person, created_at: now, updated_at: now, created_by: ctx.userId }
      await subjects.insert(trx, subject)
      const reference = await cases.nextReference(trx)
      const row = newCaseRow(
        { reference, subject_id: subject.id, kind: app.kind ?? 'candidate', role_title: app.role ?? null, source, external_id: externalId, submitted_at: app.submitted_at ? new Date(app.submitted_at).toISOString() : null, sort_name: person.full_name.toLowerCase(), content_hash: prepared.contentHash, created_by: ctx.userId },
        crypto.randomUUID(),
        now,
      )
      await cases.insert(trx, row, searchTermsFor({ fullName: subject.full_name, email: subject.email, externalId, reference }))
      const facts = factsOf(prepared)
      const { documents } = await attachFiles(trx, row.id, prepared.files, ctx, now, knownAccountsOf(facts))
      await writeFacts(trx, row.id, facts, documents, ctx, now)
      await audit.append(trx, {
        type: 'CASE_IMPORTED',
        actor: auditActor(ctx),
        caseId: row.id,
        subjectId: subject.id,
        requestId: ctx.requestId,
        data: { outcome: 'created', after: { reference, contentHash: prepared.contentHash }, files: fileHashes },
      })
      await deps.scoring.rescore(trx, row.id, ctx)
      return { file: prepared.label, outcome: 'created' as const, caseId: row.id, reference }
    })
  }

  const keyOf = (p: PreparedApplication) => (p.application.external_id ? `x\u0000${sourceOf(p.application) ?? ''}\u0000${p.application.external_id}` : `h\u0000${p.contentHash}`)

  /** Intake keys of `batch` that already have a current case. */
  async function knownKeys(q: Knex, batch: PreparedApplication[]): Promise<Set<string>> {
    const known = new Set<string>()
    const withId = batch.filter(p => p.application.external_id)
    for (let i = 0; i < withId.length; i += 400) {
      const rows = await q<CaseRow>('cases').where('is_current', true).whereIn('external_id', withId.slice(i, i + 400).map(p => p.application.external_id!)).select('source', 'external_id')
      for (const r of rows) known.add(`x\u0000${r.source ?? ''}\u0000${r.external_id}`)
    }
    const hashes = batch.filter(p => !p.application.external_id).map(p => p.contentHash)
    for (let i = 0; i < hashes.length; i += 400) {
      for (const h of await q('cases').where('is_current', true).whereNull('external_id').whereIn('content_hash', hashes.slice(i, i + 400)).pluck('content_hash')) known.add(`h\u0000${h as string}`)
    }
    return known
  }

  /** A new application's rows, built and scored before any transaction; only the reference waits for the write. */
  function planNew(p: PreparedApplication, ctx: ActorContext, now: string) {
    const app = p.application
    const person = subjectFields(app, p.files)
    const subject: SubjectRow = { id: crypto.randomUUID(), ...person, created_at: now, updated_at: now, created_by: ctx.userId }
    const row = newCaseRow(
      { reference: '', subject_id: subject.id, kind: app.kind ?? 'candidate', role_title: app.role ?? null, source: sourceOf(app), external_id: app.external_id ?? null, submitted_at: app.submitted_at ? new Date(app.submitted_at).toISOString() : null, sort_name: person.full_name.toLowerCase(), content_hash: p.contentHash, created_by: ctx.userId },
      crypto.randomUUID(),
      now,
    )
    const documentRows: DocumentRow[] = []
    const events: Array<{ documentId: string; events: AccessEvent[] }> = []
    const inputs = factsOf(p)
    const known = knownAccountsOf(inputs)
    const docIds = new Map<string, string>()
    const seenSha = new Set<string>()
    for (const f of p.files) {
      if (seenSha.has(f.sha256)) continue
      seenSha.add(f.sha256)
      const id = crypto.randomUUID()
      docIds.set(f.key, id)
      const ownership = ownershipOf(f, known)
      documentRows.push({
        id, case_id: row.id, sha256: f.sha256, size_bytes: f.data.length, media_type: f.sniffed.mediaType, kind: f.kind, original_name: f.name.slice(0, 255),
        metadata: JSON.stringify(f.read ? { kind: f.read.kind, ...f.read.metadata } : f.events ? { rows: f.events.length } : {}),
        extracted_text: f.read ? f.read.pages.join('\n\f\n') : null, warnings: JSON.stringify(f.read?.warnings ?? []), uploaded_by: ctx.userId, uploaded_at: now,
        ...ownership.columns,
      })
      if (f.events?.length) events.push({ documentId: id, events: f.events })
    }
    const factRows = inputs.map(fact => ({ case_id: row.id, field: fact.field, value: JSON.stringify(fact.value), source: fact.source, document_id: fact.documentKey ? (docIds.get(fact.documentKey) ?? null) : null, locator: fact.locator.slice(0, 200), recorded_by: ctx.userId, recorded_at: now, superseded_at: null }))
    // The rules run here on the facts in hand, rather than reading them back for each new case.
    // Scored as if unlinked; linkImported scores again the few that turn out linked.
    // Judged by the pipeline `vet score` uses: a log naming none of the person's accounts is held, as stored above.
    const { evaluation } = deps.scoring.judge(evidenceOfPrepared(p, { asOf: judgedAsOf(row.submitted_at, new Date(now)), facts: inputs }))
    Object.assign(row, caseScoreColumns(evaluation, now), { base_band: evaluation.score.band })
    return { prepared: p, subject, row, documentRows, events, factRows, findings: findingRows(row.id, evaluation, now) }
  }
  type PlannedNew = ReturnType<typeof planNew>

  /** Insert planned new applications in one short transaction; those another importer wrote meanwhile come back as `late`. */
  async function writeNew(trx: Knex.Transaction, planned: PlannedNew[], ctx: ActorContext): Promise<{ created: ImportOutcome[]; late: PreparedApplication[] }> {
    const known = await knownKeys(trx, planned.map(n => n.prepared))
    const late = planned.filter(n => known.has(keyOf(n.prepared))).map(n => n.prepared)
    const fresh = planned.filter(n => !known.has(keyOf(n.prepared)))
    if (!fresh.length) return { created: [], late }
    const references = await cases.nextReferences(trx, fresh.length)
    const terms: Array<{ term: string; case_id: string }> = []
    const audits: Parameters<AuditRepository['append']>[1][] = []
    const created: ImportOutcome[] = []
    fresh.forEach((n, i) => {
      const reference = references[i]!
      n.row.reference = reference
      for (const term of searchTermsFor({ fullName: n.subject.full_name, email: n.subject.email, externalId: n.row.external_id, reference })) terms.push({ term, case_id: n.row.id })
      const p = n.prepared
      audits.push({ type: 'CASE_IMPORTED', actor: auditActor(ctx), caseId: n.row.id, subjectId: n.subject.id, requestId: ctx.requestId, data: { outcome: 'created', after: { reference, contentHash: p.contentHash, score: n.row.risk_score, band: n.row.risk_band }, files: p.files.map(f => ({ kind: f.kind, sha256: f.sha256 })) } })
      created.push({ file: p.label, outcome: 'created', caseId: n.row.id, reference })
    })
    // Chunk sizes keep every statement under SQLite's limits (500 rows, 32,766 variables).
    const insert = async (table: string, rows: object[], chunk: number) => {
      for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk))
    }
    await insert('subjects', fresh.map(n => n.subject), 400)
    await insert('cases', fresh.map(n => n.row), 300)
    await insert('case_search_terms', terms, 500)
    await insert('documents', fresh.flatMap(n => n.documentRows), 200)
    await insert('facts', fresh.flatMap(n => n.factRows), 400)
    await insert('findings', fresh.flatMap(n => n.findings), 200)
    for (const n of fresh) for (const e of n.events) await evidence.insertAccessEvents(trx, n.row.id, e.documentId, e.events)
    await audit.appendMany(trx, audits)
    await deps.scoring.linkImported(trx, fresh.map(n => n.row.id), ctx)
    return { created, late }
  }

  /**
   * Write many prepared applications. Those that look new (no current case, not repeated in the batch)
   * are built and scored first, outside any transaction, then inserted WRITE_CHUNK at a time with
   * multi-row inserts, so the write lock is held briefly and other users' writes get in between. The
   * rest, and every application of a chunk that fails (a concurrent importer won a unique index), go one
   * transaction each through commit(), so an application is always written whole or not at all.
   */
  async function commitMany(batch: PreparedApplication[], ctx: ActorContext): Promise<ImportOutcome[]> {
    if (batch.length <= 1) return Promise.all(batch.map(p => commit(p, ctx)))
    for (const p of batch) for (const f of p.files) await blobs.put(f.data)
    // A read outside the write lock; writeNew checks again inside its transaction.
    const known = await knownKeys(db, batch)
    const single: PreparedApplication[] = []
    const fresh: PreparedApplication[] = []
    const seen = new Set<string>()
    for (const p of batch) {
      const key = keyOf(p)
      if (known.has(key) || seen.has(key)) single.push(p)
      else {
        seen.add(key)
        fresh.push(p)
      }
    }
    const now = new Date().toISOString()
    const created: ImportOutcome[] = []
    // SQLite has one writer for everyone: its chunks end at WRITE_CHUNK applications or WRITE_CHUNK_ROWS
    // sign-in events. PostgreSQL writers do not block readers or each other's rows: the batch goes whole.
    const limits = dbClient(db) === 'sqlite3' ? { apps: WRITE_CHUNK, rows: WRITE_CHUNK_ROWS } : { apps: Infinity, rows: Infinity }
    for (let i = 0; i < fresh.length; ) {
      let end = i
      for (let rows = 0; end < fresh.length && end - i < limits.apps && (end === i || rows + eventRows(fresh[end]!) <= limits.rows); end++) rows += eventRows(fresh[end]!)
      // Planned a chunk at a time, yielding in between, so the event loop keeps serving other requests.
      await new Promise(resolve => setImmediate(resolve))
      const chunk = fresh.slice(i, end).map(p => planNew(p, ctx, now))
      i = end
      try {
        const written = await db.transaction(trx => writeNew(trx, chunk, ctx))
        created.push(...written.created)
        single.push(...written.late)
      } catch {
        // Something in the chunk broke at the database: its applications go one transaction each.
        single.push(...chunk.map(n => n.prepared))
      }
    }
    const rest: ImportOutcome[] = []
    for (const p of single) rest.push(await commit(p, ctx))
    return [...created, ...rest]
  }

  return {
    prepare,
    commit,
    commitMany,

    /** Prepare and commit one application; every problem becomes a rejected outcome with its reason. */
    async importApplication(label: string, application: Application, resolve: FileResolver, ctx: ActorContext, raw?: Buffer): Promise<ImportOutcome> {
      try {
        return await commit(await prepare(label, application, resolve, raw), ctx)
      } catch (error) {
        if (error instanceof ImportProblem) return { file: label, outcome: 'rejected', reason: error.message }
        throw error
      }
    },

    /**
     * Import a collected set of applications. Files are read on the worker pool, `batchSize` applications
     * at a time (the next batch is read while the current one is written); new applications are written
     * together, updates one by one. `onProgress` hears about every outcome.
     */
    async importBatch(
      collected: Collected,
      ctx: ActorContext,
      onProgress: (outcome: ImportOutcome, done: number, total: number) => void | Promise<void> = () => undefined,
      batchSize = 100,
    ): Promise<ImportOutcome[]> {
      const total = collected.applications.length + collected.rejected.length
      const outcomes: ImportOutcome[] = []
      const report = async (o: ImportOutcome) => {
        outcomes.push(o)
        await onProgress(o, outcomes.length, total)
      }
      for (const r of collected.rejected) await report({ file: r.file, outcome: 'rejected', reason: r.reason })
      const prepareChunk = (start: number) =>
        Promise.all(
          collected.applications.slice(start, start + batchSize).map(async a => {
            try {
              return await prepare(a.label, a.application, a.resolve, a.raw)
            } catch (error) {
              if (error instanceof ImportProblem) return { file: a.label, outcome: 'rejected' as const, reason: error.message }
              throw error
            }
          }),
        )
      let next = collected.applications.length ? prepareChunk(0) : null
      for (let start = 0; next; start += batchSize) {
        const chunk = await next
        next = start + batchSize < collected.applications.length ? prepareChunk(start + batchSize) : null
        const ready: PreparedApplication[] = []
        for (const item of chunk) {
          if ('outcome' in item) await report(item)
          else ready.push(item)
        }
        for (const o of await commitMany(ready, ctx)) await report(o)
      }
      const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
      for (const o of outcomes) counts[o.outcome]++
      await db.transaction(trx => audit.append(trx, { type: 'IMPORT_FINISHED', actor: auditActor(ctx), requestId: ctx.requestId, data: counts }))
      await refreshPlannerStatistics(db)
      return outcomes
    },

    /** A file uploaded on a case page: stored, read, its facts added (earlier facts stay). */
    async addDocument(caseId: string, name: string, kind: DocumentKind, data: Buffer, ctx: ActorContext): Promise<{ documentId: string; facts: number; warnings: string[]; held?: string[] }> {
      const row = await cases.findById(db, caseId)
      if (!row) throw notFound('No such case')
      if (!row.is_current || isClosed(row.status)) throw conflict('case_closed', 'This case is closed; reopen it to add evidence')
      const subject = await subjects.findById(db, row.subject_id)
      const file = await prepareFile('upload', name, kind, data, subject?.country)
      await blobs.put(file.data)
      return db.transaction(async trx => {
        await assertChangeable(trx, caseId)
        const now = new Date().toISOString()
        const before = await evidence.findDocument(trx, caseId, file.sha256)
        if (before) throw new ImportProblem(`${name}: this exact file is already on the case (uploaded ${before.uploaded_at.slice(0, 10)} as ${before.original_name})`)
        const known = knownAccountsOf((await evidence.currentFacts(trx, caseId)).map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown })))
        const { documents, held: heldLogs } = await attachFiles(trx, caseId, [file], ctx, now, known)
        const facts = file.read ? factsFromDocument(file.read, 'upload') : []
        const held = heldLogs.get('upload')
        await writeFacts(trx, caseId, facts, documents, ctx, now)
        await cases.update(trx, caseId, { updated_at: now })
        await audit.append(trx, {
          type: 'DOCUMENT_UPLOADED',
          actor: auditActor(ctx),
          caseId,
          subjectId: row.subject_id,
          requestId: ctx.requestId,
          data: { documentId: documents.get('upload'), kind, sha256: file.sha256, size: data.length, facts: facts.length, events: file.events?.length ?? 0, ...(held ? { status: 'held' } : {}) },
        })
        await deps.scoring.rescore(trx, caseId, ctx)
        return { documentId: documents.get('upload')!, facts: facts.length, warnings: file.read?.warnings ?? [], ...(held ? { held } : {}) }
      })
    },

    /** The bytes of a case's document, for download; reading personal data is audited. */
    async openDocument(caseId: string, documentId: string, ctx: ActorContext): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
      const doc = await evidence.getDocument(db, documentId)
      if (!doc || doc.case_id !== caseId) throw notFound('No such document')
      const bytes = await blobs.get(doc.sha256)
      await db.transaction(trx =>
        audit.append(trx, { type: 'DOCUMENT_DOWNLOADED', actor: auditActor(ctx), caseId, requestId: ctx.requestId, data: { documentId, sha256: doc.sha256 } }),
      )
      return { name: doc.original_name, mediaType: doc.media_type, bytes }
    },

    /** Record that an upload was refused (no file is kept). */
    async recordRejectedUpload(caseId: string, kind: DocumentKind, data: Buffer, reason: string, ctx: ActorContext): Promise<void> {
      await db.transaction(trx =>
        audit.append(trx, { type: 'DOCUMENT_REJECTED', actor: auditActor(ctx), caseId, requestId: ctx.requestId, data: { kind, sha256: sha256Of(data), size: data.length, reason } }),
      )
    },
  }
}

export type IngestService = ReturnType<typeof createIngestService>
