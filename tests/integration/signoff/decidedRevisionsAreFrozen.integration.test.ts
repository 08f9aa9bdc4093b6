import fs from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { addUser, PASSWORD, signIn, tokenFor } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { listRoutes } from '../../support/routeInventory'
import { as, createSharedDatabase, decide, importCase, ringMember, stateOf, type Instance, type SharedDatabase } from './support'

type Session = { agent: TestAgent; csrf: string }
type Who = 'recruiter' | 'security' | 'manager' | 'admin'
interface Ctx {
  /** the decided (or, later, earlier) revision under test */
  caseId: string
  /** an open case linked to it */
  neighbour: string
  reference: string
  externalId: string
  itemId: number
}
interface RouteCase {
  /** what the route is answered with on a decided revision (several for routes not about one case) */
  expect: number[]
  why: string
  call: (c: Ctx) => Promise<request.Response>
}

/**
 * Every mutating route and CLI command, run against a signed-off and a rejected revision (and, after
 * reopening, against the earlier revision): nothing about that revision may change, whether the call
 * names it or reaches it through a linked open case. Like the role matrix, the inventories are written
 * out and compared with what the app serves and `vet --help` lists, so a new route or command fails
 * here until someone says what it does to a decided case.
 */
describe('decided revisions are frozen: every mutating route and CLI command', () => {
  let shared: SharedDatabase
  let i: Instance
  const s = {} as Record<Who, Session>
  const userIds = {} as Record<Who, number>
  const decided: Record<'approve' | 'reject', Ctx> = {} as Record<'approve' | 'reject', Ctx>
  let counter = 0
  let dir: string

  const post = (who: Who, p: string, body: Record<string, string> = {}) => s[who].agent.post(p).type('form').send({ _csrf: s[who].csrf, ...body })
  const multipart = (who: Who, p: string) => s[who].agent.post(p).field('_csrf', s[who].csrf)
  let bystander: number
  /** An import runs in the background: wait for its job before looking. */
  const finished = async (res: request.Response) => {
    const job = /\/imports\/([^/#?]+)/.exec(String(res.headers.location))?.[1]
    if (job) await i.services.imports.waitFor(job)
    return res
  }
  /** What the case page shows of its links: each linked case, what it shares and how it was judged. */
  const shownLinks = async (caseId: string) => (await i.services.links.linkFacts(i.db, caseId)).map(l => `${l.otherId}|${l.kind}|${l.via}|${l.judgement ?? 'not judged'}`).sort()
  /** Whether the status is one the inventory expects, naming the route or command when it is not. */
  const answered = (what: string, status: number, expected: number[]) => expect({ what, status: expected.includes(status) ? 'as listed' : status }).toEqual({ what, status: 'as listed' })
  const changed = (c: Ctx) => ({ ...ringMember(c.externalId, 'Kevin Brandt'), role: `Changed role ${++counter}` })

  /** Non-GET routes: what each does to a decided revision it names, and how to call it. */
  const ROUTES: Record<string, RouteCase> = {
    'POST /setup': { expect: [404], why: 'setup is over; not about a case', call: () => post('admin', '/setup', { email: 'x@example.test', displayName: 'X', password: PASSWORD, confirmPassword: PASSWORD }) },
    'POST /login': {
      expect: [401],
      why: 'not about a case',
      call: async () => {
        const agent = request.agent(i.app)
        const token = await tokenFor(agent) // before the request is made: it takes the agent's cookies when made
        return agent.post('/login').type('form').send({ _csrf: token, email: 'nobody@example.test', password: 'wrong password' })
      },
    },
    'POST /logout': {
      expect: [303, 302],
      why: 'not about a case',
      call: async () => {
        const throwaway = await signIn(i.app, 'recruiter@example.test')
        return throwaway.agent.post('/logout').type('form').send({ _csrf: throwaway.csrf })
      },
    },
    // Importing a changed version of a decided application is refused (the API answers 422, as it does for every refused application).
    'POST /api/applications': { expect: [422], why: 'refused: reopen first', call: c => s.recruiter.agent.post('/api/applications').set('x-csrf-token', s.recruiter.csrf).set('Content-Type', 'application/json').send(JSON.stringify(changed(c))) },
    'POST /imports': {
      expect: [303],
      why: 'the job runs, and reports the decided application as rejected',
      call: async c => {
        return finished(await multipart('recruiter', '/imports').attach('files', Buffer.from(JSON.stringify(changed(c))), { filename: `${c.externalId}.json`, contentType: 'application/json' }))
      },
    },
    'POST /imports/mappings': { expect: [200, 303], why: 'a column mapping; not about a case', call: () => post('recruiter', '/imports/mappings', { source: 'personio', column_0: 'Kandidat', field_0: 'full_name' }) },
    'POST /imports/mappings/preview': { expect: [200], why: 'a preview; not about a case', call: () => multipart('recruiter', '/imports/mappings/preview').attach('sample', Buffer.from('Kandidat,Posteingang\nA,b@c.de\n'), { filename: 'personio.csv' }) },
    'POST /cases': { expect: [303], why: 'opens another case', call: () => post('recruiter', '/cases', { kind: 'candidate', fullName: 'Kevin Brandt' }) },
    'POST /cases/new/resume': { expect: [200], why: 'reads a resume into the new-case form; touches no case', call: () => multipart('recruiter', '/cases/new/resume').attach('resume', Buffer.from('Kevin Brandt\nkb.resume@example.org\n'), { filename: 'cv.txt', contentType: 'text/plain' }) },
    'POST /cases/:id/documents': { expect: [409], why: 'read_only', call: c => multipart('recruiter', `/cases/${c.caseId}/documents`).field('kind', 'resume').attach('file', Buffer.from(`Kevin Brandt\nkb${++counter}@example.org\n`), { filename: 'cv.txt', contentType: 'text/plain' }) },
    'POST /cases/:id/documents/:documentId/confirm': { expect: [409], why: 'read_only (asked before the log is looked up)', call: c => post('recruiter', `/cases/${c.caseId}/documents/00000000-0000-4000-8000-000000000000/confirm`, { accounts: 'someone@example.org' }) },
    'POST /cases/:id/documents/:documentId/discard': { expect: [409], why: 'read_only (asked before the log is looked up)', call: c => post('recruiter', `/cases/${c.caseId}/documents/00000000-0000-4000-8000-000000000000/discard`) },
    'POST /cases/:id/status': { expect: [409], why: 'read_only', call: c => post('recruiter', `/cases/${c.caseId}/status`, { action: 'submit_for_review' }) },
    'POST /cases/:id/rescore': { expect: [409], why: 'read_only', call: c => post('recruiter', `/cases/${c.caseId}/rescore`) },
    'POST /cases/:id/links': { expect: [409], why: 'read_only', call: c => post('recruiter', `/cases/${c.caseId}/links`, { otherCaseId: c.neighbour, judgement: 'different_people', note: 'Different IDs on video' }) },
    'POST /cases/:id/watch': { expect: [409], why: 'read_only', call: c => post('security', `/cases/${c.caseId}/watch`, { confirm: 'yes' }) },
    'POST /sanctions/review': { expect: [409], why: 'read_only', call: c => post('security', '/sanctions/review', { caseId: c.caseId, ruleId: 'sanctions-identifier-hit', decision: 'cleared', note: 'compared with the ID', confirm: 'yes' }) },
    'POST /cases/:id/record/:section': { expect: [409], why: 'read_only', call: c => multipart('recruiter', `/cases/${c.caseId}/record/payment`).field('method', 'bank').field('account_holder', 'Someone Else') },
    'POST /cases/:id/checklist/:itemId': { expect: [409], why: 'read_only', call: c => multipart('recruiter', `/cases/${c.caseId}/checklist/${c.itemId}`).field('action', 'reopen').field('note', '') },
    'POST /cases/:id/checklist/:itemId/assign': { expect: [409], why: 'read_only', call: c => post('manager', `/cases/${c.caseId}/checklist/${c.itemId}/assign`, { assignee: String(userIds.recruiter), due: '2027-01-01' }) },
    'POST /cases/:id/dispositions': { expect: [409], why: 'read_only', call: c => post('recruiter', `/cases/${c.caseId}/dispositions`, { rule: 'links-shared-artifact', disposition: 'A second thought after the decision' }) },
    'POST /cases/:id/signoff': { expect: [409], why: 'already decided', call: c => post('manager', `/cases/${c.caseId}/signoff`, { decision: 'approve', statement: 'Deciding it a second time' }) },
    // Reopening is the one way on: it makes a new revision and leaves this one as it was (checked last, below).
    'POST /cases/:id/reopen': { expect: [303, 409], why: 'makes a new revision; an earlier revision cannot be reopened', call: c => post('manager', `/cases/${c.caseId}/reopen`, { reason: 'New evidence from the employer' }) },
    // Erasure changes a case only when a second person confirms (tests/integration/privacy/erasure.test.ts):
    // here without a reason, and with nothing asked for.
    'POST /api/access-logs': { expect: [202], why: 'a log for a decided case is kept, not added (its people are told to reopen)', call: c => s.recruiter.agent.post(`/api/access-logs?case=${c.reference}`).set('x-csrf-token', s.recruiter.csrf).set('Content-Type', 'text/csv').send(`timestamp,account,ip,user_agent,event\n2026-11-02T14:00:00Z,${c.externalId.toLowerCase()}@example.org,203.0.113.${++counter % 250},Mozilla/5.0,login\n`) },
    'POST /indicators/import': { expect: [303], why: 'a shared feed: a decided case it matches is re-assessed and its people told; its findings stay', call: c => multipart('security', '/indicators/import').field('source', 'Partner ISAC').attach('feed', Buffer.from(`type,value,first_seen,expires,comment\nemail,${c.externalId.toLowerCase()}@example.org,2026-10-01,,\n`), { filename: 'feed.csv', contentType: 'text/csv' }) },
    'POST /indicators/export': { expect: [200], why: 'reads', call: () => post('security', '/indicators/export', { format: 'csv', tlp: 'amber' }) },
    // Showing sensitive fields in full is a read (SENSITIVE_REVEALED, like CASE_VIEWED): allowed on a decided case, which it does not change.
    'POST /cases/:id/reveal': { expect: [303], why: 'a read: shows payout accounts and wallets in full, recorded as a read event', call: c => post('manager', `/cases/${c.caseId}/reveal`, { reason: 'Checking the payee' }) },
    'POST /cases/:id/erasure': { expect: [400], why: 'a request needs a reason; a request alone changes no case', call: c => post('admin', `/cases/${c.caseId}/erasure`) },
    'POST /cases/:id/erasure/confirm': { expect: [409], why: 'nothing was asked for', call: c => post('admin', `/cases/${c.caseId}/erasure/confirm`, { reference: c.reference, confirm: 'yes' }) },
    'POST /cases/:id/erasure/withdraw': { expect: [409], why: 'nothing was asked for', call: c => post('admin', `/cases/${c.caseId}/erasure/withdraw`) },
    'POST /users': { expect: [303], why: 'accounts; not about a case', call: () => post('admin', '/users', { email: `new${++counter}@example.test`, displayName: 'New', role: 'recruiter', password: PASSWORD }) },
    'POST /users/:id/disable': { expect: [303], why: 'accounts; not about a case', call: () => post('admin', `/users/${bystander}/disable`) },
    'POST /users/:id/enable': { expect: [303], why: 'accounts; not about a case', call: () => post('admin', `/users/${bystander}/enable`) },
    'POST /users/:id/unlock': { expect: [303], why: 'accounts; not about a case', call: () => post('admin', `/users/${bystander}/unlock`) },
  }

  /** Changes to the open case linked to a decided one: they must work there and leave the decided one alone. */
  const THROUGH_NEIGHBOUR: Record<string, (c: Ctx) => Promise<request.Response>> = {
    'judge the link from the open side': c => post('recruiter', `/cases/${c.neighbour}/links`, { otherCaseId: c.caseId, judgement: 'different_people', note: 'Different IDs on video' }),
    'watch the open neighbour': c => post('security', `/cases/${c.neighbour}/watch`, { confirm: 'yes' }),
    'record details on the open neighbour': c => multipart('recruiter', `/cases/${c.neighbour}/record/payment`).field('method', 'bank').field('account_holder', 'Maria Lindqvist'),
    'upload a document to the open neighbour': c => multipart('recruiter', `/cases/${c.neighbour}/documents`).field('kind', 'resume').attach('file', Buffer.from(`Maria Lindqvist\nml${++counter}@example.org\nReference: Alan Price +1 646 555 0123\n`), { filename: 'cv.txt', contentType: 'text/plain' }),
    'run the checks again on the open neighbour': c => post('recruiter', `/cases/${c.neighbour}/rescore`),
    // Issue 13 probe item 3a: the neighbour comes back through the API with another shipping address and phone.
    're-import the open neighbour with other identifiers': () =>
      s.recruiter.agent
        .post('/api/applications')
        .set('x-csrf-token', s.recruiter.csrf)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(ringMember('FZ-0', 'Maria Lindqvist', { logistics: { shipping_address: { line1: `${++counter} Elm Rd`, city: 'Tulsa', postal_code: '74103', country: 'US' } }, references: [{ name: 'Jo Park', phone: `+1 918 555 01${String(counter % 100).padStart(2, '0')}` }] }))),
    'import a new application sharing its identifiers': async () => finished(await multipart('recruiter', '/imports').attach('files', Buffer.from(JSON.stringify(ringMember(`RING-${++counter}`, `Newcomer Number${counter}`))), { filename: `ring${counter}.json`, contentType: 'application/json' })),
  }

  /** `vet` commands, as `vet --help` lists them: the arguments to run each with on the same database. */
  const CLI: Record<string, { why: string; args: (c: Ctx) => string[]; input?: string; exit: number[] }> = {
    extract: { why: 'reads files; no database', args: () => ['extract', path.join(dir, 'changed')], exit: [0] },
    score: { why: 'reads files; no database', args: () => ['score', path.join(dir, 'changed')], exit: [0] },
    names: { why: 'reads a CSV; no database', args: () => ['names', path.join(dir, 'names.csv')], exit: [0] },
    import: { why: 'a changed decided application is rejected', args: () => ['import', path.join(dir, 'changed')], exit: [1] },
    'refdata import': { why: 'reference data files; cases are scored again only on request', args: () => ['refdata', 'import', '--kind', 'vpn', path.join(dir, 'output-vpn-ipv4-2026-11-01.txt')], exit: [0] },
    'refdata list': { why: 'reads', args: () => ['refdata', 'list'], exit: [0] },
    'audit verify': { why: 'reads', args: () => ['audit', 'verify'], exit: [0] },
    'audit checkpoint': { why: 'signs the trail’s head into a file', args: () => ['audit', 'checkpoint', '--out', path.join(dir, `checkpoint-${++counter}.json`)], exit: [0] },
    'audit public-key': { why: 'reads', args: () => ['audit', 'public-key'], exit: [0] },
    migrate: { why: 'schema only (--rollback-all is not run: it removes everything)', args: () => ['migrate'], exit: [0] },
    'users add': { why: 'accounts', args: () => ['users', 'add', '--email', `cli${++counter}@example.test`, '--role', 'recruiter'], input: `${PASSWORD}\n`, exit: [0] },
    'users list': { why: 'reads', args: () => ['users', 'list'], exit: [0] },
    'users disable': { why: 'accounts', args: () => ['users', 'disable', '--email', 'bystander@example.test'], exit: [0] },
    'users enable': { why: 'accounts', args: () => ['users', 'enable', '--email', 'bystander@example.test'], exit: [0] },
    'tokens add': { why: 'accounts', args: () => ['tokens', 'add', '--email', 'recruiter@example.test', '--name', 'ATS sync'], exit: [0] },
    'tokens revoke': { why: 'accounts', args: () => ['tokens', 'revoke', '--email', 'recruiter@example.test'], exit: [0] },
    relink: { why: 'rebuilds open cases only; decided ones keep their links', args: () => ['relink'], exit: [0] },
    // Erasure of a named case is its own test (tests/integration/privacy/erasure.test.ts); here a reference that does not exist.
    'indicators export': { why: 'reads', args: () => ['indicators', 'export', '--format', 'stix'], exit: [0] },
    'indicators import': { why: 'a shared feed: decided cases it matches are re-assessed, not changed', args: () => ['indicators', 'import', path.join(dir, 'feed.csv'), '--source', 'CLI feed'], exit: [0] },
    'indicators key': { why: 'prints a new key; touches no case', args: () => ['indicators', 'key'], exit: [0] },
    'indicators list': { why: 'reads', args: () => ['indicators', 'list'], exit: [0] },
    'jobs list': { why: 'reads', args: () => ['jobs', 'list'], exit: [0] },
    'jobs run': { why: 'runs queued jobs, which respect decided cases as every writer does', args: () => ['jobs', 'run'], exit: [0] },
    'jobs retry': { why: 'only a dead job; here an id that is none', args: () => ['jobs', 'retry', '00000000-0000-4000-8000-000000000000'], exit: [1] },
    backup: { why: 'reads: a copy of the database and files (refused on PostgreSQL, which uses pg_dump)', args: () => ['backup', path.join(dir, `backup-${++counter}.tar`)], exit: [0, 1, 2] },
    restore: { why: 'writes only into an empty folder, never the live one; here a file that is not there', args: () => ['restore', path.join(dir, 'no-such-backup.tar'), '--data-dir', path.join(dir, `restored-${++counter}`)], exit: [1, 2] },
    'retention run': { why: 'erases only cases past their period (none here); dry run', args: () => ['retention', 'run', '--dry-run'], exit: [0] },
    erase: { why: 'erases only the case it names', args: () => ['erase', 'VD-999999', '--reason', 'A reference that does not exist'], exit: [1] },
    'subject-export': { why: 'reads (the export is recorded as a read)', args: c => ['subject-export', c.reference, '--out', path.join(dir, `sar-${++counter}.zip`)], exit: [0] },
  }

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    for (const role of ['recruiter', 'security', 'manager', 'admin'] as const) userIds[role] = (await addUser(i.services, role)).id
    for (const role of ['recruiter', 'security', 'manager', 'admin'] as const) s[role] = await signIn(i.app, `${role}@example.test`)
    bystander = (await addUser(i.services, 'recruiter', 'bystander@example.test')).id
    const neighbour = await importCase(i.services, ringMember('FZ-0', 'Maria Lindqvist'))
    for (const [n, decision] of [[1, 'approve'], [2, 'reject']] as const) {
      const externalId = `FZ-${n}`
      const caseId = await importCase(i.services, ringMember(externalId, n === 1 ? 'Kevin Brandt' : 'Dana Whitfield'))
      await decide(i.services, caseId, decision, as(userIds.recruiter, 'recruiter'), as(userIds.manager, 'manager'))
      const row = (await i.db('cases').where({ id: caseId }).first('reference')) as { reference: string }
      const item = (await i.db('checklist_items').where({ case_id: caseId }).orderBy('position').first('id')) as { id: number }
      decided[decision] = { caseId, neighbour, reference: row.reference, externalId, itemId: item.id }
    }
    dir = fs.mkdtempSync(path.join(shared.dataDir, 'cli-'))
    fs.mkdirSync(path.join(dir, 'changed'))
    fs.writeFileSync(path.join(dir, 'changed', 'FZ-1.json'), JSON.stringify({ ...ringMember('FZ-1', 'Kevin Brandt'), role: 'Changed by the CLI' }))
    fs.writeFileSync(path.join(dir, 'changed', 'FZ-2.json'), JSON.stringify({ ...ringMember('FZ-2', 'Dana Whitfield'), role: 'Changed by the CLI' }))
    fs.writeFileSync(path.join(dir, 'feed.csv'), 'type,value,first_seen,expires,comment\nemail,fz-1@example.org,2026-10-01,,\n')
    fs.writeFileSync(path.join(dir, 'names.csv'), 'name1,name2,schema\nKevin Brandt,Kevin Brand,Person\n')
    fs.writeFileSync(path.join(dir, 'output-vpn-ipv4-2026-11-01.txt'), '203.0.113.0/24\n198.51.100.0/24\n')
  })
  afterAll(() => shared.close())

  it('lists every mutating route the app serves (a new one fails here until it is listed)', () => {
    expect(listRoutes(i.app).filter(r => !r.startsWith('GET ')).sort()).toEqual(Object.keys(ROUTES).sort())
  })

  it('lists every command `vet --help` shows (a new one fails here until it is listed)', async () => {
    const help = (await vet(['--help'], shared.env)).out
    const commands = help
      .slice(help.indexOf('Commands:'), help.indexOf('Roles:'))
      .split('\n')
      .map(l => /^ {2}([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(m => (m[2] ? `${m[1]} ${m[2]}` : m[1]!))
    expect(commands.sort()).toEqual(Object.keys(CLI).sort())
  })

  /** Routes that name one case (the others address an application or an account, not a revision). */
  // Erasure is not in it: it names a reference and covers every revision of it, decided or not. Nor is
  // "Show in full": a read, answered on any revision (an earlier one's page shows its values too).
  const namingIt = () => Object.keys(ROUTES).filter(r => (r.includes('/:id') && !r.startsWith('POST /users') && !r.startsWith('POST /cases/:id/erasure') && r !== 'POST /cases/:id/reopen' && r !== 'POST /cases/:id/reveal') || r === 'POST /sanctions/review')
  describe.each(['approve', 'reject'] as const)('on a revision decided with %s', decision => {
    it.each(Object.keys(ROUTES).filter(r => r !== 'POST /cases/:id/reopen'))('%s changes nothing about it', async route => {
      const c = decided[decision]
      const before = await stateOf(i.db, c.caseId)
      const res = await ROUTES[route]!.call(c)
      answered(route, res.status, ROUTES[route]!.expect)
      expect(await stateOf(i.db, c.caseId)).toEqual(before)
    })

    it.each(Object.keys(THROUGH_NEIGHBOUR))('%s: works there, changes nothing here', async what => {
      const c = decided[decision]
      const before = { ...(await stateOf(i.db, c.caseId)), shown: await shownLinks(c.caseId) }
      const res = await THROUGH_NEIGHBOUR[what]!(c)
      expect([200, 303]).toContain(res.status)
      // A new application may link to it (that is the new one's evidence); no link to it is lost or altered,
      // and what its page shows of the links it had (judgements included) stays as it was.
      const after = { ...(await stateOf(i.db, c.caseId)), shown: await shownLinks(c.caseId) }
      expect({ ...after, links: after.links.filter(l => before.links.includes(l)), shown: after.shown.filter(l => before.shown.some(b => b.split('|')[0] === l.split('|')[0])) }).toEqual(before)
    })

    it('no GET route changes it either', async () => {
      const c = decided[decision]
      const before = await stateOf(i.db, c.caseId)
      const job = await i.services.imports.start([{ name: 'g.txt', data: Buffer.from(`Get Person\ng${++counter}@example.test`) }], as(userIds.recruiter, 'recruiter'))
      await i.services.imports.waitFor(job)
      for (const route of listRoutes(i.app).filter(r => r.startsWith('GET '))) {
        const p = route
          .slice(4)
          .replace('/imports/:id', `/imports/${job}`)
          .replace(':id', c.caseId)
          .replace(':documentId', '00000000-0000-4000-8000-000000000000')
          .replace(':itemId', String(c.itemId))
          .replace(':reference', c.reference)
          .replace(':section', 'payment')
        const who: Who = p.startsWith('/users') || p.startsWith('/audit') ? 'admin' : p.startsWith('/watchlist') || p.startsWith('/sanctions') ? 'security' : p.includes('/signoff') ? 'manager' : 'recruiter'
        const agent = p === '/logout' ? (await signIn(i.app, 'recruiter@example.test')).agent : s[who].agent
        const res = await agent.get(p.replace('/rules/:id', '/rules/payment-crypto-payout'))
        expect({ route, status: res.status < 500 }).toEqual({ route, status: true })
      }
      expect(await stateOf(i.db, c.caseId)).toEqual(before)
    })

    it.each(Object.keys(CLI))('vet %s changes nothing about it', async command => {
      const c = decided[decision]
      const before = await stateOf(i.db, c.caseId)
      const res = await vet(CLI[command]!.args(c), shared.env, CLI[command]!.input ?? '')
      answered(command, res.code, CLI[command]!.exit)
      expect(await stateOf(i.db, c.caseId)).toEqual(before)
    })
  })

  it('the database refuses changes to a decided revision’s facts, findings, checklist, dispositions and sanctions reviews', async () => {
    const { caseId } = decided.approve
    const now = new Date().toISOString()
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['facts insert', () => i.db('facts').insert({ case_id: caseId, field: 'person.email', value: '"x@example.org"', source: 'reviewer', document_id: null, locator: 'test', recorded_by: null, recorded_at: now, superseded_at: null })],
      ['facts update', () => i.db('facts').where({ case_id: caseId }).update({ superseded_at: now })],
      ['findings update', () => i.db('findings').where({ case_id: caseId }).whereNull('superseded_at').update({ superseded_at: now })],
      ['checklist update', () => i.db('checklist_items').where({ case_id: caseId }).update({ status: 'open' })],
      ['disposition insert', () => i.db('finding_dispositions').insert({ case_id: caseId, rule_id: 'links-shared-artifact', disposition: 'after the fact', author_id: userIds.recruiter, created_at: now })],
      ['sanctions review insert', () => i.db('sanctions_reviews').insert({ case_id: caseId, rule_id: 'sanctions-identifier-hit', entry_uid: 'x', value: 'x', decision: 'cleared', note: 'after the fact', reviewer_id: userIds.security, created_at: now })],
    ]
    for (const [what, attempt] of attempts) await expect(attempt().then(() => what)).rejects.toThrow(/decided case cannot change/)
  })

  it('reopening makes a new revision that can change, leaves the decided one as it was, and the earlier revision then refuses every change', async () => {
    for (const decision of ['approve', 'reject'] as const) {
      const c = decided[decision]
      const before = await stateOf(i.db, c.caseId, { ignoreIsCurrent: true })
      answered('reopen', (await ROUTES['POST /cases/:id/reopen']!.call(c)).status, [303])
      expect(await stateOf(i.db, c.caseId, { ignoreIsCurrent: true })).toEqual(before)
      const next = (await i.db('cases').where({ previous_revision_id: c.caseId }).first('id', 'status')) as { id: string; status: string }
      expect(next.status).toBe('open')
      await post('recruiter', `/cases/${next.id}/rescore`).expect(303)
      // The earlier revision: every route that names it is refused, and nothing changes.
      const earlier = await stateOf(i.db, c.caseId)
      for (const route of namingIt()) answered(route, (await ROUTES[route]!.call(c)).status, [409])
      expect((await ROUTES['POST /cases/:id/reopen']!.call(c)).status).toBe(409)
      expect(await stateOf(i.db, c.caseId)).toEqual(earlier)
    }
  })
})
