import type { ImportedCaseRow } from '../db/repositories/importJobRepository'
import { displayLabel } from '../ingest/collectApplications'
import type { ImportOutcome } from '../ingest/prepareApplication'
import { RISK_BANDS, type RiskBand } from '../signoff/caseStatus'
import { BAND_LABELS } from './format'

export type ImportReportFilter = 'all' | 'flagged' | 'rejected'
type BandKey = RiskBand | 'unscored'

/** Worst first: the rows a reviewer should open come at the top of the report. */
const ORDER: BandKey[] = [...[...RISK_BANDS].reverse(), 'unscored']
/** Bands that ask for a look; low is not flagged. */
const FLAGGED = new Set<BandKey>(['critical', 'high', 'elevated'])

export interface ImportReportRow {
  file: string
  outcome: ImportOutcome['outcome']
  href: string | null
  reference: string | null
  name: string | null
  band: BandKey | null
  bandLabel: string | null
  score: number | null
  flagged: boolean
  reason: string | null
}

const bandOf = (b: string | null): BandKey => ((RISK_BANDS as readonly string[]).includes(b ?? '') ? (b as RiskBand) : 'unscored')

/**
 * The import report: one row per file, with the case's name, band and score as the case stands now;
 * flagged cases first (critical, high, elevated), then low, then not scored, then rejected files; and
 * the number of cases in each band (a case named by two files counts once). Pure.
 */
export function presentImportReport(outcomes: ImportOutcome[], cases: Map<string, ImportedCaseRow>, filter: ImportReportFilter) {
  const rows: ImportReportRow[] = outcomes.map(o => {
    if (o.outcome === 'rejected') return { file: displayLabel(o.file), outcome: o.outcome, href: null, reference: null, name: null, band: null, bandLabel: null, score: null, flagged: false, reason: o.reason }
    const c = cases.get(o.caseId)
    const band = bandOf(c?.risk_band ?? null)
    return {
      file: displayLabel(o.file),
      outcome: o.outcome,
      href: `/cases/${o.caseId}`,
      reference: c?.reference ?? o.reference,
      name: c?.full_name ?? null,
      band,
      bandLabel: band === 'unscored' ? 'Not scored' : BAND_LABELS[band],
      score: c?.risk_score ?? null,
      flagged: FLAGGED.has(band),
      reason: null,
    }
  })
  const rank = (r: ImportReportRow) => (r.band ? ORDER.indexOf(r.band) : ORDER.length)
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || (b.r.score ?? -1) - (a.r.score ?? -1) || a.i - b.i)
    .map(x => x.r)

  const bandOfCase = new Map<string, BandKey>()
  for (const r of rows) if (r.href && r.band) bandOfCase.set(r.href, r.band)
  const counts = ORDER.map(band => ({
    band,
    label: band === 'unscored' ? 'Not scored' : BAND_LABELS[band],
    count: [...bandOfCase.values()].filter(b => b === band).length,
    flagged: FLAGGED.has(band),
  }))
  const shown = filter === 'flagged' ? sorted.filter(r => r.flagged) : filter === 'rejected' ? sorted.filter(r => r.outcome === 'rejected') : sorted
  return {
    rows: shown,
    counts,
    cases: bandOfCase.size,
    flagged: counts.filter(c => c.flagged).reduce((n, c) => n + c.count, 0),
    rejected: rows.filter(r => r.outcome === 'rejected').length,
  }
}
