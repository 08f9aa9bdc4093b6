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
