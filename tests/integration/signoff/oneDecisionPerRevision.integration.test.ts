import type TestAgent from 'supertest/lib/agent'
import { HttpError } from '../../../src/errors'
import { sectionById, sectionObject } from '../../../src/presenters/recordSections'
import { addUser, signIn } from '../../support/appSetup'
import { as, createSharedDatabase, makeReady, type Instance, type SharedDatabase } from './support'

type Session = { agent: TestAgent; csrf: string }
const ROUNDS = 15

/**
 * Issue 13 row 2: on PostgreSQL two managers deciding one case at the same moment on two instances both
 * stored a sign-off and an audit event. Two app instances here share one database (two SQLite
 * connections, or two PostgreSQL pools); in every round exactly one decision is stored and the other
 * manager gets a clean 409.
 */
describe('exactly one decision per revision, two app instances deciding at once', () => {
  let shared: SharedDatabase
  let a: Instance
  let b: Instance
  let recruiter: number
  const m: Record<string, number> = {}
  let onA: Session
  let onB: Session
  let round = 0

  beforeAll(async () => {
    shared = await createSharedDatabase()
    a = shared.instance()
    b = shared.instance()
    recruiter = (await addUser(a.services, 'recruiter')).id
    m.one = (await addUser(a.services, 'manager', 'manager1@example.test')).id
    m.two = (await addUser(a.services, 'manager', 'manager2@example.test')).id
    onA = await signIn(a.app, 'manager1@example.test')
    onB = await signIn(b.app, 'manager2@example.test')
  })
  afterAll(() => shared.close())

  async function readyCase(): Promise<string> {
    const c = await a.services.cases.create({ kind: 'candidate', fullName: `Race Person ${++round}`, email: `race${round}@example.org` }, as(recruiter, 'recruiter'))
    await makeReady(a.services, c.id, as(recruiter, 'recruiter'))
    return c.id
  }

  async function decisionsOf(caseId: string) {
    const signoffs = (await a.db('signoffs').where({ case_id: caseId }).whereIn('decision', ['approve', 'reject']).select('decision')) as Array<{ decision: string }>
    const events = (await a.db('audit_events').where({ case_id: caseId, type: 'CASE_SIGNED_OFF' }).select('data')) as Array<{ data: string }>
    const status = ((await a.db('cases').where({ id: caseId }).first('status')) as { status: string }).status
    return { signoffs: signoffs.map(s => s.decision), events: events.length, status }
  }

  const sign = (s: Session, caseId: string, decision: string) =>
    s.agent.post(`/cases/${caseId}/signoff`).type('form').send({ _csrf: s.csrf, decision, statement: `Decided ${decision} after reviewing the evidence`, confirm: 'yes' })

  it(`through the web: approve on one instance, reject on the other, ${ROUNDS} rounds`, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const caseId = await readyCase()
      const [approve, reject] = await Promise.all([sign(onA, caseId, 'approve'), sign(onB, caseId, 'reject')])
      expect([approve.status, reject.status].sort()).toEqual([303, 409])
      const loser = approve.status === 409 ? approve : reject
      expect(loser.type).toBe('text/html')
      expect(loser.text).toContain('decided already')
      const d = await decisionsOf(caseId)
      expect(d.signoffs).toEqual([approve.status === 303 ? 'approve' : 'reject'])
      expect(d.events).toBe(1)
      expect(d.status).toBe(approve.status === 303 ? 'signed_off' : 'rejected')
    }
  })

  it(`through the services directly (tighter overlap), ${ROUNDS} rounds, approve against reject and against escalate`, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const caseId = await readyCase()
      const other = r % 3 === 2 ? 'escalate' : 'reject'
      const results = await Promise.allSettled([
        a.services.checklists.signOff(caseId, { decision: 'approve', statement: 'Approved after reviewing the evidence' }, as(m.one!, 'manager')),
        b.services.checklists.signOff(caseId, { decision: other, statement: `Decided ${other} after reviewing the evidence` }, as(m.two!, 'manager')),
      ])
      const won = results.filter(x => x.status === 'fulfilled')
      const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0]!.reason).toBeInstanceOf(HttpError)
      expect((lost[0]!.reason as HttpError).status).toBe(409)
      const d = await decisionsOf(caseId)
      expect(d.events).toBe(1)
      expect(d.signoffs.length).toBe(results[0].status === 'fulfilled' || other === 'reject' ? 1 : 0)
    }
  })

  it(`a change racing a decision on the other instance, ${ROUNDS} rounds: it lands before the signature or is refused; the digest always holds`, async () => {
    const payment = sectionById('payment')!
    const seen = new Set<string>()
    for (let r = 0; r < ROUNDS; r++) {
      const caseId = await readyCase()
      const [change, decision] = await Promise.allSettled([
        a.services.records.record(caseId, payment, sectionObject(payment, { method: 'bank', account_holder: `Someone Else ${r}` }), as(recruiter, 'recruiter')),
        b.services.checklists.signOff(caseId, { decision: 'approve', statement: 'Approved after reviewing the evidence' }, as(m.two!, 'manager')),
      ])
      seen.add(`${change.status} ${decision.status}`)
      // A change that lands first may give the case a new serious finding: the decision then waits for it (409).
      for (const x of [change, decision]) if (x.status === 'rejected') expect((x.reason as HttpError).status).toBe(409)
      const digest = await a.services.checklists.signedDigest(caseId)
      if (decision.status === 'fulfilled') expect(digest!.recomputed).toBe(digest!.stored)
      else expect(digest).toBeNull()
    }
    process.stdout.write(`change vs decision outcomes: ${[...seen].join(', ')}\n`)
  })

  it('the database itself refuses a second approval or rejection of one revision, but not another escalation', async () => {
    const caseId = await readyCase()
    await a.services.checklists.signOff(caseId, { decision: 'escalate', statement: 'Escalated to security for a second look' }, as(m.one!, 'manager'))
    await a.services.cases.transition(caseId, 'submit_for_review', as(recruiter, 'recruiter'))
    await a.services.checklists.signOff(caseId, { decision: 'escalate', statement: 'Escalated again after the answers came in' }, as(m.one!, 'manager'))
    await a.services.cases.transition(caseId, 'submit_for_review', as(recruiter, 'recruiter'))
    await a.services.checklists.signOff(caseId, { decision: 'approve', statement: 'Approved after two escalations' }, as(m.two!, 'manager'))
    const row = { case_id: caseId, decision: 'reject', statement: 'a second decision', signer_id: m.one, signed_at: new Date().toISOString(), digest: '0'.repeat(64), snapshot: '{}' }
    await expect(a.db('signoffs').insert(row)).rejects.toThrow(/unique|UNIQUE/)
    expect((await decisionsOf(caseId)).signoffs).toEqual(['approve'])
  })
})
