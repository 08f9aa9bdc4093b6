import { Document, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import PDFDocument from 'pdfkit'

/** A real PDF: one array of lines per page, with optional metadata. */
export function makePdf(pages: string[][], info: { Author?: string; Creator?: string; Title?: string; CreationDate?: Date } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, info, compress: true })
    const chunks: Buffer[] = []
    doc.on('data', c => chunks.push(c as Buffer))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    for (const lines of pages) {
      doc.addPage()
      lines.forEach((line, i) => doc.fontSize(i === 0 ? 16 : 10).text(line))
    }
    doc.end()
  })
}

/** A real DOCX (Word) file: one paragraph per line, with core properties. */
export async function makeDocx(lines: string[], props: { creator?: string; lastModifiedBy?: string; title?: string } = {}): Promise<Buffer> {
  const doc = new Document({
    ...(props.creator ? { creator: props.creator } : {}),
    ...(props.lastModifiedBy ? { lastModifiedBy: props.lastModifiedBy } : {}),
    ...(props.title ? { title: props.title } : {}),
    sections: [{ children: lines.map(line => new Paragraph({ children: [new TextRun(line)] })) }],
  })
  return Packer.toBuffer(doc)
}

/** A ZIP whose word/document.xml inflates to `mib` MiB of zeros: a decompression bomb dressed as DOCX. */
export async function makeDocxBomb(mib = 300): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<Types/>')
  zip.file('word/document.xml', Buffer.alloc(mib * 1024 * 1024))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** A PDF whose page tree points back at itself. */
export function makeCyclicPdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj',
    '3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >> endobj',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  for (const o of objects) {
    offsets.push(body.length)
    body += `${o}\n`
  }
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
