import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import { HttpError } from '../errors'
import { knownAccountsOf, logOwnership, parseAccessLog, type AccessEvent } from '../extract/accessLog'
import { decodeText, sniffFileType } from '../extract/sniffFileType'
import { sha256Of, type BlobStore } from '../ingest/blobStore'
import { ImportProblem, MAX_UPLOAD_BYTES } from '../ingest/prepareApplication'
import type { JobContext, JobHandler } from '../jobs/jobRunner'
import { isChangeable, type CaseStatus } from '../signoff/caseStatus'
import { auditActor, systemActor, type ActorContext } from './context'
import type { IngestService } from './ingestService'
import type { JobService } from './jobService'

/**
 * Contractors' sign-in logs that arrive on a schedule (issue 16): an identity provider's export posted to
 * POST /api/access-logs, or dropped in ACCESS_LOG_DIR. Either way the log is read as the case page's
 * upload reads it, its case found (by reference, by a "<CASE-REF>__…" file name, or by its accounts as the
 * upload's ownership check matches them), and it is stored (blob + access_log_deliveries row) with an
 * 'access-log.ingest' job enqueued in the same transaction. The job adds the log to the case through the
 * same path as an upload (ingest.addDocument: held when its accounts are not the person's), rescores, and
 * tells the case's owner when flags appear that the case did not have before.
 *
 * Idempotent by the log's SHA-256: a log posted twice, or a file seen again after a crash between the
 * commit and its move to processed/, is recognised and adds nothing.
 */
export const INGEST_KIND = 'access-log.ingest'
export const SCAN_KIND = 'access-log.scan'
const SCAN_KEY = 'access-log.scan'

/** The outcome of a delivery: queued for its job, or a repeat of one received before. */
export interface Delivery {
  outcome: 'queued' | 'duplicate'
  deliveryId: string
  caseId: string
  reference: string
  matchedBy: 'reference' | 'file_name' | 'accounts'
  events: number
  jobId: string | null
}

/** A refusal that names what is wrong (a 400 on the API; rejected/ with a reason in the folder). */
export class DeliveryProblem extends HttpError {
  constructor(message: string, status = 400) {
    super(status, 'bad_request', message)
    this.name = 'DeliveryProblem'
  }
}

interface DeliveryRow {
  id: string
  sha256: string
  file_name: string
  case_id: string
  status: string
  received_by: number | null
  received_at: string
}

const REFERENCE = /^[A-Z]{2,5}-\d{3,10}$/
/** "<CASE-REF>__anything.csv": the file names its case. */
export const referenceFromFileName = (name: string): string | undefined => {
  const m = /^([A-Za-z]{2,5}-\d{3,10})__/.exec(path.basename(name))
  return m ? m[1]!.toUpperCase() : undefined
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The bytes of a log from an API body: CSV as it is, or JSON — {"csv": "..."} or {"events": [{timestamp,
 * account, ip, user_agent, event}]} — made into the plain CSV form the sign-in log reader takes. The JSON
 * may name the case ("case" or "reference").
 */
export function logFromBody(body: Buffer, contentType: string | undefined): { bytes: Buffer; reference?: string } {
  if (!body.length) throw new DeliveryProblem('The request has no body: send the sign-in log as CSV (Content-Type: text/csv) or as JSON {"events": [...]} or {"csv": "..."}.')
  if (!/json/i.test(contentType ?? '')) return { bytes: body }
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8')) as unknown
  } catch {
    throw new DeliveryProblem('The body is not valid JSON.')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DeliveryProblem('The JSON body must be an object: {"case": "VD-000123", "events": [...]} or {"csv": "..."}.')
  const o = value as Record<string, unknown>
  const ref = typeof o.case === 'string' ? o.case : typeof o.reference === 'string' ? o.reference : undefined
  const reference = ref?.trim() ? ref.trim().toUpperCase() : undefined
  if (typeof o.csv === 'string') return { bytes: Buffer.from(o.csv, 'utf8'), ...(reference ? { reference } : {}) }
  if (!Array.isArray(o.events)) throw new DeliveryProblem('The JSON body needs "events" (a list of sign-ins) or "csv" (the log as CSV text).')
  if (!o.events.length) throw new DeliveryProblem('"events" is empty: there is nothing to add.')
  const lines = ['timestamp,account,ip,user_agent,event']
  for (const [i, e] of o.events.entries()) {
    if (!e || typeof e !== 'object') throw new DeliveryProblem(`events[${i}] must be an object with timestamp, account, ip, user_agent and event.`)
    const r = e as Record<string, unknown>
    lines.push([r.timestamp ?? r.occurredAt ?? r.time, r.account, r.ip, r.user_agent ?? r.userAgent, r.event].map(csvCell).join(','))
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), ...(reference ? { reference } : {}) }
}

