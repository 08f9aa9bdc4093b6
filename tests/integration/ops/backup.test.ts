import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory, { type Knex } from 'knex'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { readTar } from '../../../src/ops/tar'
import type { BackupManifest } from '../../../src/ops/backup'
import { vet } from '../../support/cli'
import { syntheticApplications } from '../../support/population'

/**
 * vet backup / vet restore (issue 17): a backup of a seeded instance restores to the same cases, files and
 * an audit trail that verifies; damage and misuse are refused; a backup taken while an import writes is
 * consistent. On PostgreSQL, the documented pg_dump / pg_restore + --blobs-only procedure.
 */
const ROOT = path.resolve(__dirname, '../../..')
const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex')

let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-backup-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const dirIn = (name: string) => path.join(tmp, name)
const envFor = (dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra })

function writeApplications(folder: string, n: number, prefix: string, options: { withLogs?: boolean } = {}): void {
  fs.mkdirSync(folder, { recursive: true })
  for (const f of syntheticApplications(n, { prefix, withLogs: options.withLogs ?? false, logRows: 10 }).files) fs.writeFileSync(path.join(folder, f.path), f.data)
}

async function seed(dataDir: string, n: number, prefix: string, env: NodeJS.ProcessEnv = envFor(dataDir)): Promise<void> {
  expect((await vet(['migrate'], env)).code).toBe(0)
  const folder = path.join(tmp, `in-${prefix}`)
  writeApplications(folder, n, prefix, { withLogs: true })
  const imported = await vet(['import', folder], env)
  expect(imported.code).toBe(0)
  expect(imported.out).toContain(`${n} created`)
}

async function withSqlite<T>(dataDir: string, work: (db: Knex) => Promise<T>): Promise<T> {
  const db = createKnex({ sqliteFile: sqliteFileIn(dataDir) })
  try {
    return await work(db)
  } finally {
    await db.destroy()
  }
}

async function manifestOf(file: string): Promise<BackupManifest> {
  let text = ''
  await readTar(file, async entry => ({ chunk: d => void (entry.path === 'manifest.json' && (text += d.toString('utf8'))), end: () => undefined }))
  return JSON.parse(text) as BackupManifest
}

/** Every document's and checklist file's blob is in dataDir with bytes that hash to its name. */
async function expectEveryBlob(db: Knex, dataDir: string): Promise<number> {
  const shas = (await db('documents').distinct('sha256')).map((r: { sha256: string }) => r.sha256)
  for (const sha of shas) expect(sha256(fs.readFileSync(path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha)))).toBe(sha)
  return shas.length
}

