import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { ImportedCaseRow, ImportJobRepository, ImportJobRow } from '../db/repositories/importJobRepository'
import { notFound } from '../errors'
import { refreshPlannerStatistics } from '../db/knex'
import type { JobContext } from '../jobs/jobRunner'
import { collectApplications, filesFromZip, type InputFile } from '../ingest/collectApplications'
import { ZipProblem } from '../extract/zipDirectory'
import { sniffFileType } from '../extract/sniffFileType'
import { auditActor, type ActorContext } from './context'
import type { AtsMappingService } from './atsMappingService'
import { ImportProblem, type ImportOutcome, type IngestService, type PreparedApplication } from './ingestService'
import type { JobService } from './jobService'

/** An uploaded file: its bytes, or a temporary file that becomes the import's (moved under DATA_DIR/imports). */
export type ImportUpload = { name: string; data: Buffer } | { name: string; path: string; size: number }

/** Unpacked archive bytes one job may hold in memory together (each archive may unpack to 1 GiB). */
export const MAX_JOB_UNPACKED_BYTES = 1024 ** 3
/** What an import tells its observers (metrics): each file's outcome, and each finished job's size and time. */
export type ImportEvent = { type: 'file'; outcome: ImportOutcome['outcome'] } | { type: 'finished'; files: number; seconds: number }

/** How much of an upload's start is read to tell what it is. */
const HEAD_BYTES = 64 * 1024
/** Documents prepared together: a batch of uploads holds about this much at once (at least one file). */
const BATCH_BYTES = 256 * 1024 ** 2

/** The first and (for a ZIP-like file) the last bytes of a file on disk, and its size. */
async function probe(file: string): Promise<{ size: number; head: Buffer; tail: Buffer }> {
  const fd = await fs.promises.open(file, 'r')
  try {
    const { size } = await fd.stat()
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES))
    const { bytesRead } = await fd.read(head, 0, head.length, 0)
    let tail = Buffer.alloc(0)
    if (size > HEAD_BYTES && head.readUInt32LE(0) === 0x04034b50) {
      // A DOCX is a ZIP whose central directory (at the end) names word/document.xml.
      tail = Buffer.alloc(HEAD_BYTES)
      tail = tail.subarray(0, (await fd.read(tail, 0, tail.length, size - tail.length)).bytesRead)
    }
    return { size, head: head.subarray(0, bytesRead), tail }
  } finally {
    await fd.close()
  }
}

/** An upload on disk as an input file: its bytes are read when asked for and never kept by it. */
function uploadOnDisk(name: string, diskPath: string, head: Buffer): InputFile {
  return {
    path: name,
    diskPath,
    get data() {
      return fs.readFileSync(diskPath)
    },
    head: () => head,
    load: () => fs.promises.readFile(diskPath),
  }
}

/** Where an import's uploads wait, and what the job needs to find them again after a restart. */
interface StoredUpload {
  name: string
  /** file name inside the import's directory (a number: people's file names never reach the disk or the queue) */
  stored: string
  size: number
}

interface Manifest {
  uploads: StoredUpload[]
  atsMappings: Awaited<ReturnType<AtsMappingService['all']>>
}

/** The durable job's payload: no file names (they are personal data the erasure tool must reach), only where to look. */
export interface ImportJobPayload {
  importId: string
  actor: ActorContext
  /** applications prepared and committed per step (tests make it small) */
  batchSize?: number
}

/** The job's cursor: how many entries of the import (refused uploads first, then applications) are in its report. */
interface ImportCheckpoint {
  next: number
}

export const IMPORT_JOB_KIND = 'import'
/** The manifest beside the uploads: their original names in upload order, and the ATS mappings in force at upload. */
const MANIFEST = 'manifest.json'
/** A directory no import row names is left alone this long (its import may be committing right now). */
const ORPHAN_AGE_MS = 60 * 60_000
/** The request id an import's own audit events carry: how a resumed job recognises what it already wrote. */
export const importRequestId = (importId: string) => `import:${importId}`

const countsOf = (outcomes: ImportOutcome[]) => {
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
  for (const o of outcomes) counts[o.outcome]++
  return counts
}

