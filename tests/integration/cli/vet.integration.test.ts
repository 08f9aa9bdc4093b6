import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { vet } from '../../support/cli'
import { usingPostgres } from '../../support/testDb'


// The CLI works on DATA_DIR's SQLite database; its PostgreSQL path is the same code as the app's.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet CLI', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cli-'))
    env = { DATA_DIR: dir }
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints help and exits 0; exits 2 on usage errors', async () => {
    const help = await vet(['--help'], env)
    expect(help.code).toBe(0)
    expect(help.out).toContain('users add --email E --role R')
    expect((await vet([], env)).code).toBe(2)
    expect((await vet(['frobnicate'], env)).code).toBe(2)
    expect((await vet(['users', 'add', '--email', 'a@b.test', '--role', 'emperor'], env)).code).toBe(2)
    expect((await vet(['users', 'add', '--role', 'manager'], env)).code).toBe(2)
    expect((await vet(['users'], env)).code).toBe(2)
  })

  it('migrates', async () => {
    const first = await vet(['migrate'], env)
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/Applied \d+ migrations|already up to date/)
    expect((await vet(['migrate', '--status'], env)).out).toContain('up to date')
  })

  it('adds, lists, disables and enables users, reading the password from stdin', async () => {
    const added = await vet(['users', 'add', '--email', 'Rita@Example.test', '--role', 'recruiter', '--name', 'Rita'], env, 'a long enough password\n')
    expect(added).toMatchObject({ code: 0 })
    expect(added.out).toContain('Added rita@example.test as recruiter')
    const weak = await vet(['users', 'add', '--email', 'weak@example.test', '--role', 'manager'], env, 'short\n')
    expect(weak.code).toBe(1)
    expect(weak.err).toContain('at least 12 characters')
    const dup = await vet(['users', 'add', '--email', 'rita@example.test', '--role', 'manager'], env, 'a long enough password\n')
    expect(dup.code).toBe(1)
    expect(dup.err).toContain('already exists')

    expect((await vet(['users', 'list'], env)).out).toMatch(/rita@example\.test\s+recruiter\s+active/)
    expect((await vet(['users', 'disable', '--email', 'rita@example.test'], env)).code).toBe(0)
    expect((await vet(['users', 'list'], env)).out).toMatch(/rita@example\.test\s+recruiter\s+disabled/)
    expect((await vet(['users', 'enable', '--email', 'rita@example.test'], env)).code).toBe(0)
    expect((await vet(['users', 'disable', '--email', 'nobody@example.test'], env)).code).toBe(1)
  })

  it('refuses a bad configuration with the variable named', async () => {
    const res = await vet(['users', 'list'], { DATA_DIR: dir, DATABASE_URL: 'mysql://nope' })
    expect(res.code).toBe(2)
    expect(res.err).toContain('DATABASE_URL')
  })
})

describe('vet refdata', () => {
  it('imports a network list into DATA_DIR, lists versions, and vet score uses it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cli-ref-'))
    const env = { DATA_DIR: dir }
    const list = path.join(dir, 'my-vpn-2026-11-01.txt')
    fs.writeFileSync(list, '198.51.100.0/24\n203.0.113.0/24\nnot a block\n')
    const imported = await vet(['refdata', 'import', list], env)
    expect(imported.code).toBe(0)
    expect(imported.out).toMatch(/2 cidrs entries imported as cidrs-vpn, version 2026-11-01 \(sha256 [0-9a-f]{12}\) \(1 lines skipped\)/)
    const listed = await vet(['refdata', 'list', '--json'], env)
    const datasets = listed.out.trim().split('\n').map(l => JSON.parse(l) as { id: string; version: string })
    expect(datasets.find(d => d.id === 'network-lists')!.version).toContain('cidrs-vpn 2026-11-01')
    expect(datasets.map(d => d.id)).toEqual(expect.arrayContaining(['ip-asn', 'ip-country', 'sanctions', 'disposable-email', 'tech-releases']))

    const app = path.join(dir, 'a.json')
    fs.writeFileSync(app, JSON.stringify({ format: 'vetting/application@1', external_id: 'R-1', person: { full_name: 'Pat Doe' }, submission: { ip: '198.51.100.23' } }))
    const scored = await vet(['score', '--json', app], env)
    expect(JSON.parse(scored.out.trim().split('\n')[0]!).findings.map((f: { rule: string }) => f.rule)).toContain('network-datacenter-access')

    const bad = await vet(['refdata', 'import', app], env)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('not a recognised list')
    expect((await vet(['refdata', 'import', '--kind', 'moon', list], env)).code).toBe(2)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
