import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload, keepUploads } from '../../middleware/uploads'
import { formatDateTime } from '../../presenters/format'
import type { Services } from '../../services'
import type { ImportJobRow } from '../../db/repositories/importJobRepository'
import { presentImportReport } from '../../presenters/presentImportReport'

const uuid = z.string().uuid()
export const MAX_IMPORT_FILES = 500
export const MAX_IMPORT_FILE_BYTES = 500 * 1024 * 1024
/** All the files of one import request together; the job that reads them holds one at a time. */
export const MAX_IMPORT_REQUEST_BYTES = 2 * 1024 ** 3
/** An import is refused while its disk would keep less than this free beside the files. */
export const MIN_FREE_DISK_BYTES = 512 * 1024 ** 2

function presentJob(job: Omit<ImportJobRow, 'report'>) {
  return {
    id: job.id,
    href: `/imports/${job.id}`,
    status: job.status,
    statusLabel: { queued: 'Queued: waiting for the import before it to finish', running: 'Running', done: 'Finished', failed: 'Stopped' }[job.status],
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    currentFile: job.current_file,
    error: job.error,
    started: formatDateTime(job.started_at ?? job.created_at),
    finished: formatDateTime(job.finished_at),
    percent: job.total ? Math.floor((job.processed / job.total) * 100) : 0,
  }
}

/** The upload itself: multipart, so it is mounted before the app-wide CSRF check and checks the token after parsing. */
export function importUploadRoutes(services: Services): Router {
  const router = Router()
  router.post('/imports', requirePermission('cases:import'), ...acceptUpload({ field: 'files', maxFiles: MAX_IMPORT_FILES, maxFileBytes: MAX_IMPORT_FILE_BYTES, maxTotalBytes: MAX_IMPORT_REQUEST_BYTES, minFreeDiskBytes: MIN_FREE_DISK_BYTES, dir: services.uploadDir }), async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? []
    if (!files.length) {
      req.session.flash = { kind: 'error', message: 'Choose the files or the ZIP archive to import.' }
      return res.redirect(303, '/imports')
    }
    // The files stay on disk and become the import's: moved under DATA_DIR/imports/<id>, where they survive
    // a restart, read one by one by its durable job and deleted when it ends. A worker runs one job at a
    // time; this one waits, queued, behind any other.
    keepUploads(req)
    const id = await services.imports.start(
      files.map(f => ({ name: f.originalname.replace(/[\\/]/g, '_').slice(0, 200) || 'upload', path: f.path, size: f.size })),
      actorOf(req, res),
    )
    res.redirect(303, `/imports/${id}`)
  })
  return router
}

export function importRoutes(services: Services): Router {
  const router = Router()
  const guard = requirePermission('cases:import')

  router.get('/imports', guard, async (req, res) => {
    const flash = req.session.flash
    delete req.session.flash
    res.render('pages/imports/index', { pageTitle: 'Import', jobs: (await services.imports.recent()).map(presentJob), flash, maxFiles: MAX_IMPORT_FILES })
  })

  router.get('/imports/:id', guard, async (req, res) => {
    const id = uuid.safeParse(req.params.id)
    if (!id.success) throw notFound('No such import')
    const job = await services.imports.get(id.data)
    const filter = req.query.show === 'rejected' ? 'rejected' : req.query.show === 'flagged' ? 'flagged' : 'all'
    const { outcomes, cases } = job.status === 'done' ? await services.imports.report(job) : { outcomes: [], cases: new Map() }
    res.render('pages/imports/show', { pageTitle: 'Import progress', job: presentJob(job), report: presentImportReport(outcomes, cases, filter), filter })
  })

  router.get('/imports/:id/status', guard, async (req, res) => {
    const id = uuid.safeParse(req.params.id)
    if (!id.success) throw notFound('No such import')
    const { id: _id, href: _href, ...status } = presentJob(await services.imports.get(id.data))
    res.json(status)
  })
  return router
}
