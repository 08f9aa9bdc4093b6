import { parse } from 'csv-parse/sync'
import { parseTlp, stricterTlp } from '../tlp'
import type { Indicator, ParsedFeed, Rejection, Tlp } from '../types'
import { isFamilyName, kindFromName, quoted, readComment, readConfidence, readTime, readValue, withPrefix } from './readValue'

/**
 * Indicators as CSV (issue 16): `type,value,first_seen,expires,comment`, the form anyone can write in a
 * spreadsheet. Our export adds `confidence,tlp,families,hashed,last_seen` after those five; a reader
 * needs the five (in any order, found by header name) and takes the others when present, so files
 * from the five-column form and from us both read.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
 * shared file could carry `=HYPERLINK(…)` into a recipient's Excel (CSV injection). Every such cell is
 * written with a leading apostrophe, which spreadsheets show as "text"; reading strips one apostrophe
 * before those characters again (so "+14155550100" survives the trip).
 */

export const CSV_REQUIRED = ['type', 'value', 'first_seen', 'expires', 'comment'] as const
export const CSV_OPTIONAL = ['confidence', 'tlp', 'families', 'hashed', 'last_seen'] as const
export const CSV_HEADER = [...CSV_REQUIRED, ...CSV_OPTIONAL] as const
type Column = (typeof CSV_HEADER)[number]

/** Rows beyond this are reported, not read. */
export const MAX_CSV_ROWS = 100_000

const FORMULA = /^'*[=+\-@\t\r]/

/** A cell as written: neutralised against formula injection, quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export interface CsvExportOptions {
  /** marking of the whole file; each row carries the stricter of this and its own */
  tlp?: Tlp
}

/** The indicators as CSV (RFC 4180: CRLF line ends, header row first). */
export function toCsv(indicators: readonly Indicator[], opts: CsvExportOptions = {}): string {
  const rows = indicators.map(ind => {
    const cells: Record<Column, string> = {
      type: ind.kind,
      value: ind.value,
      first_seen: ind.firstSeen,
      expires: ind.expires ?? '',
      comment: (ind.comment ?? '').replace(/\r\n?/g, '\n'),
      confidence: String(Math.round(ind.confidence)),
      tlp: opts.tlp ? stricterTlp(opts.tlp, ind.tlp) : ind.tlp,
      families: ind.families.join(';'),
      hashed: ind.hashed ? 'true' : 'false',
      last_seen: ind.lastSeen,
    }
    return CSV_HEADER.map(c => csvCell(cells[c])).join(',')
  })
  return [CSV_HEADER.join(','), ...rows].map(r => `${r}\r\n`).join('')
}

export interface CsvParseOptions {
  /** the marking the file came with, if any; rows are read at the stricter of it and their own */
  tlp?: Tlp
}

/** Unmarked rows in an unmarked file are AMBER: usable here, not for the public. */
const DEFAULT_TLP: Tlp = 'amber'
const DEFAULT_CONFIDENCE = 50

const headerName = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_')
const unformula = (v: string) => (/^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v)

/**
 * Indicators from CSV text. Rows that cannot be taken are listed ("line 7: phone '12' is not a phone
 * number"; with `at` "line 7"); a file without the five columns is refused as a whole. Never throws.
 */
export function parseCsv(text: string, opts: CsvParseOptions = {}): ParsedFeed {
  const indicators: Indicator[] = []
  const rejected: Rejection[] = []
  try {
    readRows(typeof text === 'string' ? text : String(text), opts, indicators, rejected)
  } catch {
    rejected.push({ at: 'file', reason: 'the file could not be read as CSV' })
  }
  // Rows csv-parse skipped were reported while it ran: put every rejection in file order.
  const lineOf = (r: Rejection) => (r.at.startsWith('line ') ? Number(r.at.slice(5)) || 0 : -1)
  rejected.sort((a, b) => lineOf(a) - lineOf(b))
  return { indicators, rejected }
}

interface Row {
  record: string[]
  info: { lines: number }
}

