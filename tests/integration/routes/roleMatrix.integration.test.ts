import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import type { Role } from '../../../src/auth/roles'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, tokenFor, type TestApp } from '../../support/appSetup'
import { listRoutes } from '../../support/routeInventory'

type Who = Role | 'anonymous'
type Outcome = 'ok' | 'login' | 'forbidden' | 'notfound' | 'status 400' | 'status 409'
const WHO: Who[] = ['anonymous', 'recruiter', 'security', 'manager', 'admin']

/**
 * The permission matrix as the tests see it, written out by hand: if code and this table disagree, one
 * of them is wrong. ok = 2xx or a redirect that is not to /login; login = 302 to /login.
 */
const MATRIX: Record<string, Record<Who, Outcome>> = {
  'GET /healthz': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  // Machine endpoints (probes): public. /metrics exists only when METRICS_TOKEN is set, behind its own token.
  'GET /readyz': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /schema/application.json': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  // Front-end libraries from npm, served from our origin: public like the stylesheet.
  'GET /vendor/layout-base/layout-base.js': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /vendor/cose-base/cose-base.js': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /vendor/cytoscape-fcose/cytoscape-fcose.js': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'POST /api/applications': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  // Sign-in logs on a schedule (issue 16): those who import.
  'POST /api/access-logs': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /setup': { anonymous: 'notfound', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'notfound' },
  'POST /setup': { anonymous: 'notfound', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'notfound' },
  'GET /login': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'POST /login': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /logout': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'POST /logout': { anonymous: 'ok', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /dashboard': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /cases': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  'GET /cases/new': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/new/resume': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /cases/:id': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  'POST /cases/:id/documents': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /cases/:id/documents/:documentId': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // A resume is no held sign-in log: those who may edit cases are told there is nothing to confirm.
  'POST /cases/:id/documents/:documentId/confirm': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/:id/documents/:documentId/discard': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/:id/status': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/:id/rescore': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /rings': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // A case that is not in a ring: allowed roles get the "not linked" page.
  'GET /rings/:reference': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'forbidden' },
  // The fixture cases are not linked: the allowed answer is 404.
  'POST /cases/:id/links': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/:id/watch': { anonymous: 'login', recruiter: 'forbidden', security: 'status 400', manager: 'forbidden', admin: 'forbidden' },
  'GET /watchlist': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /indicators': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  // Without a file or a format, the allowed answer is a redirect back with the problem.
  'POST /indicators/import': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /indicators/export': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /sanctions': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // Allowed for security; the fixture case has no sanctions hit to decide, so the allowed answer is 404.
  'POST /sanctions/review': { anonymous: 'login', recruiter: 'forbidden', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'GET /imports': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /imports': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /imports/mappings': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /imports/mappings': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /imports/mappings/preview': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /imports/:id': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /imports/:id/status': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /cases/:id/record/:section': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'POST /cases/:id/record/:section': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /rules': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /rules/:id': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /cases/export.csv': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  'GET /cases/:id/report.pdf': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  'GET /cases/:id/evidence.zip': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  'GET /cases/:id/export.json': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // The fixture case is not in a ring: allowed roles get 404.
  'GET /rings/:reference/export.csv': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'forbidden' },
  // The fixture cases have no checklist item 999999 and no flagged finding "none": allowed roles get 404.
  'POST /cases/:id/checklist/:itemId': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'GET /cases/:id/checklist/:itemId/file': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'forbidden' },
  'POST /cases/:id/checklist/:itemId/assign': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'notfound', admin: 'forbidden' },
  'POST /cases/:id/dispositions': { anonymous: 'login', recruiter: 'notfound', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  'GET /cases/:id/signoff': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'ok', admin: 'forbidden' },
  // The fixture case is open, not in review: the allowed answer is 409.
  'POST /cases/:id/signoff': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'status 409', admin: 'forbidden' },
  // The fixture case is open, not decided: the allowed answer is 409.
  'POST /cases/:id/reopen': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'status 409', admin: 'forbidden' },
  'GET /my-items': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'forbidden', admin: 'forbidden' },
  'GET /notifications': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'ok' },
  'GET /audit': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'ok' },
  // An event's withheld personal values: the trail *and* case readers only (no event ":id": security gets 404).
  'GET /audit/events/:id': { anonymous: 'login', recruiter: 'forbidden', security: 'notfound', manager: 'forbidden', admin: 'forbidden' },
  // Erasure (issue 17): an administrator and a security reviewer. Nothing was asked for on the fixture case,
  // so a request without a reason is 400 and a confirmation or withdrawal 409.
  'GET /erasures': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'ok' },
  'GET /cases/:id/erasure': { anonymous: 'login', recruiter: 'forbidden', security: 'ok', manager: 'forbidden', admin: 'ok' },
  'POST /cases/:id/erasure': { anonymous: 'login', recruiter: 'forbidden', security: 'status 400', manager: 'forbidden', admin: 'status 400' },
  'POST /cases/:id/erasure/confirm': { anonymous: 'login', recruiter: 'forbidden', security: 'status 409', manager: 'forbidden', admin: 'status 409' },
  'POST /cases/:id/erasure/withdraw': { anonymous: 'login', recruiter: 'forbidden', security: 'status 409', manager: 'forbidden', admin: 'status 409' },
  // Subject access: the person's own copy, for roles that read cases.
  'GET /cases/:id/subject-access.zip': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // Sensitive fields (issue 17): those who read cases may ask to see one case's in full (security already does).
  'POST /cases/:id/reveal': { anonymous: 'login', recruiter: 'ok', security: 'ok', manager: 'ok', admin: 'forbidden' },
  // Retention (issue 17): the policy and the daily run's report, for administrators.
  'GET /admin/retention': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
  'GET /users': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
  'POST /users': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
  'POST /users/:id/disable': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
  'POST /users/:id/enable': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
  'POST /users/:id/unlock': { anonymous: 'login', recruiter: 'forbidden', security: 'forbidden', manager: 'forbidden', admin: 'ok' },
}

