import net from 'node:net'
import { parse } from 'csv-parse/sync'

/**
 * Sign-in logs → events. The plain form (timestamp,account,ip,user_agent,event), Okta's System Log CSV
 * (published, actor.alternateId, client.ipAddress, client.userAgent.rawUserAgent, eventType), and other
 * identity providers' exports whose headers name a time, an account, an IP address and a user agent.
 */
export interface AccessEvent {
  occurredAt: string
  account: string | null
  ip: string | null
  userAgent: string | null
  event: string | null
}

export type AccessLogResult = { ok: true; format: 'plain' | 'okta' | 'other'; events: AccessEvent[] } | { ok: false; problem: string }

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '')
const COLUMNS = {
  time: ['timestamp', 'published', 'time', 'datetime', 'date', 'dateutc', 'createddatetime', 'eventtime', 'signintime', 'occurredat'],
  account: ['account', 'actoralternateid', 'user', 'username', 'userprincipalname', 'email', 'login', 'actor'],
  ip: ['ip', 'clientipaddress', 'ipaddress', 'sourceip', 'clientip', 'remoteip'],
  userAgent: ['useragent', 'clientuseragentrawuseragent', 'rawuseragent', 'browser', 'clientapp'],
  event: ['event', 'eventtype', 'action', 'operation', 'activity'],
} as const

export const MAX_LOG_ROWS = 500_000

export function isAccessLogHeader(header: string[]): boolean {
  const h = header.map(norm)
  return COLUMNS.time.some(c => h.includes(c)) && COLUMNS.ip.some(c => h.includes(c)) && (COLUMNS.account.some(c => h.includes(c)) || COLUMNS.userAgent.some(c => h.includes(c)))
}

export function parseAccessLog(text: string): AccessLogResult {
  let records: string[][]
  try {
    // The header, the rows allowed, and one more: that one says the log is too long (with + 1, a longer log
    // was cut to its first 500,000 rows without a word).
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024, to: MAX_LOG_ROWS + 2 }) as string[][]
  } catch (error) {
    const e = error as { lines?: number; message: string }
    return { ok: false, problem: `the sign-in log is not valid CSV${e.lines ? ` near line ${e.lines}` : ''} (${e.message.split('\n')[0]!.slice(0, 120)})` }
  }
  if (records.length === 0) return { ok: false, problem: 'the sign-in log is empty' }
  const header = records[0]!.map(norm)
  const col = (names: readonly string[]) => names.map(n => header.indexOf(n)).find(i => i >= 0) ?? -1
  const idx = { time: col(COLUMNS.time), account: col(COLUMNS.account), ip: col(COLUMNS.ip), userAgent: col(COLUMNS.userAgent), event: col(COLUMNS.event) }
  if (idx.time < 0 || idx.ip < 0) {
    return { ok: false, problem: 'the first line of the sign-in log must name its columns, including a time (timestamp or published) and an IP address (ip or client.ipAddress)' }
  }
  if (records.length - 1 > MAX_LOG_ROWS) return { ok: false, problem: `the sign-in log has more than ${MAX_LOG_ROWS.toLocaleString('en')} rows; split it by month` }
  const format = header.includes('published') && header.includes('actoralternateid') ? 'okta' : header[0] === 'timestamp' ? 'plain' : 'other'
  const events: AccessEvent[] = []
  for (let r = 1; r < records.length; r++) {
    const row = records[r]!
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '')
    const time = cell(idx.time)
    const ms = Date.parse(time)
    if (!time || Number.isNaN(ms)) return { ok: false, problem: `row ${r + 1} of the sign-in log: "${time.slice(0, 40)}" is not a date and time` }
    const ip = cell(idx.ip)
    if (ip && net.isIP(ip) === 0) return { ok: false, problem: `row ${r + 1} of the sign-in log: "${ip.slice(0, 60)}" is not an IP address` }
    events.push({
      occurredAt: new Date(ms).toISOString(),
      account: cell(idx.account).slice(0, 254) || null,
      ip: ip || null,
      userAgent: cell(idx.userAgent).slice(0, 1000) || null,
      event: cell(idx.event).slice(0, 80) || null,
    })
  }
  return { ok: true, format, events }
}

/**
 * Evidence belongs to the subject: is a sign-in log this applicant's? Its accounts are compared with what
 * the case knows of the person (emails from the application and resume, profile usernames). A log naming
 * none of them is held for a person to confirm, not scored; a log naming no account at all cannot be
 * told apart and is taken as before. Other accounts beside a matching one stay in (a shared home
 * connection is itself a finding). Pure.
 */
