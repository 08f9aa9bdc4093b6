import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory, { type Knex } from 'knex'
import { createKnex } from '../../src/db/knex'
import { migrateLatest } from '../../src/db/migrate'

export interface TestDb {
  db: Knex
  client: 'sqlite3' | 'pg'
  /** where another process finds this database: the PostgreSQL schema, or the SQLite file */
  pgSchema?: string
  sqliteFile?: string
  destroy: () => Promise<void>
}

/** True when the suite runs against PostgreSQL (DATABASE_URL set), as CI's second pass does. */
export const usingPostgres = () => Boolean(process.env.DATABASE_URL)

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or, with DATABASE_URL, a
 * PostgreSQL schema of its own (so test files can run in parallel against one database).
 */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL
  let db: Knex
  let cleanup: () => Promise<void>
  let where: { pgSchema?: string; sqliteFile?: string }
  if (url) {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`
    const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } })
    await admin.raw(`CREATE SCHEMA "${schema}"`)
    db = createKnex({ databaseUrl: url, pgSchema: schema })
    where = { pgSchema: schema }
    cleanup = async () => {
      await db.destroy()
      await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
      await admin.destroy()
    }
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-test-'))
    db = createKnex({ sqliteFile: path.join(dir, 'test.sqlite') })
    where = { sqliteFile: path.join(dir, 'test.sqlite') }
    cleanup = async () => {
      await db.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  if (options.migrate !== false) await migrateLatest(db)
  return { db, client: url ? 'pg' : 'sqlite3', ...where, destroy: cleanup }
}
