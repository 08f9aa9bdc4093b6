import pino, { type Logger } from 'pino'

/**
 * One logger for the process. Logs are operational: they carry ids (request, user, case), never names,
 * emails, document text or other personal data. The redaction list is a second line of defence for
 * fields that should never have been logged in the first place.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.full_name',
  '*.fullName',
  '*.phone',
  '*.address',
  '*.text',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: redactError }, base: { app: 'vetting-desk' } }, destination)
}

/** An error as it may be written to a log or a terminal. */
export interface LoggableError {
  name: string
  message: string
  code?: string
  /** PostgreSQL's names of what failed: schema names, never values */
  table?: string
  column?: string
  constraint?: string
  /** PostgreSQL's detail with the values taken out ("Key (email)=(…) already exists.") */
  detail?: string
  /** the call frames only: the stack's first line repeats the message */
  stack?: string
}

// knex puts the statement, with every bound value written in, in front of the driver's message.
const SQL_PREFIX = /^\s*(select|insert|update|delete|with|create|alter|drop|pragma|replace|upsert|begin|commit|rollback|savepoint|release|truncate|lock)\b[\s\S]* - /i

/**
 * Database errors carry the rows they failed on: knex prefixes the message with the SQL and its bound
 * values (`insert into subjects … values ('99 Hidden Road', …) - SQLITE_BUSY…`), PostgreSQL puts values
 * in `detail` ("Key (email)=(x@y) already exists") and sometimes quotes one in the message. This keeps
 * what helps an operator (the driver's message, its code, the table and constraint names, the frames)
 * and drops the values. Other errors keep their message; their stack keeps only frames too.
 */
export function redactError(error: unknown): LoggableError {
  // Duck-typed: errors from native drivers (and from other realms, as under jest) fail `instanceof Error`.
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') {
    return { name: 'NonError', message: typeof error === 'string' ? redactMessage(error, true) : 'a non-Error value was thrown' }
  }
  const e = error as Error & { code?: unknown; table?: unknown; column?: unknown; constraint?: unknown; detail?: unknown; severity?: unknown; errno?: unknown }
  const fromDatabase = isDatabaseError(e)
  const out: LoggableError = { name: typeof e.name === 'string' ? e.name : 'Error', message: redactMessage(e.message, fromDatabase) }
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code)
  if (fromDatabase) {
    for (const key of ['table', 'column', 'constraint'] as const) if (typeof e[key] === 'string') out[key] = e[key]
    if (typeof e.detail === 'string') out.detail = redactDetail(e.detail)
  }
  const frames = (e.stack ?? '').split('\n').filter(line => /^\s+at /.test(line))
  if (frames.length) out.stack = frames.join('\n')
  return out
}

/** The message alone, safe for a terminal (the CLI prints this where it used to print error.message). */
export function safeErrorMessage(error: unknown): string {
  const { message, code, detail } = redactError(error)
  return [message, detail].filter(Boolean).join(' ') + (code && !message.includes(code) ? ` (${code})` : '')
}

function isDatabaseError(e: Error & { code?: unknown; severity?: unknown; errno?: unknown }): boolean {
  if (SQL_PREFIX.test(e.message)) return true
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return true
  // pg's DatabaseError: a five-character SQLSTATE and a severity
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)
}

const NAMED = /^(constraint|relation|column|table|index|type|function|schema|database|role|sequence|trigger|view|extension|savepoint)$/i

function redactMessage(message: string, fromDatabase: boolean): string {
  if (!fromDatabase) return message
  let text = message
  // knex's prefix ends at the last " - " before the driver's own message
  if (SQL_PREFIX.test(text)) text = text.slice(text.lastIndexOf(' - ') + 3)
  // Quoted text in a driver message is a value unless it names a table, column, constraint or the like.
  return text.replace(/(\b\w+\s+)?("[^"]*"|'[^']*')/g, (_whole, before: string | undefined, quoted: string) => `${before ?? ''}${before && NAMED.test(before.trim()) ? quoted : '"…"'}`)
}

/** "Key (email)=(x@y) already exists." → "Key (email)=(…) already exists."; "Failing row contains (…)". */
function redactDetail(detail: string): string {
  return detail
    .replace(/\)=\([\s\S]*?\)( already exists| is not present| is still referenced| conflicts)/g, ')=(…)$1')
    .replace(/\)=\([\s\S]*\)/g, ')=(…)')
    .replace(/contains \([\s\S]*\)/g, 'contains (…)')
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
}
