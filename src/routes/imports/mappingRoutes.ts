import { Router } from 'express'
import { z } from 'zod'
import { decodeText, sniffFileType } from '../../extract/sniffFileType'
import { ATS_FIELDS, autoMapColumns, type AtsMapping } from '../../ingest/atsCsv'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { acceptUpload } from '../../middleware/uploads'
import type { Services } from '../../services'

const FIELD_LABELS: Record<(typeof ATS_FIELDS)[number], string> = {
  first_name: 'First name', last_name: 'Last name', full_name: 'Full name', email: 'Email', phone: 'Phone', location: 'Location (town or city)', country: 'Country',
  linkedin: 'LinkedIn URL', github: 'GitHub URL', website: 'Website', source: 'Source', job: 'Job applied for', applied_on: 'Applied on', resume_file: 'Resume file name', external_id: 'Id in the ATS',
  payee_name: 'Payee (account holder)', iban: 'IBAN', account_number: 'Bank account number', bank: 'Bank', bank_code: 'SWIFT/BIC, routing number or sort code', payout_email: 'Payout account email (PayPal, Payoneer, Wise)', wallet: 'Crypto wallet address', agency: 'Agency, vendor or employer of record',
}
const fieldOptions = [{ value: '', label: 'Keep as extra information' }, ...ATS_FIELDS.map(f => ({ value: f, label: FIELD_LABELS[f] }))]
const sourceSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/, 'Use letters, digits, dots, dashes or underscores, as in the export’s file name')

function firstLine(data: Buffer): string[] {
  const sniffed = sniffFileType(data)
  if (sniffed.kind !== 'text') return []
  const line = decodeText(data.subarray(0, 64 * 1024), sniffed.encoding).split(/\r?\n/, 1)[0] ?? ''
  // A header row rarely quotes commas; split simply and trim quotes.
  return line.split(',').map(h => h.trim().replace(/^"|"$/g, '')).filter(Boolean).slice(0, 200)
}

function render(services: Services) {
  return async (res: import('express').Response, extra: Record<string, unknown> = {}, status = 200) =>
    res.status(status).render('pages/imports/mappings', { pageTitle: 'ATS column mappings', mappings: (await services.atsMappings.list()).map(m => ({ source: m.source, pairs: Object.entries(m.mapping).map(([f, c]) => `${c} → ${FIELD_LABELS[f as keyof typeof FIELD_LABELS] ?? f}`).join('; ') })), preview: null, errors: {}, ...extra })
}

/** Preview takes an uploaded sample export, so it is an upload route. */
export function mappingUploadRoutes(services: Services): Router {
  const router = Router()
  router.post('/imports/mappings/preview', requirePermission('cases:import'), ...acceptUpload({ field: 'sample', maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, dir: services.uploadDir }), async (req, res) => {
    const header = req.file ? firstLine(req.file.buffer) : []
    if (!header.length) return render(services)(res, { errors: { sample: 'Choose a CSV export with a header row' } }, 400)
    const source = (req.file!.originalname.replace(/\.(csv|tsv)$/i, '').toLowerCase().replace(/[^a-z0-9_.-]+/g, '-') || 'ats').slice(0, 60)
    const saved = (await services.atsMappings.all())[source] ?? {}
    const auto = autoMapColumns(header).mapping
    const chosen: AtsMapping = { ...auto, ...saved }
    const byColumn = new Map(Object.entries(chosen).map(([f, c]) => [c, f]))
    render(services)(res, { preview: { source, columns: header.map((name, i) => ({ index: i, name, field: byColumn.get(name) ?? '' })), options: fieldOptions } })
  })
  return router
}

export function mappingRoutes(services: Services): Router {
  const router = Router()
  const guard = requirePermission('cases:import')
  router.get('/imports/mappings', guard, (_req, res) => render(services)(res))
  router.post('/imports/mappings', guard, async (req, res) => {
    const body = req.body as Record<string, string>
    const source = sourceSchema.safeParse(body.source ?? '')
    const mapping: AtsMapping = {}
    const problems: Record<string, string> = {}
    for (let i = 0; i < 200 && body[`column_${i}`] !== undefined; i++) {
      const field = body[`field_${i}`]
      if (!field) continue
      if (!(ATS_FIELDS as readonly string[]).includes(field)) continue
      if (mapping[field as keyof AtsMapping]) problems[`field_${i}`] = `${FIELD_LABELS[field as keyof typeof FIELD_LABELS]} is chosen for two columns`
      mapping[field as keyof AtsMapping] = String(body[`column_${i}`]).slice(0, 200)
    }
    if (!source.success) problems.source = source.error.issues[0]!.message
    if (!mapping.email && !mapping.full_name && !mapping.first_name) problems._form = 'Choose the column that holds the name or the email address'
    if (Object.keys(problems).length) {
      const columns = Array.from({ length: 200 }, (_, i) => body[`column_${i}`]).filter((c): c is string => c !== undefined).map((name, i) => ({ index: i, name, field: body[`field_${i}`] ?? '' }))
      return render(services)(res, { preview: { source: body.source ?? '', columns, options: fieldOptions }, errors: problems }, 400)
    }
    await services.atsMappings.save(source.data!, mapping, actorOf(req, res))
    req.session.flash = { kind: 'success', message: `Mapping for "${source.data}" saved. Exports named ${source.data}.csv will use it.` }
    res.redirect(303, '/imports')
  })
  return router
}
