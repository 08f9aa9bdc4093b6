import fc from 'fast-check'
import { isAccessLogHeader, MAX_LOG_ROWS, parseAccessLog } from '../../src/extract/accessLog'
import { parseApplication } from '../../src/ingest/applicationFormat'
import { MAX_ATS_ROWS, parseAtsCsv } from '../../src/ingest/atsCsv'
import { anyBytes, exampleFiles, expectClearMessage, mutatedBytes, params, runs, withinBudget } from './fuzzSupport'

/**
 * The CSV readers (ATS exports, sign-in logs in the plain form, Okta's System Log and other exports)
 * fed arbitrary text, byte mutations of valid files, and generated tables with awkward cells: each call
 * returns within its budget, never throws, and either gives rows our own schema accepts or says what
 * is wrong (with the row when it is one row).
 */
const BUDGET_MS = 2000

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const toCsv = (rows: string[][], eol = '\n') => rows.map(r => r.map(csvCell).join(',')).join(eol) + eol

/** Cells as exports write them, plus what breaks naive readers: quotes, commas, newlines, formulas, BOMs, long text. */
const awkwardCell = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '=HYPERLINK("http://x","y")', '\ufeff', '\u0000', 'ß', '2026-10-01T14:31:24Z', 'yesterday', '8.8.8.8', '2001:db8::1', '999.1.1.1', '::ffff:1.2.3.4', '1e400', 'NaN') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map(n => 'x'.repeat(n)) },
)

// --- ATS exports ---------------------------------------------------------------------------------
const ATS_SEED = 'Candidate ID,First Name,Last Name,Email Address,Phone,Location,Country,LinkedIn URL,GitHub,Website,Source,Job,Applied On,Resume,Stage\n17,Ana,Silva,ana@example.pt,+351 912 345 678,Porto,pt,https://www.linkedin.com/in/anas,https://github.com/anas,https://anas.dev,LinkedIn,Data Engineer,2026-09-14,ana.pdf,Phone screen\n18,Kim,Lee,kim@example.kr,,Seoul,KR,,,,,SRE,14/09/2026,,Offer\n'
const ATS_HEADERS = ['Candidate ID', 'id', 'Name', 'First Name', 'Last Name', 'Email', 'emails', 'Phone', 'Location', 'Country', 'LinkedIn', 'GitHub', 'Website', 'Source', 'Job', 'Applied On', 'Resume', 'Stage', 'Recruiter', 'email ', 'E-Mail', '']

function checkAts(text: string): void {
  const result = withinBudget(BUDGET_MS, () => parseAtsCsv(text, { defaultSource: 'fuzz' }))
  if (!result.ok) return expectClearMessage(result.problem)
  for (const row of result.rows) {
    const again = parseApplication(row.application)
    if (!again.ok) throw new Error(`row ${row.row} was accepted, but the application it became is invalid: ${again.problems.join('; ')}`)
    expect(row.application.person?.full_name || row.application.person?.email).toBeTruthy()
  }
  for (const r of result.rejected) expectClearMessage(r.reason)
}

describe('fuzz: ATS CSV exports (atsCsv)', () => {
  it('reads or rejects arbitrary text and bytes', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 2000 }), anyBytes(2000).map(b => b.toString('latin1'))), checkAts), params(runs(300)))
  })

  it('reads or rejects byte-level mutations of a valid export', () => {
    fc.assert(fc.property(mutatedBytes([Buffer.from(ATS_SEED)], { maxRepeat: 1000 }), b => checkAts(b.toString('utf8'))), params(runs(400)))
  })

  it('reads generated exports with recognised and unknown columns and awkward cells', () => {
    const table = fc
      .uniqueArray(fc.oneof(fc.constantFrom(...ATS_HEADERS), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 10 })
      .chain(header => fc.tuple(fc.constant(header), fc.array(fc.array(awkwardCell, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n')))
    fc.assert(fc.property(table, ([header, rows, eol]) => checkAts(toCsv([header, ...rows], eol))), params(runs(400)))
  })

  // Counterexamples the fuzz found: a row whose id or profile URL was longer than our format allows
  // became an application that our own schema refuses.
  it.each([
    ['a 121-character id', `id,name\n${'i'.repeat(121)},Ana Silva\n7,Kim Lee\n`, /external_id: must be at most 120 characters/],
    ['a 501-character LinkedIn URL', `name,linkedin\nAna Silva,https://www.linkedin.com/in/${'a'.repeat(480)}\nKim Lee,\n`, /url: must be at most 500 characters/],
  ])('regression: %s is rejected with the reason, the other rows kept', (_, csv, reason) => {
    const result = parseAtsCsv(csv)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rejected).toEqual([{ row: 2, reason: expect.stringMatching(reason) }])
    expect(result.rows.map(r => r.application.person?.full_name)).toEqual(['Kim Lee'])
  })
})

// Counterexample: one row past the limit was dropped without a word (the parser stopped at the limit
// and the count could never exceed it). At the limit every row is read; past it, the file is refused.
describe('row limits: read every row or say the file is too long', () => {
  it.each([MAX_ATS_ROWS, MAX_ATS_ROWS + 1])('an ATS export of %d rows', rows => {
    const result = parseAtsCsv(`name\n${'Ana Silva\n'.repeat(rows)}`)
    if (rows <= MAX_ATS_ROWS) expect(result.ok && result.rows.length).toBe(rows)
    else expect(result).toEqual({ ok: false, problem: 'the export has more than 100,000 applications; split it into smaller files' })
  })

  it.each([MAX_LOG_ROWS, MAX_LOG_ROWS + 1])('a sign-in log of %d rows', rows => {
    // Rows whose time is not a date: at the limit the first row is named, past it the length is.
    const result = parseAccessLog(`timestamp,ip\n${'soon,1.2.3.4\n'.repeat(rows)}`)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problem).toMatch(rows <= MAX_LOG_ROWS ? /^row 2 of the sign-in log: "soon" is not a date/ : /more than 500,000 rows; split it by month/)
  })
})

