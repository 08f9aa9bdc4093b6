import crypto from 'node:crypto'
import fs from 'node:fs'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { ImportedCaseRow, ImportJobRepository, ImportJobRow } from '../db/repositories/importJobRepository'
import { notFound } from '../errors'
import { safeErrorMessage } from '../logger'
import { createLimiter } from '../limiter'
import { collectApplications, filesFromZip, type InputFile } from '../ingest/collectApplications'
import { ZipProblem } from '../extract/zipDirectory'
import { sniffFileType } from '../extract/sniffFileType'
import { auditActor, type ActorContext } from './context'
import type { AtsMappingService } from './atsMappingService'
import type { ImportOutcome, IngestService } from './ingestService'

/** An uploaded file: its bytes, or a temporary file that the job reads and then deletes. */
export type ImportUpload = { name: string; data: Buffer } | { name: string; path: string; size: number }

/** Import jobs that run at once in one process; the others wait, queued, in the order they came. */
export const MAX_RUNNING_IMPORTS = 1
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

/**
 * Bulk imports in the background: the request that uploads the files returns at once with a job id;
 * the job records its progress (counts, current file) as it goes and its per-file report at the end.
 * Jobs run one at a time per process (others are "queued"); a job reads its uploads one by one from
 * disk, tells what each is from its first 64 KiB (a file that is no document is refused unread), keeps
 * at most 1 GiB of unpacked archives, and prepares documents in batches of about 256 MiB.
 */
export function createImportJobService(deps: { db: Knex; jobs: ImportJobRepository; ingest: IngestService; audit: AuditRepository; atsMappings: AtsMappingService }) {
  const { db, jobs, ingest, audit } = deps
  const running = new Map<string, Promise<void>>()
  const pool = createLimiter(MAX_RUNNING_IMPORTS)
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

  async function run(jobId: string, uploads: ImportUpload[], ctx: ActorContext): Promise<void> {
    await jobs.update(db, jobId, { status: 'running', started_at: new Date().toISOString() })
    const startedAt = performance.now()
    const files: InputFile[] = []
    const rejected: Array<{ file: string; reason: string }> = []
    let unpacked = 0
    let largest = 0
    for (const u of uploads) {
      const known = 'data' in u ? { size: u.data.length, head: u.data, tail: Buffer.alloc(0) } : await probe(u.path)
      const headKind = sniffFileType(known.head).kind
      const isZip = headKind === 'zip' && !known.tail.includes('word/document.xml')
      if (!isZip) {
        files.push('data' in u ? { path: u.name, data: u.data } : uploadOnDisk(u.name, u.path, known.head))
        largest = Math.max(largest, known.size)
        continue
      }
      if (unpacked + known.size > MAX_JOB_UNPACKED_BYTES) {
        rejected.push({ file: u.name, reason: `the import already holds ${Math.round(unpacked / 1024 ** 2)} MiB unpacked from other archives, and one import keeps at most ${MAX_JOB_UNPACKED_BYTES / 1024 ** 3} GiB; import this archive on its own` })
        continue
      }
      try {
        // The archive is read, unpacked and let go before the next upload is opened.
        const entries = await filesFromZip('data' in u ? u.data : await fs.promises.readFile(u.path), u.name.replace(/\.zip$/i, ''))
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
    const collected = collectApplications(files, { atsMappings: await deps.atsMappings.all() })
    collected.rejected.unshift(...rejected)
    const total = collected.applications.length + collected.rejected.length
    await jobs.update(db, jobId, { total })
    const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
    let lastWrite = 0
    let pending: Promise<void> = Promise.resolve()
    // Large uploads are prepared a few at a time, so that their bytes are never all in memory together.
    const batchSize = Math.max(1, Math.min(100, Math.floor(BATCH_BYTES / Math.max(1, largest))))
    const outcomes = await ingest.importBatch(
      collected,
      ctx,
      (o: ImportOutcome, done: number) => {
        counts[o.outcome]++
        tell({ type: 'file', outcome: o.outcome })
        const now = Date.now()
        // Progress is written a few times a second, not once per file: a 10,000-file import must not spend its time on it.
        if (now - lastWrite > 300 || done === total) {
          lastWrite = now
          const snapshot = { processed: done, ...counts, current_file: o.file.slice(0, 255) }
          pending = pending.then(() => jobs.update(db, jobId, snapshot))
        }
      },
      batchSize,
    )
    await pending
    await jobs.update(db, jobId, {
      status: 'done',
      finished_at: new Date().toISOString(),
      processed: outcomes.length,
      ...counts,
      current_file: null,
      report: JSON.stringify(outcomes),
    })
    tell({ type: 'finished', files: outcomes.length, seconds: (performance.now() - startedAt) / 1000 })
  }

  return {
    /** Temporary files among the uploads become the job's: it deletes them when it ends, however it ends. */
    async start(uploads: ImportUpload[], ctx: ActorContext): Promise<string> {
      const removeTemporary = () => Promise.all(uploads.map(u => ('path' in u ? fs.promises.rm(u.path, { force: true }).catch(() => undefined) : undefined)))
      const id = crypto.randomUUID()
      const row: ImportJobRow = { id, status: 'queued', created_by: ctx.userId, created_at: new Date().toISOString(), started_at: null, finished_at: null, total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, current_file: null, report: '[]', error: null }
      await db
        .transaction(async trx => {
          await jobs.insert(trx, row)
          await audit.append(trx, { type: 'IMPORT_STARTED', actor: auditActor(ctx), target: `import:${id}`, requestId: ctx.requestId, data: { files: uploads.length, bytes: uploads.reduce((n, u) => n + ('data' in u ? u.data.length : u.size), 0) } })
        })
        .catch(async (error: unknown) => {
          await removeTemporary()
          throw error
        })
      // Queued until a slot is free; the slot is given back however the job ends.
      const job = pool
        .run(() => run(id, uploads, ctx))
        .catch(async error => {
          await jobs.update(db, id, { status: 'failed', finished_at: new Date().toISOString(), error: `the import stopped: ${safeErrorMessage(error).slice(0, 300)}` })
        })
        .finally(removeTemporary)
      running.set(id, job.finally(() => running.delete(id)))
      return id
    },

    async get(id: string): Promise<ImportJobRow> {
      const job = await jobs.find(db, id)
      if (!job) throw notFound('No such import')
      return job
    },

    recent: () => jobs.recent(db),

    /** A finished job's per-file outcomes, with the cases they name as those cases stand now (band, score, name). */
    async report(job: ImportJobRow): Promise<{ outcomes: ImportOutcome[]; cases: Map<string, ImportedCaseRow> }> {
      const outcomes = JSON.parse(job.report) as ImportOutcome[]
      const rows = await jobs.casesOf(db, outcomes.flatMap(o => (o.outcome === 'rejected' ? [] : [o.caseId])))
      return { outcomes, cases: new Map(rows.map(r => [r.id, r])) }
    },

    /** Wait for a job started by this process (tests, CLI). */
    async waitFor(id: string): Promise<ImportJobRow> {
      await running.get(id)
      return this.get(id)
    },

    /** Follow every import's file outcomes and finished jobs (metrics); returns the way to stop following. */
    observe(observer: (event: ImportEvent) => void): () => void {
      observers.add(observer)
      return () => observers.delete(observer)
    },

    failInterrupted: () => jobs.failInterrupted(db, new Date().toISOString()),

    /** Wait for every job this process is running (shutdown, tests). */
    async drain(): Promise<void> {
      await Promise.allSettled([...running.values()])
    },
  }
}

export type ImportJobService = ReturnType<typeof createImportJobService>
