import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { systemActor } from '../../../src/services/context'
import { addUser, signIn } from '../../support/appSetup'
import { as, createSharedDatabase, importCase, makeReady, ringMember, type Instance, type SharedDatabase } from './support'

type Session = { agent: TestAgent; csrf: string }
const ROUNDS = 8

/**
 * Issue 13, probe item 2: on PostgreSQL an API import of a changed application racing its sign-off on
 * another instance got a 500 (the frozen triggers' 23514), and in a background job failed the whole job.
 * The import now holds the case row before writing: it lands before the decision (and the signed digest
 * includes it) or it is refused like any import of a decided application. Never a 5xx.
 */
describe('an import racing a sign-off on another instance', () => {
  let shared: SharedDatabase
  let a: Instance
  let b: Instance
  let recruiter: number
  let token: string
  let manager: Session

  beforeAll(async () => {
    shared = await createSharedDatabase()
    a = shared.instance()
    b = shared.instance()
    recruiter = (await addUser(a.services, 'recruiter')).id
    await addUser(a.services, 'manager')
    token = await a.services.apiTokens.issue(recruiter, 'ATS', systemActor())
    manager = await signIn(b.app, 'manager@example.test')
  })
  afterAll(() => shared.close())

  const hashOf = async (caseId: string) => ((await a.db('cases').where({ id: caseId }).first('content_hash', 'status')) as { content_hash: string; status: string })

  it(`approve on one instance, a changed version through the API on the other, ${ROUNDS} rounds: never a 5xx, and the outcome is consistent`, async () => {
    const seen = new Set<string>()
    for (let r = 0; r < ROUNDS; r++) {
      const externalId = `RACE-${r}`
      const caseId = await importCase(a.services, ringMember(externalId, `Race Applicant${r}`))
      await makeReady(a.services, caseId, as(recruiter, 'recruiter'))
      const before = (await hashOf(caseId)).content_hash
      const changed = { ...ringMember(externalId, `Race Applicant${r}`), role: `Changed role ${r}` }
      const [signoff, api] = await Promise.all([
        manager.agent.post(`/cases/${caseId}/signoff`).type('form').send({ _csrf: manager.csrf, decision: 'approve', statement: 'Identity and history verified; approved', confirm: 'yes' }),
        request(a.app).post('/api/applications').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(JSON.stringify(changed)),
      ])
      seen.add(`signoff ${signoff.status}, api ${api.status}`)
      expect(signoff.status).toBeLessThan(500)
      expect(api.status).toBeLessThan(500)
      expect([200, 422]).toContain(api.status)
      const after = await hashOf(caseId)
      if (api.status === 422) {
        // Refused: the case was decided first, and keeps what it was decided on.
        expect((api.body as { problems: string[] }).problems.join()).toMatch(/reopen it before importing changes/)
        expect(after.content_hash).toBe(before)
        expect(after.status).toBe('signed_off')
      } else {
        expect((api.body as { outcome: string }).outcome).toBe('updated')
        expect(after.content_hash).not.toBe(before)
      }
      const digest = await a.services.checklists.signedDigest(caseId)
      if (signoff.status === 303) {
        expect(after.status).toBe('signed_off')
        expect(digest!.recomputed).toBe(digest!.stored)
      } else {
        expect(signoff.status).toBe(409)
        expect(digest).toBeNull()
      }
    }
    process.stdout.write(`import vs sign-off outcomes: ${[...seen].join('; ')}\n`)
  })

  it('an import job racing a sign-off reports the application rejected; the job itself finishes', async () => {
    for (let r = 0; r < 4; r++) {
      const externalId = `JOB-${r}`
      const caseId = await importCase(a.services, ringMember(externalId, `Job Applicant${r}`))
      await makeReady(a.services, caseId, as(recruiter, 'recruiter'))
      const changed = { ...ringMember(externalId, `Job Applicant${r}`), role: `Changed role ${r}` }
      const job = await a.services.imports.start([{ name: `${externalId}.json`, data: Buffer.from(JSON.stringify(changed)) }], as(recruiter, 'recruiter'))
      const signoff = await manager.agent.post(`/cases/${caseId}/signoff`).type('form').send({ _csrf: manager.csrf, decision: 'approve', statement: 'Identity and history verified; approved', confirm: 'yes' })
      expect(signoff.status).toBeLessThan(500)
      await a.services.imports.waitFor(job)
      const row = (await a.db('import_jobs').where({ id: job }).first()) as Record<string, unknown>
      expect(row.status).not.toMatch(/fail/)
      const digest = await a.services.checklists.signedDigest(caseId)
      if (digest) expect(digest.recomputed).toBe(digest.stored)
    }
  })
})
