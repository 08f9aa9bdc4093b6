import type { ImportedCaseRow } from '../db/repositories/importJobRepository'
import type { ImportOutcome } from '../ingest/prepareApplication'
import { presentImportReport } from './presentImportReport'

const row = (id: string, band: string | null, score: number | null): ImportedCaseRow => ({ id, reference: `VD-${id}`, full_name: `Person ${id}`, risk_band: band, risk_score: score })
const outcomes: ImportOutcome[] = [
  { file: 'a.json', outcome: 'created', caseId: 'a', reference: 'VD-a' },
  { file: 'bad.json', outcome: 'rejected', reason: 'not JSON' },
  { file: 'b.json', outcome: 'created', caseId: 'b', reference: 'VD-b' },
  { file: 'c.json', outcome: 'unchanged', caseId: 'c', reference: 'VD-c' },
  { file: 'b-again.json', outcome: 'updated', caseId: 'b', reference: 'VD-b' },
  { file: 'd.json', outcome: 'created', caseId: 'd', reference: 'VD-d' },
]
const cases = new Map([row('a', 'low', 5), row('b', 'high', 60), row('c', null, null), row('d', 'critical', 90)].map(r => [r.id, r]))

describe('presentImportReport', () => {
  it('orders rows critical, high, elevated, low, not scored, then rejected files', () => {
    expect(presentImportReport(outcomes, cases, 'all').rows.map(r => r.file)).toEqual(['d.json', 'b.json', 'b-again.json', 'a.json', 'c.json', 'bad.json'])
  })

  it('counts each case once, in its band as it stands now', () => {
    const report = presentImportReport(outcomes, cases, 'all')
    expect(report.counts.map(c => [c.band, c.count])).toEqual([['critical', 1], ['high', 1], ['elevated', 0], ['low', 1], ['unscored', 1]])
    expect(report).toMatchObject({ cases: 4, flagged: 2, rejected: 1 })
  })

  it('filters to flagged cases or rejected files', () => {
    expect(presentImportReport(outcomes, cases, 'flagged').rows.map(r => r.reference)).toEqual(['VD-d', 'VD-b', 'VD-b'])
    expect(presentImportReport(outcomes, cases, 'rejected').rows).toEqual([expect.objectContaining({ file: 'bad.json', reason: 'not JSON', href: null, band: null })])
  })

  it('keeps the reference from the report when the case is gone', () => {
    const [only] = presentImportReport([{ file: 'x.json', outcome: 'created', caseId: 'x', reference: 'VD-x' }], new Map(), 'all').rows
    expect(only).toMatchObject({ reference: 'VD-x', name: null, band: 'unscored', href: '/cases/x' })
  })
})
