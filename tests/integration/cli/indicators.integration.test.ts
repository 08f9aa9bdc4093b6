import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { vet } from '../../support/cli'
import { usingPostgres } from '../../support/testDb'

// The CLI works on DATA_DIR's SQLite database; its PostgreSQL path is the same service code the app uses.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet indicators', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-ind-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('imports a CSV feed, says what it rejected and why, retro-hunts, and lists the cases hit', async () => {
    const env = { DATA_DIR: dir }
    const apps = path.join(dir, 'apps')
    fs.mkdirSync(apps)
    fs.writeFileSync(path.join(apps, 'a.json'), JSON.stringify({ format: 'vetting/application@1', external_id: 'A-1', person: { full_name: 'Alex Moreno', email: 'alex@example.test', phone: '+1 415 555 0142' } }))
    expect((await vet(['import', apps], env)).code).toBe(0)
    const feed = path.join(dir, 'feed.csv')
    fs.writeFileSync(feed, 'type,value,first_seen,expires,comment\nphone-number,+1 (415) 555-0142,2026-10-01,,laptop farm\nphone,12,2026-10-01,,\nwallet,0x52908400098527886E0F7030069857D2E4169EE7,2026-10-01,2026-01-01,old\n')
    const res = await vet(['indicators', 'import', feed, '--source', 'Partner ISAC', '--json'], env)
    expect(res.code).toBe(0)
    const out = JSON.parse(res.out) as { added: number; expired: number; rejected: Array<{ at: string; reason: string }>; casesHit: Array<{ reference: string; kind: string; source: string }> }
    expect(out.added).toBe(2)
    expect(out.expired).toBe(1)
    expect(out.rejected).toEqual([expect.objectContaining({ at: 'line 3', reason: expect.stringContaining('not a phone number') })])
    expect(out.casesHit).toEqual([expect.objectContaining({ kind: 'phone', source: 'Partner ISAC' })])
    const list = await vet(['indicators', 'list'], env)
    expect(list.out).toContain('Partner ISAC')
  })

  it('makes a sharing key and exports hashed; refuses a bad format or TLP with a clear message', async () => {
    const env = { DATA_DIR: dir }
    const keyFile = path.join(dir, 'group.key')
    expect((await vet(['indicators', 'key', '--out', keyFile], env)).code).toBe(0)
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    const exp = await vet(['indicators', 'export', '--format', 'stix', '--hashed', keyFile], env)
    expect(exp.code).toBe(0)
    expect(JSON.parse(exp.out)).toMatchObject({ type: 'bundle' })
    expect((await vet(['indicators', 'export', '--format', 'xml'], env)).err).toContain('--format takes stix, misp or csv')
    expect((await vet(['indicators', 'export', '--tlp', 'purple'], env)).err).toContain('--tlp takes clear, green, amber, amber+strict or red')
  })
})
