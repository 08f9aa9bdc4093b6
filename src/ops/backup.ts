import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { sqliteFileIn } from '../db/knex'
import { AUDIT_KEY_FILE, SIGNING_KEY_FILE } from '../auditKeys'
import { version as appVersion } from '../version'
import { readTar, TarFormatError, TarWriter } from './tar'

/**
 * Backups of one instance: the SQLite database (or, on PostgreSQL, none: pg_dump does that), the blob
 * store and the reference data, in one tar file with a manifest of every file's SHA-256.
 *
 * The database is copied with SQLite's online backup API in a single step: one read transaction, so the
 * copy is the database as of one instant, and under WAL the app's writers carry on meanwhile. (Copying a
 * few pages per step would restart from the beginning whenever another connection writes, and an import
 * writes all the time.) Blobs are content-addressed and only ever added, and every writer stores a blob
 * before the transaction that references it commits, so once the snapshot is taken every blob it
 * references exists: blobs are copied after it, and only those it references.
 *
 * Secrets (audit key, session secret, checkpoint signing key) stay out unless asked for: an archive that
 * leaves the machine should not carry the key that lets its holder rewrite the audit trail.
 */
export const BACKUP_FORMAT = 'vetting-desk-backup'
export const BACKUP_VERSION = 1
export const MANIFEST = 'manifest.json'
const SECRET_FILES = [AUDIT_KEY_FILE, 'session-secret', SIGNING_KEY_FILE]
const DATABASE_FILE = path.basename(sqliteFileIn('.'))
const SHA256 = /^[0-9a-f]{64}$/
const BLOB_PATH = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/
const REFDATA_PATH = /^refdata\/(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.@+-]+(?:\/[\w.@+-]+)*$/

export interface ManifestFile {
  path: string
  size: number
  sha256: string
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: number
  app_version: string
  created_at: string
  database: {
    /** what the archive holds: the SQLite database, or none (a --blobs-only backup) */
    kind: 'sqlite' | 'none'
    /** the database the instance used */
    source: 'sqlite' | 'postgresql'
    /** the last migration applied in the copy (null without a database) */
    migration: string | null
    method: 'sqlite-online-backup' | null
  }
  counts: { cases: number | null; audit_events: number | null; documents: number | null; blobs: number; refdata_files: number }
  secrets_included: boolean
  files: ManifestFile[]
}

export class BackupError extends Error {}

export interface BackupOptions {
  dataDir: string
  databaseUrl?: string | undefined
  file: string
  includeSecrets?: boolean
  blobsOnly?: boolean
}

const sha256Of = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex')

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

// ---- SQLite through node-sqlite3 directly: knex has no backup API, and these are one-off connections.

/** node-sqlite3's Backup object (its type declarations leave it out). */
interface SqliteBackup {
  step(pages: number, cb: (err: Error | null) => void): void
  finish(cb: (err: Error | null) => void): void
  readonly completed: boolean
  readonly failed: boolean
}

function openSqlite(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, err => (err ? reject(err) : resolve(db)))
  })
}
const closeSqlite = (db: sqlite3.Database) => new Promise<void>(resolve => db.close(() => resolve()))
const allRows = <T>(db: sqlite3.Database, sql: string) =>
  new Promise<T[]>((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[]))))

/** Copy the live database to `target` in one backup step, retrying while another connection holds a lock. */
async function snapshotSqlite(source: string, target: string): Promise<void> {
  const db = await openSqlite(source, sqlite3.OPEN_READWRITE) // never create: a missing database is an error
  try {
    db.configure('busyTimeout', 5000)
    const backup = await new Promise<SqliteBackup>((resolve, reject) => {
      const b = (db as unknown as { backup: (file: string, cb: (err: Error | null) => void) => SqliteBackup }).backup(target, err => (err ? reject(err) : resolve(b)))
    })
    const deadline = Date.now() + 120_000
    while (!backup.completed) {
      const err = await new Promise<Error | null>(resolve => backup.step(-1, e => resolve(e)))
      if (backup.completed) break
      if (backup.failed || Date.now() > deadline) throw new BackupError(`the database could not be copied: ${err?.message ?? 'the backup failed'}`)
      await new Promise(resolve => setTimeout(resolve, 200)) // BUSY or LOCKED: another connection is checkpointing
    }
  } finally {
    await closeSqlite(db)
  }
  // The copy keeps the live database's WAL mode; one self-contained file is what an archive wants (the app
  // turns WAL on again when it opens the restored file).
  const copy = await openSqlite(target, sqlite3.OPEN_READWRITE)
  try {
    await allRows(copy, 'PRAGMA journal_mode = DELETE')
  } finally {
    await closeSqlite(copy)
  }
}

