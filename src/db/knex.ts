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
    client: SharingSqliteClient as unknown as typeof Knex.Client,
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      // Under WAL readers never wait for the writer, but only on connections of their own: one shared
      // connection made every page wait for a whole import batch. Three: one writing, two reading, which
      // leaves a libuv thread (there are four) for file I/O even when both readers sit in a busy wait.
      // An in-memory database is private to its connection, so it keeps one.
      min: 1,
      max: filename === ':memory:' ? 1 : SQLITE_CONNECTIONS,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) => {
        const next = (i: number) => (i === SQLITE_PRAGMAS.length ? optimize(conn, () => done(null, conn)) : conn.run(SQLITE_PRAGMAS[i]!, err => (err ? done(err, conn) : next(i + 1))))
        next(0)
      },
    },
  })
}

/**
 * Planner statistics, refreshed only where stale (SQLite's advice for long-lived connections). Advisory:
 * it may need the write lock, and a connection must still open while another process is writing.
 */
const optimize = (conn: SqliteConnection, then: () => void) => conn.run('PRAGMA optimize=0x10002', () => then())

const SQLITE_CONNECTIONS = 3

/** Bounded patience for the write lock when another process (the server, `vet import`) is writing. */
export const SQLITE_WRITE_WAIT = { totalMs: 60_000, firstDelayMs: 50, maxDelayMs: 2_000 }

export const isSqliteBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ''))

/**
 * One queue per database handle for everything that writes: transactions and single writing statements
 * alike wait here, in turn, rather than in SQLite's busy handler, which polls (a statement polling there
 * starves while an import's transactions follow one another) and holds a libuv thread while it does.
 */
class WriteQueue {
  private tail: Promise<void> = Promise.resolve()
  run<T>(work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    let gaveUp = false
    const ran = this.tail.then(() => {
      clearTimeout(timer)
      if (gaveUp) throw new Error('gave up waiting')
      return work()
    })
    this.tail = ran.then(
      () => undefined,
      () => undefined,
    )
    // A write through the handle from inside a transaction would wait for itself: fail it, in time, instead.
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true
        reject(new Error('timed out waiting for the database write lock (is a transaction writing through the database handle instead of its own?)'))
      }, 2 * SQLITE_WRITE_WAIT.totalMs)
      timer.unref()
    })
    return Promise.race([ran, waited])
  }
}

/** Whether a builder run outside a transaction writes (and so must take its turn in the write queue). */
function writes(builder: { _method?: unknown; sql?: unknown }): boolean {
  if (typeof builder._method === 'string') return !['select', 'first', 'pluck', 'columnInfo'].includes(builder._method)
  // Pragmas are settings of the connection, or reads, except those that write.
  if (typeof builder.sql === 'string') return !/^\s*(select|with|explain|pragma\s+(?!optimize|wal_checkpoint|incremental_vacuum)\w)/i.test(builder.sql)
  return true // schema changes
}

/* eslint-disable @typescript-eslint/no-require-imports -- knex exports no types for its dialect classes; these are the documented extension points (client: a class) */
type KnexTransactionClass = new (client: unknown, container: unknown, config: unknown, outerTx: unknown) => {
  trxClient: { query: (conn: unknown, sql: string) => Promise<unknown> }
  outerTx: unknown
  client: { transacting?: boolean }
  begin(conn: unknown): Promise<unknown>
  acquireConnection(config: { connection?: unknown } | undefined, cb: (conn: unknown) => Promise<unknown>): Promise<unknown>
}
const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction') as KnexTransactionClass
const SqliteClient = require('knex/lib/dialects/sqlite3') as new (config: unknown) => { transacting?: boolean; transaction(...args: unknown[]): unknown; runner(builder: unknown): { run: () => Promise<unknown> } }
/* eslint-enable @typescript-eslint/no-require-imports */

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE). knex's plain BEGIN starts a
 * reader that upgrades at its first write, and an upgrade after another connection committed fails at
 * once with SQLITE_BUSY, busy timeout or not. Transactions of one process queue in JavaScript; against
 * another process, BEGIN is retried with backoff for a bounded time, since a failed BEGIN did nothing.
 */