describe('vet backup and vet restore (SQLite)', () => {
  const source = () => dirIn('source')
  const archive = () => path.join(tmp, 'backup.tar')

  beforeAll(async () => {
    await seed(source(), 12, 'BK')
    const list = path.join(tmp, 'my-vpn-2026-11-01.txt')
    fs.writeFileSync(list, '198.51.100.0/24\n')
    expect((await vet(['refdata', 'import', list], envFor(source()))).code).toBe(0)
  }, 120_000)

  it('(a) backs up a seeded instance and restores the same cases, files and a verifiable audit trail', async () => {
    const t0 = Date.now()
    const backup = await vet(['backup', archive()], envFor(source()))
    const backupMs = Date.now() - t0
    expect(backup.err).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.out).toMatch(/Backed up to .*backup\.tar .*the SQLite database \(migration \d{14}_\w+\): 12 cases, \d+ audit events; 36 uploaded files; \d+ reference-data files/)
    expect(backup.out).toContain('Not in the backup: the audit key')
    expect((fs.statSync(archive()).mode & 0o777).toString(8)).toBe('600')

    const manifest = await manifestOf(archive())
    expect(manifest).toMatchObject({ format: 'vetting-desk-backup', version: 1, database: { kind: 'sqlite', source: 'sqlite', method: 'sqlite-online-backup' }, counts: { cases: 12, blobs: 36 }, secrets_included: false })
    expect(manifest.files.map(f => f.path)).toEqual(expect.arrayContaining(['vetting-desk.sqlite', 'refdata/manifest.json']))
    expect(manifest.files.map(f => f.path)).not.toContain('audit-key')
    expect(manifest.files.every(f => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true)
    // A standard tar reads it.
    const listed = spawnSync('tar', ['tf', archive()], { encoding: 'utf8' })
    if (listed.status === 0) expect(listed.stdout.split('\n')).toContain('vetting-desk.sqlite')

    const target = dirIn('restored') // does not exist yet
    const t1 = Date.now()
    const restored = await vet(['restore', archive(), '--data-dir', target], {})
    const restoreMs = Date.now() - t1
    expect(restored.err).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.out).toContain('Every file\'s SHA-256 matched the manifest')
    expect(restored.out).toContain('The audit key was not in the backup')
    expect(fs.existsSync(path.join(target, '.restore-tmp'))).toBe(false)
    expect(fs.existsSync(path.join(target, 'audit-key'))).toBe(false)
    expect(fs.readFileSync(path.join(target, 'refdata', 'cidrs-vpn.json'))).toEqual(fs.readFileSync(path.join(source(), 'refdata', 'cidrs-vpn.json')))

    const cases = (dir: string) => withSqlite(dir, async db => (await db('cases').select('id', 'reference', 'external_id').orderBy('id')) as unknown[])
    expect(await cases(target)).toEqual(await cases(source()))
    expect(await withSqlite(target, db => expectEveryBlob(db, target))).toBe(36)

    // The operator puts the audit key back from their secret store, then verifies.
    fs.copyFileSync(path.join(source(), 'audit-key'), path.join(target, 'audit-key'))
    fs.chmodSync(path.join(target, 'audit-key'), 0o600)
    const verified = await vet(['audit', 'verify'], envFor(target))
    expect(verified.out).toContain('The audit trail is intact')
    expect(verified.code).toBe(0)
    process.stdout.write(`backup of 12 cases / 36 files: ${fs.statSync(archive()).size} bytes, backup ${backupMs} ms, restore ${restoreMs} ms\n`)
  }, 60_000)

  it('(a) --include-secrets carries the audit key, with a warning, and the restored copy verifies as it is', async () => {
    const file = path.join(tmp, 'with-secrets.tar')
    const backup = await vet(['backup', '--include-secrets', file], envFor(source()))
    expect(backup.code).toBe(0)
    expect(backup.err).toContain('warning: this archive holds the audit key')
    const target = dirIn('restored-secrets')
    const restored = await vet(['restore', file, '--data-dir', target], {})
    expect(restored.code).toBe(0)
    expect(restored.out).not.toContain('The audit key was not in the backup')
    expect(fs.readFileSync(path.join(target, 'audit-key'))).toEqual(fs.readFileSync(path.join(source(), 'audit-key')))
    expect((await vet(['audit', 'verify'], envFor(target))).code).toBe(0)

    // A file the database references, lost from the store: no backup (after fresh snapshots, in case an
    // erasure removed it meanwhile), naming it.
    const sha = await withSqlite(target, async db => ((await db('documents').first('sha256')) as { sha256: string }).sha256)
    fs.rmSync(path.join(target, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha))
    const damaged = await vet(['backup', path.join(tmp, 'from-damaged.tar')], envFor(target))
    expect(damaged.code).toBe(1)
    expect(damaged.err).toContain(`missing from ${path.join(target, 'blobs')} (the first: ${sha})`)
    expect(fs.existsSync(path.join(tmp, 'from-damaged.tar'))).toBe(false)
  }, 60_000)

  it('(b) refuses an archive with one byte changed, naming the file, and writes nothing', async () => {
    const entries: Array<{ path: string; offset: number; size: number }> = []
    await readTar(archive(), async entry => ((entries.push(entry), { chunk: () => undefined, end: () => undefined })))
    for (const victim of [entries.find(e => e.path === 'vetting-desk.sqlite')!, entries.find(e => e.path.startsWith('blobs/'))!]) {
      const damaged = path.join(tmp, `damaged-${crypto.randomBytes(3).toString('hex')}.tar`)
      const bytes = fs.readFileSync(archive())
      const at = victim.offset + Math.floor(victim.size / 2)
      bytes[at] = bytes[at]! ^ 0x01
      fs.writeFileSync(damaged, bytes)
      const target = dirIn(`tampered-${crypto.randomBytes(3).toString('hex')}`)
      const restored = await vet(['restore', damaged, '--data-dir', target], {})
      expect(restored.code).toBe(1)
      expect(restored.err).toContain(`${victim.path}: its SHA-256 does not match the manifest`)
      expect(restored.err).toContain('nothing was restored')
      expect(fs.readdirSync(target)).toEqual([])
    }
    // A cut-short archive is refused too.
    const cut = path.join(tmp, 'cut.tar')
    fs.writeFileSync(cut, fs.readFileSync(archive()).subarray(0, entries[2]!.offset + 100))
    const restored = await vet(['restore', cut, '--data-dir', dirIn('cut')], {})
    expect(restored.code).toBe(1)
    expect(restored.err).toMatch(/cut short/)
  }, 60_000)

  it('(d) refuses a folder that is not empty, and a backup file that exists', async () => {
    const target = dirIn('busy')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'notes.txt'), 'mine')
    const restored = await vet(['restore', archive(), '--data-dir', target], {})
    expect(restored.code).toBe(1)
    expect(restored.err).toContain('is not empty (it holds notes.txt)')
    expect(fs.readdirSync(target)).toEqual(['notes.txt'])
    const again = await vet(['backup', archive()], envFor(source()))
    expect(again.code).toBe(1)
    expect(again.err).toContain('already exists')
    expect((await vet(['restore', archive()], {})).code).toBe(2)
    expect((await vet(['restore', '--blobs-only', archive(), '--data-dir', dirIn('wrong-kind')], {})).err).toContain('restore it without --blobs-only')
  })

  it('(c) a backup taken while `vet import` writes in another process restores to a working instance whose trail verifies', async () => {
    const live = dirIn('live')
    expect((await vet(['migrate'], envFor(live))).code).toBe(0)
    const folder = path.join(tmp, 'in-live')
    writeApplications(folder, 600, 'LIVE')
    const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...envFor(live) }
    const child = spawn(process.execPath, [path.join(ROOT, 'src/cli/vet.js'), 'import', folder], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let childOut = ''
    child.stdout.on('data', d => (childOut += d))
    child.stderr.on('data', d => (childOut += d))
    let running = true
    const exited = new Promise<number | null>(resolve => child.on('exit', code => ((running = false), resolve(code))))
    try {
      // Wait until the import has written some cases, then back up in the middle of it.
      const countCases = () => withSqlite(live, async db => Number((await db('cases').count({ n: '*' }))[0]!.n))
      const deadline = Date.now() + 90_000
      while ((await countCases()) < 50 && running && Date.now() < deadline) await new Promise(r => setTimeout(r, 250))
      const file = path.join(tmp, 'during-import.tar')
      const backup = await vet(['backup', file], envFor(live))
      const stillRunning = running
      expect(backup.err).toBe('')
      expect(backup.code).toBe(0)
      expect(await exited).toBe(0)
      expect(childOut).toContain('600 created')
      const manifest = await manifestOf(file)
      process.stdout.write(`backup during import: ${manifest.counts.cases} of 600 cases, import still running when the backup finished: ${stillRunning}\n`)
      expect(manifest.counts.cases).toBeGreaterThanOrEqual(50)
      expect(stillRunning).toBe(true) // the backup happened in the middle of the import, not after it

      const target = dirIn('restored-live')
      expect((await vet(['restore', file, '--data-dir', target], {})).code).toBe(0)
      fs.copyFileSync(path.join(live, 'audit-key'), path.join(target, 'audit-key'))
      fs.chmodSync(path.join(target, 'audit-key'), 0o600)
      const verified = await vet(['audit', 'verify'], envFor(target))
      expect(verified.out).toContain('The audit trail is intact')
      expect(verified.code).toBe(0)
      await withSqlite(target, async db => {
        expect(Number((await db('cases').count({ n: '*' }))[0]!.n)).toBe(manifest.counts.cases)
        expect(await expectEveryBlob(db, target)).toBe(manifest.counts.blobs)
      })
      // A working instance: it migrates, takes an import, and its trail still verifies.
      expect((await vet(['migrate'], envFor(target))).code).toBe(0)
      const more = path.join(tmp, 'in-after')
      writeApplications(more, 3, 'AFTER')
      expect((await vet(['import', more], envFor(target))).out).toContain('3 created')
      expect((await vet(['audit', 'verify'], envFor(target))).code).toBe(0)
    } finally {
      if (running) child.kill()
    }
  }, 240_000)
})

