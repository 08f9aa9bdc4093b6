import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'

async function vet(args: string[]) {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', d => (out += d))
  const code = await run(args, { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: {} })
  return { code, out }
}

const SHARED_EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'shared', 'formats', 'examples')
const withShared = fs.existsSync(SHARED_EXAMPLES) ? it : it.skip

describe('vet score', () => {
  withShared('scores the shared examples, the same way every time', async () => {
    const first = await vet(['score', '--json', SHARED_EXAMPLES])
    const second = await vet(['score', '--json', SHARED_EXAMPLES])
    expect(first.code).toBe(0)
    expect(second.out).toBe(first.out)
    const lines = first.out.trim().split('\n').map(l => JSON.parse(l))
    const byId = Object.fromEntries(lines.map(l => [l.id, l]))
    expect(Object.keys(byId).sort()).toEqual(['LV-5521', 'REF-12', 'UW-90417'])
    expect(byId['UW-90417']).toMatchObject({ band: 'critical', links: [] })
    expect(byId['UW-90417'].findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['logistics-shipping-not-home', 'network-remote-access-tool', 'payment-crypto-payout', 'interview-camera-refused']))
    for (const f of byId['UW-90417'].findings) expect(f.evidence.length).toBeGreaterThan(0)
    expect(byId['LV-5521']).toMatchObject({ score: 0, band: 'low', findings: [] })
  }, 60_000)

  it('reports unreadable inputs, scores the rest and exits 1; exits 2 on usage errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-score-'))
    try {
      fs.writeFileSync(path.join(dir, 'ok.json'), JSON.stringify({ format: 'vetting/application@1', external_id: 'OK', person: { full_name: 'Ana Silva' }, payment: { method: 'bank', account_holder: 'Li Wei' } }))
      fs.writeFileSync(path.join(dir, 'bad.json'), '{nope')
      fs.writeFileSync(path.join(dir, 'cv.txt'), 'Jonas Weber\njonas@example.de')
      const { code, out } = await vet(['score', '--json', dir])
      expect(code).toBe(1)
      const lines = out.trim().split('\n').map(l => JSON.parse(l))
      expect(lines.find(l => l.id === 'OK')).toMatchObject({ findings: [{ rule: 'payment-payee-name-mismatch', severity: 'high' }] })
      expect(lines.find(l => l.id === 'cv.txt')).toMatchObject({ band: 'low' })
      expect(lines.find(l => l.file.endsWith('bad.json'))).toMatchObject({ error: expect.stringMatching(/^this is not valid JSON/) })
      expect((await vet(['score'])).code).toBe(2)
      expect((await vet(['score', '--as-of', 'someday', dir])).code).toBe(2)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
