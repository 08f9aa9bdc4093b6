import type { CaseListItem } from '../db/repositories/caseRepository'
import type { CaseDetail } from '../services/caseService'
import { availableActions } from '../signoff/caseStatus'
import { bandLabel, countryLabel, formatDate, formatDateTime, statusLabel } from './format'

export interface SummaryRow {
  key: string
  value: string
  hint?: string
}

export function presentCaseListItem(item: CaseListItem) {
  return {
    id: item.id,
    reference: item.reference,
    revision: item.revision,
    name: item.full_name,
    email: item.email ?? '',
    kind: item.kind === 'candidate' ? 'Candidate' : 'Contractor',
    role: item.role_title ?? '',
    externalId: item.external_id ?? '',
    status: item.status,
    statusLabel: statusLabel(item.status),
    band: item.risk_band ?? 'unscored',
    bandLabel: bandLabel(item.risk_band),
    score: item.risk_score === null ? '' : String(item.risk_score),
    updated: formatDateTime(item.updated_at),
  }
}

export function presentCaseDetail(detail: CaseDetail) {
  const { case: c, subject: s } = detail
  const address = [s.address_line1, s.address_line2, s.city, s.region, s.postal_code, countryLabel(s.country)].filter(Boolean).join(', ')
  const person: SummaryRow[] = [
    { key: 'Full name', value: s.full_name },
    { key: 'Email', value: s.email ?? '' },
    { key: 'Phone', value: [s.phone, s.phone_line_type ? `(${s.phone_line_type})` : ''].filter(Boolean).join(' ') },
    { key: 'Home address', value: address },
    { key: 'Working time zone', value: s.timezone ?? '' },
    { key: 'Citizenship', value: countryLabel(s.citizenship), hint: 'Recorded for HR only; never used by any check or score.' },
  ]
  const application: SummaryRow[] = [
    { key: 'Kind', value: c.kind === 'candidate' ? 'Candidate' : 'Contractor' },
    { key: 'Role', value: c.role_title ?? '' },
    { key: 'Source', value: c.source ?? '' },
    { key: 'External id', value: c.external_id ?? '' },
    { key: 'Submitted', value: formatDate(c.submitted_at) },
    { key: 'Case opened', value: formatDateTime(c.created_at) },
  ]
  return {
    id: c.id,
    reference: c.reference,
    revision: c.revision,
    isCurrent: Boolean(c.is_current),
    name: s.full_name,
    status: c.status,
    statusLabel: statusLabel(c.status),
    band: c.risk_band ?? 'unscored',
    bandLabel: bandLabel(c.risk_band),
    score: c.risk_score,
    actions: c.is_current ? availableActions(c.status) : [],
    person,
    application,
    revisions: detail.revisions.map(r => ({
      id: r.id,
      revision: r.revision,
      statusLabel: statusLabel(r.status),
      created: formatDateTime(r.created_at),
      isThis: r.id === c.id,
    })),
  }
}