/**
 * Bulk imports in the background, on the durable job queue (kind 'import'): the request that uploads
 * the files moves them under DATA_DIR/imports/<importId>/ (private) and enqueues a job in the
 * transaction that records the import; it returns at once with the import's id. The job reads the
 * uploads one by one from disk, tells what each is from its first 64 KiB, keeps at most 1 GiB of
 * unpacked archives, and writes applications in batches. After each batch, one transaction records
 * the batch's outcomes in import_jobs (counts, report) together with the job's checkpoint, so a worker
 * killed at any point resumes after the last recorded batch. The batch's applications themselves are
 * committed by the ingest service in its own transactions just before; a batch that was committed but
 * not recorded is imported again on resume, where its applications come back unchanged and are reported
 * with the outcome this import's audit events give them (created or updated). import_jobs stays the row
 * the pages read; the uploads are deleted when the import finishes or is given up.
 */
export function createImportJobService(deps: { db: Knex; jobs: ImportJobRepository; ingest: IngestService; audit: AuditRepository; atsMappings: AtsMappingService; queue: JobService; dir: string }) {
  const { db, jobs, ingest, audit, queue } = deps
  const observers = new Set<(event: ImportEvent) => void>()
  const tell = (event: ImportEvent) => {
    for (const observer of observers) {
      try {
        observer(event)
      } catch {
        // an observer (metrics) must never stop an import
      }
    }
  }
  const dirOf = (importId: string) => path.join(deps.dir, importId)
  const removeFiles = (importId: string) => fs.promises.rm(dirOf(importId), { recursive: true, force: true }).catch(() => undefined)

  /** The uploads as input files, archives unpacked within the memory bound; refused uploads with their reasons. */
  async function collect(uploads: Array<{ name: string; path: string; size: number }>, atsMappings: Manifest['atsMappings']) {
    const files: InputFile[] = []
    const rejected: Array<{ file: string; reason: string }> = []
    let unpacked = 0
    let largest = 0
    for (const u of uploads) {
      const known = await probe(u.path)
      const headKind = sniffFileType(known.head).kind
      const isZip = headKind === 'zip' && !known.tail.includes('word/document.xml')
      if (!isZip) {
        files.push(uploadOnDisk(u.name, u.path, known.head))
        largest = Math.max(largest, known.size)
        continue
      }
      if (unpacked + known.size > MAX_JOB_UNPACKED_BYTES) {
        rejected.push({ file: u.name, reason: `the import already holds ${Math.round(unpacked / 1024 ** 2)} MiB unpacked from other archives, and one import keeps at most ${MAX_JOB_UNPACKED_BYTES / 1024 ** 3} GiB; import this archive on its own` })
        continue
      }
      try {
        // The archive is read, unpacked and let go before the next upload is opened.
        const entries = await filesFromZip(await fs.promises.readFile(u.path), u.name.replace(/\.zip$/i, ''))
        const bytes = entries.reduce((n, e) => n + e.data.length, 0)
        if (unpacked + bytes > MAX_JOB_UNPACKED_BYTES) {
          rejected.push({ file: u.name, reason: `the archive unpacks to ${Math.round(bytes / 1024 ** 2)} MiB, more than this import may still hold (at most ${MAX_JOB_UNPACKED_BYTES / 1024 ** 3} GiB unpacked per import); import it on its own` })
          continue
        }
        unpacked += bytes
        for (const e of entries) largest = Math.max(largest, e.data.length)
        files.push(...entries)
      } catch (error) {
        rejected.push({ file: u.name, reason: error instanceof ZipProblem ? error.message : 'the archive cannot be read: it is damaged' })
      }
    }
    const collected = collectApplications(files, { atsMappings })
    collected.rejected.unshift(...rejected)
    return { collected, largest }
  }

  /**
   * Outcomes of a batch as first written. An application this import committed in an attempt that died
   * before recording it comes back 'unchanged' on resume; its CASE_IMPORTED event under this import's
   * request id says what it was. Only the first mention of a case in the import is given back its outcome,
   * so a file repeated inside one import still reads 'unchanged' the second time.
   */
  async function asFirstWritten(trx: Knex, importId: string, batch: ImportOutcome[], report: ImportOutcome[]): Promise<ImportOutcome[]> {
    const seen = new Set(report.flatMap(o => (o.outcome === 'rejected' ? [] : [o.caseId])))
    const ids = [...new Set(batch.flatMap(o => (o.outcome === 'unchanged' && !seen.has(o.caseId) ? [o.caseId] : [])))]
    if (!ids.length) return batch
    const written = new Map<string, 'created' | 'updated'>()
    for (let i = 0; i < ids.length; i += 400) {
      const rows = (await trx('audit_events').where({ type: 'CASE_IMPORTED', request_id: importRequestId(importId) }).whereIn('case_id', ids.slice(i, i + 400)).select('case_id', 'data')) as Array<{ case_id: string; data: string }>
      for (const r of rows) {
        const outcome = (JSON.parse(r.data) as { outcome?: unknown }).outcome
        // created wins: an application created and then updated by one import was created by it
        if (outcome === 'created' || (outcome === 'updated' && !written.has(r.case_id))) written.set(r.case_id, outcome)
      }
    }
    return batch.map(o => {
      if (o.outcome === 'rejected') return o
      const first = !seen.has(o.caseId)
      seen.add(o.caseId)
      const was = o.outcome === 'unchanged' && first ? written.get(o.caseId) : undefined
      return was ? { ...o, outcome: was } : o
    })
  }

  async function runImport(ctx: JobContext<ImportJobPayload>): Promise<unknown> {
    const { importId } = ctx.payload
    const row = await jobs.find(db, importId)
    if (!row || row.status === 'done' || row.status === 'failed') {
      await removeFiles(importId)
      return { skipped: row ? row.status : 'no such import' }
    }
    const dir = dirOf(importId)
    const manifest = await fs.promises
      .readFile(path.join(dir, MANIFEST), 'utf8')
      .then(text => JSON.parse(text) as Manifest)
      .catch(() => null)
    const missing = manifest === null || manifest.uploads.some(u => !fs.existsSync(path.join(dir, u.stored)))
    if (missing) {
      // Nothing to resume from: say so on the import rather than retry for ever.
      await db.transaction(async trx => {
        await jobs.update(trx, importId, { status: 'failed', finished_at: new Date().toISOString(), current_file: null, error: 'the uploaded files are gone (the data directory lost them before the import finished); import the files again (finished applications are recognised as unchanged)' })
        await ctx.finish(trx, { failed: 'uploads missing' })
      })
      await removeFiles(importId)
      return undefined
    }
    await jobs.update(db, importId, { status: 'running', started_at: row.started_at ?? new Date().toISOString() })
    const startedAt = performance.now()
    const actor: ActorContext = { ...ctx.payload.actor, requestId: importRequestId(importId) }
    // Every attempt sees the same files and mappings, so it collects the same entries in the same order as the checkpoint counts them.
    const { collected, largest } = await collect(manifest.uploads.map(u => ({ name: u.name, path: path.join(dir, u.stored), size: u.size })), manifest.atsMappings)
    const refused = collected.rejected.length
    const total = refused + collected.applications.length
    let next = (ctx.checkpoint as ImportCheckpoint | null)?.next ?? 0
    // The report as recorded with the checkpoint (they commit together), so it holds exactly `next` entries.
    const report: ImportOutcome[] = next ? (JSON.parse(row.report) as ImportOutcome[]).slice(0, next) : []

    const record = async (outcomes: ImportOutcome[], to: number) => {
      const recorded = await ctx.step(
        async trx => {
          const first = await asFirstWritten(trx, importId, outcomes, report)
          const all = [...report, ...first]
          await jobs.update(trx, importId, { total, processed: all.length, ...countsOf(all), current_file: first.at(-1)?.file.slice(0, 255) ?? null, report: JSON.stringify(all) })
          return first
        },
        { next: to } satisfies ImportCheckpoint,
        { done: to, total },
      )
      report.push(...recorded)
      next = to
      for (const o of recorded) tell({ type: 'file', outcome: o.outcome })
    }

    if (next < refused || total === 0) await record(collected.rejected.slice(next).map(r => ({ file: r.file, outcome: 'rejected' as const, reason: r.reason })), refused)
    // Large uploads are prepared a few at a time, so that their bytes are never all in memory together.
    // A batch is also the unit of progress people see and of work redone after a crash: about a twentieth of
    // the import, 10 to 100 applications (each batch rewrites the report, so not fewer on large imports).
    const byShare = Math.min(100, Math.max(10, Math.ceil(collected.applications.length / 20)))
    const batchSize = Math.max(1, Math.min(ctx.payload.batchSize ?? byShare, Math.floor(BATCH_BYTES / Math.max(1, largest))))
    const prepareChunk = (start: number) =>
      Promise.all(
        collected.applications.slice(start, start + batchSize).map(async a => {
          try {
            return await ingest.prepare(a.label, a.application, a.resolve, a.raw)
          } catch (error) {
            if (error instanceof ImportProblem) return { file: a.label, outcome: 'rejected' as const, reason: error.message }
            throw error
          }
        }),
      )
    // The next batch is read while this one is written.
    let start = next - refused
    let pending = start < collected.applications.length ? prepareChunk(start) : null
    while (pending) {
      const chunk = await pending
      const end = Math.min(collected.applications.length, start + batchSize)
      pending = end < collected.applications.length ? prepareChunk(end) : null
      // A failed read-ahead is seen when its turn comes, not as an unhandled rejection now.
      pending?.catch(() => undefined)
      const outcomes: ImportOutcome[] = []
      const ready: PreparedApplication[] = []
      for (const item of chunk) {
        if ('outcome' in item) outcomes.push(item)
        else ready.push(item)
      }
      outcomes.push(...(await ingest.commitMany(ready, actor)))
      await record(outcomes, refused + end)
      start = end
      await ctx.breathe()
    }

    const counts = countsOf(report)
    await db.transaction(async trx => {
      await jobs.update(trx, importId, { status: 'done', finished_at: new Date().toISOString(), total, processed: report.length, ...counts, current_file: null, report: JSON.stringify(report), error: null })
      await audit.append(trx, { type: 'IMPORT_FINISHED', actor: auditActor(actor), target: `import:${importId}`, requestId: actor.requestId, data: counts })
      await ctx.finish(trx, { files: report.length, ...counts })
    })
    await removeFiles(importId)
    await refreshPlannerStatistics(db).catch(() => undefined)
    tell({ type: 'finished', files: report.length, seconds: (performance.now() - startedAt) / 1000 })
    return undefined
  }

  queue.register<ImportJobPayload>({ kind: IMPORT_JOB_KIND, maxAttempts: 5, run: runImport })
  // A job that used its attempts is dead: its import shows as failed, with the error, and its uploads go.
  queue.onFinished(job => {
    if (job.kind !== IMPORT_JOB_KIND || job.status !== 'dead') return
    const { importId } = JSON.parse(job.payload) as ImportJobPayload
    void markDead(importId, job.last_error).catch(() => undefined)
  })

  async function markDead(importId: string, error: string | null): Promise<void> {
    await db('import_jobs')
      .where({ id: importId })
      .whereIn('status', ['queued', 'running'])
      .update({ status: 'failed', finished_at: new Date().toISOString(), current_file: null, error: `the import stopped: ${(error ?? 'it failed repeatedly').slice(0, 300)}` })
    await removeFiles(importId)
  }

  /** A row whose durable job is dead shows as failed even before markDead reached it (its process died). */
  async function withJobState<T extends Omit<ImportJobRow, 'report'>>(rows: T[]): Promise<T[]> {
    const live = rows.filter(r => (r.status === 'queued' || r.status === 'running') && r.job_id)
    if (!live.length) return rows
    const dead = new Map(((await db('jobs').whereIn('id', live.map(r => r.job_id!)).where({ status: 'dead' }).select('id', 'last_error')) as Array<{ id: string; last_error: string | null }>).map(j => [j.id, j.last_error]))
    return rows.map(r => (r.job_id && dead.has(r.job_id) && (r.status === 'queued' || r.status === 'running') ? { ...r, status: 'failed' as const, current_file: null, error: `the import stopped: ${(dead.get(r.job_id) ?? 'it failed repeatedly').slice(0, 300)}` } : r))
  }

  // Imports started without a running worker in this process (tests, a one-off script) are run here.
  let driving: Promise<void> | undefined
  let kicked = false
  let closing = false
  function drive(): Promise<void> {
    if (queue.alive()) {
      queue.wake()
      return Promise.resolve()
    }
    kicked = true
    driving ??= (async () => {
      try {
        while (kicked && !closing) {
          kicked = false
          while (!closing && (await queue.runUntilIdle(1)) > 0) kicked = true
        }
      } catch {
        // the claim failed (database gone): waitFor looks again
      } finally {
        driving = undefined
      }
    })()
    return driving
  }

  /** Keep the uploads under the import's directory (private), numbered, with their names in a manifest. */
  async function store(importId: string, uploads: ImportUpload[]): Promise<StoredUpload[]> {
    await fs.promises.mkdir(deps.dir, { recursive: true, mode: 0o700 })
    const dir = dirOf(importId)
    await fs.promises.mkdir(dir, { mode: 0o700 })
    const stored: StoredUpload[] = []
    for (const [i, u] of uploads.entries()) {
      const file = String(i).padStart(4, '0')
      const target = path.join(dir, file)
      if ('data' in u) {
        await fs.promises.writeFile(target, u.data, { mode: 0o600, flag: 'wx' })
      } else {
        // The upload directory is under DATA_DIR too: a rename, not a copy, unless it was put elsewhere.
        await fs.promises.rename(u.path, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EXDEV') throw error
          await fs.promises.copyFile(u.path, target)
          await fs.promises.rm(u.path, { force: true })
        })
        await fs.promises.chmod(target, 0o600)
      }
      stored.push({ name: u.name, stored: file, size: 'data' in u ? u.data.length : u.size })
    }
    const manifest: Manifest = { uploads: stored, atsMappings: await deps.atsMappings.all() }
    await fs.promises.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest), { mode: 0o600, flag: 'wx' })
    return stored
  }

  /** Record an import and queue its job, without running it here (a worker process will). */
  async function enqueue(uploads: ImportUpload[], ctx: ActorContext, options: { batchSize?: number } = {}): Promise<string> {
    const removeTemporary = () => Promise.all(uploads.map(u => ('path' in u ? fs.promises.rm(u.path, { force: true }).catch(() => undefined) : undefined)))
    const id = crypto.randomUUID()
    try {
      await store(id, uploads)
      await db.transaction(async trx => {
        const payload: ImportJobPayload = { importId: id, actor: ctx, ...(options.batchSize ? { batchSize: options.batchSize } : {}) }
        const job = await queue.enqueue(IMPORT_JOB_KIND, payload, { trx, createdBy: ctx.userId })
        const row: ImportJobRow = { id, job_id: job.id, status: 'queued', created_by: ctx.userId, created_at: new Date().toISOString(), started_at: null, finished_at: null, total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, current_file: null, report: '[]', error: null }
        await jobs.insert(trx, row)
        await audit.append(trx, { type: 'IMPORT_STARTED', actor: auditActor(ctx), target: `import:${id}`, requestId: ctx.requestId, data: { files: uploads.length, bytes: uploads.reduce((n, u) => n + ('data' in u ? u.data.length : u.size), 0) } })
      })
    } catch (error) {
      await removeTemporary()
      await removeFiles(id)
      throw error
    }
    return id
  }

  return {
    enqueue,

    /** The uploads become the import's (temporary files are moved under DATA_DIR/imports); its job runs in the background. */
    async start(uploads: ImportUpload[], ctx: ActorContext): Promise<string> {
      const id = await enqueue(uploads, ctx)
      void drive()
      return id
    },

    async get(id: string): Promise<ImportJobRow> {
      const job = await jobs.find(db, id)
      if (!job) throw notFound('No such import')
      return (await withJobState([job]))[0]!
    },

    recent: async () => withJobState(await jobs.recent(db)),

    /** A finished job's per-file outcomes, with the cases they name as those cases stand now (band, score, name). */
    async report(job: ImportJobRow): Promise<{ outcomes: ImportOutcome[]; cases: Map<string, ImportedCaseRow> }> {
      const outcomes = JSON.parse(job.report) as ImportOutcome[]
      const rows = await jobs.casesOf(db, outcomes.flatMap(o => (o.outcome === 'rejected' ? [] : [o.caseId])))
      return { outcomes, cases: new Map(rows.map(r => [r.id, r])) }
    },

    /** Wait until an import is done or failed, running the queue here when no worker runs in this process (tests). */
    async waitFor(id: string): Promise<ImportJobRow> {
      for (;;) {
        const job = await this.get(id)
        if (job.status === 'done' || job.status === 'failed') return job
        if (!queue.alive()) await drive()
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    },

    /** Follow every import's file outcomes and finished jobs (metrics); returns the way to stop following. */
    observe(observer: (event: ImportEvent) => void): () => void {
      observers.add(observer)
      return () => observers.delete(observer)
    },

    /**
     * At start-up: imports from before the durable queue (no job) cannot resume and are marked failed;
     * uploads left behind by finished, failed or never-recorded imports are deleted. Imports with a job
     * resume on their own.
     */
    async failInterrupted(): Promise<number> {
      const failed = await jobs.failInterrupted(db, new Date().toISOString())
      const names = await fs.promises.readdir(deps.dir).catch(() => [] as string[])
      for (const name of names) {
        const row = /^[0-9a-f-]{36}$/.test(name) ? await jobs.find(db, name) : undefined
        const stat = await fs.promises.stat(path.join(deps.dir, name)).catch(() => null)
        const old = stat !== null && Date.now() - stat.mtimeMs > ORPHAN_AGE_MS
        if (row ? row.status === 'done' || row.status === 'failed' : old) await removeFiles(name)
      }
      return failed
    },

    /** Stop running imports here (shutdown, tests): the job in hand is given back by the runner's stop. */
    async drain(): Promise<void> {
      closing = true
      await driving
    },
  }
}

export type ImportJobService = ReturnType<typeof createImportJobService>
