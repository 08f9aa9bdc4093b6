import { ConfigError, ensureDataDir, loadConfig } from '../config'
import { createKnex, sqliteFileIn } from '../db/knex'
import { migrateLatest, pendingMigrations, rollbackAll } from '../db/migrate'
import { createServices } from '../services'
import { systemActor } from '../services/context'
import { ROLES, isRole } from '../auth/roles'
import { ValidationError } from '../services/userService'
import { extractCommand } from './extractCommand'
import { scoreCommand } from './scoreCommand'
import { namesCommand } from './namesCommand'
import { importCommand } from './importCommand'
import { relinkCommand } from './relinkCommand'
import { indicatorsCommand } from './indicatorsCommand'
import { jobsCommand } from './jobsCommand'
import { refdataCommand } from './refdataCommand'
import { auditCommand } from './auditCommand'
import { eraseCommand } from './eraseCommand'
import { retentionCommand } from './retentionCommand'
import { subjectExportCommand } from './subjectExportCommand'
import { backupCommand } from './backupCommand'
import { resolveAuditKey } from '../auditKeys'
import { createAuditRepository } from '../db/repositories/auditRepository'
import { createAuditService } from '../services/auditService'
import { readPassword } from './readPassword'
import { safeErrorMessage } from '../logger'

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const HELP = `Usage: vet <command> [options]

Vetting Desk's command line. It works on the database the app uses: DATABASE_URL when set,
otherwise the SQLite database in DATA_DIR (default ./data).

Commands:
  extract [--json] PATH…                what Vetting Desk reads from resumes (PDF, DOCX, text), application
                                        JSON and JSON Resume files; folders are walked. No database is used.
                                        --json prints one object per line per file.
  score [--json] [--as-of DATE] PATH…   score applications with the app's rules, without the server or its
                                        database; all inputs form one population. --json: one line per
                                        application {id, file, score, band, findings, links}, and one
                                        {file, error} per input that could not be read
  names [--json] [FILE]                 compare pairs of names from a CSV (name1, name2, schema) in FILE
                                        or on standard input: {name1, name2, schema, score, match} per pair
  import [--json] PATH…                 bring applications into the database: application JSON (with the
                                        files they reference), JSON Resume, resumes, ATS CSV exports,
                                        folders and ZIP archives of them; prints what happened to each
  relink [--json]                       rebuild every open case's link keys and links (after an upgrade
                                        changed how they are made); cases whose links change are scored again;
                                        decided cases keep what they were decided on
  refdata import [--kind K] FILE…       load reference data into DATA_DIR/refdata: OFAC sdn.csv, OFAC
                                        sanctioned-address lists, ASN lists and IPv4 CIDR lists (K is
                                        datacenter or vpn; default from the file name)
                                        then queues a re-screen of every open case and active contractor
                                        that lists the NEW hits only (--no-rescreen to skip)
  refdata list [--json]                 the reference data in use, with versions and sources
  indicators export [--format stix|misp|csv] [--tlp T] [--since DATE] [--hashed KEYFILE] [--relay] [--out FILE]
                                        what cases confirmed as fraudulent teach (phones, emails, wallets,
                                        payout accounts, shipping addresses, handles, resume and photo
                                        fingerprints; never names), for a sharing group. --hashed: HMAC-SHA256
                                        under the group's key; --relay also passes on received indicators
                                        their TLP allows (never AMBER+STRICT or RED)
  indicators import FILE [--source NAME] [--tlp T] [--expires DATE] [--hashed KEYFILE] [--json] [--no-wait]
                                        add a STIX 2.1 bundle, MISP event or CSV (type,value,first_seen,expires,
                                        comment) to the shared watch list, then retro-hunt existing cases;
                                        prints added, updated, expired, rejected (with reasons) and cases hit
  jobs list [--json]                    background jobs (imports, retro-hunts, re-screens, scheduled checks):
                                        state, attempts, progress; dead ones with their last error
  jobs run                              run the due jobs here until none is left (when no server runs)
  jobs retry ID                         queue a dead job again, from where it stopped
  indicators key [--out FILE]           make a sharing-group key (32 random bytes, hex)
  indicators list [--json]              the feeds imported, with counts
  audit verify [--json] [--checkpoint FILE [--public-key PEM]]
                                        check the audit trail's keyed hash chain: exit 0 when intact, 1 naming
                                        the first event where an edit, deletion or insertion broke it; with a
                                        checkpoint, also that no event was cut off the end since
  audit checkpoint [--out FILE]         sign the trail's head (last event, its hash, the count) with
                                        DATA_DIR/audit-signing-key, to keep somewhere else
  audit public-key                      print the public key that checks checkpoints
  backup [--include-secrets] [--json] FILE
                                        while the app runs, copy the SQLite database (online backup API),
                                        the uploaded files it references and DATA_DIR/refdata into one tar
                                        FILE with a manifest of SHA-256s. The audit key and session secret
                                        are left out unless --include-secrets (keep them in your secret store)
                                        With --blobs-only: uploaded files and reference data only, for
                                        PostgreSQL after pg_dump -Fc (README, "Backups")
  restore [--blobs-only] FILE --data-dir DIR
                                        check every file of a backup against its manifest and restore it
                                        into DIR, which must be empty or new
  erase CASE_REF --reason TEXT [--compact] [--json]
                                        erase the person's data from every revision of the case, keeping an
                                        erased shell (reference, status, decision, dates, score, rule ids);
                                        recorded as CASE_ERASED; --compact reclaims the freed space
  retention run [--dry-run] [--json]   erase the cases past their retention period now (RETENTION_<OUTCOME>_DAYS;
                                        the server also runs this daily); --dry-run lists them and changes nothing
  subject-export CASE_REF --out FILE.zip
                                        the person's own copy of their data (subject access): subject.json,
                                        their documents, the PDF report and a README
  migrate [--status] [--rollback-all]   apply pending database migrations (or list them / undo all)
  users add --email E --role R [--name N]
                                        add a user; the password is read from standard input,
                                        or asked for when standard input is a terminal
  users list                            list users: id, email, role, state
  users disable --email E               disable a user and end their sessions
  users enable --email E                re-enable a disabled user and clear a lockout
  tokens add --email E --name N         make an API token acting as that user (shown once)
  tokens revoke --email E               revoke all of that user's API tokens

Roles: ${ROLES.join(', ')}
Options:
  -h, --help                            show this help (also after a command: vet users --help)

Exit status: 0 done, 1 failed (for extract, import and score: some input could not be read or
imported; the rest were), 2 usage error.
`

