import request from 'supertest'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, type TestApp } from '../../support/appSetup'

/** An integration reads JSON from /api/*, whatever went wrong; never an HTML page, never internal details. */
describe('API errors are JSON', () => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await createTestApp()
    const recruiter = await addUser(t.services, 'recruiter')
    token = await t.services.apiTokens.issue(recruiter.id, 'ATS', systemActor())
  })
  afterAll(() => t.close())

  const expectJson = (res: request.Response, status: number) => {
    expect(res.status).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(typeof res.body.error).toBe('string')
    expect(res.text).not.toMatch(/<html|\bat \w+ \(/i)
  }
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`)

  it('unknown endpoints answer 404 in JSON', async () => {
    expectJson(await auth(request(t.app).get('/api/nothing-here')), 404)
    expectJson(await request(t.app).post('/api/applications/extra').send({}), 404)
    expectJson(await request(t.app).get('/api/'), 404)
  })

  it('authentication failures answer 401 in JSON', async () => {
    expectJson(await request(t.app).post('/api/applications').set('Content-Type', 'application/json').send('{}'), 401)
    expectJson(await request(t.app).post('/api/applications').set('Authorization', 'Bearer vd_nope').set('Content-Type', 'application/json').send('{}'), 401)
  })

  it('malformed and unreadable bodies answer 4xx in JSON', async () => {
    const post = () => auth(request(t.app).post('/api/applications'))
    expectJson(await post().set('Content-Type', 'application/json').send('{"format": "vetting/application@1",'), 422)
    expectJson(await post().set('Content-Type', 'application/json').set('Content-Encoding', 'rot13').send('{}'), 415)
    expectJson(await post().set('Content-Type', 'application/json').send(Buffer.alloc(11 * 1024 * 1024, 0x20)), 413)
    // parsed by the app-wide form parser, before the API router is reached
    const tooMany = Array.from({ length: 300 }, (_, i) => `a${i}=1`).join('&')
    const form = await post().set('Content-Type', 'application/x-www-form-urlencoded').send(tooMany)
    expect(form.status).toBeGreaterThanOrEqual(400)
    expect(form.headers['content-type']).toMatch(/^application\/json/)
  })

  it('a server error answers 500 in JSON with a request id and no internals', async () => {
    const spy = jest.spyOn(t.services.ingest, 'importApplication').mockRejectedValueOnce(new Error('secret internal detail'))
    try {
      const res = await auth(request(t.app).post('/api/applications')).set('Content-Type', 'application/json').send(JSON.stringify({ format: 'vetting/application@1', person: { full_name: 'Err Or' } }))
      expectJson(res, 500)
      expect(res.text).not.toContain('secret internal detail')
      expect(res.body.requestId).toEqual(expect.any(String))
    } finally {
      spy.mockRestore()
    }
  })
})
