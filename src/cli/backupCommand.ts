import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, loadConfig } from '../config'
import { MIGRATIONS_DIR } from '../db/migrate'
import { AUDIT_KEY_FILE } from '../auditKeys'
import { BackupError, createBackup, restoreBackup, type BackupManifest } from '../ops/backup'
import { safeErrorMessage } from '../logger'

type Flags = Record<string, string | true>

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function contents(m: BackupManifest): string {
  const parts = [
    m.database.kind === 'sqlite' ? `the SQLite database (migration ${m.database.migration ?? 'none'}): ${plural(m.counts.cases ?? 0, 'case')}, ${plural(m.counts.audit_events ?? 0, 'audit event')}` : 'no database (a --blobs-only backup)',
    plural(m.counts.blobs, 'uploaded file'),
    plural(m.counts.refdata_files, 'reference-data file'),
  ]
  if (m.secrets_included) parts.push('the secrets (audit key, session secret, checkpoint signing key, those present)')
  return parts.join('; ')
}

/**
 * `vet backup [--blobs-only] [--include-secrets] [--json] FILE` and
 * `vet restore [--blobs-only] [--json] FILE --data-dir DIR`. See src/ops/backup.ts for how.
 */
export async function backupCommand(
  command: 'backup' | 'restore',
  args: string[],
  flags: Flags,
  env: NodeJS.ProcessEnv,
  out: (s: string) => void,
  err: (s: string) => void,
  usage: (message: string) => number,
): Promise<number> {
  const [file, extra] = args
  if (!file || extra !== undefined) return usage(`${command} needs one archive file`)
  const blobsOnly = flags['blobs-only'] === true
  const json = flags.json === true
  const started = Date.now()
  try {
    if (command === 'backup') {
      let config
      try {
        config = loadConfig(env)
      } catch (e) {
        if (e instanceof ConfigError) {
          err(e.message)
          return 2
        }
        throw e
      }
      const includeSecrets = flags['include-secrets'] === true
      const result = await createBackup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, file, includeSecrets, blobsOnly })
      const ms = Date.now() - started
      for (const w of result.warnings) err(`vet: warning: ${w}`)
      if (json) {
        const { files, ...summary } = result.manifest
        out(JSON.stringify({ file: result.file, bytes: result.bytes, ms, files: files.length, ...summary }))
        return 0
      }
      out(`Backed up to ${result.file} (${result.bytes} bytes, ${ms} ms): ${contents(result.manifest)}.`)
      if (!includeSecrets) {
        out(
          `Not in the backup: the audit key and the session secret (${config.auditKey ? 'AUDIT_KEY' : `${path.join(config.dataDir, AUDIT_KEY_FILE)}`}, SESSION_SECRET or DATA_DIR/session-secret). Keep them in your secret store: \`vet audit verify\` on a restored copy needs the same audit key. (--include-secrets adds them.)`,
        )
      }
      return 0
    }

    const dataDir = flags['data-dir']
    if (typeof dataDir !== 'string' || !dataDir.trim()) return usage('restore needs --data-dir DIR: an empty folder (or a new one) to restore into')
    const result = await restoreBackup({ file, dataDir: dataDir.trim(), blobsOnly })
    const m = result.manifest
    const ms = Date.now() - started
    const known = m.database.migration === null || fs.existsSync(path.join(MIGRATIONS_DIR, `${m.database.migration}.ts`)) || fs.existsSync(path.join(MIGRATIONS_DIR, `${m.database.migration}.js`))
    const keyRestored = m.files.some(f => f.path === AUDIT_KEY_FILE)
    if (json) {
      const { files, ...summary } = m
      out(JSON.stringify({ data_dir: result.dataDir, files: files.length, bytes: result.restored.bytes, ms, audit_key_restored: keyRestored, ...summary }))
    } else {
      out(`Restored ${path.resolve(file)} (made ${m.created_at} by Vetting Desk ${m.app_version}) into ${result.dataDir} in ${ms} ms: ${contents(m)}. Every file's SHA-256 matched the manifest.`)
      if (!keyRestored) {
        out(
          `The audit key was not in the backup. Before starting the app or running any other vet command with DATA_DIR=${result.dataDir}, put the instance's key back from your secret store, as ${path.join(result.dataDir, AUDIT_KEY_FILE)} (mode 0600) or in AUDIT_KEY: without it a new key is made, and \`vet audit verify\` then reports the trail as edited.`,
        )
      }
      if (m.database.kind === 'none') out('Restore the PostgreSQL database with pg_restore (README, "Backups") and point DATABASE_URL at it.')
    }
    if (!known) err(`vet: warning: the backup's database was migrated to ${m.database.migration}, which this version of Vetting Desk does not know: run the version that made it (${m.app_version}) or newer.`)
    return 0
  } catch (e) {
    err(`vet: ${e instanceof BackupError ? e.message : safeErrorMessage(e)}`)
    return 1
  }
}
