import { countryName } from '../domain/places'
import { CASE_STATUS_LABELS, type CaseStatus, type RiskBand } from '../signoff/caseStatus'

/** Dates are shown in UTC with the zone written out: reviewers in different offices must read the same thing. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : ''
}

export const statusLabel = (s: CaseStatus) => CASE_STATUS_LABELS[s]

export const BAND_LABELS: Record<RiskBand, string> = { low: 'Low', elevated: 'Elevated', high: 'High', critical: 'Critical' }
export const bandLabel = (b: RiskBand | null) => (b ? BAND_LABELS[b] : 'Not scored')

export function countryLabel(code: string | null | undefined): string {
  if (!code) return ''
  const name = countryName(code)
  return name ? `${name} (${code})` : code
}
