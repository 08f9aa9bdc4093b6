import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'
import { usingPostgres } from '../../support/testDb'
import { makeCyclicPdf, makeDocx, makeDocxBomb, makePdf } from '../../support/documents'

/**
 * A folder of hostile inputs beside good ones, imported with `vet import`: each bad file gets a clear
 * reason, the good ones are imported, and nothing half-written is left behind.
 */
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('hostile inputs', () => {
  let dir: string
  let dataDir: string
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-hostile-'))
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-hostile-data-'))
    const w = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(dir, name), data)
    const app = (o: Record<string, unknown>) => JSON.stringify({ format: 'vetting/application@1', ...o })
    const pdf = await makePdf([['Good Person', 'good@example.test']])
    // good files
    w('good-app.json', app({ external_id: 'OK-1', person: { full_name: 'Good Person', email: 'good@example.test' }, documents: [{ file: 'good.pdf' }] }))
    w('good.pdf', pdf)
    w('good-resume.docx', await makeDocx(['Other Good', 'other@example.test']))
    w('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(app({ external_id: 'U16', person: { full_name: 'Zoë Ünicode' } }), 'utf16le')]))
    w('xss.json', app({ external_id: 'XSS', person: { full_name: '<script>alert(1)</script>', email: 'x@example.test' }, interview: { notes: '=HYPERLINK("http://evil","click")' } }))
    // hostile files
    w('truncated.pdf', pdf.subarray(0, 400))
    w('empty.pdf', '')
    w('invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]))
    w('random.docx', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) % 256)))
    w('broken.json', '{"format": "vetting/application@1", "person": ')
    w('wrong-type.json', app({ person: 'Dana' }))
    w('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`)
    w('huge-field.json', app({ person: { full_name: 'x'.repeat(3 * 1024 * 1024) } }))
    w('bomb-app.json', app({ external_id: 'BOMB', documents: [{ file: 'bomb.docx' }] }))
    w('bomb.docx', await makeDocxBomb(300))
    w('cyclic-app.json', app({ external_id: 'CYC', documents: [{ file: 'cyclic.pdf' }] }))
    w('cyclic.pdf', makeCyclicPdf())
    w('escape.json', app({ external_id: 'ESC', access_log: '../../etc/passwd' }))
  }, 60_000)
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('rejects each hostile file with a clear reason and imports the good ones', async () => {
    const stdout = new PassThrough()
    let out = ''
    stdout.on('data', d => (out += d))
    const code = await run(['import', '--json', dir], { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: { DATA_DIR: dataDir } })
    expect(code).toBe(1)
    const results = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map(l => JSON.parse(l))
        .map(r => [path.posix.basename(r.file), r]),
    )
    const reasons = Object.fromEntries(Object.entries(results).map(([f, r]) => [f, r.outcome === 'rejected' ? r.reason : r.outcome]))
    expect(reasons).toEqual({
      'good-app.json': 'created',
      'good-resume.docx': 'created',
      'utf16.json': 'created',
      'xss.json': 'created',
      'truncated.pdf': 'truncated.pdf: this PDF cannot be read: the file is damaged or truncated',
      'empty.pdf': 'the file is empty',
      'invoice.pdf': 'a program, not a document; it was not opened',
      'random.docx': 'not a document, application JSON or CSV export that Vetting Desk reads',
      'broken.json': expect.stringMatching(/^this is not valid JSON/),
      'wrong-type.json': 'person: should be an object',
      'deep.json': 'the JSON is nested more than 64 levels deep; no application needs that',
      'huge-field.json': 'person.full_name: must be at most 200 characters',
      'bomb-app.json': expect.stringMatching(/^bomb\.docx: this DOCX cannot be read: .*(decompression bomb|unpacked)/),
      'cyclic-app.json': expect.stringMatching(/^cyclic\.pdf: /),
      'escape.json': 'access_log: "../../etc/passwd" points outside the application\'s folder, so it was not read',
    })
  }, 60_000)
})
