import type { DocumentRow, FactRow } from '../db/repositories/evidenceRepository'
import { formatDateTime } from './format'
import { maskEvidenceValue } from './maskSensitive'

/** Human labels for fact fields, in the order a reviewer reads them. */
const FIELD_LABELS: Array<[string, string]> = [
  ['person.full_name', 'Name (application)'],
  ['resume.name', 'Name (resume)'],
  ['person.email', 'Email (application)'],
  ['resume.email', 'Email (resume)'],
  ['person.phone', 'Phone (application)'],
  ['person.phone_line_type', 'Phone line type (carrier lookup)'],
  ['resume.phone', 'Phone (resume)'],
  ['person.address', 'Home address (claimed)'],
  ['person.timezone', 'Working time zone (claimed)'],
  ['resume.url', 'Web address (resume)'],
  ['profile', 'Online profile'],
  ['resume.employer', 'Employer (resume)'],
  ['resume.education', 'Education (resume)'],
  ['resume.skill', 'Skill (resume)'],
  ['reference', 'Reference'],
  ['submission', 'Submitted from'],
  ['interview.video', 'Interview video'],
  ['interview.observation', 'Interview observation'],
  ['interview.notes', 'Interview notes'],
  ['logistics.shipping_address', 'Ship equipment to'],
  ['logistics.note', 'Shipping note'],
  ['payment', 'Payment'],
]
const ORDER = new Map(FIELD_LABELS.map(([f], i) => [f, i]))
const LABEL = new Map(FIELD_LABELS)

type Obj = Record<string, unknown>
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v))

/** A fact's value in words; `masked`: its sensitive identifiers masked (see maskSensitive). */
export function formatFactValue(field: string, raw: string, masked = false): string {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return masked ? String(maskEvidenceValue(field, raw)) : raw
  }
  if (masked) v = maskEvidenceValue(field, v)
  if (typeof v !== 'object' || v === null) return s(v)
  const o = v as Obj
  if (field.endsWith('phone')) return [o.e164 ?? o.raw, o.type ? `(${String(o.type).toLowerCase().replace(/_/g, ' ')})` : ''].filter(Boolean).join(' ')
  if (field.endsWith('address')) return [o.line1, o.line2, o.city, o.region, o.postal_code, o.country].filter(Boolean).map(s).join(', ')
  if (field === 'resume.employer') return `${[o.title, o.company].filter(Boolean).map(s).join(', ')}${o.start || o.end ? ` (${s(o.start) || '?'} – ${o.current || !o.end ? 'present' : s(o.end)})` : ''}`
  if (field === 'resume.education') return `${[o.degree, o.institution].filter(Boolean).map(s).join(', ')}${o.end ? ` (${s(o.end)})` : ''}`
  return Object.entries(o)
    .filter(([, x]) => x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${k.replace(/_/g, ' ')}: ${typeof x === 'object' ? JSON.stringify(x) : s(x)}`)
    .join(' · ')
}

const KIND_LABELS: Record<string, string> = { resume: 'Resume', photo: 'Photo', access_log: 'Sign-in log', application: 'Application file', ats_export: 'ATS export', other: 'Other document' }

/** `options.masked`: payout accounts, wallets and ID numbers masked, for roles that do not need them in full. */
export function presentEvidence(documents: Array<Omit<DocumentRow, 'extracted_text'>>, facts: FactRow[], caseId: string, options: { masked?: boolean } = {}) {
  const docName = new Map(documents.map(d => [d.id, d.original_name]))
  const sourceLabel = (f: FactRow) =>
    f.document_id ? `${docName.get(f.document_id) ?? 'a document'}, ${f.locator ?? ''}` : f.source === 'application' ? `application: ${f.locator}` : `${f.source}${f.locator ? `: ${f.locator}` : ''}`
  return {
    documents: documents.map(d => {
      const meta = JSON.parse(d.metadata) as Obj
      const details = [meta.pages ? `${String(meta.pages)} page${meta.pages === 1 ? '' : 's'}` : '', meta.rows ? `${String(meta.rows)} sign-ins` : '', meta.author ? `author ${s(meta.author)}` : '', meta.creatorTool ? `made with ${s(meta.creatorTool)}` : '', meta.created ? `created ${formatDateTime(s(meta.created))}` : '']
        .filter(Boolean)
        .join(' · ')
      return {
        id: d.id,
        href: `/cases/${caseId}/documents/${d.id}`,
        name: d.original_name,
        kind: KIND_LABELS[d.kind] ?? d.kind,
        size: d.size_bytes < 1024 ? `${d.size_bytes} B` : d.size_bytes < 1024 ** 2 ? `${(d.size_bytes / 1024).toFixed(0)} KB` : `${(d.size_bytes / 1024 ** 2).toFixed(1)} MB`,
        sha: d.sha256.slice(0, 12),
        details,
        warnings: JSON.parse(d.warnings) as string[],
        uploaded: formatDateTime(d.uploaded_at),
      }
    }),
    facts: [...facts]
      .sort((a, b) => (ORDER.get(a.field) ?? 999) - (ORDER.get(b.field) ?? 999) || a.id - b.id)
      .map(f => ({ label: LABEL.get(f.field) ?? f.field, value: formatFactValue(f.field, f.value, options.masked), where: sourceLabel(f), recorded: formatDateTime(f.recorded_at) })),
  }
}
