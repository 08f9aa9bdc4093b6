import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import type { Services } from '../../services'
import { ImportProblem, MAX_UPLOAD_BYTES } from '../../services/ingestService'

const uuid = z.string().uuid()
const uploadSchema = z.object({ kind: z.enum(['resume', 'photo', 'access_log', 'other']).catch('resume') })

/** Upload routes parse multipart bodies themselves, so they are mounted before the app-wide CSRF check. */
export function documentUploadRoutes(services: Services): Router {
  const router = Router()
  router.post('/cases/:id/documents', requirePermission('cases:edit'), ...acceptUpload({ field: 'file', maxFiles: 1, maxFileBytes: MAX_UPLOAD_BYTES, dir: services.uploadDir }), async (req, res) => {
    const id = uuid.safeParse(req.params.id)
    if (!id.success) throw notFound('No such case')
    const { kind } = uploadSchema.parse(req.body ?? {})
    const file = req.file
    if (!file) {
      req.session.flash = { kind: 'error', message: 'Choose a file to upload.' }
      return res.redirect(303, `/cases/${id.data}#evidence`)
    }
    try {
      const result = await services.ingest.addDocument(id.data, file.originalname, kind, file.buffer, actorOf(req, res))
      const read = kind === 'access_log' ? 'Sign-in log added.' : kind === 'photo' ? 'Photo added.' : `${result.facts} ${result.facts === 1 ? 'detail was' : 'details were'} read from it.`
      req.session.flash = { kind: 'success', message: `${file.originalname} uploaded. ${read}${result.warnings.length ? ` Note: ${result.warnings.join('; ')}.` : ''}` }
    } catch (error) {
      if (!(error instanceof ImportProblem)) throw error
      await services.ingest.recordRejectedUpload(id.data, kind, file.buffer, error.message, actorOf(req, res))
      req.session.flash = { kind: 'error', message: `Not uploaded: ${error.message}` }
    }
    res.redirect(303, `/cases/${id.data}#evidence`)
  })
  return router
}

export function documentRoutes(services: Services): Router {
  const router = Router()
  router.get('/cases/:id/documents/:documentId', requirePermission('cases:read'), async (req, res) => {
    const id = uuid.safeParse(req.params.id)
    const documentId = uuid.safeParse(req.params.documentId)
    if (!id.success || !documentId.success) throw notFound('No such document')
    const data = await services.ingest.openDocument(id.data, documentId.data, actorOf(req, res))
    // Always a download with a safe type: an uploaded file must never render as a page of ours.
    res.setHeader('Content-Type', data.mediaType.startsWith('text/') ? 'text/plain; charset=utf-8' : data.mediaType)
    res.setHeader('Content-Disposition', `attachment; filename="${data.name.replace(/[^\w.-]+/g, '_').slice(0, 100)}"`)
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
    res.send(data.bytes)
  })
  return router
}