describe('role × route matrix', () => {
  let t: TestApp
  const sessions = new Map<Who, { agent: TestAgent; csrf: string }>()
  let bystanderId: number
  let counter = 0

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'manager', 'admin'] as const) await addUser(t.services, role)
    bystanderId = (await addUser(t.services, 'recruiter', 'bystander@example.test')).id
    for (const role of ['recruiter', 'security', 'manager', 'admin'] as const) sessions.set(role, await signIn(t.app, `${role}@example.test`))
    const anonymous = request.agent(t.app)
    sessions.set('anonymous', { agent: anonymous, csrf: await tokenFor(anonymous) })
  })
  afterAll(() => t.close())

  it('covers every route the app serves', () => {
    expect(listRoutes(t.app)).toEqual(Object.keys(MATRIX).sort())
  })

  async function newCaseId(): Promise<string> {
    const c = await t.services.cases.create({ kind: 'candidate', fullName: `Matrix ${++counter}` }, systemActor())
    return c.id
  }

  async function call(who: Who, route: string) {
    const { agent, csrf } = sessions.get(who)!
    const [method, pattern] = route.split(' ') as [string, string]
    let path = pattern
    let body: Record<string, string> = { _csrf: csrf }
    if (pattern.includes('/cases/:id')) path = pattern.replace(':id', await newCaseId())
    if (pattern.includes(':documentId')) {
      const caseId = path.split('/')[2]!
      const doc = await t.services.ingest.addDocument(caseId, 'cv.txt', 'resume', Buffer.from(`Matrix Person\nm${++counter}@example.test`), systemActor())
      path = path.replace(':documentId', doc.documentId)
    }
    if (pattern.includes('/imports/:id')) {
      const jobId = await t.services.imports.start([{ name: 'm.txt', data: Buffer.from(`Import Person\ni${++counter}@example.test`) }], systemActor())
      await t.services.imports.waitFor(jobId)
      path = pattern.replace(':id', jobId)
    }
    if (pattern.includes(':section')) path = path.replace(':section', 'payment')
    if (pattern === '/rules/:id') path = '/rules/payment-crypto-payout'
    if (route === 'POST /cases/:id/record/:section') return agent.post(path).field('_csrf', csrf).field('method', 'bank').field('account_holder', 'Matrix Person')
    if (route === 'POST /imports/mappings/preview') return agent.post(path).field('_csrf', csrf).attach('sample', Buffer.from('Kandidat,Posteingang\nA,b@c.de\n'), { filename: 'personio.csv' })
    if (route === 'POST /imports/mappings') body = { ...body, source: 'personio', column_0: 'Kandidat', field_0: 'full_name', column_1: 'Posteingang', field_1: 'email' }
    if (route === 'POST /api/applications') {
      return agent.post(path).set('x-csrf-token', csrf).set('Content-Type', 'application/json').send(JSON.stringify({ format: 'vetting/application@1', external_id: `API-${++counter}`, person: { full_name: 'Api Person' } }))
    }
    if (route === 'POST /api/access-logs') {
      const reference = (await t.services.cases.create({ kind: 'contractor', fullName: `Log Person ${++counter}` }, systemActor())).reference
      const events = [{ timestamp: `2026-11-0${(counter % 9) + 1}T10:00:00Z`, account: `log${counter}@example.test`, ip: '198.51.100.7', user_agent: 'Mozilla/5.0', event: 'login' }]
      return agent.post(path).set('x-csrf-token', csrf).set('Content-Type', 'application/json').send(JSON.stringify({ case: reference, events }))
    }
    if (route === 'POST /imports') {
      return agent.post(path).field('_csrf', csrf).attach('files', Buffer.from(`Bulk Person\nb${++counter}@example.test`), { filename: 'cv.txt', contentType: 'text/plain' })
    }
    if (route === 'POST /cases/new/resume') {
      return agent.post(path).field('_csrf', csrf).attach('resume', Buffer.from(`Resume Person\nr${++counter}@example.test`), { filename: 'cv.txt', contentType: 'text/plain' })
    }
    if (route === 'POST /cases/:id/documents') {
      return agent.post(path).field('_csrf', csrf).field('kind', 'resume').attach('file', Buffer.from(`Upload Person\nu${++counter}@example.test`), { filename: 'cv.txt', contentType: 'text/plain' })
    }
    if (pattern.includes('/users/:id')) path = pattern.replace(':id', String(bystanderId))
    if (route === 'POST /cases') body = { ...body, kind: 'candidate', fullName: `Posted ${++counter}` }
    if (route === 'POST /cases/:id/status') body = { ...body, action: 'submit_for_review' }
    if (route === 'GET /rings/:reference') path = `/rings/${(await t.services.cases.create({ kind: 'candidate', fullName: `Ring ${++counter}` }, systemActor())).reference}`
    if (route === 'GET /rings/:reference/export.csv') path = `/rings/${(await t.services.cases.create({ kind: 'candidate', fullName: `Ring ${++counter}` }, systemActor())).reference}/export.csv`
    if (pattern.includes(':itemId')) path = path.replace(':itemId', '999999')
    if (route === 'POST /cases/:id/checklist/:itemId') body = { ...body, action: 'done', note: 'looked at it' }
    if (route === 'POST /cases/:id/dispositions') body = { ...body, rule: 'none', disposition: 'a long enough disposition' }
    if (route === 'POST /cases/:id/reopen') body = { ...body, reason: 'new evidence arrived' }
    if (route === 'POST /cases/:id/signoff') body = { ...body, decision: 'escalate', statement: 'a long enough statement' }
    if (route === 'POST /cases/:id/watch') body = { ...body, confirm: 'yes' }
    if (route === 'POST /cases/:id/links') body = { ...body, otherCaseId: await newCaseId(), judgement: 'unsure', note: 'looked' }
    if (route === 'POST /sanctions/review') body = { ...body, caseId: await newCaseId(), ruleId: 'sanctions-identifier-hit', decision: 'cleared', note: 'compared with the ID', confirm: 'yes' }
    if (route === 'POST /users') body = { ...body, email: `new${++counter}@example.test`, displayName: 'New', role: 'recruiter', password: 'a long enough password' }
    if (route === 'POST /login') body = { ...body, email: 'nobody@example.test', password: 'wrong password' }
    if (route === 'POST /setup') body = { ...body, email: 'x@example.test', displayName: 'X', password: 'a long enough password', confirmPassword: 'a long enough password' }
    if (method === 'GET') return agent.get(path)
    return agent.post(path).type('form').send(body)
  }

  function outcomeOf(res: request.Response): Outcome | string {
    if ((res.status === 302 && String(res.headers.location).startsWith('/login')) || (res.status === 401 && res.type === 'application/json')) return 'login'
    if (res.status === 403) return 'forbidden'
    if (res.status === 404) return 'notfound'
    // POST /login with a wrong password is "allowed to try": the form comes back with 401
    if ((res.status >= 200 && res.status < 400) || res.status === 401) return 'ok'
    return `status ${res.status}`
  }

  // Sign-out ends the session, so it runs last for each role.
  const ordered = Object.keys(MATRIX).sort((a, b) => Number(a === 'POST /logout') - Number(b === 'POST /logout'))
  for (const route of ordered) {
    it(`${route}`, async () => {
      const seen: Record<string, string> = {}
      for (const who of WHO) seen[who] = outcomeOf(await call(who, route))
      expect(seen).toEqual(MATRIX[route])
    })
  }
})
