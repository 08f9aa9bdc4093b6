import PDFDocument from 'pdfkit'
import { reportFont, type Weight } from './reportFonts'
import { scriptRuns } from './scriptRuns'

/**
 * The case report: what an auditor, or a court, would need to follow a decision. Subject, findings
 * with their evidence and public sources, links to other applications, the checklist with its notes,
 * dispositions, the sign-off with its digest, and the rule and reference-data versions. Pure: data in,
 * PDF bytes out. Every string is written in runs by script (see scriptRuns): DejaVu Sans keeps accents,
 * Noto Sans KR draws Hangul and Noto Sans SC Han ideographs and kana, all from npm and embedded as
 * subsets, so 김상만 and 吴晓明 print as themselves, not as empty boxes.
 */
export interface CaseReportData {
  generatedAt: string
  appVersion: string
  case: { reference: string; revision: number; kind: string; status: string; score: number | null; band: string | null; roleTitle: string | null; externalId: string | null }
  subject: { name: string; email: string | null }
  facts: Array<{ label: string; value: string; where: string }>
  findings: Array<{ rule: string; version: number; title: string; severity: string; points: number; message: string; evidence: Array<{ value: string; where: string }>; sources: string[]; refdata: string[] }>
  links: Array<{ name: string; reference: string; via: string; judgement: string | null }>
  checklist: Array<{ text: string; status: string; required: boolean; note: string | null; by: string | null; at: string | null; why: string; source: string; template: string }>
  dispositions: Array<{ finding: string; text: string; by: string; at: string }>
  signoffs: Array<{ decision: string; statement: string; signer: string; at: string; digest: string }>
}

type Doc = InstanceType<typeof PDFDocument>

// DejaVu Sans's ascent (1901 of 2048 units). pdfkit hangs each run from the top of the line by its own
// font's ascent, and Noto's is taller (1160 of 1000), so Hangul and Han would sit below the Latin
// baseline; placing every run by DejaVu's ascent keeps one baseline on a mixed line.
const DEJAVU_ASCENT = 1901 / 2048

/**
 * Writes text in the current position (or at x, y) with the font each run of script needs. Runs after
 * the first are continued text, so a line that mixes scripts wraps as one paragraph.
 */
function writer(doc: Doc) {
  const registered = new Set<string>()
  return (text: string, weight: Weight, size: number, options: PDFKit.Mixins.TextOptions = {}, at?: { x: number; y: number }) => {
    const runs = scriptRuns(text)
    if (!runs.length) runs.push({ text: '', font: 'other' })
    runs.forEach((run, i) => {
      const font = reportFont(weight, run.font)
      if (!registered.has(font.name)) {
        doc.registerFont(font.name, font.bytes)
        registered.add(font.name)
      }
      doc.font(font.name).fontSize(size)
      const opts = { ...options, baseline: -DEJAVU_ASCENT * size, continued: i < runs.length - 1 ? true : options.continued }
      if (i === 0 && at) doc.text(run.text, at.x, at.y, opts)
      else doc.text(run.text, opts)
    })
    return doc
  }
}

export function renderCaseReport(data: CaseReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: `Vetting Desk case report ${data.case.reference}`, Author: 'Vetting Desk', Subject: data.subject.name, CreationDate: new Date(data.generatedAt) } })
  const write = writer(doc)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>(resolve => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const h1 = (t: string) => write(t, 'bold', 18).moveDown(0.4)
  const h2 = (t: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.moveDown(0.6).fillColor('#000')
    write(t, 'bold', 13).moveDown(0.3)
  }
  const p = (t: string, size = 10) => write(t, 'body', size)
  const muted = (t: string) => {
    doc.fillColor('#444')
    write(t, 'body', 8.5).fillColor('#000')
  }
  const kv = (k: string, v: string) => {
    write(`${k}: `, 'bold', 10, { continued: true })
    write(v, 'body', 10)
  }

  doc.fillColor('#000')
  h1(`Case report: ${data.subject.name}`)
  kv('Case', `${data.case.reference}, revision ${data.case.revision} (${data.case.kind})`)
  kv('Status', data.case.status.replace('_', ' '))
  kv('Score', data.case.score === null ? 'not scored' : `${data.case.score} of 100, ${data.case.band}`)
  if (data.case.roleTitle) kv('Role', data.case.roleTitle)
  if (data.subject.email) kv('Email', data.subject.email)
  muted(`Generated ${data.generatedAt} by Vetting Desk ${data.appVersion}. The score advises; people decide. Each finding names the public source of its rule.`)

  h2('Decision')
  if (!data.signoffs.length) p('Not decided yet.')
  for (const s of data.signoffs) {
    kv('Decision', `${s.decision} by ${s.signer} on ${s.at}`)
    p(`Statement: ${s.statement}`)
    muted(`SHA-256 of the case as signed: ${s.digest}`)
    doc.moveDown(0.3)
  }

  h2(`Findings (${data.findings.length})`)
  if (!data.findings.length) p('No rule raised a flag.')
  for (const f of data.findings) {
    if (doc.y > doc.page.height - 120) doc.addPage()
    write(`${f.title} (${f.severity}, +${f.points})`, 'bold', 10.5)
    p(f.message)
    for (const e of f.evidence) muted(`Evidence: ${e.value} (${e.where})`)
    muted(`Rule ${f.rule} v${f.version}. Sources: ${f.sources.join('; ')}`)
    if (f.refdata.length) muted(`Reference data: ${f.refdata.join('; ')}`)
    doc.moveDown(0.4)
  }

  h2('Dispositions of serious findings')
  if (!data.dispositions.length) p('None recorded.')
  for (const d of data.dispositions) {
    p(`${d.finding}: ${d.text}`)
    muted(`${d.by}, ${d.at}`)
  }

  h2(`Linked applications (${data.links.length})`)
  if (!data.links.length) p('This application shares nothing that identifies a person with another application under another name.')
  for (const l of data.links) p(`${l.name} (${l.reference}): ${l.via}${l.judgement ? `; judged ${l.judgement.replace('_', ' ')}` : ''}`, 9.5)

  h2('Checklist')
  for (const i of data.checklist) {
    if (doc.y > doc.page.height - 90) doc.addPage()
    write(`[${i.status}] ${i.text}${i.required ? ' (required)' : ''}`, 'bold', 9.5)
    if (i.note) p(`${i.status === 'done' ? 'Seen' : i.status === 'failed' ? 'Found' : 'Reason'}: ${i.note}${i.by ? ` (${i.by}, ${i.at})` : ''}`, 9.5)
    muted(`${i.why}. Source: ${i.source}. Template ${i.template}.`)
  }

  h2('What was read')
  for (const f of data.facts) {
    if (doc.y > doc.page.height - 70) doc.addPage()
    write(`${f.label}: `, 'bold', 9, { continued: true })
    write(f.value, 'body', 9, { continued: true }).fillColor('#444')
    write(`  (${f.where})`, 'body', 9).fillColor('#000')
  }

  // Page numbers, so a printed report shows when a page is missing.
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    // Written in the bottom margin: lift the margin for a moment, or pdfkit would start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.fillColor('#444')
    write(`${data.case.reference} · page ${i + 1} of ${range.count}`, 'body', 8, { lineBreak: false }, { x: 56, y: doc.page.height - 40 })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