/** Read a log as the case upload reads one; a DeliveryProblem says what is wrong. */
export function readLog(bytes: Buffer): AccessEvent[] {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new DeliveryProblem(`The sign-in log is ${(bytes.length / 1024 ** 2).toFixed(1)} MiB; at most ${MAX_UPLOAD_BYTES / 1024 ** 2} MiB.`, 413)
  const sniffed = sniffFileType(bytes)
  if (sniffed.kind !== 'text') throw new DeliveryProblem('A sign-in log must be CSV text.')
  const parsed = parseAccessLog(decodeText(bytes, sniffed.encoding))
  if (!parsed.ok) throw new DeliveryProblem(`The sign-in log was not accepted: ${parsed.problem}.`)
  if (!parsed.events.length) throw new DeliveryProblem('The sign-in log has a header but no sign-ins.')
  return parsed.events
}

interface Deps {
  db: Knex
  evidence: EvidenceRepository
  audit: AuditRepository
  blobs: BlobStore
  ingest: IngestService
  jobs: JobService
  /** ACCESS_LOG_DIR: undefined when no folder is watched */
  dir?: string | undefined
  pollSeconds?: number
  /** a file changed less than this long ago may still be being written: left for the next look */
  settleMs?: number
}

const FEED_FIELDS = ['person.full_name', 'resume.name', 'person.email', 'resume.email', 'profile']

