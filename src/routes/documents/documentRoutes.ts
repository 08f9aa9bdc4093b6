import { Router } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import { caseTabHref } from '../../presenters/presentCase'
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
      return res.redirect(303, caseTabHref(id.data, 'evidence'))
    }
    try {
      const result = await services.ingest.addDocument(id.data, file.originalname, kind, file.buffer, actorOf(req, res))
      const read = result.held
        ? `Sign-in log added but not scored: its accounts (${result.held.slice(0, 3).join(', ')}${result.held.length > 3 ? '…' : ''}) are none of this person's known emails or usernames. Confirm under Evidence whether it is theirs.`
        : kind === 'access_log' ? 'Sign-in log added.' : kind === 'photo' ? 'Photo added.' : `${result.facts} ${result.facts === 1 ? 'detail was' : 'details were'} read from it.`
      req.session.flash = { kind: 'success', message: `${file.originalname} uploaded. ${read}${result.warnings.length ? ` Note: ${result.warnings.join('; ')}.` : ''}` }
    } catch (error) {
      if (!(error instanceof ImportProblem)) throw error
      await services.ingest.recordRejectedUpload(id.data, kind, file.buffer, error.message, actorOf(req, res))
      req.session.flash = { kind: 'error', message: `Not uploaded: ${error.message}` }
    }
    res.redirect(303, caseTabHref(id.data, 'evidence'))
  })
  return router
}

const confirmSchema = z.object({ accounts: z.union([z.string(), z.array(z.string())]).optional().transform(a => (a === undefined ? [] : Array.isArray(a) ? a : [a])) })

export function documentRoutes(services: Services): Router {
  const router = Router()
  const ids = (req: { params: Record<string, unknown> }) => {
    const id = uuid.safeParse(req.params.id)
    const documentId = uuid.safeParse(req.params.documentId)
    if (!id.success || !documentId.success) throw notFound('No such document')
    return { caseId: id.data, documentId: documentId.data }
  }
  // Evidence belongs to the subject: a held sign-in log is confirmed as this person's (scored) or discarded.
  router.post('/cases/:id/documents/:documentId/confirm', requirePermission('cases:edit'), async (req, res) => {
    const { caseId, documentId } = ids(req)
    const { accounts } = confirmSchema.parse(req.body ?? {})
    await services.signInLogs.confirm(caseId, documentId, accounts, actorOf(req, res))
    req.session.flash = { kind: 'success', message: 'Sign-in log confirmed as this person’s; the checks now read it.' }
    res.redirect(303, caseTabHref(caseId, 'evidence'))
  })
  router.post('/cases/:id/documents/:documentId/discard', requirePermission('cases:edit'), async (req, res) => {
    const { caseId, documentId } = ids(req)
    await services.signInLogs.discard(caseId, documentId, actorOf(req, res))
    req.session.flash = { kind: 'success', message: 'Sign-in log discarded: it stays on file but is never scored.' }
    res.redirect(303, caseTabHref(caseId, 'evidence'))
  })
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
