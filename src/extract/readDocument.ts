import { PDFParse } from 'pdf-parse'
import { docxBodyText } from './docxText'
import { layoutPage, type PdfTextItem } from './pdfLayout'
import { extractResumeFields, type ResumeFields } from './resumeFields'
import { decodeText, sniffFileType, type FileKind } from './sniffFileType'
import { unzip } from './unzipStream'
import { DEFAULT_ZIP_LIMITS, ZipProblem, type ZipLimits } from './zipDirectory'

/**
 * A resume or other document, read: its text page by page, its metadata, and the fields found in it.
 * This runs inside an extraction worker (see extractionPool.ts), so a hostile file can exhaust only
 * that worker's time and memory.
 */
export interface DocumentMetadata {
  author: string | null
  lastModifiedBy: string | null
  creatorTool: string | null
  producer: string | null
  title: string | null
  company: string | null
  created: string | null
  modified: string | null
  pages: number | null
}

export interface ReadDocument {
  kind: Extract<FileKind, 'pdf' | 'docx' | 'text'>
  pages: string[]
  metadata: DocumentMetadata
  fields: ResumeFields
  warnings: string[]
}

/** A problem with the file, in words a recruiter can act on. */
export class DocumentProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DocumentProblem'
  }
}

const EMPTY_METADATA: DocumentMetadata = { author: null, lastModifiedBy: null, creatorTool: null, producer: null, title: null, company: null, created: null, modified: null, pages: null }
const MAX_TEXT_CHARS = 2_000_000

/** PDF dates look like D:20261124040702Z or D:20190301120000+01'00'. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value)
  if (!m) return null
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m
  const zone = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : null)

/** What pdf-parse's bundled pdf.js gives for a page; only the members read here. */
interface PdfJsPage {
  getViewport(o: { scale: number }): { convertToViewportPoint(x: number, y: number): number[] }
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>
  cleanup?(): unknown
}
interface PdfJsDocument {
  numPages: number
  getPage(n: number): Promise<PdfJsPage>
}

/**
 * pdf-parse keeps pdf.js's document behind a private load(); its getText() has no positions. When that
 * method is there, each page's text items are laid out by position (pdfLayout.ts); otherwise (a future
 * pdf-parse without it) the line-based text is read as before.
 */
async function pdfPages(parser: PDFParse): Promise<{ pages: string[]; total: number }> {
  const load = (parser as unknown as { load?: () => Promise<PdfJsDocument> }).load
  if (typeof load !== 'function') {
    const text = await parser.getText()
    return { pages: text.pages.map(p => p.text), total: text.total }
  }
  const doc = await load.call(parser)
  const pages: string[] = []
  let chars = 0
  for (let n = 1; n <= doc.numPages; n++) {
    // Past the characters we read anyway, further pages are counted, not laid out.
    if (chars > MAX_TEXT_CHARS) {
      pages.push('')
      continue
    }
    const page = await doc.getPage(n)
    const viewport = page.getViewport({ scale: 1 })
    const content = await page.getTextContent()
    const items: PdfTextItem[] = []
    for (const item of content.items) {
      const t = item.transform
      if (typeof item.str !== 'string' || !t || !item.str.trim()) continue
      const [x, y] = viewport.convertToViewportPoint(t[4]!, t[5]!) as [number, number]
      // Some fonts (Type 3) report no height: the text matrix gives it, and text is never dropped for lack of one.
      items.push({ str: item.str, x, y, width: item.width ?? 0, height: item.height || Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || 1 })
    }
    const text = layoutPage(items)
    chars += text.length
    pages.push(text)
    page.cleanup?.()
  }
  return { pages, total: doc.numPages }
}

