import crypto from 'node:crypto'
import fs from 'node:fs'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { ImportJobRepository, ImportJobRow } from '../db/repositories/importJobRepository'
import { notFound } from '../errors'
import { safeErrorMessage } from '../logger'
import { collectApplications, filesFromZip, type InputFile } from '../ingest/collectApplications'
import { ZipProblem } from '../extract/zipDirectory'
import { sniffFileType } from '../extract/sniffFileType'
import { auditActor, type ActorContext } from './context'
import type { AtsMappingService } from './atsMappingService'
import type { ImportOutcome, IngestService } from './ingestService'

/** An uploaded file: its bytes, or a temporary file that the job reads and then deletes. */
export type ImportUpload = { name: string; data: Buffer } | { name: string; path: string; size: number }

/**
 * Bulk imports in the background: the request that uploads the files returns at once with a job id;
 * the job records its progress (counts, current file) as it goes and its per-file report at the end.
 */
export function createImportJobService(deps: { db: Knex; jobs: ImportJobRepository; ingest: IngestService; audit: AuditRepository; atsMappings: AtsMappingService }) {
  const { db, jobs, ingest, audit } = deps
  const running = new Map<string, Promise<void>>()

  async function run(jobId: string, uploads: ImportUpload[], ctx: ActorContext): Promise<void> {
    const files: InputFile[] = []
    const rejected: Array<{ file: string; reason: string }> = []
    for (const u of uploads) {
      const data = 'data' in u ? u.data : await fs.promises.readFile(u.path)
      if (sniffFileType(data).kind === 'zip') {
        try {
          files.push(...(await filesFromZip(data, u.name.replace(/\.zip$/i, ''))))
        } catch (error) {
          rejected.push({ file: u.name, reason: error instanceof ZipProblem ? error.message : 'the archive cannot be read: it is damaged' })
        }
      } else files.push({ path: u.name, data })
    }
    const collected = collectApplications(files, { atsMappings: await deps.atsMappings.all() })
    collected.rejected.unshift(...rejected)
    const total = collected.applications.length + collected.rejected.length
    await jobs.update(db, jobId, { status: 'running', started_at: new Date().toISOString(), total })
    const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
    let lastWrite = 0
    let pending: Promise<void> = Promise.resolve()
    const outcomes = await ingest.importBatch(collected, ctx, (o: ImportOutcome, done: number) => {
      counts[o.outcome]++
      const now = Date.now()
      // Progress is written a few times a second, not once per file: a 10,000-file import must not spend its time on it.
      if (now - lastWrite > 300 || done === total) {
        lastWrite = now
        const snapshot = { processed: done, ...counts, current_file: o.file.slice(0, 255) }
        pending = pending.then(() => jobs.update(db, jobId, snapshot))
      }
    })
    await pending
    await jobs.update(db, jobId, {
      status: 'done',
      finished_at: new Date().toISOString(),
      processed: outcomes.length,
      ...counts,
      current_file: null,
      report: JSON.stringify(outcomes),
    })
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
      const job = run(id, uploads, ctx)
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

    /** Wait for a job started by this process (tests, CLI). */
    async waitFor(id: string): Promise<ImportJobRow> {
      await running.get(id)
      return this.get(id)
    },

    failInterrupted: () => jobs.failInterrupted(db, new Date().toISOString()),

    /** Wait for every job this process is running (shutdown, tests). */
    async drain(): Promise<void> {
      await Promise.allSettled([...running.values()])
    },
  }
}

export type ImportJobService = ReturnType<typeof createImportJobService>
