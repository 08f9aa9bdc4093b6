import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import { sectionById, sectionObject, type SectionDef } from '../../presenters/recordSections'
import type { Services } from '../../services'
import type { CaseDetail } from '../../services/caseService'
import { MAX_UPLOAD_BYTES } from '../../services/ingestService'
import { ValidationError } from '../../services/userService'
import { isSensitiveKey, maskField } from '../../presenters/maskSensitive'
import { showsInFull } from './sensitiveReveal'

/** The form's values with payout accounts, wallets and ID numbers masked (the record form shows what the case page shows). */
function maskedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v && isSensitiveKey(k) ? maskField(k, v) : v]))
}

/**
 * A masked value sent back unchanged means "keep what was recorded": the recorded value is put back, so
 * someone who sees values masked can change other fields without erasing or garbling the account.
 */
function unmaskUnchanged(body: Record<string, string>, current: Record<string, string>): Record<string, string> {
  const out = { ...body }
  for (const [k, v] of Object.entries(current)) {
    if (v && isSensitiveKey(k) && typeof out[k] === 'string' && out[k].trim() === maskField(k, v)) out[k] = v
  }
  return out
}

const uuid = z.string().uuid()

/** What a replace-mode section's form starts with: the claims recorded now. */
function currentValues(def: SectionDef, detail: CaseDetail): Record<string, string> {
  const s = detail.subject
  if (def.id === 'person') {
    return Object.fromEntries(
      Object.entries({ full_name: s.full_name, email: s.email, phone: s.phone, phone_line_type: s.phone_line_type, line1: s.address_line1, line2: s.address_line2, city: s.city, region: s.region, postal_code: s.postal_code, country: s.country, timezone: s.timezone }).map(([k, v]) => [k, v ?? '']),
    )
  }
  const fact = (field: string) => detail.facts.filter(f => f.field === field).map(f => JSON.parse(f.value) as unknown)
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})
  const str = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' ? '' : String(v ?? '')]))
  if (def.id === 'interview') return { video: String(fact('interview.video')[0] ?? ''), observations: fact('interview.observation').map(String).join('\n'), notes: String(fact('interview.notes')[0] ?? '') }
  if (def.id === 'shipping') return { ...str(obj(fact('logistics.shipping_address')[0])), note: String(fact('logistics.note')[0] ?? '') }
  if (def.id === 'payment') return str(obj(fact('payment')[0]))
  return {}
}

export function recordRoutes(services: Services): Router {
  const router = Router()
  const guard = requirePermission('cases:edit')

  async function render(req: Request, res: Response, status: number, values?: Record<string, string>, errors: Record<string, string> = {}) {
    const id = uuid.safeParse(req.params.id)
    const def = sectionById(String(req.params.section))
    if (!id.success || !def) throw notFound()
    const detail = await services.cases.view(id.data, actorOf(req, res))
    res.status(status).render('pages/cases/record', {
      pageTitle: `${Object.keys(errors).length ? 'Error: ' : ''}${def.title} – ${detail.case.reference}`,
      def,
      caseId: id.data,
      caseName: detail.subject.full_name,
      reference: detail.case.reference,
      values: values ?? (def.mode === 'replace' ? (showsInFull(req, id.data) ? currentValues(def, detail) : maskedValues(currentValues(def, detail))) : { network: 'github' }),
      errors,
    })
  }

  router.get('/cases/:id/record/:section', guard, (req, res) => render(req, res, 200))
  return router
}

/** The form posts are multipart (a profile may carry a photo), so they sit with the other upload routes. */
export function recordUploadRoutes(services: Services): Router {
  const router = Router()
  router.post('/cases/:id/record/:section', requirePermission('cases:edit'), ...acceptUpload({ field: 'photo', maxFiles: 1, maxFileBytes: MAX_UPLOAD_BYTES, dir: services.uploadDir }), async (req, res, next) => {
    const id = uuid.safeParse(req.params.id)
    const def = sectionById(String(req.params.section))
    if (!id.success || !def) throw notFound()
    const sent = (req.body ?? {}) as Record<string, string>
    let body = sent
    try {
      if (def.mode === 'replace' && !showsInFull(req, id.data)) body = unmaskUnchanged(body, currentValues(def, await services.cases.view(id.data, actorOf(req, res))))
      await services.records.record(id.data, def, sectionObject(def, body), actorOf(req, res), req.file && req.file.size > 0 ? { name: req.file.originalname, data: req.file.buffer } : undefined)
      req.session.flash = { kind: 'success', message: `${def.title} recorded.` }
      res.redirect(303, `/cases/${id.data}?tab=evidence`) // the facts it changed are on the Evidence tab
    } catch (error) {
      if (!(error instanceof ValidationError) && !(error instanceof Error && error.name === 'ImportProblem')) return next(error)
      const errors = error instanceof ValidationError ? error.fieldErrors : { photo: error.message }
      const detail = await services.cases.view(id.data, actorOf(req, res))
      res.status(400).render('pages/cases/record', {
        pageTitle: `Error: ${def.title} – ${detail.case.reference}`,
        def,
        caseId: id.data,
        caseName: detail.subject.full_name,
        reference: detail.case.reference,
        // what was sent, as sent: a masked value stays masked
        values: sent,
        errors,
      })
    }
  })
  return router
}