export interface LogOwnership {
  /** the distinct accounts the log names, most frequent first */
  accounts: string[]
  /** those that are the applicant's known emails or usernames */
  matched: string[]
  /** matched: scored at once; held: wait for a person; null: the log names no account */
  state: 'matched' | 'held' | null
}

const normAccount = (a: string) => {
  const s = a.trim().toLowerCase()
  const at = s.lastIndexOf('@')
  // "kim+jobs@example.com" is kim@example.com's mailbox.
  return at > 0 ? `${s.slice(0, at).replace(/\+.*$/, '')}${s.slice(at)}` : s
}
// Short handles ("dev", "admin") are too common to say whose an account is.
const MIN_HANDLE = 4

/** Entries of the known set that are forms of the applicant's own name, not accounts they gave. */
const NAME_FORM = 'name:'
const nameParts = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s,]+/)
    .map(w => w.replace(/[^a-z]/g, ''))
    .filter(Boolean)
/**
 * The usual company logins made from a person's name, either order: dana.whitfield, danawhitfield,
 * dana_whitfield, dana-whitfield, dwhitfield, d.whitfield (the format's own example: Dana Whitfield signs in
 * as dana.whitfield@example.org). Contractors sign in with the client's accounts, not their own mailbox.
 * Only for names of two or more words; a single word says too little.
 */
export function nameLogins(name: string): string[] {
  const w = nameParts(name)
  if (w.length < 2) return []
  const out = new Set<string>()
  const pairs: Array<[string, string]> = []
  for (const [given, family] of [
    [w[0]!, w.slice(1).join('')],
    [w[0]!, w[w.length - 1]!],
    [w[w.length - 1]!, w.slice(0, -1).join('')],
    [w[w.length - 1]!, w[0]!],
  ] as Array<[string, string]>)
    pairs.push([given, family])
  for (const [g, f] of pairs) {
    if (g.length < 2 || f.length < 2) continue
    for (const sep of ['.', '', '_', '-']) out.add(`${g}${sep}${f}`)
    out.add(`${g[0]}${f}`)
    out.add(`${g[0]}.${f}`)
  }
  return [...out]
}

/** The applicant's known accounts from fact records (person.email, resume.email, profile usernames), and the logins their name makes. */
export function knownAccountsOf(records: Array<{ field: string; value: unknown }>): Set<string> {
  const known = new Set<string>()
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) known.add(normAccount(v))
  }
  for (const r of records) {
    if ((r.field === 'person.full_name' || r.field === 'resume.name') && typeof r.value === 'string') for (const l of nameLogins(r.value)) known.add(`${NAME_FORM}${l}`)
    if (r.field === 'person.email' || r.field === 'resume.email') add(r.value)
    if (r.field === 'profile' && r.value && typeof r.value === 'object') {
      const p = r.value as { username?: unknown; url?: unknown; email?: unknown }
      add(p.username)
      add(p.email)
      // A profile given by its URL alone: github.com/kimdev names the handle kimdev.
      if (!p.username && typeof p.url === 'string') add(/^https?:\/\/[^/]+\/(?:in\/|u\/|freelancers\/~?)?([\w.-]+)\/?$/i.exec(p.url.trim())?.[1])
    }
  }
  return known
}

export function logOwnership(events: Array<Pick<AccessEvent, 'account'>>, known: Set<string>): LogOwnership {
  const counts = new Map<string, number>()
  for (const e of events) if (e.account?.trim()) counts.set(e.account.trim(), (counts.get(e.account.trim()) ?? 0) + 1)
  const accounts = [...counts].sort((a, b) => b[1] - a[1]).map(([a]) => a)
  if (!accounts.length) return { accounts, matched: [], state: null }
  const handles = new Set([...known].filter(k => !k.startsWith(NAME_FORM)).map(k => (k.includes('@') ? k.slice(0, k.lastIndexOf('@')) : k)).filter(h => h.length >= MIN_HANDLE))
  const matched = accounts.filter(a => {
    const n = normAccount(a)
    // A login made from the applicant's own full name (dana.whitfield@client.example for Dana Whitfield): the
    // company account a contractor signs in with. Another person's export names another person.
    if (known.has(`${NAME_FORM}${n.includes('@') ? n.slice(0, n.lastIndexOf('@')) : n}`)) return true
    // An address must match whole: kim@other.example may well be another Kim.
    if (n.includes('@')) return known.has(n)
    // A bare login ("kimdev") that is one of the person's handles, or their address's local part.
    return n.length >= MIN_HANDLE && handles.has(n)
  })
  return { accounts, matched, state: matched.length ? 'matched' : 'held' }
}
