import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import { application } from '../signoff/support'

/** One made-up person whose every value is unique in the test database, so any byte of them can be found. */
export const PERSON = {
  name: 'Zebulon Quartermain',
  email: 'zebulon.q4417@example.net',
  phone: '+1 415 555 0172',
  street: '1742 Marigold Terrace',
}

/** What must not survive erasure anywhere: the values as given and the forms the app derives from them. */
export const NEEDLES = [PERSON.name, 'Quartermain', PERSON.email, 'zebulon.q4417', '4155550172', '415 555 0172', PERSON.street, 'Marigold']

export const personApplication = (externalId: string) =>
  application({
    format: 'vetting/application@1',
    source: 'greenhouse',
    external_id: externalId,
    kind: 'contractor',
    role: 'Backend Developer',
    person: { full_name: PERSON.name, email: PERSON.email, phone: PERSON.phone, address: { line1: PERSON.street, city: 'Springfield', region: 'IL', postal_code: '62704', country: 'US' }, timezone: 'America/Chicago' },
    documents: [{ type: 'resume', file: 'resume.txt' }],
    references: [{ name: 'Orla Penhaligon', company: 'Brightwater Ltd', relationship: 'manager', email: 'orla.penhaligon@example.org' }],
    access_log: 'access.csv',
  })

export const PERSON_FILES: Record<string, Buffer> = {
  'resume.txt': Buffer.from(`${PERSON.name}\n${PERSON.email} · ${PERSON.phone}\n${PERSON.street}, Springfield IL 62704\n\nExperience\nSenior Backend Developer, Acme Widgets, 2019 – 2024\nBackend Developer, Globex, 2015 – 2019\n\nEducation\nBSc Computer Science, University of Illinois, 2015\n`),
  'access.csv': Buffer.from(`timestamp,account,ip,user_agent,event\n2026-10-05T14:58:12Z,${PERSON.email},73.22.14.201,Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0,login\n2026-10-06T15:10:40Z,${PERSON.email},73.22.14.201,Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0,login\n`),
}

export const resolvePersonFile = async (name: string) => PERSON_FILES[name] ?? { problem: 'missing' }

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? filesUnder(p) : d.isFile() ? [p] : []
  })
}

/**
 * Every needle found in these bytes: as UTF-8 (exact and ignoring case) and as UTF-16LE (exact and ignoring
 * case, at either byte alignment).
 */
export function findInBytes(bytes: Buffer, needles: string[]): string[] {
  const hits: string[] = []
  const latin = bytes.toString('latin1').toLowerCase()
  const utf16 = [bytes.toString('utf16le').toLowerCase(), bytes.subarray(1).toString('utf16le').toLowerCase()]
  for (const n of needles) {
    if (bytes.includes(Buffer.from(n, 'utf8'))) hits.push(`${n} (utf-8)`)
    else if (latin.includes(n.toLowerCase())) hits.push(`${n} (utf-8, other case)`)
    else if (bytes.includes(Buffer.from(n, 'utf16le'))) hits.push(`${n} (utf-16le)`)
    else if (utf16.some(t => t.includes(n.toLowerCase()))) hits.push(`${n} (utf-16le, other case)`)
  }
  return hits
}

/** Every file under `dir` (the SQLite database, its -wal and -shm, blobs, keys…) that holds a needle. */
export function scanDir(dir: string, needles: string[]): string[] {
  return filesUnder(dir).flatMap(file => findInBytes(fs.readFileSync(file), needles).map(h => `${path.relative(dir, file)}: ${h}`))
}

/** Every table's every column as text (PostgreSQL, or SQLite): rows holding a needle, ignoring case. */
export async function scanTables(db: Knex, needles: string[]): Promise<string[]> {
  const pg = db.client.config.client === 'pg'
  const tables = pg
    ? ((await db.raw('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = ?', ['BASE TABLE'])).rows as Array<{ name: string }>).map(r => r.name)
    : ((await db.raw("SELECT name FROM sqlite_master WHERE type = 'table'")) as Array<{ name: string }>).map(r => r.name)
  const hits: string[] = []
  for (const table of tables) {
    const rows = (await db(table).select('*')) as Array<Record<string, unknown>>
    for (const row of rows) {
      const text = JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)).toLowerCase()
      for (const n of needles) if (text.includes(n.toLowerCase())) hits.push(`${table}: ${n}`)
    }
  }
  return [...new Set(hits)]
}