interface SnapshotFacts {
  migration: string | null
  cases: number
  auditEvents: number
  documents: number
  blobs: string[]
}

/** What the copy holds, read from the copy itself so that the counts and blob list match it exactly. */
async function readSnapshot(file: string): Promise<SnapshotFacts> {
  const db = await openSqlite(file, sqlite3.OPEN_READONLY)
  try {
    const tables = new Set((await allRows<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'")).map(r => r.name))
    if (!tables.has('knex_migrations') || !tables.has('cases')) throw new BackupError('the database has no Vetting Desk tables yet (run `vet migrate` first); there is nothing to back up')
    const check = await allRows<{ quick_check: string }>(db, 'PRAGMA quick_check')
    if (check[0]?.quick_check !== 'ok') throw new BackupError(`the copy of the database fails SQLite's integrity check: ${check.map(c => c.quick_check).slice(0, 3).join('; ')}`)
    const count = async (table: string) => (tables.has(table) ? Number((await allRows<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`))[0]!.n) : 0)
    const migration = (await allRows<{ name: string }>(db, 'SELECT name FROM knex_migrations ORDER BY id DESC LIMIT 1'))[0]?.name ?? null
    const shas = await allRows<{ sha: string }>(
      db,
      `SELECT DISTINCT sha256 AS sha FROM documents${tables.has('checklist_items') ? ' UNION SELECT DISTINCT file_sha256 FROM checklist_items WHERE file_sha256 IS NOT NULL' : ''}`,
    )
    return { migration, cases: await count('cases'), auditEvents: await count('audit_events'), documents: await count('documents'), blobs: shas.map(s => s.sha).sort() }
  } finally {
    await closeSqlite(db)
  }
}

const blobPath = (sha: string) => `blobs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`

/** Every blob in the store (for --blobs-only, where no database copy says which are referenced). */
async function allBlobs(blobDir: string): Promise<string[]> {
  const found: string[] = []
  const hex2 = /^[0-9a-f]{2}$/
  const list = async (dir: string) => (await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[]))
  for (const a of await list(blobDir)) {
    if (!a.isDirectory() || !hex2.test(a.name)) continue
    for (const b of await list(path.join(blobDir, a.name))) {
      if (!b.isDirectory() || !hex2.test(b.name)) continue
      // Temporary files of a put in progress end in .tmp and are not blobs yet.
      for (const f of await list(path.join(blobDir, a.name, b.name))) if (f.isFile() && SHA256.test(f.name) && f.name.startsWith(a.name + b.name)) found.push(f.name)
    }
  }
  return found.sort()
}

/** Reference data files, relative to DATA_DIR, without the temporary files of an import in progress. */
async function refdataFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'refdata')
  const found: string[] = []
  const walk = async (dir: string) => {
    for (const e of await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[])) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) await walk(full)
      else if (e.isFile() && !e.name.endsWith('.tmp')) found.push(path.relative(dataDir, full).split(path.sep).join('/'))
    }
  }
  await walk(root)
  return found.filter(f => REFDATA_PATH.test(f)).sort()
}

export interface BackupResult {
  file: string
  manifest: BackupManifest
  bytes: number
  warnings: string[]
}

/** Write a backup of the instance in `dataDir` to `file` (which must not exist yet). */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const usingPostgres = Boolean(options.databaseUrl)
  if (usingPostgres && !options.blobsOnly) {
    throw new BackupError(
      'this instance uses PostgreSQL (DATABASE_URL), whose database vet backup does not copy. Back it up with `pg_dump -Fc "$DATABASE_URL" -f db.dump`, then copy the uploaded files and reference data with `vet backup --blobs-only FILE` (README, "Backups").',
    )
  }
  const target = path.resolve(options.file)
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name (a backup never overwrites another)`)
  const dbFile = sqliteFileIn(options.dataDir)
  if (!options.blobsOnly && !fs.existsSync(dbFile)) throw new BackupError(`there is no database at ${dbFile} (is DATA_DIR right?)`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  // Work beside the archive: the copy of the database can be large, and /tmp may be small or elsewhere.
  const work = fs.mkdtempSync(path.join(path.dirname(target), '.vet-backup-'))
  fs.chmodSync(work, 0o700)
  const warnings: string[] = []
  if (options.includeSecrets) {
    warnings.push('this archive holds the audit key and session secret: anyone holding it can rewrite the audit trail so that it verifies, and forge sessions. Keep it as you keep those secrets.')
  }
  try {
    // An erasure deletes a person's files after its transaction commits: a snapshot taken just before it
    // can reference a file that is gone by the time it is copied. A fresh snapshot no longer does.
    for (let attempt = 1; ; attempt++) {
      try {
        return { ...(await backupOnce(options, dbFile, path.join(work, `attempt-${attempt}`))), file: target, warnings }
      } catch (error) {
        if (!(error instanceof BlobVanished)) throw error
        if (attempt >= BACKUP_ATTEMPTS) {
          throw new BackupError(`${error.shas.length} uploaded file(s) the database references are missing from ${path.join(options.dataDir, 'blobs')} (the first: ${error.shas[0]}); the instance is already damaged, so no backup was made`)
        }
      }
    }
  } catch (error) {
    if (error instanceof TarFormatError) throw new BackupError(error.message)
    throw error
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }

  async function backupOnce(options: BackupOptions, dbFile: string, dir: string): Promise<Omit<BackupResult, 'file' | 'warnings'>> {
    fs.mkdirSync(dir, { mode: 0o700 })
    const partial = path.join(dir, 'archive.tar')
    // 1. The database, first: everything copied after it is at least as new.
    let facts: SnapshotFacts | null = null
    const snapshot = path.join(dir, DATABASE_FILE)
    if (!options.blobsOnly) {
      await snapshotSqlite(dbFile, snapshot)
      facts = await readSnapshot(snapshot)
    }
    // 2. Small files, read now so that what is hashed is what is archived.
    const small: Array<{ path: string; data: Buffer }> = []
    for (const rel of await refdataFiles(options.dataDir)) {
      try {
        small.push({ path: rel, data: await fs.promises.readFile(path.join(options.dataDir, rel)) })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error // replaced by an import meanwhile
      }
    }
    const refdataCount = small.length
    if (options.includeSecrets) {
      for (const name of SECRET_FILES) {
        const file = path.join(options.dataDir, name)
        if (fs.existsSync(file)) small.push({ path: name, data: await fs.promises.readFile(file) })
      }
    }
    // 3. Blobs: those the copy references, or with --blobs-only every one in the store.
    const shas = facts ? facts.blobs : await allBlobs(path.join(options.dataDir, 'blobs'))
    const blobs: ManifestFile[] = []
    const missing: string[] = []
    for (const sha of shas) {
      if (!SHA256.test(sha)) throw new BackupError(`the database references a file by "${sha.slice(0, 70)}", which is not a SHA-256`)
      const stat = await fs.promises.stat(path.join(options.dataDir, blobPath(sha))).catch(() => null)
      if (stat) blobs.push({ path: blobPath(sha), size: stat.size, sha256: sha })
      else missing.push(sha)
    }
    if (missing.length) throw new BlobVanished(missing)
    const dbEntry: ManifestFile[] = facts ? [{ path: DATABASE_FILE, size: fs.statSync(snapshot).size, sha256: await sha256OfFile(snapshot) }] : []
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      app_version: appVersion,
      created_at: new Date().toISOString(),
      database: { kind: facts ? 'sqlite' : 'none', source: options.databaseUrl ? 'postgresql' : 'sqlite', migration: facts?.migration ?? null, method: facts ? 'sqlite-online-backup' : null },
      counts: { cases: facts?.cases ?? null, audit_events: facts?.auditEvents ?? null, documents: facts?.documents ?? null, blobs: blobs.length, refdata_files: refdataCount },
      secrets_included: Boolean(options.includeSecrets),
      files: [...dbEntry, ...small.map(s => ({ path: s.path, size: s.data.length, sha256: sha256Of(s.data) })), ...blobs],
    }
    // 4. The archive: the manifest first (so `tar xOf FILE manifest.json` is quick), then every file.
    const tar = await TarWriter.create(partial)
    try {
      await tar.addBuffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
      if (facts) await tar.addFile(DATABASE_FILE, snapshot, dbEntry[0]!.size, () => undefined)
      for (const s of small) await tar.addBuffer(s.path, s.data)
      for (const b of blobs) {
        const hash = crypto.createHash('sha256')
        try {
          await tar.addFile(b.path, path.join(options.dataDir, b.path), b.size, chunk => hash.update(chunk))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobVanished([b.sha256])
          throw error
        }
        // The name is the hash of the bytes put there: a difference is damage in the store, not in transit.
        if (hash.digest('hex') !== b.sha256) throw new BackupError(`the stored file ${b.path} is damaged: its bytes no longer match its SHA-256; no backup was made`)
      }
      await tar.finish()
    } catch (error) {
      await tar.abort()
      throw error
    }
    const bytes = fs.statSync(partial).size
    fs.renameSync(partial, target) // the archive appears under its name only when it is whole
    return { manifest, bytes }
  }
}

const BACKUP_ATTEMPTS = 3

class BlobVanished extends Error {
  constructor(readonly shas: string[]) {
    super('uploaded files vanished during the backup')
  }
}

// ---- restore

export interface RestoreOptions {
  file: string
  dataDir: string
  blobsOnly?: boolean
}

export interface RestoreResult {
  dataDir: string
  manifest: BackupManifest
  /** the restored copy's own counts, checked against the manifest's */
  restored: { files: number; bytes: number }
}

const RESTORE_TMP = '.restore-tmp'

/** Where an archive path may go: the database, a blob under its own hash, reference data, a secret. */
function allowedPath(p: string): boolean {
  if (p === DATABASE_FILE || SECRET_FILES.includes(p)) return true
  const blob = BLOB_PATH.exec(p)
  if (blob) return blob[3]!.startsWith(blob[1]! + blob[2]!)
  return REFDATA_PATH.test(p)
}

function parseManifest(text: string): BackupManifest {
  let m: BackupManifest
  try {
    m = JSON.parse(text) as BackupManifest
  } catch {
    throw new BackupError(`${MANIFEST} in the archive is not valid JSON: the archive is damaged`)
  }
  if (m?.format !== BACKUP_FORMAT) throw new BackupError('this is not a Vetting Desk backup (its manifest names another format)')
  if (m.version !== BACKUP_VERSION) throw new BackupError(`this backup is in format version ${String(m.version)}; this vet reads version ${BACKUP_VERSION}`)
  if (!Array.isArray(m.files)) throw new BackupError(`${MANIFEST} lists no files: the archive is damaged`)
  const seen = new Set<string>()
  for (const f of m.files) {
    if (typeof f?.path !== 'string' || !allowedPath(f.path)) throw new BackupError(`${MANIFEST} lists ${JSON.stringify(f?.path)}, which a backup never holds; nothing was restored`)
    if (seen.has(f.path)) throw new BackupError(`${MANIFEST} lists ${f.path} twice; nothing was restored`)
    if (!SHA256.test(String(f.sha256)) || !Number.isSafeInteger(f.size) || f.size < 0) throw new BackupError(`${MANIFEST} gives no valid SHA-256 and size for ${f.path}; nothing was restored`)
    const blob = BLOB_PATH.exec(f.path)
    if (blob && blob[3] !== f.sha256) throw new BackupError(`${MANIFEST} gives ${f.path} a SHA-256 other than its name; nothing was restored`)
    seen.add(f.path)
  }
  return m
}

/**
 * Restore a backup into `dataDir`, which must be empty or absent. Everything is written under
 * dataDir/.restore-tmp and checked against the manifest (every file's SHA-256 and size, nothing missing,
 * nothing extra, the database's own counts); only then is it moved into place.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const source = path.resolve(options.file)
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist`)
  const dataDir = path.resolve(options.dataDir)
  if (fs.existsSync(dataDir)) {
    if (!fs.statSync(dataDir).isDirectory()) throw new BackupError(`${dataDir} is not a folder`)
    const entries = fs.readdirSync(dataDir)
    if (entries.length) {
      throw new BackupError(`${dataDir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}). vet restore only writes into an empty folder, so that a restore never mixes with, or overwrites, another instance's data. Choose a new folder.`)
    }
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dataDir, 0o700)
  const tmp = path.join(dataDir, RESTORE_TMP)
  fs.mkdirSync(tmp, { mode: 0o700 })
  try {
    let manifest: BackupManifest | null = null
    let expected = new Map<string, ManifestFile>()
    const written = new Set<string>()
    let bytes = 0
    await readTar(source, async entry => {
      if (!manifest) {
        if (entry.path !== MANIFEST) throw new BackupError(`the archive does not start with ${MANIFEST}: it is not a Vetting Desk backup, or it is damaged`)
        const parts: Buffer[] = []
        return {
          chunk: data => void parts.push(Buffer.from(data)),
          end: () => {
            manifest = parseManifest(Buffer.concat(parts).toString('utf8'))
            expected = new Map(manifest.files.map(f => [f.path, f]))
            if (options.blobsOnly && manifest.database.kind !== 'none') throw new BackupError('this archive holds the SQLite database too; restore it without --blobs-only')
            if (!options.blobsOnly && manifest.database.kind === 'none') {
              throw new BackupError('this archive holds no database: it is a --blobs-only backup (PostgreSQL). Restore the database with pg_restore, and the files with `vet restore --blobs-only` (README, "Backups")')
            }
          },
        }
      }
      const want = expected.get(entry.path)
      if (!want) throw new BackupError(`the archive holds ${entry.path}, which its manifest does not list: it was altered; nothing was restored`)
      if (written.has(entry.path)) throw new BackupError(`the archive holds ${entry.path} twice: it was altered; nothing was restored`)
      if (entry.size !== want.size) throw new BackupError(`${entry.path} in the archive is ${entry.size} bytes, not the ${want.size} its manifest says: it was altered or damaged; nothing was restored`)
      const out = path.join(tmp, ...entry.path.split('/'))
      await fs.promises.mkdir(path.dirname(out), { recursive: true, mode: 0o700 })
      const handle = await fs.promises.open(out, 'wx', 0o600)
      const hash = crypto.createHash('sha256')
      let position = 0
      return {
        chunk: async data => {
          hash.update(data)
          await handle.write(data, 0, data.length, position)
          position += data.length
        },
        end: async () => {
          await handle.sync()
          await handle.close()
          if (hash.digest('hex') !== want.sha256) throw new BackupError(`${entry.path}: its SHA-256 does not match the manifest; the archive is damaged or was altered, and nothing was restored`)
          written.add(entry.path)
          bytes += entry.size
        },
      }
    })
    const m = manifest as BackupManifest | null
    if (!m) throw new BackupError(`the archive is empty: it holds no ${MANIFEST}`)
    const absent = m.files.filter(f => !written.has(f.path))
    if (absent.length) throw new BackupError(`the archive lacks ${absent.length} file(s) its manifest lists (the first: ${absent[0]!.path}): it is incomplete; nothing was restored`)
    if (m.database.kind === 'sqlite') {
      const facts = await readSnapshot(path.join(tmp, DATABASE_FILE)).catch((error: unknown) => {
        throw new BackupError(`the database in the archive cannot be read: ${(error as Error).message}`)
      })
      if (facts.cases !== m.counts.cases || facts.auditEvents !== m.counts.audit_events) {
        throw new BackupError(`the database in the archive holds ${facts.cases} cases and ${facts.auditEvents} audit events, not the ${String(m.counts.cases)} and ${String(m.counts.audit_events)} its manifest says; nothing was restored`)
      }
      const present = new Set(m.files.map(f => f.path))
      const unbacked = facts.blobs.filter(sha => !present.has(blobPath(sha)))
      if (unbacked.length) throw new BackupError(`the database references ${unbacked.length} file(s) the archive does not hold (the first: ${unbacked[0]}); nothing was restored`)
    }
    // Checked: move into place. Each top-level name moves in one rename.
    for (const name of fs.readdirSync(tmp)) fs.renameSync(path.join(tmp, name), path.join(dataDir, name))
    fs.rmdirSync(tmp)
    return { dataDir, manifest: m, restored: { files: written.size, bytes } }
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true })
    if (error instanceof TarFormatError) throw new BackupError(`${source}: ${error.message}; nothing was restored`)
    throw error
  }
}
