import JSZip from 'jszip'
import { makeCyclicPdf, makeDocx, makeDocxBomb, makePdf } from '../../tests/support/documents'
import { lyingBomb } from '../../tests/support/hostileZip'
import { ExtractionPool } from './extractionPool'
import { DocumentProblem, pdfDate, readDocument } from './readDocument'
import { sniffFileType } from './sniffFileType'

const RESUME = [
  'Dana Whitfield',
  'dana.whitfield@example.org | +1 312 483 2212 | https://www.linkedin.com/in/dana-whitfield-204',
  'Experience',
  'Staff Engineer, Bluepeak Software (2019-03 to present)',
  'Backend Developer, Orbital Freight (2014-06 to 2019-02)',
]

describe('reading documents', () => {
  it('reads a PDF: text, fields and metadata', async () => {
    const pdf = await makePdf([RESUME, ['Skills', 'Go, Kubernetes']], { Author: 'Resume Factory', Creator: 'CV Maker 2', CreationDate: new Date('2026-09-01T10:00:00Z') })
    const doc = await readDocument(pdf)
    expect(doc.kind).toBe('pdf')
    expect(doc.pages).toHaveLength(2)
    expect(doc.fields.name?.value).toBe('Dana Whitfield')
    expect(doc.fields.emails[0]).toMatchObject({ value: 'dana.whitfield@example.org', page: 1 })
    expect(doc.fields.employers.map(e => e.value.company)).toEqual(['Bluepeak Software', 'Orbital Freight'])
    expect(doc.fields.skills.map(s => [s.value, s.page])).toEqual([['Go', 2], ['Kubernetes', 2]])
    expect(doc.metadata).toMatchObject({ author: 'Resume Factory', creatorTool: 'CV Maker 2', producer: 'PDFKit', pages: 2, created: '2026-09-01T10:00:00.000Z' })
  })

  it('reads a DOCX with its core properties', async () => {
    const docx = await makeDocx(RESUME, { creator: 'Operator 7', lastModifiedBy: 'Operator 9', title: 'CV' })
    expect(sniffFileType(docx).kind).toBe('docx')
    const doc = await readDocument(docx)
    expect(doc.kind).toBe('docx')
    expect(doc.fields.name?.value).toBe('Dana Whitfield')
    expect(doc.fields.phones[0]?.value.e164).toBe('+13124832212')
    expect(doc.fields.urls[0]?.value.network).toBe('linkedin')
    expect(doc.metadata).toMatchObject({ author: 'Operator 7', lastModifiedBy: 'Operator 9', title: 'CV' })
  })

  it('reads UTF-16 and Windows-1252 text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('José Núñez\njose@example.es', 'utf16le')])
    expect((await readDocument(utf16)).fields.name?.value).toBe('José Núñez')
    const cp1252 = Buffer.from('Zoë Brontë\nzoe@example.test\n', 'latin1')
    expect((await readDocument(cp1252)).fields.name?.value).toBe('Zoë Brontë')
  })

  it.each([
    ['empty', Buffer.alloc(0), 'the file is empty'],
    ['a program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'this is a program'],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'not a PDF, Word (DOCX) or text document'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'this is an image'],
  ])('refuses %s with a plain message', async (_name, buf, message) => {
    await expect(readDocument(buf)).rejects.toThrow(message)
  })

  it('refuses a truncated PDF', async () => {
    const pdf = await makePdf([RESUME])
    await expect(readDocument(pdf.subarray(0, Math.floor(pdf.length / 3)))).rejects.toThrow(DocumentProblem)
  })

  it('refuses a decompression bomb dressed as DOCX before inflating it', async () => {
    await expect(readDocument(await makeDocxBomb(300))).rejects.toThrow(/decompression bomb|unpacked/)
  })

  it('stops a DOCX whose body declares 100 bytes and inflates to 64 MiB, without inflating it whole', async () => {
    const docx = await lyingBomb(64 * 1024 ** 2, 100, 'word/document.xml')
    await expect(readDocument(docx)).rejects.toThrow(new DocumentProblem('this DOCX cannot be read: word/document.xml does not unpack to the 100 bytes its header declares: refused as a damaged or hostile archive'))
  })

  it('reads a DOCX whose embedded bitmap packs 1000:1, since that part is never unpacked', async () => {
    const zip = await JSZip.loadAsync(await makeDocx(RESUME))
    zip.file('word/media/blank.bmp', Buffer.alloc(2 * 1024 ** 2))
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    expect((await readDocument(docx)).pages[0]).toContain('Dana Whitfield')
  })

  it('parses PDF dates', () => {
    expect(pdfDate("D:20190301120000+01'00'")).toBe('2019-03-01T11:00:00.000Z')
    expect(pdfDate('D:2019')).toBe('2019-01-01T00:00:00.000Z')
    expect(pdfDate('yesterday')).toBeNull()
  })
})

describe('extraction pool', () => {
  const pool = new ExtractionPool({ size: 2, timeoutMs: 20_000, maxMemoryMb: 96 })
  afterAll(() => pool.close())

  it('reads files on worker threads', async () => {
    const [a, b] = await Promise.all([pool.read(await makePdf([RESUME])), pool.read(Buffer.from(RESUME.join('\n')))])
    expect(a.fields.name?.value).toBe('Dana Whitfield')
    expect(b.kind).toBe('text')
  }, 30_000)

  it('reports a cyclic PDF page tree and carries on', async () => {
    await expect(pool.read(makeCyclicPdf())).rejects.toThrow(DocumentProblem)
    expect((await pool.read(Buffer.from('Jane Roe\njane@example.test'))).fields.emails).toHaveLength(1)
  }, 30_000)

  // Before the linear email scan this took minutes (quadratic backtracking); the test timeout is the bound.
  it('reads a 400 MB one-line text file and lines built to make patterns backtrack', async () => {
    const huge = Buffer.alloc(400 * 1024 * 1024, 'a')
    const doc = await pool.read(huge)
    expect(doc.warnings.join(' ')).toContain('only the first')
    for (const hostile of ['a-'.repeat(1_000_000), `${'x'.repeat(1_000_000)}@`, '+1 '.repeat(500_000)]) {
      await expect(pool.read(Buffer.from(hostile))).resolves.toBeDefined()
    }
  }, 60_000)

  it('stops a worker that runs out of memory, and the next file still reads', async () => {
    const hungry = new ExtractionPool({ size: 1, maxMemoryMb: 32, workerFile: require.resolve('../../tests/support/hungryWorker.js') })
    try {
      await expect(hungry.read(Buffer.from('anything'))).rejects.toThrow(/needed more than 32 MB of memory/)
    } finally {
      await hungry.close()
    }
    expect((await pool.read(Buffer.from('Jane Roe\njane@example.test'))).fields.name?.value).toBe('Jane Roe')
  }, 60_000)

  it('stops a file that takes too long', async () => {
    const slow = new ExtractionPool({ size: 1, timeoutMs: 1 })
    try {
      await expect(slow.read(await makePdf([RESUME]))).rejects.toThrow(/took longer than/)
    } finally {
      await slow.close()
    }
  })
})