export function createAccessLogFeedService(deps: Deps) {
  const { db, audit, blobs, jobs } = deps
  const pollSeconds = deps.pollSeconds ?? 60
  const settleMs = deps.settleMs ?? 2000

  /** The current, unerased revision with this reference. */
  async function caseByReference(q: Knex, reference: string) {
    if (!REFERENCE.test(reference)) throw new DeliveryProblem(`"${reference.slice(0, 30)}" is not a case reference (such as VD-000123).`)
    const row = (await q('cases as c').where({ 'c.reference': reference, 'c.is_current': true }).whereNotExists(q('erasures as e').whereRaw('e.subject_id = c.subject_id')).first('c.id', 'c.reference')) as { id: string; reference: string } | undefined
    if (!row) throw new DeliveryProblem(`No case ${reference}.`, 404)
    return row
  }

  /** The one contractor case whose person the log's accounts are (the upload's ownership rule). */
  async function caseByAccounts(q: Knex, events: AccessEvent[]) {
    const rows = (await q('facts as f')
      .join('cases as c', 'c.id', 'f.case_id')
      .where({ 'c.is_current': true, 'c.kind': 'contractor' })
      .whereNull('f.superseded_at')
      .whereIn('f.field', FEED_FIELDS)
      .whereNotExists(q('erasures as e').whereRaw('e.subject_id = c.subject_id'))
      .select('f.case_id', 'f.field', 'f.value', 'c.reference')) as Array<{ case_id: string; field: string; value: string; reference: string }>
    const byCase = new Map<string, { reference: string; records: Array<{ field: string; value: unknown }> }>()
    for (const r of rows) {
      const entry = byCase.get(r.case_id) ?? { reference: r.reference, records: [] }
      try {
        entry.records.push({ field: r.field, value: JSON.parse(r.value) as unknown })
      } catch {
        continue
      }
      byCase.set(r.case_id, entry)
    }
    const matches = [...byCase].filter(([, c]) => logOwnership(events, knownAccountsOf(c.records)).state === 'matched')
    if (matches.length === 1) return { id: matches[0]![0], reference: matches[0]![1].reference }
    if (!events.some(e => e.account)) throw new DeliveryProblem('The sign-in log names no accounts: say which case it belongs to (?case=VD-000123, or a file name starting "VD-000123__").', 422)
    if (!matches.length) throw new DeliveryProblem('No contractor case matches the accounts in this sign-in log: say which case it belongs to (?case=VD-000123, or a file name starting "VD-000123__").', 422)
    throw new DeliveryProblem(`The accounts in this sign-in log match ${matches.length} contractor cases (${matches.map(([, c]) => c.reference).sort().join(', ')}): say which one it belongs to.`, 422)
  }

  /**
   * Store a log and enqueue its ingest job, in one transaction; `within` runs in it too (the folder scan
   * records nothing else, but the caller's move of the file happens only after this commits).
   */
  async function receive(input: { bytes: Buffer; name: string; source: 'api' | 'folder'; reference?: string | undefined; mtime?: Date; ctx: ActorContext }): Promise<Delivery> {
    const events = readLog(input.bytes)
    const sha256 = sha256Of(input.bytes)
    const seen = (await db('access_log_deliveries as d').join('cases as c', 'c.id', 'd.case_id').where('d.sha256', sha256).first('d.id', 'd.case_id', 'd.job_id', 'd.matched_by', 'd.events', 'd.status', 'c.reference')) as
      | { id: string; case_id: string; job_id: string | null; matched_by: Delivery['matchedBy']; events: number; status: string; reference: string }
      | undefined
    // A log that found its case decided was kept, not added: sent again (after a reopen) it is delivered anew.
    if (seen?.status === 'decided') await db('access_log_deliveries').where({ id: seen.id, status: 'decided' }).delete()
    else if (seen) return { outcome: 'duplicate', deliveryId: seen.id, caseId: seen.case_id, reference: seen.reference, matchedBy: seen.matched_by, events: Number(seen.events), jobId: seen.job_id }
    const fromName = input.source === 'folder' ? referenceFromFileName(input.name) : undefined
    const reference = input.reference ?? fromName
    const target = reference ? await caseByReference(db, reference) : await caseByAccounts(db, events)
    const matchedBy: Delivery['matchedBy'] = input.reference ? 'reference' : fromName ? 'file_name' : 'accounts'
    // The bytes first: content-addressed, so a rolled-back delivery leaves at most an unreferenced copy.
    await blobs.put(input.bytes)
    const id = crypto.randomUUID()
    try {
      const jobId = await db.transaction(async trx => {
        const job = await jobs.enqueue(INGEST_KIND, { deliveryId: id }, { trx, dedupeKey: `${INGEST_KIND}:${sha256}`, ...(input.ctx.userId !== null ? { createdBy: input.ctx.userId } : {}) })
        await trx('access_log_deliveries').insert({
          id, sha256, source: input.source, file_name: path.basename(input.name).slice(0, 255), size_bytes: input.bytes.length,
          file_mtime: input.mtime ? input.mtime.toISOString() : null, case_id: target.id, matched_by: matchedBy, events: events.length,
          status: 'queued', job_id: job.id, received_by: input.ctx.userId, received_at: new Date().toISOString(),
        })
        // A decided revision's trail stays as decided: the delivery is recorded against the case as a target only.
        const head = (await trx('cases').where({ id: target.id }).first('status', 'is_current')) as { status: CaseStatus; is_current: boolean | number }
        await audit.append(trx, { type: 'SIGN_IN_LOG_RECEIVED', actor: auditActor(input.ctx), ...(isChangeable(head) ? { caseId: target.id } : { target: `case:${target.id}` }), requestId: input.ctx.requestId, data: { deliveryId: id, source: input.source, sha256, size: input.bytes.length, events: events.length, matchedBy } })
        return job.id
      })
      jobs.wake()
      return { outcome: 'queued', deliveryId: id, caseId: target.id, reference: target.reference, matchedBy, events: events.length, jobId }
    } catch (error) {
      // Two deliveries of one log at once: the second loses the unique key and is the repeat.
      const again = (await db('access_log_deliveries').where({ sha256 }).first('id', 'job_id')) as { id: string; job_id: string | null } | undefined
      if (again) return { outcome: 'duplicate', deliveryId: again.id, caseId: target.id, reference: target.reference, matchedBy, events: events.length, jobId: again.job_id }
      throw error
    }
  }

  const flagsOf = async (q: Knex, caseId: string) =>
    ((await q('findings').where({ case_id: caseId, status: 'flag' }).whereNull('superseded_at').distinct('rule_id')) as Array<{ rule_id: string }>).map(r => r.rule_id).sort()

  /**
   * Tell the case's owner: whoever brought the case in (its first revision's creator; a reopen makes a
   * revision created by the manager who reopened it), else this revision's creator, else whoever sent the log.
   */
  async function notifyOwner(trx: Knex, head: { id: string; reference: string; created_by: number | null }, receivedBy: number | null, message: string) {
    const first = (await trx('cases').where({ reference: head.reference }).whereNotNull('created_by').orderBy('revision').first('created_by')) as { created_by: number } | undefined
    const owner = first?.created_by ?? head.created_by ?? receivedBy
    if (owner === null) return
    await trx('notifications').insert({ user_id: owner, case_id: head.id, message: `${head.reference}: ${message}`, link: `/cases/${head.id}`, created_at: new Date().toISOString() })
  }

  interface IngestCheckpoint {
    stage: 'before' | 'added'
    /** the case's flags before the log: what counts as new afterwards */
    before: string[]
    added?: boolean
    held?: boolean
  }

  const ingestHandler: JobHandler<{ deliveryId: string }> = {
    kind: INGEST_KIND,
    maxAttempts: 5,
    async run(ctx: JobContext<{ deliveryId: string }>) {
      const delivery = (await db('access_log_deliveries').where({ id: ctx.payload.deliveryId }).first()) as DeliveryRow | undefined
      if (!delivery) return { skipped: 'no such delivery (erased?)' }
      if (delivery.status !== 'queued') return { deliveryId: delivery.id, status: delivery.status }
      const head = (await db('cases').where({ id: delivery.case_id }).first('id', 'reference', 'status', 'is_current', 'created_by')) as { id: string; reference: string; status: CaseStatus; is_current: boolean | number; created_by: number | null }
      const actor: ActorContext = delivery.received_by !== null ? { ...systemActor(`job-${ctx.job.id}`), userId: delivery.received_by } : systemActor(`job-${ctx.job.id}`)
      if (!isChangeable(head)) {
        // A decided revision keeps what it was decided on: the log waits (stored) for someone to reopen the case.
        await ctx.step(async trx => {
          await trx('access_log_deliveries').where({ id: delivery.id }).update({ status: 'decided', processed_at: new Date().toISOString() })
          await notifyOwner(trx, head, delivery.received_by, `a sign-in log received ${delivery.received_at.slice(0, 10)} was kept but not added, because the case is decided; reopen the case and send the log again to add it`)
        }, { stage: 'done' })
        return { deliveryId: delivery.id, status: 'decided' }
      }
      let cp = ctx.checkpoint as IngestCheckpoint | null
      if (!cp) {
        // The flags before, recorded first: a retry after the log was added still knows what is new.
        const before = await flagsOf(db, head.id)
        cp = { stage: 'before', before }
        await ctx.step(async () => undefined, cp)
      }
      let added = cp.added ?? false
      let held = cp.held ?? false
      if (cp.stage === 'before') {
        const bytes = await blobs.get(delivery.sha256)
        try {
          // The case page's upload path: the same reading, ownership check (held when the accounts are not
          // the person's), revision guard, audit event and rescore.
          const out = await deps.ingest.addDocument(head.id, delivery.file_name, 'access_log', bytes, actor)
          added = true
          held = Boolean(out.held)
        } catch (error) {
          // Already on the case (an upload, or this job's own attempt that stopped before its checkpoint): nothing more to add.
          if (!(error instanceof ImportProblem) || !/already on the case/.test(error.message)) throw error
        }
        cp = { ...cp, stage: 'added', added, held }
        await ctx.step(async () => undefined, cp)
      }
      await ctx.breathe()
      const before = cp.before
      return db.transaction(async trx => {
        const after = await flagsOf(trx, head.id)
        const fresh = after.filter(r => !before.includes(r))
        const status = held ? 'held' : added ? 'added' : 'present'
        await trx('access_log_deliveries').where({ id: delivery.id }).update({ status, new_flags: JSON.stringify(fresh), processed_at: new Date().toISOString() })
        if (fresh.length) await notifyOwner(trx, head, delivery.received_by, `new findings from a sign-in log received ${delivery.received_at.slice(0, 10)}: ${fresh.join(', ')}`)
        if (held) await notifyOwner(trx, head, delivery.received_by, `a sign-in log received ${delivery.received_at.slice(0, 10)} names none of the person's known accounts: it is held until someone confirms whose it is, or discards it, on the case page`)
        const result = { deliveryId: delivery.id, caseId: head.id, status, newFlags: fresh }
        await ctx.finish(trx, result)
        return result
      })
    },
  }

  /** Move a file out of the watched folder, never over another. */
  async function moveTo(dir: string, sub: 'processed' | 'rejected', name: string, reason?: string): Promise<string> {
    const target = path.join(dir, sub)
    await fs.promises.mkdir(target, { recursive: true, mode: 0o700 })
    let dest = path.join(target, name)
    if (fs.existsSync(dest)) dest = path.join(target, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(3).toString('hex')}-${name}`)
    await fs.promises.rename(path.join(dir, name), dest)
    if (reason !== undefined) await fs.promises.writeFile(`${dest}.reason.txt`, `${reason}\n`, { mode: 0o600 })
    return path.basename(dest)
  }

  /** One look at the folder: each settled file is delivered (then moved to processed/) or moved to rejected/ with its reason. */
  async function scan(): Promise<{ processed: Array<{ file: string; outcome: string; reference?: string }>; rejected: Array<{ file: string; reason: string }>; waiting: number }> {
    const dir = deps.dir
    const report = { processed: [] as Array<{ file: string; outcome: string; reference?: string }>, rejected: [] as Array<{ file: string; reason: string }>, waiting: 0 }
    if (!dir) return report
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 })
    const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).filter(d => d.isFile() && !d.name.startsWith('.') && !/\.(tmp|part|partial|crdownload)$/i.test(d.name)).map(d => d.name).sort()
    for (const name of entries) {
      const full = path.join(dir, name)
      let stat: fs.Stats
      try {
        stat = await fs.promises.stat(full)
      } catch {
        continue // gone since the listing
      }
      if (settleMs > 0 && Date.now() - stat.mtimeMs < settleMs) {
        report.waiting++
        continue
      }
      try {
        if (!/\.(csv|txt|log)$/i.test(name)) throw new DeliveryProblem('Only CSV sign-in logs are read here (a .csv file).')
        if (stat.size > MAX_UPLOAD_BYTES) throw new DeliveryProblem(`The file is ${(stat.size / 1024 ** 2).toFixed(1)} MiB; at most ${MAX_UPLOAD_BYTES / 1024 ** 2} MiB.`)
        const bytes = await fs.promises.readFile(full)
        const delivered = await receive({ bytes, name, source: 'folder', mtime: stat.mtime, ctx: systemActor('access-log-scan') })
        await moveTo(dir, 'processed', name)
        report.processed.push({ file: name, outcome: delivered.outcome, reference: delivered.reference })
      } catch (error) {
        if (!(error instanceof HttpError)) throw error
        const reason = error.message
        await moveTo(dir, 'rejected', name, reason)
        report.rejected.push({ file: name, reason })
      }
      await new Promise(resolve => setImmediate(resolve))
    }
    return report
  }

  /** The next look at the folder (one only: the dedupe key), unless none is watched. */
  async function schedule(trx?: Knex, runAt = new Date()): Promise<string | undefined> {
    if (!deps.dir) return undefined
    const out = await jobs.enqueue(SCAN_KIND, {}, { dedupeKey: SCAN_KEY, runAt, maxAttempts: 3, ...(trx ? { trx } : {}) })
    return out.id
  }

  const scanHandler: JobHandler<Record<string, never>> = {
    kind: SCAN_KIND,
    maxAttempts: 3,
    async run(ctx) {
      const report = await scan()
      await db.transaction(async trx => {
        // Done first, so the key is free for the next look, which is queued in the same transaction.
        await ctx.finish(trx, report)
        await schedule(trx, new Date(Date.now() + pollSeconds * 1000))
        // A look a minute is 10,000 rows a week: finished looks older than a week go (what they found stays
        // in access_log_deliveries, and in rejected/ with its reasons).
        await trx('jobs').where({ kind: SCAN_KIND, status: 'done' }).where('finished_at', '<', new Date(Date.now() - 7 * 86_400_000).toISOString()).delete()
      })
      return report
    },
  }

  return {
    receive,
    scan,
    schedule,
    handlers: [ingestHandler, scanHandler] as JobHandler<never>[],
    /** deliveries of a case, newest first (for tests and the case page) */
    deliveriesOf: (caseId: string) => db('access_log_deliveries').where({ case_id: caseId }).orderBy('received_at', 'desc').select('id', 'source', 'file_name', 'status', 'new_flags', 'received_at', 'processed_at'),
  }
}

export type AccessLogFeedService = ReturnType<typeof createAccessLogFeedService>
