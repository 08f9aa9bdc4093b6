import request from 'supertest'
import { SESSION_COOKIE } from '../../../src/middleware/setUpWebSession'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, csrfFrom, PASSWORD, signIn, tokenFor, type TestApp } from '../../support/appSetup'

const cookieValue = (res: request.Response): string | undefined => {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  return cookies.find(c => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0]
}

describe('security', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ maxFailures: 3 })
    await addUser(t.services, 'recruiter')
    await addUser(t.services, 'admin')
  })
  afterAll(() => t.close())

  describe('CSRF', () => {
    it('rejects a form post without the token, with a clear page', async () => {
      const { agent } = await signIn(t.app, 'recruiter@example.test')
      const res = await agent.post('/cases').type('form').send({ kind: 'candidate', fullName: 'No Token' })
      expect(res.status).toBe(403)
      expect(res.text).toContain('This form has expired')
      expect((await t.services.cases.search({ q: 'no token', sort: 'updated', page: 1, pageSize: 5 })).total).toBe(0)
    })

    it('rejects a token from another session', async () => {
      const { agent } = await signIn(t.app, 'recruiter@example.test')
      const other = await signIn(t.app, 'admin@example.test')
      const res = await agent.post('/cases').type('form').send({ _csrf: other.csrf, kind: 'candidate', fullName: 'Wrong Token' })
      expect(res.status).toBe(403)
    })

    it('rejects multipart posts to routes that do not take uploads, token or not', async () => {
      const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
      const res = await agent.post('/cases').field('_csrf', csrf).field('kind', 'candidate').field('fullName', 'Multipart')
      expect(res.status).toBe(403)
    })

    it('rejects the sign-in form without a token (login CSRF)', async () => {
      const res = await request(t.app).post('/login').type('form').send({ email: 'recruiter@example.test', password: PASSWORD })
      expect(res.status).toBe(403)
    })
  })

  describe('sign-in', () => {
    it('locks an account after repeated failures, even for the right password, and records it', async () => {
      await addUser(t.services, 'security', 'target@example.test')
      const agent = request.agent(t.app)
      for (let i = 0; i < 3; i++) {
        const token = await tokenFor(agent)
        const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'target@example.test', password: 'wrong password' })
        expect(res.status).toBe(401)
      }
      const token = await tokenFor(agent)
      const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'target@example.test', password: PASSWORD })
      expect(res.status).toBe(401)
      expect(res.text).toContain('locked')
      const types = (await t.testDb.db('audit_events').where({ target: `user:${(await t.services.users.findByEmail('target@example.test'))!.id}` }).select('type')).map(r => r.type)
      expect(types).toEqual(expect.arrayContaining(['USER_SIGN_IN_FAILED', 'USER_LOCKED_OUT']))
      // an administrator unlocks it from the Users page
      const user = (await t.services.users.findByEmail('target@example.test'))!
      const admin = await signIn(t.app, 'admin@example.test')
      const usersPage = await admin.agent.get('/users')
      expect(usersPage.text).toContain('Locked (failed sign-ins)')
      expect(usersPage.text).toContain(`/users/${user.id}/unlock`)
      expect((await admin.agent.post(`/users/${user.id}/unlock`).type('form').send({ _csrf: admin.csrf })).status).toBe(303)
      await expect(signIn(t.app, 'target@example.test')).resolves.toBeDefined()
      expect(await t.testDb.db('audit_events').where({ type: 'USER_UNLOCKED', target: `user:${user.id}` }).first()).toBeDefined()
    })

    it('throttles sign-in attempts per address', async () => {
      const throttled = await createTestApp({ loginAttemptsPerIp: 2 })
      await addUser(throttled.services, 'admin')
      try {
        const agent = request.agent(throttled.app)
        const statuses: number[] = []
        for (let i = 0; i < 3; i++) {
          const token = await tokenFor(agent)
          statuses.push((await agent.post('/login').type('form').send({ _csrf: token, email: 'a@example.test', password: 'x' })).status)
        }
        expect(statuses).toEqual([401, 401, 429])
      } finally {
        await throttled.close()
      }
    })

    it('gives a new session id at sign-in (no session fixation)', async () => {
      const agent = request.agent(t.app)
      const page = await agent.get('/login')
      const before = cookieValue(page)
      expect(before).toBeDefined()
      const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email: 'recruiter@example.test', password: PASSWORD })
      expect(res.status).toBe(303)
      const after = cookieValue(res)
      expect(after).toBeDefined()
      expect(after).not.toEqual(before)
      // the planted id is worthless afterwards
      const planted = await request(t.app).get('/cases').set('Cookie', before!)
      expect(planted.status).toBe(302)
    })

    it('sets httpOnly SameSite cookies, and Secure behind an HTTPS proxy', async () => {
      const res = await request(t.app).get('/login')
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(cookie).not.toMatch(/Secure/i)
      t.app.set('trust proxy', true)
      try {
        const secure = await request(t.app).get('/login').set('X-Forwarded-Proto', 'https')
        expect(([] as string[]).concat(secure.headers['set-cookie'] ?? []).join(';')).toMatch(/Secure/i)
      } finally {
        t.app.set('trust proxy', false)
      }
    })

    it('never sends a signed-in user to another site after sign-in', async () => {
      const agent = request.agent(t.app)
      const token = await tokenFor(agent, '/login?returnTo=//evil.example/x')
      const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'recruiter@example.test', password: PASSWORD, returnTo: '//evil.example/x' })
      expect(res.headers.location).toBe('/')
    })

    it('ends the sessions of a disabled user at once', async () => {
      const victim = await addUser(t.services, 'recruiter', 'leaver@example.test')
      const { agent } = await signIn(t.app, 'leaver@example.test')
      expect((await agent.get('/cases')).status).toBe(200)
      await t.services.users.setEnabled(victim.id, false, systemActor())
      expect((await agent.get('/cases')).status).toBe(302)
    })
  })

  describe('headers and output', () => {
    it('sends a strict CSP with a nonce and no inline allowances', async () => {
      const res = await request(t.app).get('/login')
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
      expect(csp).toContain("script-src-attr 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['cache-control']).toBe('no-store')
    })

    it('escapes a hostile name everywhere it is shown', async () => {
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
      const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
      const created = await agent.post('/cases').type('form').send({ _csrf: csrf, kind: 'candidate', fullName: hostile, email: 'hostile@example.test' })
      expect(created.status).toBe(303)
      for (const path of [created.headers.location as string, '/cases?q=hostile', '/', '/dashboard']) {
        const page = await agent.get(path)
        expect(page.status).toBe(200)
        expect(page.text).not.toContain('<script>alert(1)')
        expect(page.text).not.toContain('<img src=x')
        expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      }
    })

    it('shows a 404 page for unknown addresses and a 500 page without internals', async () => {
      const { agent } = await signIn(t.app, 'recruiter@example.test')
      const missing = await agent.get('/no/such/page')
      expect(missing.status).toBe(404)
      expect(missing.text).toContain('Page not found')
      const badCase = await agent.get('/cases/00000000-0000-4000-8000-000000000000')
      expect(badCase.status).toBe(404)
    })

    it('keeps names and emails out of the logs', async () => {
      const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
      await agent.post('/cases').type('form').send({ _csrf: csrf, kind: 'candidate', fullName: 'Zebulon Quartermaine', email: 'zq@private.example' })
      await agent.get('/cases?q=Quartermaine')
      const all = t.logs.join('\n')
      expect(all).toContain('/cases')
      expect(all).not.toMatch(/Quartermaine|zq@private|recruiter@example\.test/)
    })
  })
})

