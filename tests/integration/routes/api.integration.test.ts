import request from 'supertest'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

describe('POST /api/applications', () => {
  let t: TestApp
  let token: string
  let managerToken: string
  beforeAll(async () => {
    t = await createTestApp()
    const recruiter = await addUser(t.services, 'recruiter')
    const manager = await addUser(t.services, 'manager')
    token = await t.services.apiTokens.issue(recruiter.id, 'ATS', systemActor())
    managerToken = await t.services.apiTokens.issue(manager.id, 'x', systemActor())
  })
  afterAll(() => t.close())

  const app = { format: 'vetting/application@1', external_id: 'API-1', source: 'greenhouse', person: { full_name: 'Ana Silva', email: 'ana@example.pt' } }
  const post = (body: unknown, auth = token) => request(t.app).post('/api/applications').set('Authorization', `Bearer ${auth}`).set('Content-Type', 'application/json').send(JSON.stringify(body))

  it('creates, then recognises the same application, then updates it', async () => {
    const created = await post(app)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ outcome: 'created', reference: expect.stringMatching(/^VD-/), id: expect.any(String) })
    expect((await post(app)).body).toMatchObject({ outcome: 'unchanged', id: created.body.id })
    expect((await post({ ...app, role: 'SRE' })).body).toMatchObject({ outcome: 'updated', id: created.body.id })
  })

  it('needs no CSRF token with a bearer token, but refuses bad or missing tokens', async () => {
    expect((await post(app, 'vd_not-a-real-token')).status).toBe(401)
    expect((await request(t.app).post('/api/applications').set('Content-Type', 'application/json').send('{}')).status).toBe(401)
  })

  it('enforces the role of the token’s user', async () => {
    expect((await post(app, managerToken)).status).toBe(403)
  })

  it('requires the CSRF header when a browser session is used', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    const body = JSON.stringify({ ...app, external_id: 'API-2' })
    expect((await agent.post('/api/applications').set('Content-Type', 'application/json').send(body)).status).toBe(403)
    expect((await agent.post('/api/applications').set('x-csrf-token', csrf).set('Content-Type', 'application/json').send(body)).status).toBe(201)
  })

  it('explains what is wrong with a bad application', async () => {
    const res = await post({ format: 'vetting/application@1', kind: 'employee', person: { email: 'x'.repeat(300) } })
    expect(res.status).toBe(422)
    expect(res.body.problems).toEqual(expect.arrayContaining(['kind: must be one of "candidate", "contractor"', 'person.email: must be at most 254 characters']))
    const files = await post({ ...app, external_id: 'API-3', documents: [{ file: 'cv.pdf' }] })
    expect(files.status).toBe(422)
    expect(files.body.problems[0]).toContain('the API takes the application JSON alone')
    const text = await request(t.app).post('/api/applications').set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain').send('hello')
    expect(text.status).toBe(415)
  })

  it('stops accepting a revoked token', async () => {
    const recruiter = (await t.services.users.findByEmail('recruiter@example.test'))!
    const extra = await t.services.apiTokens.issue(recruiter.id, 'temp', systemActor())
    await t.services.apiTokens.revokeAll(recruiter.id, systemActor())
    expect((await post({ ...app, external_id: 'API-4' }, extra)).status).toBe(401)
  })
})
