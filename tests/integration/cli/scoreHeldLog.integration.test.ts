import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'

/**
 * Evidence belongs to the subject in `vet score` too (issue 14 part 7): a sign-in log naming none of the
 * applicant's known accounts is not scored, and the output says so; a log of their own account is scored.
 */
async function vet(args: string[], dataDir: string) {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', d => (out += d))
  const code = await run(args, { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: { DATA_DIR: dataDir } })
  return { code, out }
}

const remoteLog = (account: string) => `timestamp,account,ip,user_agent,event\n2026-10-01T10:00:00Z,${account},73.12.4.7,AnyDesk/8.0.14,remote_session\n2026-10-01T11:00:00Z,${account},73.12.4.7,TeamViewer 15,remote_session\n`
const application = (id: string, email: string) => JSON.stringify({ format: 'vetting/application@1', external_id: id, kind: 'contractor', person: { full_name: `Person ${id}`, email, address: { country: 'US' } }, access_log: `${id}.csv` })

describe('vet score and a sign-in log that is not the applicant’s', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-held-'))
    fs.writeFileSync(path.join(dir, 'OTHER.json'), application('OTHER', 'dana.whitfield@example.org'))
    fs.writeFileSync(path.join(dir, 'OTHER.csv'), remoteLog('kevin.oneill@contoso.example'))
    fs.writeFileSync(path.join(dir, 'OWN.json'), application('OWN', 'lee.k@example.org'))
    fs.writeFileSync(path.join(dir, 'OWN.csv'), remoteLog('Lee.K@example.org'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('holds it unscored and says whose it is, in the table and in JSON', async () => {
    const data = path.join(dir, 'data')
    const table = await vet(['score', dir], data)
    expect(table.code).toBe(0)
    expect(table.out).toContain("OTHER: sign-in log OTHER.csv for kevin.oneill@contoso.example held: not this applicant's known accounts")
    expect(table.out).not.toContain('OWN: sign-in log')
    const lines = (await vet(['score', '--json', dir], data)).out.trim().split('\n').map(l => JSON.parse(l) as { id: string; findings: Array<{ rule: string }>; held?: unknown })
    const other = lines.find(l => l.id === 'OTHER')!
    const own = lines.find(l => l.id === 'OWN')!
    expect(other.held).toEqual([{ log: 'OTHER.csv', accounts: ['kevin.oneill@contoso.example'], note: expect.stringContaining('held') }])
    expect(other.findings.map(f => f.rule)).not.toContain('network-remote-access-tool')
    expect(own.held).toBeUndefined()
    expect(own.findings.map(f => f.rule)).toContain('network-remote-access-tool')
  }, 120_000)
})