/** The document's info dictionary only: pdf-parse's getInfo() also fetches the outline, permissions and page labels. */
async function pdfInfo(parser: PDFParse): Promise<Record<string, unknown> | undefined> {
  const load = (parser as unknown as { load?: () => Promise<{ getMetadata(): Promise<{ info?: Record<string, unknown> }> }> }).load
  if (typeof load !== 'function') return ((await parser.getInfo()) as { info?: Record<string, unknown> }).info
  return (await (await load.call(parser)).getMetadata()).info
}

async function readPdf(buf: Buffer): Promise<Omit<ReadDocument, 'fields' | 'warnings'>> {
  const parser = new PDFParse({ data: new Uint8Array(buf) })
  try {
    const text = await pdfPages(parser)
    let info: Record<string, unknown> = {}
    try {
      info = (await pdfInfo(parser)) ?? {}
    } catch {
      /* metadata is optional */
    }
    return {
      kind: 'pdf',
      pages: text.pages,
      metadata: {
        ...EMPTY_METADATA,
        author: str(info.Author),
        creatorTool: str(info.Creator),
        producer: str(info.Producer),
        title: str(info.Title),
        created: pdfDate(info.CreationDate),
        modified: pdfDate(info.ModDate),
        pages: text.total,
      },
    }
  } catch (error) {
    const name = (error as Error)?.name ?? ''
    if (name === 'PasswordException') throw new DocumentProblem('the PDF is protected by a password; ask for an unprotected copy')
    if (name === 'InvalidPDFException') throw new DocumentProblem('this PDF cannot be read: the file is damaged or truncated')
    throw new DocumentProblem(`this PDF cannot be read: ${plain((error as Error)?.message)}`)
  } finally {
    await parser.destroy().catch(() => undefined)
  }
}

