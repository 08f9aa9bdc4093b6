import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Express } from 'express'
import type { Knex } from 'knex'
import request from 'supertest'
import { createApp } from '../../../src/app'
import { KnexSessionStore } from '../../../src/db/sessionStore'
import { createLogger } from '../../../src/logger'
import { importRefdataFile } from '../../../src/refdata/importRefdata'
import { createServices, type Services } from '../../../src/services'
import { SCAN_KIND } from '../../../src/services/accessLogFeedService'
import { systemActor, type ActorContext } from '../../../src/services/context'
import { PASSWORD } from '../../support/appSetup'
import { createTestDb, type TestDb } from '../../support/testDb'
import { decide } from '../signoff/support'

/**
 * Issue 16: contractors' sign-in logs arriving by themselves. POST /api/access-logs and the watched folder
 * (ACCESS_LOG_DIR) store the log and enqueue 'access-log.ingest'; the job adds it as the case page's upload
 * would, rescores, and tells the case's owner about flags the case did not have before.
 */
const n = (v: unknown) => Number(v)
const logOf = (account: string, rows: Array<[string, string]>) => `timestamp,account,ip,user_agent,event\n${rows.map(([t, ip]) => `${t},${account},${ip},Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0,login`).join('\n')}\n`
// 203.0.113.0/24 is a hosting network in this test's reference data (imported below); 198.51.100.7 is a home line.
const DATACENTER_LOG = logOf('dana.whitfield@example.org', [
  ['2026-11-02T14:00:00Z', '203.0.113.9'],
  ['2026-11-03T14:00:00Z', '203.0.113.10'],
  ['2026-11-04T14:00:00Z', '203.0.113.11'],
  ['2026-11-05T14:00:00Z', '198.51.100.7'],
])