class ImmediateTransaction extends SqliteTransaction {
  override async begin(conn: unknown): Promise<unknown> {
    const deadline = Date.now() + SQLITE_WRITE_WAIT.totalMs
    for (let delay = SQLITE_WRITE_WAIT.firstDelayMs; ; delay = Math.min(delay * 2, SQLITE_WRITE_WAIT.maxDelayMs)) {
      try {
        // Straight to the connection: knex's own query() would fail the transaction on the first BUSY.
        return await this.trxClient.query(conn, 'BEGIN IMMEDIATE;')
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() + delay > deadline) throw error
        await sleep(delay + Math.random() * delay)
      }
    }
  }

  override async acquireConnection(config: { connection?: unknown } | undefined, cb: (conn: unknown) => Promise<unknown>): Promise<unknown> {
    // Savepoints and transactions on a connection the caller holds already own the lock.
    if (this.outerTx || this.client.transacting || config?.connection) return super.acquireConnection(config, cb)
    return writeQueueOf(this.client).run(() => super.acquireConnection(config, cb))
  }
}

const writeQueues = new WeakMap<object, WriteQueue>()
/** knex derives clients from the base one (Object.create) for strict pragmas; they share its queue. */
function writeQueueOf(client: object): WriteQueue {
  let base = client
  while (!Object.prototype.hasOwnProperty.call(base, 'pool') && Object.getPrototypeOf(base)) base = Object.getPrototypeOf(base) as object
  let queue = writeQueues.get(base)
  if (!queue) writeQueues.set(base, (queue = new WriteQueue()))
  return queue
}

class SharingSqliteClient extends SqliteClient {
  override transaction(...args: unknown[]): unknown {
    const [container, config, outerTx] = args
    return new ImmediateTransaction(this, container, config, outerTx)
  }

  override runner(builder: { _method?: unknown; sql?: unknown; _connection?: unknown }): { run: () => Promise<unknown> } {
    const runner = super.runner(builder)
    // Inside a transaction the lock is held already (knex derives transaction clients from this class); a
    // builder given a connection belongs to whoever holds that connection. Otherwise a write waits for
    // its turn before it takes a connection, so waiting writers never hold the pool.
    if (this.transacting || builder._connection || !writes(builder)) return runner
    const run = runner.run.bind(runner)
    runner.run = () => writeQueueOf(this).run(run)
    return runner
  }
}

/** Run on every new SQLite connection, in this order. */
const SQLITE_PRAGMAS = [
  // First, so that the pragmas after it wait for a lock held by another process rather than fail.
  'PRAGMA busy_timeout = 5000',
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  // WAL + synchronous=NORMAL (SQLite's advice for WAL): no corruption on a crash; only the last commits
  // before a power cut can roll back. FULL spends an fsync on every transaction.
  'PRAGMA synchronous = NORMAL',
  // Deleted rows are overwritten with zeros, not left in free pages and cells: an erased person's data
  // (issue 17) must leave the file, and so must anything else deleted. Costs a write of each freed page.
  'PRAGMA secure_delete = ON',
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
  if (dbClient(knex) !== 'sqlite3') return
  try {
    await knex.raw('PRAGMA optimize')
  } catch (error) {
    // Advisory: another process writing (the server beside `vet import`) is no reason to fail; next time.
    if (!isSqliteBusy(error)) throw error
  }
}

/**
 * A write lost to a concurrent one that the caller may retry from its look-up: a unique index refused a
 * duplicate (PostgreSQL 23505, SQLite's UNIQUE constraint), or PostgreSQL broke a deadlock.
 */
export function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e) return false
  if (e.code === '23505' || e.code === '40P01' || e.code === '40001') return true
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/i.test(String(e.message))
}
