import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { sqliteFileIn } from '../../../src/db/knex'
import { collectApplications } from '../../../src/ingest/collectApplications'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { syntheticApplications } from '../../support/population'
import { usingPostgres } from '../../support/testDb'

/**
 * SQLite that shares: a long import does not make other users wait (readers have connections of their
 * own under WAL; the import writes in short transactions), and `vet import` beside a writing server waits
 * for the write lock instead of failing with SQLITE_BUSY. PostgreSQL never had either problem.
 */
const sqliteOnly = usingPostgres() ? describe.skip : describe

sqliteOnly('SQLite shared between an import and everyone else', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
  })
  afterAll(() => t.close())

  it('pages and case-list reads complete while a 300-application import runs', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const collected = collectApplications(syntheticApplications(300, { prefix: 'LONG', withLogs: true, logRows: 200 }).files)
    let importing = true
    const started = Date.now()
    const importDone = t.services.ingest.importBatch(collected, systemActor('test')).finally(() => (importing = false))
    const latencies: number[] = []
    let duringImport = 0
    // A user paging through cases (session, page render, search) and a bare list query, while it runs.
    const reader = async (read: () => Promise<unknown>) => {
      while (importing) {
        const t0 = Date.now()
        await read()
        latencies.push(Date.now() - t0)
        if (importing) duringImport++
        await new Promise(r => setTimeout(r, 20))
      }
    }
    await Promise.all([
      importDone,
      reader(async () => expect((await agent.get('/cases')).status).toBe(200)),
      reader(() => t.services.cases.search({ sort: 'updated', page: 1, pageSize: 25 })),
    ])
    const importMs = Date.now() - started
    const outcomes = await importDone
    expect(outcomes.filter(o => o.outcome === 'created')).toHaveLength(300)
    const max = Math.max(...latencies)
    const sorted = [...latencies].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)]!
    // Loose bounds: the point is that reads do not queue behind the import's writes.
    expect(duringImport).toBeGreaterThanOrEqual(10)
    expect(max).toBeLessThan(Math.max(750, importMs / 4))
    expect(median).toBeLessThan(250)
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!
    process.stdout.write(`import of 300: ${importMs} ms; reads during it: ${duringImport}, median ${median} ms, p90 ${p90} ms, max ${max} ms\n`)
  }, 180_000)

  it('a read does not wait for a transaction that holds the write lock', async () => {
    const db = t.testDb.db
    let holding!: () => void
    const held = new Promise<void>(resolve => (holding = resolve))
    const writer = db.transaction(async trx => {
      await trx('case_counters').where({ name: 'reference' }).increment('value', 0)
      holding()
      await new Promise(r => setTimeout(r, 1500))
    })
    await held
    const t0 = Date.now()
    const page = await t.services.cases.search({ sort: 'updated', page: 1, pageSize: 25 })
    const readMs = Date.now() - t0
    await writer
    expect(page.total).toBeGreaterThanOrEqual(0)
    // One shared connection made this read wait the full 1.5 s.
    expect(readMs).toBeLessThan(750)
  })

  it('vet import waits for another process’s write transaction instead of failing with SQLITE_BUSY', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-share-'))
    const env = { DATA_DIR: dir, LOG_LEVEL: 'silent' }
    try {
      expect((await vet(['migrate'], env)).code).toBe(0)
      const folder = path.join(dir, 'in')
      fs.mkdirSync(folder)
      for (const f of syntheticApplications(5, { prefix: 'CLI', withResume: false }).files) fs.writeFileSync(path.join(folder, f.path), f.data)
      // "The server": another connection holding the write lock longer than SQLite's busy timeout (5 s).
      const server = new sqlite3.Database(sqliteFileIn(dir))
      const exec = (sql: string) => new Promise<void>((resolve, reject) => server.exec(sql, err => (err ? reject(err) : resolve())))
      await exec("BEGIN IMMEDIATE; UPDATE case_counters SET value = value WHERE name = 'reference'")
      const release = new Promise<void>(resolve => setTimeout(() => void exec('COMMIT').then(resolve), 7000))
      const started = Date.now()
      const imported = await vet(['import', folder], env)
      await release
      await new Promise<void>(resolve => server.close(() => resolve()))
      expect(imported.err).not.toContain('SQLITE_BUSY')
      expect(imported.code).toBe(0)
      expect(imported.out).toContain('5 created')
      expect(Date.now() - started).toBeGreaterThanOrEqual(6500)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