// --- Sign-in logs ----------------------------------------------------------------------------------
const PLAIN = exampleFiles(n => n.endsWith('.access.csv')).map(f => f.data)
const PLAIN_SEED = Buffer.from('timestamp,account,ip,user_agent,event\n2026-10-01T14:31:24Z,dana@example.org,73.12.44.9,"Mozilla/5.0 (X, Y)",login\n2026-10-02T01:02:03+02:00,dana@example.org,2001:db8::1,AnyDesk/8.0,remote_session\n')
const OKTA_SEED = Buffer.from(
  'uuid,eventType,published,actor.alternateId,client.userAgent.rawUserAgent,client.ipAddress,outcome.result\nu1,user.session.start,2026-10-02T01:02:03.000Z,kb@example.com,AnyDesk/8.0,2001:db8::1,SUCCESS\nu2,user.authentication.sso,2026-10-02T02:02:03.000Z,kb@example.com,"Mozilla/5.0 (Windows NT 10.0; Win64; x64)",159.89.14.201,FAILURE\n',
)
const OTHER_SEED = Buffer.from('Date (UTC),User principal name,IP address,Client app,Operation\n2026-10-03 08:00:00,kb@example.com,10.0.0.1,Browser,Sign-in\n')
const LOG_SEEDS = [...PLAIN, PLAIN_SEED, OKTA_SEED, OTHER_SEED]
const LOG_HEADERS = ['timestamp', 'account', 'ip', 'user_agent', 'event', 'published', 'actor.alternateId', 'client.ipAddress', 'client.userAgent.rawUserAgent', 'eventType', 'uuid', 'outcome.result', 'Date (UTC)', 'User principal name', 'IP address', 'Client app', 'Operation', 'displayMessage']

function checkLog(text: string): void {
  const result = withinBudget(BUDGET_MS, () => parseAccessLog(text))
  if (!result.ok) return expectClearMessage(result.problem)
  expect(['plain', 'okta', 'other']).toContain(result.format)
  for (const e of result.events) {
    expect(new Date(e.occurredAt).toISOString()).toBe(e.occurredAt)
    if (e.ip !== null) expect(e.ip).toMatch(/^[0-9a-fA-F:.%]+/)
    expect((e.account ?? '').length).toBeLessThanOrEqual(254)
    expect((e.userAgent ?? '').length).toBeLessThanOrEqual(1000)
  }
}

describe('fuzz: sign-in logs and Okta exports (accessLog)', () => {
  it('reads or rejects arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), anyBytes(2000).map(b => b.toString('latin1'))), text => {
        checkLog(text)
        withinBudget(BUDGET_MS, () => isAccessLogHeader(text.split(',')))
      }),
      params(runs(300)),
    )
  })

  it('reads or rejects byte-level mutations of plain, Okta and other exports', () => {
    fc.assert(fc.property(mutatedBytes(LOG_SEEDS, { maxRepeat: 1000 }), b => checkLog(b.toString('utf8'))), params(runs(500)))
  })

  it('reads generated logs with shuffled and extra columns, or names the row that is wrong', () => {
    const table = fc
      .uniqueArray(fc.constantFrom(...LOG_HEADERS), { minLength: 1, maxLength: 9 })
      .chain(header => fc.tuple(fc.constant(header), fc.array(fc.array(awkwardCell, { minLength: 0, maxLength: header.length + 1 }), { maxLength: 8 })))
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const text = toCsv([header, ...rows])
        checkLog(text)
        const result = parseAccessLog(text)
        if (!result.ok && /^row /.test(result.problem)) expect(result.problem).toMatch(/^row \d+ of the sign-in log: /)
      }),
      params(runs(400)),
    )
  })

  it('reads every valid Okta row whatever the column order', () => {
    const event = fc.record({
      published: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map(d => d.toISOString()),
      actor: fc.emailAddress(),
      ip: fc.oneof(fc.ipV4(), fc.ipV6()),
      ua: fc.string({ maxLength: 200 }),
      type: fc.constantFrom('user.session.start', 'user.authentication.sso', 'user.mfa.factor.verify'),
    })
    fc.assert(
      fc.property(fc.shuffledSubarray(['uuid', 'outcome.result', 'displayMessage'], { minLength: 0 }), fc.array(event, { minLength: 1, maxLength: 10 }), fc.nat(), (extra, events, turn) => {
        const columns = ['published', 'actor.alternateId', 'client.ipAddress', 'client.userAgent.rawUserAgent', 'eventType', ...extra]
        const order = columns.map((_, i) => columns[(i + turn) % columns.length]!)
        const cellOf: Record<string, (e: (typeof events)[number]) => string> = {
          published: e => e.published,
          'actor.alternateId': e => e.actor,
          'client.ipAddress': e => e.ip,
          'client.userAgent.rawUserAgent': e => e.ua,
          eventType: e => e.type,
        }
        const text = toCsv([order, ...events.map(e => order.map(c => cellOf[c]?.(e) ?? 'x'))])
        const result = withinBudget(BUDGET_MS, () => parseAccessLog(text))
        if (!result.ok) throw new Error(result.problem)
        expect(result.format).toBe('okta')
        expect(result.events.map(e => e.ip)).toEqual(events.map(e => e.ip))
        expect(result.events.map(e => e.occurredAt)).toEqual(events.map(e => e.published))
      }),
      params(runs(200)),
    )
  })
})
