import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'
import { makeDocx, makePdf } from '../../support/documents'

async function vet(args: string[]) {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', d => (out += d))
  const code = await run(args, { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: {} })
  return { code, lines: out.trim().split('\n').filter(Boolean) }
}

describe('vet extract', () => {
  let dir: string
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-extract-'))
    const lines = ['Aiko Tanaka', 'aiko.tanaka@example.jp | +81 3 1234 5678 | github.com/aikot', 'Experience', 'Frontend Engineer, Sakura Apps (2020-04 to present)']
    fs.writeFileSync(path.join(dir, 'a.pdf'), await makePdf([lines], { Author: 'Template Co' }))
    fs.writeFileSync(path.join(dir, 'b.docx'), await makeDocx(lines, { creator: 'Template Co' }))
    fs.writeFileSync(path.join(dir, 'c.docx'), Buffer.from('these are not the bytes of a word file'))
    fs.writeFileSync(path.join(dir, 'f.docx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))
    fs.writeFileSync(path.join(dir, 'd.json'), '{"format": "vetting/application@1", "person": {"full_name": "Broken"')
    fs.writeFileSync(path.join(dir, 'e.pdf'), (await makePdf([lines])).subarray(0, 300))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints one JSON line per file, errors included, and exits 1 when some failed', async () => {
    const { code, lines } = await vet(['extract', '--json', dir])
    expect(code).toBe(1)
    const byFile = Object.fromEntries(lines.map(l => JSON.parse(l)).map(r => [r.file, r]))
    expect(Object.keys(byFile).sort()).toEqual(['a.pdf', 'b.docx', 'c.docx', 'd.json', 'e.pdf', 'f.docx'])
    for (const f of ['a.pdf', 'b.docx']) {
      expect(byFile[f]).toMatchObject({
        name: 'Aiko Tanaka',
        emails: ['aiko.tanaka@example.jp'],
        phones: [{ e164: '+81312345678', country: 'JP' }],
        urls: [{ url: 'https://github.com/aikot', network: 'github' }],
        employers: [{ company: 'Sakura Apps', title: 'Frontend Engineer', start: '2020-04', current: true }],
      })
    }
    expect(byFile['a.pdf'].metadata).toMatchObject({ author: 'Template Co', kind: 'pdf', pages: 1 })
    expect(byFile['b.docx'].metadata).toMatchObject({ author: 'Template Co', kind: 'docx' })
    expect(byFile['c.docx'].error).toBe('the file is named .docx, but its contents are plain text, not a Word (DOCX) document')
    expect(byFile['f.docx'].error).toBe('the file is named .docx, but its contents are not a recognised kind of file, not a Word (DOCX) document')
    expect(byFile['d.json'].error).toMatch(/^this is not valid JSON/)
    expect(byFile['e.pdf'].error).toMatch(/damaged or truncated/)
  }, 60_000)

  it('exits 2 without paths', async () => {
    expect((await vet(['extract'])).code).toBe(2)
  })
})
