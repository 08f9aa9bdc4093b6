import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { sqliteFileIn } from './db/knex'
import { readOrCreateSecretFile } from './secretFile'
import { DEFAULT_RETENTION, type RetentionPolicy } from './privacy/retention'

/**
 * The only reader of process.env. Parsed once at start; a bad value stops the app with a message that
 * names the variable (see server.ts), rather than failing later somewhere obscure.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform(v => v === 'true' || v === '1' || v === 'yes')

const trustProxy = z.string().transform((value, ctx): boolean | number | string => {
  if (/^(true|false)$/.test(value)) return value === 'true'
  if (/^\d+$/.test(value)) return Number(value)
  // express accepts a comma-separated list of addresses, subnets or the names loopback/linklocal/uniquelocal
  if (/^[\w.:/,\s-]+$/.test(value)) return value
  ctx.addIssue({ code: 'custom', message: 'use true, false, a hop count, or a comma-separated list of addresses' })
  return z.NEVER
})

/** A retention period in days, or "never" (kept); a day is the shortest period a policy can say. */
const retentionDays = z.string().transform((value, ctx): number | null => {
  if (/^never$/i.test(value.trim())) return null
  if (/^\d{1,6}$/.test(value.trim()) && Number(value) >= 1) return Number(value)
  ctx.addIssue({ code: 'custom', message: 'use a whole number of days (1 or more) or "never"' })
  return z.NEVER
})

export const envSchema = z.object({
  /** development | test | production: production hides error details and requires HTTPS cookies behind a proxy */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** TCP port the web server listens on */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to bind; 0.0.0.0 to accept connections from other machines */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder for the embedded SQLite database, the generated session secret and uploaded files */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://user@host:port/db — when set, PostgreSQL is used instead of the embedded SQLite database */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Secret that signs session cookies; generated and kept in DATA_DIR/session-secret when unset */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Key of the audit trail's HMAC chain; generated and kept in DATA_DIR/audit-key when unset */
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Minutes of inactivity after which a session ends */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** pino level: fatal, error, warn, info, debug, trace or silent */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Express "trust proxy": set when behind a TLS-terminating proxy, so cookies are marked secure */
  TRUST_PROXY: trustProxy.default(false),
  /** Failed sign-ins in a row before an account is locked */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Minutes an account stays locked after too many failed sign-ins */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Set to false to skip migrations at start (when an operator runs `vet migrate` separately) */
  MIGRATE_ON_START: booleanish.default(true),
  /** Serve Prometheus metrics on this separate port (bound to METRICS_HOST); unset: no metrics port */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address the metrics port binds to: loopback by default, so only the host's own scraper reaches it */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Bearer token for GET /metrics on the main port (also required on METRICS_PORT when set); unset: no /metrics there */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Seconds a stop (SIGTERM/SIGINT) waits for requests and hooks before it gives up and exits 1 */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** Seconds a background job stays claimed without renewal: after a crash, how soon another worker resumes it */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** A folder watched for contractors' sign-in logs (CSV); unset: no folder is watched */
  ACCESS_LOG_DIR: z.string().min(1).optional(),
  /** Seconds between two looks at ACCESS_LOG_DIR */
  ACCESS_LOG_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** Days a case's personal data is kept after each outcome before the daily retention run erases it; "never" keeps it */
  RETENTION_APPROVED_DAYS: retentionDays.optional(),
  RETENTION_REJECTED_DAYS: retentionDays.optional(),
  RETENTION_WITHDRAWN_DAYS: retentionDays.optional(),
  RETENTION_CONFIRMED_FRAUD_DAYS: retentionDays.optional(),
  RETENTION_OPEN_IDLE_DAYS: retentionDays.optional(),
})

export type Env = z.infer<typeof envSchema>