const pgUrl = process.env.DATABASE_URL
const hasPgDump = spawnSync('which', ['pg_dump']).status === 0 && spawnSync('which', ['pg_restore']).status === 0
const describePg = pgUrl && hasPgDump ? describe : describe.skip

describePg('PostgreSQL: pg_dump -Fc + vet backup --blobs-only, pg_restore + vet restore --blobs-only', () => {
  const suffix = crypto.randomBytes(5).toString('hex')
  const sourceDb = `vd_backup_src_${suffix}`
  const restoreDb = `vd_restore_${suffix}`
  const urlOf = (db: string) => {
    const url = new URL(pgUrl!)
    url.pathname = `/${db}`
    return url.toString()
  }
  let admin: Knex
  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: pgUrl!, pool: { min: 0, max: 1 } })
    await admin.raw(`CREATE DATABASE ${sourceDb}`)
    await admin.raw(`CREATE DATABASE ${restoreDb}`)
  })
  afterAll(async () => {
    for (const db of [sourceDb, restoreDb]) await admin.raw(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    await admin.destroy()
  })

  it('(e) restores the dump into a fresh database and the files into an empty folder; the audit chain verifies', async () => {
    const dataDir = dirIn('pg-source')
    const env = envFor(dataDir, { DATABASE_URL: urlOf(sourceDb) })
    await seed(dataDir, 8, 'PG', env)

    const refused = await vet(['backup', path.join(tmp, 'pg-full.tar')], env)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('pg_dump -Fc')
    expect(refused.err).toContain('vet backup --blobs-only')

    // The procedure of the README: the dump first, then the files (only ever added, so none is missing).
    const dump = path.join(tmp, 'db.dump')
    const dumped = spawnSync('pg_dump', ['-Fc', urlOf(sourceDb), '-f', dump], { encoding: 'utf8' })
    expect(dumped.stderr).toBe('')
    expect(dumped.status).toBe(0)
    const files = path.join(tmp, 'pg-files.tar')
    const backup = await vet(['backup', '--blobs-only', files], env)
    expect(backup.code).toBe(0)
    expect(backup.out).toContain('no database (a --blobs-only backup); 24 uploaded files')

    const restoredPg = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', urlOf(restoreDb), dump], { encoding: 'utf8' })
    expect(restoredPg.stderr).toBe('')
    expect(restoredPg.status).toBe(0)
    const target = dirIn('pg-restored')
    expect((await vet(['restore', files, '--data-dir', target], {})).err).toContain('--blobs-only')
    const restored = await vet(['restore', '--blobs-only', files, '--data-dir', target], {})
    expect(restored.code).toBe(0)
    expect(restored.out).toContain('pg_restore')

    fs.copyFileSync(path.join(dataDir, 'audit-key'), path.join(target, 'audit-key'))
    fs.chmodSync(path.join(target, 'audit-key'), 0o600)
    const restoredEnv = envFor(target, { DATABASE_URL: urlOf(restoreDb) })
    const verified = await vet(['audit', 'verify'], restoredEnv)
    expect(verified.out).toContain('The audit trail is intact')
    expect(verified.code).toBe(0)
    const db = createKnex({ databaseUrl: urlOf(restoreDb) })
    try {
      expect(Number((await db('cases').count({ n: '*' }))[0]!.n)).toBe(8)
      expect(await expectEveryBlob(db, target)).toBe(24)
    } finally {
      await db.destroy()
    }
  }, 120_000)
})
