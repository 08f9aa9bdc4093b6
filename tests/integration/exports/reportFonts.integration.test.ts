import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { renderCaseReport, type CaseReportData } from '../../../src/reports/caseReport'

// The text is read back with poppler's pdftotext (CI installs poppler-utils): a glyph drawn from a font
// that lacks it comes back as nothing or as a box, not as the name.
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
if (!hasPdftotext && process.env.CI) throw new Error('pdftotext (poppler-utils) is required in CI')
const itReads = hasPdftotext ? it : it.skip

function report(name: string, linked: Array<{ name: string; reference: string }>): CaseReportData {
  return {
    generatedAt: '2026-12-04T12:00:00.000Z',
    appVersion: 'test',
    case: { reference: 'VD-2026-000001', revision: 1, kind: 'candidate', status: 'in_review', score: 64, band: 'high', roleTitle: 'Backend Engineer', externalId: null },
    subject: { name, email: 'kim.sangman@example.org' },
    facts: [{ label: 'Name on the resume', value: `${name} (Kim Sang-man)`, where: 'resume, page 1' }],
    findings: [{ rule: 'links-shared-artifact', version: 2, title: 'Shares a payout account', severity: 'high', points: 20, message: `The payout account is also given by ${linked[0]!.name}.`, evidence: [{ value: linked[0]!.name, where: 'application form' }], sources: ['FBI PSA I-051624'], refdata: [] }],
    links: linked.map(l => ({ ...l, via: 'payout account: ****1234', judgement: null })),
    checklist: [{ text: 'Call the reference on a number found independently', status: 'open', required: true, note: null, by: null, at: null, why: 'References are often fellow workers', source: 'FBI PSA I-051624', template: 'v1' }],
    dispositions: [],
    signoffs: [],
  }
}

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-report-text-'))
  try {
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf)
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
    if (out.status !== 0) throw new Error(out.stderr)
    return out.stdout
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('case report fonts', () => {
  itReads('prints Hangul, Chinese and Latin names as themselves, in bold headings and body text', async () => {
    const pdf = await renderCaseReport(report('김상만', [{ name: '吴晓明', reference: 'VD-2026-000002' }, { name: 'Zoë Łukasiewicz-Brontë', reference: 'VD-2026-000003' }]))
    const text = pdfText(pdf)
    expect(text).toContain('Case report: 김상만')
    expect(text).toContain('김상만 (Kim Sang-man)')
    expect(text).toContain('The payout account is also given by 吴晓明.')
    expect(text).toContain('吴晓明 (VD-2026-000002): payout account')
    expect(text).toContain('Zoë Łukasiewicz-Brontë (VD-2026-000003)')
    expect(text).not.toMatch(/[\u25a1\ufffd]/) // no box, no replacement character
  })

  itReads('embeds subsets of the Korean and Chinese fonts only when a report needs them', async () => {
    const latin = (await renderCaseReport(report('Zoë Łukasiewicz-Brontë', [{ name: 'John Smith', reference: 'VD-2026-000002' }]))).toString('latin1')
    const mixed = (await renderCaseReport(report('김상만', [{ name: '吴晓明', reference: 'VD-2026-000002' }]))).toString('latin1')
    expect(latin).not.toMatch(/NotoSans(KR|SC)/)
    expect(mixed).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/)
    expect(mixed).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/)
    // Subsets: a few glyphs each, not the 6 and 10 MB files.
    expect(mixed.length).toBeLessThan(latin.length + 200_000)
  })
})