describe('sign-in logs by API and watched folder', () => {
  let testDb: TestDb
  let db: Knex
  let services: Services
  let app: Express
  let store: KnexSessionStore
  let dataDir: string
  let feedDir: string
  let recruiterId: number
  let managerId: number
  let recruiterToken: string
  let managerToken: string
  let dana: { id: string; reference: string }
  let omar: { id: string; reference: string }

  const notificationsOf = async (userId: number, caseId: string) => (await db('notifications').where({ user_id: userId, case_id: caseId }).select('message')) as Array<{ message: string }>
  const eventsOf = async (caseId: string) => n(((await db('access_events').where({ case_id: caseId }).count({ c: '*' })) as Array<{ c: unknown }>)[0]!.c)
  const post = (token: string | undefined, body: string, type = 'text/csv', query = '') => {
    const r = request(app).post(`/api/access-logs${query}`).set('Content-Type', type)
    return (token ? r.set('Authorization', `Bearer ${token}`) : r).send(body)
  }

  beforeAll(async () => {
    testDb = await createTestDb()
    db = testDb.db
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-feed-data-'))
    feedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-feed-in-'))
    const list = path.join(dataDir, 'hosting-datacenter-2026-11-01.txt')
    fs.writeFileSync(list, '203.0.113.0/24\n')
    importRefdataFile(dataDir, list, { kind: 'datacenter' })
    services = createServices(db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir, accessLogs: { dir: feedDir, pollSeconds: 60, settleMs: 0 } })
    store = new KnexSessionStore(db, 30 * 60_000)
    app = createApp({ config: { production: false, trustProxy: false, sessionIdleMinutes: 30 }, services, sessionStore: store, sessionSecret: 'test-secret-test-secret-test-secret-0123', logger: createLogger('silent'), loginAttemptsPerIpPer15Min: 1000 })
    const add = async (role: 'recruiter' | 'manager', email: string) => (await services.users.create({ email, role, displayName: role, password: PASSWORD }, systemActor())).id
    recruiterId = await add('recruiter', 'recruiter@example.test')
    managerId = await add('manager', 'manager@example.test')
    recruiterToken = await services.apiTokens.issue(recruiterId, 'okta feed', systemActor())
    managerToken = await services.apiTokens.issue(managerId, 'wrong role', systemActor())
    const recruiter: ActorContext = { userId: recruiterId, role: 'recruiter', requestId: null }
    const c1 = await services.cases.create({ kind: 'contractor', fullName: 'Dana Whitfield', email: 'dana.whitfield@example.org' }, recruiter)
    const c2 = await services.cases.create({ kind: 'contractor', fullName: 'Omar Haddad', email: 'omar.haddad@example.org' }, recruiter)
    dana = { id: c1.id, reference: c1.reference }
    omar = { id: c2.id, reference: c2.reference }
  }, 60_000)

  afterAll(async () => {
    store.close()
    await services.close()
    await testDb.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(feedDir, { recursive: true, force: true })
  })

  it('refuses a call without a token, with an unknown token, and from a role that may not import', async () => {
    const none = await post(undefined, DATACENTER_LOG)
    expect(none.status).toBe(401)
    expect(none.body.error).toMatch(/Sign in, or send an API token/)
    expect((await post('vd_not-a-real-token', DATACENTER_LOG)).status).toBe(401)
    const wrong = await post(managerToken, DATACENTER_LOG)
    expect(wrong.status).toBe(403)
    expect(wrong.body.error).toBe('Your role may not send sign-in logs.')
    expect(n(((await db('access_log_deliveries').count({ c: '*' })) as Array<{ c: unknown }>)[0]!.c)).toBe(0)
  })

  it('answers a bad body with a 400 that says what is wrong', async () => {
    const noTime = await post(recruiterToken, 'account,ip\nx@example.org,203.0.113.9\n', 'text/csv', `?case=${dana.reference}`)
    expect(noTime.status).toBe(400)
    expect(noTime.body.error).toMatch(/^The sign-in log was not accepted: the first line of the sign-in log must name its columns, including a time/)
    const badIp = await post(recruiterToken, 'timestamp,account,ip\n2026-11-02T14:00:00Z,x@example.org,not-an-ip\n', 'text/csv', `?case=${dana.reference}`)
    expect(badIp.status).toBe(400)
    expect(badIp.body.error).toContain('row 2 of the sign-in log: "not-an-ip" is not an IP address')
    const badJson = await post(recruiterToken, '{"events": ', 'application/json')
    expect(badJson.status).toBe(400)
    expect(badJson.body.error).toBe('The body is not valid JSON.')
    const noEvents = await post(recruiterToken, JSON.stringify({ case: dana.reference }), 'application/json')
    expect(noEvents.status).toBe(400)
    expect(noEvents.body.error).toMatch(/needs "events"/)
    const empty = await post(recruiterToken, '', 'text/csv')
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatch(/no body/)
    const unknownCase = await post(recruiterToken, DATACENTER_LOG, 'text/csv', '?case=VD-999999')
    expect(unknownCase.status).toBe(404)
    expect(unknownCase.body.error).toBe('No case VD-999999.')
  })

  it('stores a log, and its job adds the sign-ins, rescores, and tells the owner of the new finding', async () => {
    const before = (await db('findings').where({ case_id: dana.id, rule_id: 'network-datacenter-access', status: 'flag' }).whereNull('superseded_at').first('id')) as unknown
    expect(before).toBeUndefined()
    const res = await post(recruiterToken, DATACENTER_LOG, 'text/csv', `?case=${dana.reference}`)
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ outcome: 'queued', case: dana.reference, matchedBy: 'reference', events: 4 })
    // Stored durably before anything ran: the row, the job, the bytes.
    const job = (await services.jobs.find(res.body.job as string))!
    expect(job).toMatchObject({ kind: 'access-log.ingest', status: 'queued' })
    expect(await eventsOf(dana.id)).toBe(0)

    expect(await services.jobs.runUntilIdle()).toBeGreaterThanOrEqual(1)
    expect((await services.jobs.find(job.id))!.status).toBe('done')
    expect(await eventsOf(dana.id)).toBe(4)
    const flagged = await db('findings').where({ case_id: dana.id, rule_id: 'network-datacenter-access', status: 'flag' }).whereNull('superseded_at').first('message')
    expect(flagged).toBeDefined()
    const delivery = (await db('access_log_deliveries').where({ id: res.body.delivery as string }).first()) as { status: string; new_flags: string }
    expect(delivery.status).toBe('added')
    expect(JSON.parse(delivery.new_flags)).toContain('network-datacenter-access')
    const notes = await notificationsOf(recruiterId, dana.id)
    expect(notes).toHaveLength(1)
    expect(notes[0]!.message).toMatch(new RegExp(`^${dana.reference}: new findings from a sign-in log received \\d{4}-\\d{2}-\\d{2}: .*network-datacenter-access`))
  })

  it('adds nothing when the same log is posted again', async () => {
    const jobsBefore = n(((await db('jobs').count({ c: '*' })) as Array<{ c: unknown }>)[0]!.c)
    const again = await post(recruiterToken, DATACENTER_LOG, 'text/csv', `?case=${dana.reference}`)
    expect(again.status).toBe(200)
    expect(again.body.outcome).toBe('duplicate')
    // The same sign-ins as JSON make the same bytes: also a repeat.
    const asJson = await post(recruiterToken, JSON.stringify({ case: dana.reference, csv: DATACENTER_LOG }), 'application/json')
    expect(asJson.status).toBe(200)
    expect(asJson.body.outcome).toBe('duplicate')
    await services.jobs.runUntilIdle()
    expect(n(((await db('jobs').count({ c: '*' })) as Array<{ c: unknown }>)[0]!.c)).toBe(jobsBefore)
    expect(await eventsOf(dana.id)).toBe(4)
    expect(await notificationsOf(recruiterId, dana.id)).toHaveLength(1)
    expect(n(((await db('access_log_deliveries').count({ c: '*' })) as Array<{ c: unknown }>)[0]!.c)).toBe(1)
  })

  it('finds the case by the log\'s accounts when none is named (JSON events), and says when none matches', async () => {
    const res = await post(recruiterToken, JSON.stringify({ events: [{ timestamp: '2026-11-06T15:00:00Z', account: 'omar.haddad@example.org', ip: '198.51.100.20', user_agent: 'Mozilla/5.0', event: 'login' }] }), 'application/json')
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ case: omar.reference, matchedBy: 'accounts', events: 1 })
    await services.jobs.runUntilIdle()
    expect(await eventsOf(omar.id)).toBe(1)
    // A home sign-in is no new finding: nobody is told.
    expect(await notificationsOf(recruiterId, omar.id)).toHaveLength(0)
    const stranger = await post(recruiterToken, logOf('someone.else@example.net', [['2026-11-06T15:00:00Z', '198.51.100.21']]))
    expect(stranger.status).toBe(422)
    expect(stranger.body.error).toMatch(/^No contractor case matches the accounts in this sign-in log/)
  })

  it('the folder scan takes each new file, moves it to processed/ (or rejected/ with its reason) and queues the next look once', async () => {
    fs.writeFileSync(path.join(feedDir, `${omar.reference}__okta-2026-11.csv`), logOf('ohaddad', [['2026-11-07T15:00:00Z', '198.51.100.20'], ['2026-11-08T15:00:00Z', '198.51.100.20']]))
    fs.writeFileSync(path.join(feedDir, 'dana-export.csv'), logOf('dana.whitfield@example.org', [['2026-11-09T15:00:00Z', '198.51.100.7']]))
    fs.writeFileSync(path.join(feedDir, 'broken.csv'), 'timestamp,account,ip\nyesterday,dana.whitfield@example.org,203.0.113.9\n')
    const scanId = await services.accessLogFeed.schedule()
    expect(await services.accessLogFeed.schedule()).toBe(scanId) // one queued look only
    await services.jobs.runUntilIdle()

    const scan = (await services.jobs.find(scanId!))!
    expect(scan.status).toBe('done')
    const report = JSON.parse(scan.result!) as { processed: Array<{ file: string; outcome: string; reference: string }>; rejected: Array<{ file: string; reason: string }> }
    expect(report.processed.map(p => [p.file, p.reference]).sort()).toEqual([[`${omar.reference}__okta-2026-11.csv`, omar.reference], ['dana-export.csv', dana.reference]].sort())
    expect(report.rejected.map(r => r.file)).toEqual(['broken.csv'])

    // Moved: nothing is left to be read twice.
    expect(fs.readdirSync(feedDir).filter(f => !fs.statSync(path.join(feedDir, f)).isDirectory())).toEqual([])
    expect(fs.readdirSync(path.join(feedDir, 'processed')).sort()).toEqual([`${omar.reference}__okta-2026-11.csv`, 'dana-export.csv'].sort())
    expect(fs.readdirSync(path.join(feedDir, 'rejected')).sort()).toEqual(['broken.csv', 'broken.csv.reason.txt'])
    expect(fs.readFileSync(path.join(feedDir, 'rejected', 'broken.csv.reason.txt'), 'utf8')).toContain('"yesterday" is not a date and time')

    // Each delivered file was recorded (name, size, mtime, hash) and its ingest job ran.
    const rows = (await db('access_log_deliveries').where({ source: 'folder' }).select('file_name', 'size_bytes', 'file_mtime', 'sha256', 'status', 'matched_by')) as Array<{ file_name: string; size_bytes: number; file_mtime: string; sha256: string; status: string; matched_by: string }>
    expect(rows.map(r => [r.file_name, r.matched_by, r.status]).sort()).toEqual([[`${omar.reference}__okta-2026-11.csv`, 'file_name', 'added'], ['dana-export.csv', 'accounts', 'added']].sort())
    for (const r of rows) {
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(n(r.size_bytes)).toBeGreaterThan(40)
      expect(Number.isNaN(Date.parse(r.file_mtime))).toBe(false)
    }
    expect(await eventsOf(omar.id)).toBe(3)
    expect(await eventsOf(dana.id)).toBe(5)

    // The next look is queued once, a poll interval away.
    const next = (await db('jobs').where({ kind: SCAN_KIND, status: 'queued' }).select('run_at')) as Array<{ run_at: string }>
    expect(next).toHaveLength(1)
    expect(Date.parse(next[0]!.run_at) - Date.now()).toBeGreaterThan(50_000)

    // The same file dropped again is recognised: processed, nothing added.
    fs.copyFileSync(path.join(feedDir, 'processed', 'dana-export.csv'), path.join(feedDir, 'dana-export.csv'))
    const second = await services.accessLogFeed.scan()
    expect(second.processed).toEqual([{ file: 'dana-export.csv', outcome: 'duplicate', reference: dana.reference }])
    await services.jobs.runUntilIdle()
    expect(await eventsOf(dana.id)).toBe(5)
  })
  it('holds a log whose accounts are not the person\'s, as the upload does, and says so to the owner', async () => {
    const res = await post(recruiterToken, logOf('stranger.x@example.net', [['2026-11-10T15:00:00Z', '198.51.100.30']]), 'text/csv', `?case=${omar.reference}`)
    expect(res.status).toBe(202)
    await services.jobs.runUntilIdle()
    expect(((await db('access_log_deliveries').where({ id: res.body.delivery as string }).first('status')) as { status: string }).status).toBe('held')
    expect((await services.signInLogs.held(db, omar.id)).map(h => h.accounts)).toEqual([['stranger.x@example.net']])
    expect((await notificationsOf(recruiterId, omar.id)).filter(m => m.message.includes('is held until someone confirms whose it is'))).toHaveLength(1)
  })

  it('a job that stopped after adding the log, before its checkpoint, still tells the owner once when it resumes', async () => {
    const log = logOf('omar.haddad@example.org', [['2026-11-11T15:00:00Z', '203.0.113.40'], ['2026-11-12T15:00:00Z', '203.0.113.41'], ['2026-11-13T15:00:00Z', '203.0.113.42']])
    const res = await post(recruiterToken, log, 'text/csv', `?case=${omar.reference}`)
    expect(res.status).toBe(202)
    // The first attempt recorded the flags before, added the log, and died: its checkpoint says 'before'.
    await db('jobs').where({ id: res.body.job as string }).update({ checkpoint: JSON.stringify({ stage: 'before', before: [] }) })
    await services.ingest.addDocument(omar.id, 'sign-in-log.csv', 'access_log', Buffer.from(log), systemActor())
    const eventsAfterCrash = await eventsOf(omar.id)
    await services.jobs.runUntilIdle()
    expect(await eventsOf(omar.id)).toBe(eventsAfterCrash) // not added twice
    const d = (await db('access_log_deliveries').where({ id: res.body.delivery as string }).first('status', 'new_flags')) as { status: string; new_flags: string }
    expect(d.status).toBe('present')
    expect(JSON.parse(d.new_flags)).toContain('network-datacenter-access')
    expect((await notificationsOf(recruiterId, omar.id)).filter(m => m.message.includes('network-datacenter-access'))).toHaveLength(1)
  })

  it('keeps, without adding, a log for a decided case; after a reopen the same log is delivered anew', async () => {
    const recruiter: ActorContext = { userId: recruiterId, role: 'recruiter', requestId: null }
    const hana = await services.cases.create({ kind: 'contractor', fullName: 'Hana Sato', email: 'hana.sato@example.org' }, recruiter)
    await decide(services, hana.id, 'approve', recruiter, { userId: managerId, role: 'manager', requestId: null })
    const log = logOf('hana.sato@example.org', [['2026-11-14T15:00:00Z', '203.0.113.50'], ['2026-11-15T15:00:00Z', '203.0.113.51'], ['2026-11-16T15:00:00Z', '203.0.113.52']])
    const first = await post(recruiterToken, log, 'text/csv', `?case=${hana.reference}`)
    expect(first.status).toBe(202)
    await services.jobs.runUntilIdle()
    expect(((await db('access_log_deliveries').where({ id: first.body.delivery as string }).first('status')) as { status: string }).status).toBe('decided')
    expect(await eventsOf(hana.id)).toBe(0)
    expect((await notificationsOf(recruiterId, hana.id)).filter(m => m.message.includes('kept but not added, because the case is decided'))).toHaveLength(1)

    const reopened = await services.cases.reopen(hana.id, { userId: managerId, role: 'manager', requestId: null }, 'Sign-in logs arrived after the decision')
    const again = await post(recruiterToken, log, 'text/csv', `?case=${hana.reference}`)
    expect(again.status).toBe(202)
    expect(again.body.caseId).toBe(reopened.id)
    await services.jobs.runUntilIdle()
    expect(await eventsOf(reopened.id)).toBe(3)
    expect((await notificationsOf(recruiterId, reopened.id)).map(m => m.message)).toEqual([expect.stringContaining('network-datacenter-access')])
  })
  it('erasing the case takes its received logs with it: records and bytes', async () => {
    const shas = (await db('access_log_deliveries').where({ case_id: omar.id }).pluck('sha256')) as string[]
    expect(shas.length).toBeGreaterThanOrEqual(3)
    const blob = (sha: string) => path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha)
    expect(shas.every(sha => fs.existsSync(blob(sha)))).toBe(true)
    const outcome = await services.erasure.erase(omar.reference, 'The contractor left; the client asked for erasure', systemActor(), { requestedBy: null, confirmedBy: null })
    expect(outcome.counts.accessLogDeliveries).toBe(shas.length)
    expect(await db('access_log_deliveries').where({ case_id: omar.id }).first('id')).toBeUndefined()
    expect(shas.filter(sha => fs.existsSync(blob(sha)))).toEqual([])
    // A log for the erased case sent again finds no case to go to.
    const again = await post(recruiterToken, logOf('omar.haddad@example.org', [['2026-11-20T15:00:00Z', '198.51.100.20']]), 'text/csv', `?case=${omar.reference}`)
    expect(again.status).toBe(404)
  })
})