export interface Config {
  env: Env['NODE_ENV']
  production: boolean
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  sessionSecret: string | undefined
  auditKey: string | undefined
  sessionIdleMinutes: number
  logLevel: Env['LOG_LEVEL']
  trustProxy: boolean | number | string
  login: { maxFailures: number; lockMinutes: number }
  migrateOnStart: boolean
  /** Prometheus metrics: off unless a port or a token is set */
  metrics: { port: number | undefined; host: string; token: string | undefined }
  shutdownTimeoutSeconds: number
  jobLeaseSeconds: number
  /** the watched folder of sign-in logs (off when dir is undefined) */
  accessLogs: { dir: string | undefined; pollSeconds: number }
  /** days kept after each outcome (null: kept); the defaults are in src/privacy/retention.ts */
  retention: RetentionPolicy
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Validate an environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const candidates = Object.fromEntries(
    Object.keys(envSchema.shape).map(key => [key, source[key] === '' ? undefined : source[key]]),
  )
  const parsed = envSchema.safeParse(candidates)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(issue => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    )
  }
  const env = parsed.data
  return {
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    sessionSecret: env.SESSION_SECRET,
    auditKey: env.AUDIT_KEY,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    login: { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES },
    migrateOnStart: env.MIGRATE_ON_START,
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
    shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    jobLeaseSeconds: env.JOB_LEASE_SECONDS,
    accessLogs: { dir: env.ACCESS_LOG_DIR ? path.resolve(env.ACCESS_LOG_DIR) : undefined, pollSeconds: env.ACCESS_LOG_POLL_SECONDS },
    retention: {
      approved: env.RETENTION_APPROVED_DAYS !== undefined ? env.RETENTION_APPROVED_DAYS : DEFAULT_RETENTION.approved,
      rejected: env.RETENTION_REJECTED_DAYS !== undefined ? env.RETENTION_REJECTED_DAYS : DEFAULT_RETENTION.rejected,
      withdrawn: env.RETENTION_WITHDRAWN_DAYS !== undefined ? env.RETENTION_WITHDRAWN_DAYS : DEFAULT_RETENTION.withdrawn,
      confirmed_fraud: env.RETENTION_CONFIRMED_FRAUD_DAYS !== undefined ? env.RETENTION_CONFIRMED_FRAUD_DAYS : DEFAULT_RETENTION.confirmed_fraud,
      open_idle: env.RETENTION_OPEN_IDLE_DAYS !== undefined ? env.RETENTION_OPEN_IDLE_DAYS : DEFAULT_RETENTION.open_idle,
    },
  }
}

/** Files in DATA_DIR that hold secrets or the data itself: readable by the app's user only. */
const privateFilesIn = (dataDir: string) => {
  const sqlite = sqliteFileIn(dataDir)
  return [sqlite, `${sqlite}-wal`, `${sqlite}-shm`, ...['session-secret', 'audit-key', 'audit-signing-key'].map(name => path.join(dataDir, name))]
}

/**
 * Create DATA_DIR if needed and make it private to the app's user (0700), with its database and secret
 * files 0600, also when they already existed with looser modes (mkdir's mode only applies to a folder it
 * creates). The SQLite file is created here, empty and 0600, before SQLite opens it: SQLite would create
 * it 0644, and it gives its -wal and -shm files the database file's mode. Throws, naming the path, when
 * a mode cannot be set (another owner, a filesystem without modes): the app refuses to start.
 */
export function ensureDataDir(config: Pick<Config, 'dataDir' | 'databaseUrl'>): void {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  makePrivate(config.dataDir, 0o700)
  if (!config.databaseUrl) fs.closeSync(fs.openSync(sqliteFileIn(config.dataDir), 'a', 0o600))
  for (const file of privateFilesIn(config.dataDir)) makePrivate(file, 0o600)
}

function makePrivate(target: string, mode: number): void {
  const refuse = (why: string) =>
    new Error(`${target} must be private to this user (mode ${mode.toString(8)}) but ${why}. Give it to the user the app runs as, or set DATA_DIR to another folder.`)
  try {
    fs.chmodSync(target, mode)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw refuse(`its mode could not be changed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  // Some mounts accept chmod and ignore it; Windows has no such modes.
  if (process.platform !== 'win32' && (fs.statSync(target).mode & 0o777) !== mode) throw refuse('the filesystem kept a looser mode')
}

/**
 * The session secret from the environment, or one generated on first start and kept in DATA_DIR so that
 * sessions survive restarts. Several instances sharing PostgreSQL must set SESSION_SECRET themselves.
 */
export function resolveSessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret
  const file = path.join(config.dataDir, 'session-secret')
  const kept = readOrCreateSecretFile(file, () => `${crypto.randomBytes(48).toString('base64url')}\n`).trim()
  if (kept.length < 32) throw new Error(`${file} holds no usable session secret (fewer than 32 characters); delete it and a new one is made at the next start`)
  return kept
}