// [^<>]* keeps each attempt inside one tag: with [^>]*, 240 KB of "<dc:creator " took 7 s.
const xmlValue = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}(?:\\s[^<>]*)?>([^<]*)</${tag}>`).exec(xml)
  return m ? m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim() || null : null
}

/** A DOCX is a ZIP too: its parts are unpacked as counted streams, and only the four that are read. */
const DOCX_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 2000, maxTotalBytes: 200 * 1024 ** 2, maxEntryBytes: 100 * 1024 ** 2 }

async function docxParts(buf: Buffer, names: string[], also?: RegExp): Promise<Map<string, string>> {
  try {
    const entries = await unzip(buf, { limits: DOCX_LIMITS, include: n => names.includes(n) || (also?.test(n) ?? false) })
    return new Map(entries.map(e => [e.name, e.data.toString('utf8')]))
  } catch (error) {
    if (error instanceof ZipProblem) throw new DocumentProblem(`this DOCX cannot be read: ${error.message.startsWith('the archive cannot be read') ? plain(error.message) : error.message}`)
    throw error
  }
}

const DOCX_PARTS = ['_rels/.rels', 'word/document.xml', 'docProps/core.xml', 'docProps/app.xml']
const HEADER_FOOTER = /^word\/(?:header|footer)\d{0,2}\.xml$/

async function readDocx(buf: Buffer): Promise<Omit<ReadDocument, 'fields' | 'warnings'>> {
  // Page headers and footers too: a layout may put the contact details only there.
  const parts = await docxParts(buf, DOCX_PARTS, HEADER_FOOTER)
  // The package's relationships name the main document; word/document.xml is where Word puts it.
  const rels = parts.get('_rels/.rels') ?? ''
  // One tag at a time, then its attributes: one pattern over the whole file backtracked quadratically
  // on repeated unclosed tags (45 s for a 460 KB .rels).
  const main =
    [...rels.matchAll(/<Relationship\b[^<>]*/g)]
      .map(m => m[0])
      .filter(tag => /Type="[^"]*\/officeDocument"/.test(tag))
      .map(tag => /Target="\/?([^"]+)"/.exec(tag)?.[1])
      .find(Boolean) ?? 'word/document.xml'
  const body = DOCX_PARTS.includes(main) ? parts.get(main) : (await docxParts(buf, [main])).get(main)
  if (body === undefined) throw new DocumentProblem('this DOCX cannot be read: it has no document body (is it a Word document?)')
  let text: string
  try {
    // Header text before the body, footer text after it; a header repeated for first, odd and even pages once.
    const marginal = (kind: string) =>
      [...new Set([...parts.keys()].filter(n => n.startsWith(`word/${kind}`)).sort().map(n => docxBodyText(parts.get(n)!).trim()).filter(Boolean))]
    text = [...marginal('header'), docxBodyText(body), ...marginal('footer')].join('\n')
  } catch (error) {
    throw new DocumentProblem(`this DOCX cannot be read: ${plain((error as Error)?.message)}`)
  }
  const core = parts.get('docProps/core.xml') ?? ''
  const app = parts.get('docProps/app.xml') ?? ''
  const pages = Number(xmlValue(app, 'Pages'))
  const date = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null)
  return {
    kind: 'docx',
    // DOCX has no fixed pages: one page of paragraphs, a line each.
    pages: [text],
    metadata: {
      ...EMPTY_METADATA,
      author: xmlValue(core, 'dc:creator'),
      lastModifiedBy: xmlValue(core, 'cp:lastModifiedBy'),
      title: xmlValue(core, 'dc:title'),
      created: date(xmlValue(core, 'dcterms:created')),
      modified: date(xmlValue(core, 'dcterms:modified')),
      creatorTool: xmlValue(app, 'Application'),
      company: xmlValue(app, 'Company'),
      pages: Number.isFinite(pages) && pages > 0 ? pages : null,
    },
  }
}

function plain(message: string | undefined): string {
  const m = (message ?? 'unknown error').split('\n')[0]!.slice(0, 200)
  return /central directory|zip/i.test(m) ? 'it is not a valid Word document (the zip container is damaged)' : m
}

export async function readDocument(buf: Buffer, options: { defaultCountry?: string } = {}): Promise<ReadDocument> {
  const sniffed = sniffFileType(buf)
  let read: Omit<ReadDocument, 'fields' | 'warnings'>
  switch (sniffed.kind) {
    case 'pdf':
      read = await readPdf(buf)
      break
    case 'docx':
      read = await readDocx(buf)
      break
    case 'text':
      // Never decode more than we will read: a 400 MB "resume" costs no more than an 8 MB one.
      read = { kind: 'text', pages: [decodeText(buf.subarray(0, MAX_TEXT_CHARS * 4), sniffed.encoding)], metadata: { ...EMPTY_METADATA, pages: 1 } }
      break
    case 'empty':
      throw new DocumentProblem('the file is empty')
    case 'executable':
      throw new DocumentProblem('this is a program, not a document; it was not opened')
    case 'zip':
      throw new DocumentProblem('this is a ZIP archive, not a document; import it on the bulk import page')
    case 'ole':
      throw new DocumentProblem('this is an old Word .doc (Office 97–2003) file; save it as DOCX or PDF and upload that')
    case 'png':
    case 'jpeg':
    case 'gif':
    case 'webp':
      throw new DocumentProblem('this is an image, not a resume; add it as a photo instead')
    default:
      throw new DocumentProblem('this is not a PDF, Word (DOCX) or text document')
  }
  const warnings: string[] = []
  let chars = 0
  const pages = read.pages.map(p => {
    const room = Math.max(0, MAX_TEXT_CHARS - chars)
    chars += p.length
    return p.slice(0, room)
  })
  if (chars > MAX_TEXT_CHARS) warnings.push(`only the first ${MAX_TEXT_CHARS.toLocaleString('en')} characters were read`)
  if (read.kind === 'pdf' && pages.every(p => !p.trim())) warnings.push('this PDF has no text layer (a scanned image?); nothing could be read from it')
  const fields = extractResumeFields(pages, options.defaultCountry ? { defaultCountry: options.defaultCountry as never } : {})
  return { ...read, pages, fields, warnings }
}