function readRows(text: string, opts: CsvParseOptions, indicators: Indicator[], rejected: Rejection[]) {
  let rows: Row[]
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      // A stray quote inside a cell is taken as text: stricter parsing loses the rows after it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: err => {
        rejected.push({ at: `line ${err?.lines ?? '?'}`, reason: `not valid CSV${err?.code ? ` (${err.code.toLowerCase().replace(/^csv_/, '').replace(/_/g, ' ')})` : ''}` })
        return undefined
      },
      max_record_size: 64 * 1024,
      to: MAX_CSV_ROWS + 2,
    }) as unknown as Row[]
  } catch (error) {
    const lines = (error as { lines?: number }).lines
    rejected.push({ at: lines ? `line ${lines}` : 'file', reason: 'the file is not valid CSV (an unclosed quote or an over-long cell); nothing was read' })
    return
  }
  if (!rows.length) {
    rejected.push({ at: 'file', reason: 'the file is empty' })
    return
  }
  const header = rows[0]!.record.map(headerName)
  const col = new Map<string, number>()
  header.forEach((h, i) => {
    if (!col.has(h)) col.set(h, i)
  })
  const missing = CSV_REQUIRED.filter(c => !col.has(c))
  if (missing.length) {
    rejected.push({ at: 'line 1', reason: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (required: ${CSV_REQUIRED.join(', ')})` })
    return
  }
  for (const [n, row] of rows.slice(1).entries()) {
    const line = `line ${row.info.lines}`
    if (n >= MAX_CSV_ROWS) {
      rejected.push({ at: line, reason: `more than ${MAX_CSV_ROWS.toLocaleString('en-GB')} rows: this one and the rest were not read` })
      break
    }
    const get = (c: Column) => {
      const i = col.get(c)
      return i === undefined ? '' : unformula((row.record[i] ?? '').trim())
    }
    const r = readRow(get, opts)
    if ('reason' in r) rejected.push({ at: line, reason: r.reason })
    else indicators.push(r.indicator)
  }
}

function readRow(get: (c: Column) => string, opts: CsvParseOptions): { indicator: Indicator } | { reason: string } {
  const type = get('type')
  if (!type) return { reason: 'type is empty' }
  const name = kindFromName(type)
  if (!name) return { reason: `type ${quoted(type)} is not a kind of indicator Vetting Desk reads` }
  const hashedCell = get('hashed').toLowerCase()
  if (!['', 'true', 'false', 'yes', 'no', '1', '0'].includes(hashedCell)) return { reason: `hashed ${quoted(hashedCell)} is not true or false` }
  const hashed = ['true', 'yes', '1'].includes(hashedCell)
  const raw = get('value')
  if (!raw) return { reason: 'value is empty' }
  const read = readValue(name.kind, hashed ? raw : withPrefix(raw, name.prefix), hashed)
  if ('reason' in read) return read

  const firstCell = get('first_seen')
  if (!firstCell) return { reason: 'first_seen is empty' }
  const firstSeen = readTime(firstCell)
  if (!firstSeen) return { reason: `first_seen ${quoted(firstCell)} is not an ISO 8601 date` }
  const lastCell = get('last_seen')
  const lastSeen = lastCell ? readTime(lastCell) : firstSeen
  if (!lastSeen) return { reason: `last_seen ${quoted(lastCell)} is not an ISO 8601 date` }
  if (lastSeen < firstSeen) return { reason: 'last_seen is before first_seen' }
  const expiresCell = get('expires')
  const expires = expiresCell ? readTime(expiresCell) : undefined
  if (expires === null) return { reason: `expires ${quoted(expiresCell)} is not an ISO 8601 date` }
  const confidenceCell = get('confidence')
  const confidence = confidenceCell ? readConfidence(confidenceCell) : DEFAULT_CONFIDENCE
  if (confidence === null) return { reason: `confidence ${quoted(confidenceCell)} is not a number from 0 to 100` }
  const tlpCell = get('tlp')
  const rowTlp = tlpCell ? parseTlp(tlpCell) : null
  if (tlpCell && !rowTlp) return { reason: `tlp ${quoted(tlpCell)} is not a TLP level (clear, green, amber, amber+strict, red)` }
  const tlp = rowTlp && opts.tlp ? stricterTlp(rowTlp, opts.tlp) : (rowTlp ?? opts.tlp ?? DEFAULT_TLP)
  const families = [...new Set(get('families').toLowerCase().split(/[;|,\s]+/).filter(isFamilyName))].slice(0, 20)

  const indicator: Indicator = { kind: name.kind, value: read.value, firstSeen, lastSeen, families, confidence, tlp }
  if (hashed) indicator.hashed = true
  if (expires) indicator.expires = expires
  const comment = readComment(get('comment'))
  if (comment) indicator.comment = comment
  return { indicator }
}