describe('first-run setup', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('sends everyone to /setup until an admin exists, then is gone for good', async () => {
    const agent = request.agent(t.app)
    expect((await agent.get('/')).headers.location).toMatch(/^\/login/)
    expect((await agent.get('/login')).headers.location).toBe('/setup')
    const page = await agent.get('/setup')
    expect(page.status).toBe(200)

    const mismatch = await agent.post('/setup').type('form').send({ _csrf: csrfFrom(page.text), displayName: 'Ada', email: 'ada@example.test', password: 'long enough password', confirmPassword: 'different password' })
    expect(mismatch.status).toBe(400)
    expect(mismatch.text).toContain('The passwords do not match')

    const done = await agent.post('/setup').type('form').send({ _csrf: csrfFrom(page.text), displayName: 'Ada', email: 'ada@example.test', password: 'long enough password', confirmPassword: 'long enough password' })
    expect(done.status).toBe(303)
    const home = await agent.get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('administrator account is ready')
    const admin = await t.services.users.findByEmail('ada@example.test')
    expect(admin?.role).toBe('admin')

    expect((await agent.get('/setup')).status).toBe(404)
    const again = request.agent(t.app)
    expect((await again.get('/setup')).status).toBe(404)
    const token = await tokenFor(again)
    expect((await again.post('/setup').type('form').send({ _csrf: token, displayName: 'Eve', email: 'eve@example.test', password: 'long enough password', confirmPassword: 'long enough password' })).status).toBe(404)
    expect(await t.services.users.findByEmail('eve@example.test')).toBeUndefined()
  })
})