class UsageError extends Error {}

/** Flags that never take a value, so `--json file.pdf` leaves the file as an argument. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'status', 'rollback-all', 'blobs-only', 'include-secrets', 'compact', 'dry-run', 'relay', 'no-wait', 'no-rescreen'])

/** Parse `--flag value` and `--flag=value` pairs; bare and boolean flags are true. */
export function parseFlags(args: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-h') flags.help = true
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (inline !== undefined) flags[name] = inline
      else if (BOOLEAN_FLAGS.has(name)) flags[name] = true
      else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[name] = args[++i]!
      else flags[name] = true
    } else positional.push(arg)
  }
  return { positional, flags }
}

function stringFlag(flags: Record<string, string | true>, name: string): string {
  const value = flags[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`)
  return value.trim()
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseFlags(argv)
  const [command, sub] = positional
  const out = (s: string) => io.stdout.write(`${s}\n`)
  const err = (s: string) => io.stderr.write(`${s}\n`)

  if (!command || flags.help) {
    ;(command || flags.help ? io.stdout : io.stderr).write(HELP)
    return command || flags.help ? EXIT.ok : EXIT.usage
  }
  if (command === 'names') {
    return namesCommand(positional[1], flags.json === true, io.stdin, out, err)
  }
  if (command === 'score') {
    const paths = positional.slice(1)
    const asOf = typeof flags['as-of'] === 'string' ? new Date(flags['as-of']) : undefined
    if (!paths.length || (asOf && Number.isNaN(asOf.getTime()))) {
      err(paths.length ? 'vet: --as-of must be a date such as 2026-10-01\n' : 'vet: score needs at least one file or folder\n')
      io.stderr.write(HELP)
      return EXIT.usage
    }
    return scoreCommand(paths, { json: flags.json === true, dataDir: io.env.DATA_DIR ?? './data', ...(asOf ? { asOf } : {}) }, out)
  }
  let rescreenAfter: string[] | undefined
  if (command === 'refdata') {
    const code = refdataCommand(sub, positional.slice(2), { json: flags.json === true, ...(typeof flags.kind === 'string' ? { kind: flags.kind } : {}) }, io.env.DATA_DIR ?? './data', out, err)
    // New lists: every open case and active contractor is screened again, in the background (below).
    if (code !== EXIT.ok || sub !== 'import' || flags['no-rescreen'] === true) return code
    rescreenAfter = positional.slice(2).map(f => f.replace(/^.*[\\/]/, ''))
  }
  if (command === 'extract') {
    const paths = positional.slice(1)
    if (!paths.length) {
      err('vet: extract needs at least one file or folder\n')
      io.stderr.write(HELP)
      return EXIT.usage
    }
    return extractCommand(paths, flags.json === true, out)
  }
  if (command === 'backup' || command === 'restore') {
    return backupCommand(command, positional.slice(1), flags, io.env, out, err, message => {
      err(`vet: ${message}\n`)
      io.stderr.write(HELP)
      return EXIT.usage
    })
  }
  if (!['migrate', 'users', 'import', 'tokens', 'audit', 'relink', 'erase', 'subject-export', 'retention', 'indicators', 'jobs', 'refdata'].includes(command)) {
    err(`vet: unknown command "${command}"\n`)
    io.stderr.write(HELP)
    return EXIT.usage
  }

  let config
  try {
    config = loadConfig(io.env)
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message)
      return EXIT.usage
    }
    throw e
  }
  try {
    ensureDataDir(config)
  } catch (e) {
    err(`vet: ${(e as Error).message}`) // DATA_DIR cannot be made private: refuse, naming the path
    return EXIT.failed
  }
  const db = createKnex({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) })
  try {
    if (command === 'migrate') {
      if (flags['rollback-all']) {
        const undone = await rollbackAll(db)
        out(undone.length ? `Rolled back ${undone.length} migrations` : 'Nothing to roll back')
        return EXIT.ok
      }
      if (flags.status) {
        const pending = await pendingMigrations(db)
        out(pending.length ? `Pending:\n${pending.map(p => `  ${p}`).join('\n')}` : 'Database is up to date')
        return EXIT.ok
      }
      const applied = await migrateLatest(db)
      await createAuditService({ db, audit: createAuditRepository({ key: () => resolveAuditKey({ dataDir: config.dataDir, auditKey: config.auditKey }) }) }).sealLegacy()
      out(applied.length ? `Applied ${applied.length} migrations:\n${applied.map(a => `  ${a}`).join('\n')}` : 'Database is already up to date')
      return EXIT.ok
    }

    if (command === 'audit') {
      if (!['verify', 'checkpoint', 'public-key'].includes(sub ?? '')) throw new UsageError('audit needs a command: verify, checkpoint or public-key')
      const file = (name: string) => {
        if (flags[name] === true) throw new UsageError(`--${name} needs a file`)
        return flags[name] as string | undefined
      }
      return await auditCommand(db, sub, { dataDir: config.dataDir, auditKey: config.auditKey, json: flags.json === true, checkpoint: file('checkpoint'), publicKey: file('public-key'), outFile: file('out') }, out, err)
    }

    // users: make sure the schema exists first, so `vet users add` works on a brand-new data folder
    await migrateLatest(db)
    const services = createServices(db, { login: config.login, dataDir: config.dataDir, auditKey: config.auditKey, retention: config.retention, accessLogs: config.accessLogs }, {
      endSessions: async userId => {
        await db('sessions').where({ user_id: userId }).delete()
      },
    })
    const actor = systemActor(`cli-${process.pid}`)
    if (command === 'import') {
      const paths = positional.slice(1)
      if (!paths.length) throw new UsageError('import needs at least one file or folder')
      try {
        return await importCommand(services, paths, flags.json === true, actor, out)
      } finally {
        await services.close()
      }
    }
    if (command === 'erase' || command === 'subject-export') {
      try {
        return command === 'erase'
          ? await eraseCommand(services, positional[1], { reason: typeof flags.reason === 'string' ? flags.reason : undefined, compact: flags.compact === true, json: flags.json === true }, actor, out, err)
          : await subjectExportCommand(services, positional[1], typeof flags.out === 'string' ? flags.out : undefined, actor, out, err)
      } finally {
        await services.close()
      }
    }
    if (command === 'retention') {
      try {
        return await retentionCommand(services, sub, { dryRun: flags['dry-run'] === true, json: flags.json === true }, actor, out, err)
      } finally {
        await services.close()
      }
    }
    if (command === 'refdata' && rescreenAfter) {
      try {
        const job = await services.rescreen.enqueue(rescreenAfter)
        err(`Re-screening every open case and active contractor against the new lists: job ${job.id}${job.existing ? ' (joined the one already queued)' : ''}. The server runs it in the background; without a server, run \`vet jobs run\`.`)
        return EXIT.ok
      } finally {
        await services.close()
      }
    }
    if (command === 'jobs') {
      try {
        return await jobsCommand(services, sub, positional.slice(2), { json: flags.json === true }, out, err)
      } finally {
        await services.close()
      }
    }
    if (command === 'indicators') {
      const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined)
      try {
        return await indicatorsCommand(services, sub, positional.slice(2), { format: str('format'), tlp: str('tlp'), since: str('since'), hashed: str('hashed'), out: str('out'), source: str('source'), expires: str('expires'), json: flags.json === true, relay: flags.relay === true, wait: flags['no-wait'] !== true }, actor, out, err)
      } finally {
        await services.close()
      }
    }
    if (command === 'relink') {
      try {
        return await relinkCommand(db, services, flags.json === true, actor, out)
      } finally {
        await services.close()
      }
    }
    if (command === 'tokens') {
      const email = stringFlag(flags, 'email')
      const user = await services.users.findByEmail(email)
      if (!user) {
        err(`vet: no user with email ${email}`)
        return EXIT.failed
      }
      if (sub === 'add') {
        const token = await services.apiTokens.issue(user.id, stringFlag(flags, 'name'), actor)
        out(token)
        err(`API token for ${user.email} (${user.role}). It is shown only now; keep it in your integration's secret store.`)
        return EXIT.ok
      }
      if (sub === 'revoke') {
        out(`Revoked ${await services.apiTokens.revokeAll(user.id, actor)} tokens of ${user.email}`)
        return EXIT.ok
      }
      throw new UsageError('tokens needs a command: add or revoke')
    }
    switch (sub) {
      case 'add': {
        const email = stringFlag(flags, 'email')
        const role = stringFlag(flags, 'role')
        if (!isRole(role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`)
        const name = typeof flags.name === 'string' ? flags.name : email.split('@')[0]!
        const password = await readPassword(io, `Password for ${email}: `)
        try {
          const user = await services.users.create({ email, role, displayName: name, password }, actor)
          out(`Added ${user.email} as ${user.role} (id ${user.id})`)
          return EXIT.ok
        } catch (e) {
          if (e instanceof ValidationError) {
            for (const [field, message] of Object.entries(e.fieldErrors)) err(`vet: ${field}: ${message}`)
            return EXIT.failed
          }
          throw e
        }
      }
      case 'list': {
        const users = await services.users.list()
        const now = new Date().toISOString()
        const rows = users.map(u => [String(u.id), u.email, u.role, u.disabled_at ? 'disabled' : u.locked_until && u.locked_until > now ? 'locked' : 'active'])
        const widths = [2, 5, 4, 5].map((w, i) => Math.max(w, ...rows.map(r => r[i]!.length)))
        const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
        out(line(['id', 'email', 'role', 'state']))
        for (const r of rows) out(line(r))
        return EXIT.ok
      }
      case 'disable':
      case 'enable': {
        const email = stringFlag(flags, 'email')
        const user = await services.users.findByEmail(email)
        if (!user) {
          err(`vet: no user with email ${email}`)
          return EXIT.failed
        }
        await services.users.setEnabled(user.id, sub === 'enable', actor)
        out(`${sub === 'enable' ? 'Enabled' : 'Disabled'} ${user.email}`)
        return EXIT.ok
      }
      default:
        throw new UsageError(sub ? `unknown users command "${sub}"` : 'users needs a command: add, list, disable or enable')
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`vet: ${e.message}\n`)
      io.stderr.write(HELP)
      return EXIT.usage
    }
    err(`vet: ${safeErrorMessage(e)}`) // a database error's message holds the SQL and the row's values
    return EXIT.failed
  } finally {
    await db.destroy()
  }
}

