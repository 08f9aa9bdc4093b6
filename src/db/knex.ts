import path from 'node:path'
import knexFactory, { type Knex } from 'knex'

export type DbClient = 'sqlite3' | 'pg'

export interface DbOptions {
  /** postgres:// URL; when absent the embedded SQLite database at sqliteFile is used */
  databaseUrl?: string | undefined
  sqliteFile?: string
  /** PostgreSQL schema to work in (tests give each suite its own) */
  pgSchema?: string
}

/** The one place that knows how to open either database. Repositories take the Knex it returns. */
export function createKnex(options: DbOptions): Knex {
  if (options.databaseUrl) {
    const schema = options.pgSchema
    return knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      pool: {
        min: 0,
        max: 10,
        // A per-connection search_path keeps every query (and knex_migrations) inside the schema.
        ...(schema
          ? {
              afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) =>
                conn.query(`SET search_path TO "${schema.replace(/"/g, '')}"`, err => done(err, conn)),
            }
          : {}),
      },
    })
  }
  const filename = options.sqliteFile ?? ':memory:'
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      // SQLite has one writer; a single connection avoids SQLITE_BUSY between our own connections.
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) => {
        const next = (i: number) => (i === SQLITE_PRAGMAS.length ? done(null, conn) : conn.run(SQLITE_PRAGMAS[i]!, err => (err ? done(err, conn) : next(i + 1))))
        next(0)
      },
    },
  })
}

/** Run on every new SQLite connection, in this order. */
const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  // WAL + synchronous=NORMAL (SQLite's advice for WAL): no corruption on a crash; only the last commits
  // before a power cut can roll back. FULL spends an fsync on every transaction.
  'PRAGMA synchronous = NORMAL',
  // Planner statistics, refreshed only where stale (SQLite's advice for long-lived connections).
  'PRAGMA optimize=0x10002',
]

interface SqliteConnection {
  run(sql: string, cb: (err: Error | null) => void): void
}

export function dbClient(knex: Knex): DbClient {
  return knex.client.config.client === 'pg' ? 'pg' : 'sqlite3'
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'vetting-desk.sqlite')
}

/**
 * Keep the query planner's statistics fresh. SQLite only gathers them when asked: without them it scans
 * every case for a search that an index answers in 2 ms. PostgreSQL's autovacuum does this by itself.
 * Called hourly by the server and after bulk loads.
 */
export async function refreshPlannerStatistics(knex: Knex): Promise<void> {
  if (dbClient(knex) === 'sqlite3') await knex.raw('PRAGMA optimize')
}
