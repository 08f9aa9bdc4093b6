import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'
import { pngHeaderOnly } from '../../support/hostileImages'
import { lyingBomb } from '../../support/hostileZip'

async function vet(args: string[]) {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', d => (out += d))
  const code = await run(args, { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: {} })
  return { code, out }
}

describe('vet score keeps the server limits on archives and photos (issue 13, rows 3 and 4)', () => {
  it('refuses a ZIP bomb naming its entry and a photo over the pixel budget', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-hostile-'))
    try {
      fs.writeFileSync(path.join(dir, 'bomb.zip'), await lyingBomb(64 * 1024 ** 2, 100, 'apps/cv.txt'))
      fs.writeFileSync(path.join(dir, 'face.png'), pngHeaderOnly(5000, 5000))
      fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ format: 'vetting/application@1', external_id: 'PH-1', person: { full_name: 'Ana Silva' }, profiles: [{ network: 'upwork', photo: 'face.png' }] }))
      const { code, out } = await vet(['score', '--json', dir])
      expect(code).toBe(1)
      const lines = out.trim().split('\n').map(l => JSON.parse(l) as { file?: string; error?: string })
      expect(lines.find(l => l.file?.endsWith('bomb.zip'))?.error).toBe('apps/cv.txt does not unpack to the 100 bytes its header declares: refused as a damaged or hostile archive')
      expect(lines.find(l => l.file?.endsWith('app.json'))?.error).toMatch(/face\.png: the picture is 5000×5000 pixels \(25\.0 megapixels\); at most 16 megapixels are accepted/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
