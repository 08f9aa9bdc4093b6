import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory from 'knex'
import { ensureDataDir, loadConfig } from '../../../src/config'
import { ROOT_DIR } from '../../../src/app'
import { usingPostgres } from '../../support/testDb'

// Issue 13 row 12: DATA_DIR holds the database and the secrets, so it is 0700 and they are 0600 after the
// app starts, also when an earlier install left them 0755 / 0644 (mkdir's mode only applies when it creates).

const modeOf = (file: string) => fs.statSync(file).mode & 0o777
const SQLITE = 'vetting-desk.sqlite'
const SECRET = 'session-secret'

/** A data folder as an older version, or a careless copy, left it: world-readable. */
function looseDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-private-'))
  fs.chmodSync(dir, 0o755)
  fs.writeFileSync(path.join(dir, SQLITE), '') // SQLite takes an empty file as a new database
  fs.writeFileSync(path.join(dir, SECRET), `${crypto.randomBytes(48).toString('base64url')}\n`)
  for (const name of [SQLITE, SECRET]) fs.chmodSync(path.join(dir, name), 0o644)
  return dir
}

describe('DATA_DIR is private', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })))

  it('ensureDataDir makes an existing 0755 folder 0700 and its database, WAL files and secret 0600', () => {
    const dir = looseDataDir()
    dirs.push(dir)
    for (const name of [`${SQLITE}-wal`, `${SQLITE}-shm`]) fs.writeFileSync(path.join(dir, name), '', { mode: 0o644 })
    ensureDataDir(loadConfig({ DATA_DIR: dir }))
    expect(modeOf(dir)).toBe(0o700)
    for (const name of [SQLITE, `${SQLITE}-wal`, `${SQLITE}-shm`, SECRET]) expect([name, modeOf(path.join(dir, name))]).toEqual([name, 0o600])
  })

  it('creates a missing database file 0600 before SQLite can create it 0644', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vd-private-')), 'data')
    dirs.push(path.dirname(dir))
    ensureDataDir(loadConfig({ DATA_DIR: dir }))
    expect(modeOf(dir)).toBe(0o700)
    expect(modeOf(path.join(dir, SQLITE))).toBe(0o600)
  })

  it('the server, started on a folder left 0755 with a 0644 database and secret, runs with them 0700 / 0600', async () => {
    const dir = looseDataDir()
    dirs.push(dir)
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' }
    let dropSchema = async () => undefined as void
    if (usingPostgres()) {
      const url = process.env.DATABASE_URL!
      const schema = `t_${crypto.randomBytes(6).toString('hex')}`
      const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } })
      await admin.raw(`CREATE SCHEMA "${schema}"`)
      env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
      dropSchema = async () => {
        await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
        await admin.destroy()
      }
    }
    const server = spawn(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['src/server.ts'], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = new Promise<void>(resolve => server.once('exit', () => resolve()))
    try {
      let output = ''
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString()
          if (output.includes('Vetting Desk on')) resolve()
        }
        server.stdout.on('data', onData)
        server.stderr.on('data', onData)
        server.once('exit', code => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
      })
      expect(modeOf(dir)).toBe(0o700)
      expect(modeOf(path.join(dir, SECRET))).toBe(0o600)
      if (!usingPostgres()) {
        // the server has the database open in WAL mode by now: SQLite gave its side files the same mode
        for (const name of [SQLITE, `${SQLITE}-wal`, `${SQLITE}-shm`]) expect([name, modeOf(path.join(dir, name))]).toEqual([name, 0o600])
      }
    } finally {
      server.kill('SIGTERM')
      await exited
      await dropSchema()
    }
  }, 120_000)
})
