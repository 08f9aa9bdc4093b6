import PDFDocument from 'pdfkit'

/**
 * The case report: what an auditor, or a court, would need to follow a decision. Subject, findings
 * with their evidence and public sources, links to other applications, the checklist with its notes,
 * dispositions, the sign-off with its digest, and the rule and reference-data versions. Pure: data in,
 * PDF bytes out. DejaVu Sans (from npm, embedded) so that names keep their accents.
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

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

export function renderCaseReport(data: CaseReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: `Vetting Desk case report ${data.case.reference}`, Author: 'Vetting Desk', Subject: data.subject.name, CreationDate: new Date(data.generatedAt) } })
  doc.registerFont('body', FONT)
  doc.registerFont('bold', FONT_BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>(resolve => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const h1 = (t: string) => doc.font('bold').fontSize(18).fillColor('#000').text(t).moveDown(0.4)
  const h2 = (t: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.moveDown(0.6).font('bold').fontSize(13).fillColor('#000').text(t).moveDown(0.3)
  }
  const p = (t: string, size = 10) => doc.font('body').fontSize(size).fillColor('#000').text(t)
  const muted = (t: string) => doc.font('body').fontSize(8.5).fillColor('#444').text(t).fillColor('#000')
  const kv = (k: string, v: string) => doc.font('bold').fontSize(10).text(`${k}: `, { continued: true }).font('body').text(v)

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
    doc.font('bold').fontSize(10.5).text(`${f.title} (${f.severity}, +${f.points})`)
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
    doc.font('bold').fontSize(9.5).text(`[${i.status}] ${i.text}${i.required ? ' (required)' : ''}`)
    if (i.note) p(`${i.status === 'done' ? 'Seen' : i.status === 'failed' ? 'Found' : 'Reason'}: ${i.note}${i.by ? ` (${i.by}, ${i.at})` : ''}`, 9.5)
    muted(`${i.why}. Source: ${i.source}. Template ${i.template}.`)
  }

  h2('What was read')
  for (const f of data.facts) {
    if (doc.y > doc.page.height - 70) doc.addPage()
    doc.font('bold').fontSize(9).text(`${f.label}: `, { continued: true }).font('body').text(`${f.value}`, { continued: true }).fillColor('#444').text(`  (${f.where})`).fillColor('#000')
  }

  // Page numbers, so a printed report shows when a page is missing.
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    // Written in the bottom margin: lift the margin for a moment, or pdfkit would start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font('body').fontSize(8).fillColor('#444').text(`${data.case.reference} · page ${i + 1} of ${range.count}`, 56, doc.page.height - 40, { lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
