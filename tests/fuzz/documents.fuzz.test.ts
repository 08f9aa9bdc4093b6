import fc from 'fast-check'
import JSZip from 'jszip'
import { docxBodyText } from '../../src/extract/docxText'
import { DocumentProblem, readDocument } from '../../src/extract/readDocument'
import { makeDocx, makePdf } from '../support/documents'
import { anyBytes, exampleFiles, expectClearMessage, mutatedBytes, params, runs, withinBudget, withinBudgetAsync } from './fuzzSupport'

/**
 * Resumes (PDF, DOCX, text) read in-process, as one extraction worker reads them, fed arbitrary bytes,
 * byte mutations of real files, and DOCX packages whose parts were mutated and packed again: each read
 * settles within its budget and gives pages, or fails with a DocumentProblem that says what is wrong.
 * (The worker pool adds a 20 s and 384 MB limit on top; these budgets are far below it.)
 */
const BUDGET_MS = 8000

const RESUME = ['Dana Whitfield', 'dana.whitfield@example.org | +1 312 483 2212 | https://www.linkedin.com/in/dana-whitfield-204', 'Experience', 'Staff Engineer, Bluepeak Software (2019-03 to present)', 'Backend Developer, Orbital Freight (2014-06 to 2019-02)', 'Education', 'BS Computer Science, University of Illinois (2010-08 to 2014-05)', 'Skills', 'Go, PostgreSQL, Kubernetes']

async function checkRead(data: Buffer): Promise<void> {
  const { value, error } = await withinBudgetAsync(BUDGET_MS, () => readDocument(data))
  if (error !== undefined) {
    if (!(error instanceof DocumentProblem)) throw new Error(`readDocument threw ${(error as Error)?.name}: ${(error as Error)?.message} (only DocumentProblem is documented)`)
    return expectClearMessage(error.message)
  }
  expect(['pdf', 'docx', 'text']).toContain(value!.kind)
  expect(Array.isArray(value!.pages)).toBe(true)
  expect(value!.pages.reduce((n, p) => n + p.length, 0)).toBeLessThanOrEqual(2_000_000)
}

let pdf: Buffer
let pdfPlain: Buffer
let docx: Buffer
let docxParts: Record<string, string>
const text = [...exampleFiles(n => n.endsWith('.txt')).map(f => f.data), Buffer.from(RESUME.join('\n'))]

beforeAll(async () => {
  pdf = await makePdf([RESUME, ['Skills', 'Go, Kubernetes']], { Author: 'Resume Factory', Creator: 'CV Maker 2' })
  pdfPlain = Buffer.from(pdf)
  docx = await makeDocx(RESUME, { creator: 'Operator 7', title: 'CV' })
  const zip = await JSZip.loadAsync(docx)
  docxParts = {}
  for (const name of ['_rels/.rels', 'word/document.xml', 'docProps/core.xml', 'docProps/app.xml']) docxParts[name] = (await zip.file(name)?.async('string')) ?? ''
})

/** The DOCX with one part replaced, packed again (stored, so that compression ratios do not decide). */
async function docxWith(part: string, content: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  zip.file(part, content)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
}

describe('fuzz: documents (readDocument)', () => {
  it('reads or rejects arbitrary bytes, and bytes behind a PDF or ZIP signature', async () => {
    const prefixed = fc.tuple(fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004', 'PK\u0003\u0004word/document.xml', '\ufeff', '\u00ff\u00fe'), anyBytes(2048)).map(([p, b]) => Buffer.concat([Buffer.from(p, 'latin1'), b]))
    await fc.assert(fc.asyncProperty(prefixed, checkRead), params(runs(150)))
  })

  it('reads or rejects byte mutations of a real PDF', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => mutatedBytes([pdf, pdfPlain], { maxRepeat: 200 })), checkRead), params(runs(150)))
  })

  it('reads or rejects byte mutations of a real DOCX (the ZIP container itself)', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => mutatedBytes([docx], { maxRepeat: 200 })), checkRead), params(runs(200)))
  })

  it('reads or rejects a DOCX whose XML parts are mutated and packed again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('_rels/.rels', 'word/document.xml', 'docProps/core.xml', 'docProps/app.xml').chain(part => fc.tuple(fc.constant(part), mutatedBytes([Buffer.from(docxParts[part]!)], { maxRepeat: 20_000 }))),
        async ([part, content]) => checkRead(await docxWith(part, content)),
      ),
      params(runs(80)),
    )
  })

  it('reads or rejects mutated plain-text resumes', async () => {
    await fc.assert(fc.asyncProperty(mutatedBytes(text, { maxRepeat: 20_000 }), checkRead), params(runs(100)))
  })

  // Counterexamples: patterns that backtracked quadratically on repeated unclosed tags. Before the fix
  // each of these took 7 to 45 seconds; the worker pool would have killed the read at 20 s.
  it.each([
    ['_rels/.rels', '<Relationship Type="x" ', 20_000],
    ['_rels/.rels', '<Relationship ', 20_000],
    ['docProps/core.xml', '<dc:creator ', 20_000],
    ['docProps/app.xml', '<Pages ', 20_000],
    ['word/document.xml', '<w:t ', 40_000],
    ['word/document.xml', '<mc:Fallback ', 40_000],
    ['word/document.xml', '<w:tab ', 40_000],
  ])('regression: %s of %j × %d reads within the budget', async (part, unit, times) => {
    await checkRead(await docxWith(part, Buffer.from(unit.repeat(times))))
  })
})

describe('fuzz: DOCX body text (docxText)', () => {
  it('never throws, stays linear and never makes text longer than the XML', () => {
    const xml = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.array(fc.constantFrom('<w:t>', '</w:t>', '<w:t ', '<w:t xml:space="preserve">', '<w:tab/>', '<w:br w:type="page"/>', '<w:br/>', '</w:p>', '<w:p/>', '<mc:Fallback>', '</mc:Fallback>', '<mc:Fallback ', '&amp;', '&#x1F600;', '&#0;', '&#x110000;', '&bogus;', 'text', '<', '>', ' '), { maxLength: 400 }).map(a => a.join('')),
      fc.tuple(fc.constantFrom('<w:t ', '<w:tab ', '<mc:Fallback ', '<w:p ', '<w:t>x', '&#'), fc.integer({ min: 1000, max: 50_000 })).map(([u, n]) => u.repeat(n)),
    )
    fc.assert(
      fc.property(xml, s => {
        const out = withinBudget(1000, () => docxBodyText(s))
        expect(out.length).toBeLessThanOrEqual(s.length)
      }),
      params(runs(300)),
    )
  })
})
