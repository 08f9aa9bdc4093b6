import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import type TestAgent from 'supertest/lib/agent'
import { addUser, signIn } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { systemActor } from '../../../src/services/context'
import { as, createSharedDatabase, decide, importCase, ringMember, type Instance, type SharedDatabase } from '../signoff/support'
import { findInBytes, NEEDLES, PERSON, PERSON_FILES, personApplication, resolvePersonFile, scanDir, scanTables } from './support'

type Session = { agent: TestAgent; csrf: string }

/**
 * Issue 17: erasure keeps the audit trail verifiable and leaves no byte of the person behind. The case
 * erased here is decided, then reopened (two revisions, the first frozen by the triggers); a neighbour's
 * decided case shows the triggers still refuse everything else.
 */
describe('erasure', () => {
  let shared: SharedDatabase
  let i: Instance
  let db: Knex
  let ids: Record<'recruiter' | 'security' | 'manager' | 'admin' | 'admin2' | 'security2', number>
  let sessions: Record<'recruiter' | 'security' | 'manager' | 'admin' | 'admin2', Session>

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    db = i.db
    ids = {
      recruiter: (await addUser(i.services, 'recruiter')).id,
      security: (await addUser(i.services, 'security')).id,
      manager: (await addUser(i.services, 'manager')).id,
      admin: (await addUser(i.services, 'admin')).id,
      admin2: (await addUser(i.services, 'admin', 'admin2@example.test')).id,
      security2: (await addUser(i.services, 'security', 'security2@example.test')).id,
    }
    sessions = {
      recruiter: await signIn(i.app, 'recruiter@example.test'),
      security: await signIn(i.app, 'security@example.test'),
      manager: await signIn(i.app, 'manager@example.test'),
      admin: await signIn(i.app, 'admin@example.test'),
      admin2: await signIn(i.app, 'admin2@example.test'),
    }
  }, 60_000)
  afterAll(() => shared.close())

  const post = (s: Session, p: string, body: Record<string, string> = {}) => s.agent.post(p).type('form').send({ _csrf: s.csrf, ...body })

  /** The person's case, decided and reopened (revision 2 open), with documents, a sign-in log and a checklist. */
  async function personCase(externalId: string): Promise<{ caseId: string; reference: string; revisions: string[] }> {
    const out = await i.services.ingest.importApplication(`${externalId}.json`, personApplication(externalId), resolvePersonFile, systemActor())
    if (!('caseId' in out) || !out.caseId) throw new Error(`import failed: ${JSON.stringify(out)}`)
    const first = out.caseId
    await i.services.cases.view(first, as(ids.recruiter, 'recruiter'))
    await decide(i.services, first, 'approve', as(ids.recruiter, 'recruiter'), as(ids.manager, 'manager'))
    const next = await i.services.cases.reopen(first, as(ids.manager, 'manager'), 'The employer sent new evidence about the applicant')
    await i.services.cases.view(next.id, as(ids.security, 'security'))
    return { caseId: next.id, reference: next.reference, revisions: [first, next.id] }
  }

  it('refuses recruiters and managers, one person asking and confirming, and two of the same role; then erases every revision', async () => {
    const { caseId, reference, revisions } = await personCase('ZQ-1')
    // The scan below would find nothing if it could not see the person at all: before erasure it must.
    if (shared.client === 'sqlite3') expect(scanDir(shared.dataDir, NEEDLES).length).toBeGreaterThan(5)
    else {
      await db.raw('CHECKPOINT').catch(() => undefined)
      const files = await postgresFiles(db, revisions)
      if (files) expect(files.flatMap(findFile).length).toBeGreaterThan(0)
    }
    expect((await scanTables(db, NEEDLES)).length).toBeGreaterThan(5)
    expect(Number(((await db('audit_event_details').whereIn('case_id', revisions).count({ n: '*' }).first()) as { n: number | string }).n)).toBeGreaterThan(0)
    const withDetail = (await db('audit_events as e').join('audit_event_details as d', 'd.event_hash', 'e.hash').whereIn('e.case_id', revisions).first('e.id')) as { id: number }
    // A neighbour, decided, whose rows must stay frozen.
    const neighbour = await importCase(i.services, ringMember('NB-1', 'Maria Lindqvist'))
    await decide(i.services, neighbour, 'approve', as(ids.recruiter, 'recruiter'), as(ids.manager, 'manager'))
    const reason = 'Ticket DPO-2291: the applicant asked for erasure under Art. 17'

    expect((await post(sessions.recruiter, `/cases/${caseId}/erasure`, { reason })).status).toBe(403)
    expect((await post(sessions.manager, `/cases/${caseId}/erasure`, { reason })).status).toBe(403)
    expect((await sessions.recruiter.agent.get(`/cases/${caseId}/erasure`)).status).toBe(403)
    expect((await post(sessions.admin, `/cases/${caseId}/erasure`, { reason: 'short' })).status).toBe(400)
    expect((await post(sessions.admin, `/cases/${caseId}/erasure`, { reason })).status).toBe(303)
    const page = await sessions.admin.agent.get(`/cases/${caseId}/erasure`)
    expect(page.text).toContain('Waiting for a security reviewer')
    // The same person cannot confirm; nor can another administrator.
    expect((await post(sessions.admin, `/cases/${caseId}/erasure/confirm`, { reference, confirm: 'yes' })).status).toBe(403)
    expect((await post(sessions.admin2, `/cases/${caseId}/erasure/confirm`, { reference, confirm: 'yes' })).status).toBe(403)
    expect((await post(sessions.recruiter, `/cases/${caseId}/erasure/confirm`, { reference, confirm: 'yes' })).status).toBe(403)
    // The security reviewer must type the reference and tick the box.
    expect((await post(sessions.security, `/cases/${caseId}/erasure/confirm`, { reference: 'VD-999999', confirm: 'yes' })).status).toBe(400)
    expect((await post(sessions.security, `/cases/${caseId}/erasure/confirm`, { reference })).status).toBe(400)
    expect(await db('facts').whereIn('case_id', revisions).first('id')).toBeDefined()
    const confirmPage = await sessions.security.agent.get(`/cases/${caseId}/erasure`)
    expect(confirmPage.text).toContain('name="confirm"')
    const done = await post(sessions.security, `/cases/${caseId}/erasure/confirm`, { reference, confirm: 'yes' })
    expect(done.status).toBe(303)

    // The shell: reference, status and decision, dates, score, rule ids; the person is gone.
    const cases = (await db('cases').whereIn('id', revisions).orderBy('revision')) as Array<Record<string, unknown>>
    expect(cases.map(c => c.status)).toEqual(['signed_off', 'open'])
    expect(cases.every(c => c.reference === reference && c.risk_band !== null && c.created_at)).toBe(true)
    const subject = (await db('subjects').where({ id: cases[0]!.subject_id }).first()) as Record<string, unknown>
    expect(subject.full_name).toBe(`Erased (${reference})`)
    expect(subject.email).toBeNull()
    for (const table of ['facts', 'documents', 'access_events', 'link_keys', 'link_prints', 'audit_event_details', 'notifications']) {
      expect([table, Number(((await db(table).whereIn('case_id', revisions).count({ n: '*' }).first()) as { n: number | string }).n)]).toEqual([table, 0])
    }
    const findings = (await db('findings').whereIn('case_id', revisions).select('rule_id', 'message')) as Array<{ rule_id: string; message: string }>
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every(f => f.message === 'erased' && f.rule_id)).toBe(true)
    const signoffs = (await db('signoffs').whereIn('case_id', revisions).select('decision', 'statement', 'digest')) as Array<{ decision: string; statement: string; digest: string }>
    expect(signoffs.map(s => [s.decision, s.statement])).toEqual([['approve', 'erased']])
    expect(signoffs[0]!.digest).toMatch(/^[0-9a-f]{64}$/)

    // One event records it, with the reason (staff text) and no detail row.
    const event = (await db('audit_events').where({ type: 'CASE_ERASED' }).orderBy('id', 'desc').first()) as { data: string; hash: string; actor_role: string }
    const data = JSON.parse(event.data) as { reference: string; reason: string; revisions: string[]; detailHmac?: string; requestedBy: number; confirmedBy: number }
    expect(data).toMatchObject({ reference, reason, requestedBy: ids.admin, confirmedBy: ids.security })
    expect(data.revisions.sort()).toEqual([...revisions].sort())
    expect(data.detailHmac).toBeUndefined()
    expect(await db('audit_event_details').where({ event_hash: event.hash }).first()).toBeUndefined()
    expect(event.actor_role).toBe('security')

    // The trail verifies, without the deleted details, in the service and with `vet audit verify`.
    expect((await i.services.auditTrail.verify()).intact).toBe(true)
    const verify = await vet(['audit', 'verify', '--json'], shared.env)
    expect([verify.code, verify.err]).toEqual([0, ''])
    expect(JSON.parse(verify.out)).toMatchObject({ intact: true })

    // The event's page says its values went with the erasure (not that the trail was tampered with).
    const eventPage = await sessions.security.agent.get(`/audit/events/${withDetail.id}`)
    expect(eventPage.status).toBe(200)
    expect(eventPage.text).toContain('audit-values-erased')
    expect(eventPage.text).not.toContain('govuk-error-summary')

    // Bytes: none of the person anywhere under DATA_DIR (database, -wal, -shm, blobs) or in any table.
    await assertNoBytesLeft(revisions)

    // The neighbour's decided rows, and the trail, stay frozen: the exception is only for the erased person.
    await expect(db('facts').where({ case_id: neighbour }).update({ value: '"x"' })).rejects.toThrow(/decided case/)
    await expect(db('facts').where({ case_id: neighbour }).delete()).rejects.toThrow(/decided case/)
    await expect(db('findings').where({ case_id: neighbour }).update({ message: 'x' })).rejects.toThrow(/decided case/)
    await expect(db('documents').where({ case_id: neighbour }).delete()).rejects.toThrow(/decided case/)
    await expect(db('signoffs').where({ case_id: neighbour }).update({ statement: 'x' })).rejects.toThrow(/append-only/)
    await expect(db('finding_dispositions').where({ case_id: neighbour }).update({ disposition: 'x' })).rejects.toThrow(/append-only|decided case/)
    await expect(db('audit_event_details').where({ case_id: neighbour }).delete()).rejects.toThrow(/append-only/)
    await expect(db('audit_events').where({ case_id: revisions[0] }).delete()).rejects.toThrow(/append-only/)
    await expect(db('audit_events').where({ case_id: revisions[0] }).update({ data: '{}' })).rejects.toThrow(/append-only/)
    // Even for the erased person: signoffs cannot be deleted, nor erasures undone.
    await expect(db('signoffs').whereIn('case_id', revisions).delete()).rejects.toThrow(/append-only/)
    await expect(db('erasures').delete()).rejects.toThrow(/append-only/)
    expect(Number(((await db('audit_event_details').where({ case_id: neighbour }).count({ n: '*' }).first()) as { n: number | string }).n)).toBeGreaterThan(0)

    // Erased once: a second request is refused.
    expect((await post(sessions.admin, `/cases/${caseId}/erasure`, { reason })).status).toBe(409)
  }, 120_000)

  async function assertNoBytesLeft(revisions: string[]) {
    if (shared.client === 'sqlite3') {
      expect(fs.existsSync(path.join(shared.dataDir, 'vetting-desk.sqlite'))).toBe(true)
      expect(scanDir(shared.dataDir, NEEDLES)).toEqual([])
    } else {
      // No other session may still see the deleted rows when VACUUM FULL runs, or it copies them over.
      expect(await i.services.erasure.compact()).toEqual({ heldBack: 0 })
      // The blobs are under DATA_DIR on either database.
      expect(scanDir(shared.dataDir, NEEDLES)).toEqual([])
      const files = await postgresFiles(db, revisions)
      if (files) for (const f of files) expect([f, findFile(f)]).toEqual([f, []])
      else process.stderr.write('erasure test: the PostgreSQL data directory is not readable by this process; skipped the file check and checked every table row instead\n')
    }
    expect(await scanTables(db, NEEDLES)).toEqual([])
  }


  it('`vet erase` erases from the command line; the trail still verifies and the case page shows the shell', async () => {
    const { caseId, reference, revisions } = await personCase('ZQ-2')
    const usage = await vet(['erase', reference], shared.env)
    expect(usage.code).toBe(2)
    const run = await vet(['erase', reference, '--reason', 'Retention period over (policy HR-7)', '--compact', '--json'], shared.env)
    expect([run.code, run.err]).toEqual([0, ''])
    const outcome = JSON.parse(run.out) as { reference: string; revisions: string[]; files: number }
    expect(outcome.reference).toBe(reference)
    expect(outcome.revisions.sort()).toEqual([...revisions].sort())
    expect(outcome.files).toBeGreaterThan(0)
    const again = await vet(['erase', reference, '--reason', 'Retention period over (policy HR-7)'], shared.env)
    expect(again.code).toBe(1)
    expect(again.err).toContain('already erased')
    const verify = await vet(['audit', 'verify'], shared.env)
    expect(verify.code).toBe(0)
    const page = await sessions.security.agent.get(`/cases/${caseId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Erased (${reference})`)
    await assertNoBytesLeft(revisions)
  }, 120_000)

  it('erases the person from import reports and from staff sessions (a flash naming their file), keeping the staff signed in', async () => {
    const files = [
      { name: `${PERSON.name}.json`, data: Buffer.from(JSON.stringify(personApplication('ZQ-3'))) },
      { name: 'resume.txt', data: PERSON_FILES['resume.txt']! },
      { name: 'access.csv', data: PERSON_FILES['access.csv']! },
    ]
    const jobId = await i.services.imports.start(files, as(ids.recruiter, 'recruiter'))
    await i.services.imports.waitFor(jobId)
    const job = (await db('import_jobs').where({ id: jobId }).first('report')) as { report: string }
    expect(job.report).toContain(PERSON.name)
    const caseId = (JSON.parse(job.report) as Array<{ caseId?: string }>).find(e => e.caseId)!.caseId!
    // A flash naming an uploaded file, left unread in the recruiter's session.
    const upload = await sessions.recruiter.agent.post(`/cases/${caseId}/documents`).field('_csrf', sessions.recruiter.csrf).field('kind', 'other').attach('file', Buffer.from('Notes from the call'), { filename: `${PERSON.name} notes.txt`, contentType: 'text/plain' })
    expect(upload.status).toBe(303)
    const before = await scanTables(db, [PERSON.name])
    expect(before).toEqual(expect.arrayContaining(['sessions: Zebulon Quartermain', 'import_jobs: Zebulon Quartermain']))
    const reference = ((await db('cases').where({ id: caseId }).first('reference')) as { reference: string }).reference
    const outcome = await i.services.erasure.erase(reference, 'Ticket DPO-2300: erasure on request', as(ids.security, 'security'), { requestedBy: null, confirmedBy: null })
    expect(outcome.counts).toMatchObject({ importReports: 1, sessions: 1 })
    await assertNoBytesLeft([caseId])
    expect((await sessions.recruiter.agent.get('/')).status).toBe(200)
  }, 120_000)

  it('compact waits for a transaction that could still see the erased rows (PostgreSQL), and says when one outlasts the wait', async () => {
    if (shared.client === 'sqlite3') return // one writer; VACUUM cannot run beside an open transaction
    const hold = async (ms: number, compact: () => Promise<{ heldBack: number }>) => {
      let release!: () => void
      const released = new Promise<void>(resolve => { release = resolve })
      let started!: () => void
      const holding = new Promise<void>(resolve => { started = resolve })
      const reader = db.transaction(async trx => {
        await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        await trx.raw('SELECT 1') // takes the snapshot, and no lock on the tables VACUUM FULL rewrites
        started()
        await released
      })
      await holding
      await db.raw('SELECT txid_current()') // a transaction after the reader's snapshot, as the erasure is
      const timer = setTimeout(release, ms)
      const t0 = Date.now()
      const result = await compact()
      clearTimeout(timer)
      release()
      await reader
      return { ...result, waited: Date.now() - t0 }
    }
    const waited = await hold(1_500, () => i.services.erasure.compact(db, { waitMs: 20_000 }))
    expect(waited.heldBack).toBe(0)
    expect(waited.waited).toBeGreaterThanOrEqual(1_400)
    const outlasted = await hold(5_000, () => i.services.erasure.compact(db, { waitMs: 300 }))
    expect(outlasted.heldBack).toBe(1)
  }, 60_000)

  it('verify still finds a deleted detail of a case that was not erased', async () => {
    const created = await i.services.cases.create({ kind: 'candidate', fullName: 'Kevin Norland', email: 'kevin.norland@example.org' }, as(ids.recruiter, 'recruiter'))
    await db.transaction(trx => i.services.audit.append(trx, { type: 'CASE_FACTS_RECORDED', actor: { userId: ids.recruiter, role: 'recruiter' }, caseId: created.id, data: { section: 'contact', after: { email: 'kevin.norland@example.org' } } }))
    const detail = (await db('audit_event_details').where({ case_id: created.id }).first('event_hash')) as { event_hash: string }
    expect((await i.services.auditTrail.verify()).intact).toBe(true)
    // Simulate tampering: lift the trigger for one statement, as an attacker with the database could.
    if (shared.client === 'sqlite3') {
      await db.raw('DROP TRIGGER audit_event_details_no_delete')
      await db('audit_event_details').where({ event_hash: detail.event_hash }).delete()
    } else {
      await db.transaction(async trx => {
        await trx.raw('ALTER TABLE audit_event_details DISABLE TRIGGER audit_event_details_no_update')
        await trx('audit_event_details').where({ event_hash: detail.event_hash }).delete()
        await trx.raw('ALTER TABLE audit_event_details ENABLE TRIGGER audit_event_details_no_update')
      })
    }
    const result = await i.services.auditTrail.verify()
    expect(result.intact).toBe(false)
    expect(result.broken?.reason).toBe('values_deleted')
  }, 60_000)

  it('ordinary changes stay refused: no erasure row, no exception (services-level)', async () => {
    await importCase(i.services, ringMember('NB-4', 'Ilse Vermeer'))
    const caseId = await importCase(i.services, ringMember('NB-3', 'Pieter Jansen'))
    expect(await db('links').where({ case_a: caseId }).orWhere({ case_b: caseId }).first('id')).toBeDefined()
    await decide(i.services, caseId, 'reject', as(ids.recruiter, 'recruiter'), as(ids.manager, 'manager'))
    await expect(db('facts').where({ case_id: caseId }).update({ value: '"x"' })).rejects.toThrow(/decided case/)
    await expect(db('links').where({ case_a: caseId }).orWhere({ case_b: caseId }).delete()).rejects.toThrow(/decided case/)
    await expect(db('sanctions_reviews').where({ case_id: caseId }).update({ value: 'x' })).resolves.toBe(0)
    await expect(db('checklist_items').where({ case_id: caseId }).update({ note: 'x' })).rejects.toThrow(/decided case/)
    // Append-only tables whose erased rows may be deleted: anyone else's rows may not.
    const now = new Date().toISOString()
    const subjectId = ((await db('cases').where({ id: caseId }).first('subject_id')) as { subject_id: string }).subject_id
    await db('watch_keys').insert({ kind: 'email', key: 'someone@example.org', label: 'someone@example.org', source_case_id: caseId, added_by: ids.security, created_at: now })
    await db('link_judgements').insert({ subject_a: subjectId, subject_b: subjectId, judgement: 'unsure', note: 'a note', user_id: ids.recruiter, created_at: now })
    await expect(db('watch_keys').where({ source_case_id: caseId }).delete()).rejects.toThrow(/append-only/)
    await expect(db('watch_keys').where({ source_case_id: caseId }).update({ label: 'x' })).rejects.toThrow(/append-only/)
    await expect(db('link_judgements').where({ subject_a: subjectId }).delete()).rejects.toThrow(/append-only/)
    await expect(db('audit_event_details').where({ case_id: caseId }).update({ data: '{}' })).rejects.toThrow(/append-only/)
    // Services: a recruiter cannot ask, and nobody can confirm what was not asked for.
    const reference = ((await db('cases').where({ id: caseId }).first('reference')) as { reference: string }).reference
    await expect(i.services.erasure.request(reference, 'a long enough reason', as(ids.recruiter, 'recruiter'))).rejects.toMatchObject({ status: 403 })
    await expect(i.services.erasure.confirm(reference, reference, as(ids.security2, 'security'))).rejects.toMatchObject({ status: 409 })
    await i.services.erasure.request(reference, 'a long enough reason', as(ids.security, 'security'))
    await expect(i.services.erasure.confirm(reference, reference, as(ids.security2, 'security'))).rejects.toMatchObject({ status: 403 })
    await i.services.erasure.withdraw(reference, as(ids.admin, 'admin'))
    await expect(i.services.erasure.confirm(reference, reference, as(ids.admin, 'admin'))).rejects.toMatchObject({ status: 409 })
  }, 60_000)
})

/** The needles found in one file (PostgreSQL's relation files). */
function findFile(file: string): string[] {
  return findInBytes(fs.readFileSync(file), NEEDLES)
}

/** The files of the tables that held the person, when this process may read them (PostgreSQL). */
async function postgresFiles(db: Knex, _revisions: string[]): Promise<string[] | null> {
  try {
    const dir = ((await db.raw('SHOW data_directory')).rows as Array<{ data_directory: string }>)[0]!.data_directory
    const out: string[] = []
    for (const table of ['subjects', 'facts', 'documents', 'case_search_terms', 'audit_event_details', 'link_keys', 'cases']) {
      const rel = ((await db.raw('SELECT pg_relation_filepath(?) AS p', [table])).rows as Array<{ p: string }>)[0]!.p
      const file = path.join(dir, rel)
      fs.accessSync(file, fs.constants.R_OK)
      out.push(file)
    }
    return out
  } catch {
    return null
  }
}
