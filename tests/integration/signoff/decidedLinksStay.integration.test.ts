import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { systemActor } from '../../../src/services/context'
import { addUser, signIn } from '../../support/appSetup'
import { as, createSharedDatabase, decide, importCase, ringMember, stateOf, type Instance, type SharedDatabase } from './support'

type Session = { agent: TestAgent; csrf: string }

/**
 * Issue 13, probe item 3: a decided revision's links changed from the other side. Re-importing the open
 * neighbour with other identifiers deleted the decided case's links; rescoring the neighbour after a
 * reopen took the earlier revision's; a judgement made on the neighbour's page showed on the decided case
 * and took it out of its ring. What a decided revision shows of its links (rows, judgements, ring) is
 * now what it was decided on.
 */
describe('a decided revision keeps its links and the judgements it was decided with', () => {
  let shared: SharedDatabase
  let i: Instance
  let recruiter: Session
  let manager: Session
  let ids: Record<'recruiter' | 'manager', number>
  let token: string
  let n = 0

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    ids = { recruiter: (await addUser(i.services, 'recruiter')).id, manager: (await addUser(i.services, 'manager')).id }
    recruiter = await signIn(i.app, 'recruiter@example.test')
    manager = await signIn(i.app, 'manager@example.test')
    token = await i.services.apiTokens.issue(ids.recruiter, 'ATS', systemActor())
  })
  afterAll(() => shared.close())

  /** The stored revision plus what its page and /rings show of its links. */
  async function viewOf(caseId: string) {
    const linked = await i.services.links.linkFacts(i.db, caseId)
    const [ring] = await i.services.links.rings(i.db, { caseId })
    return {
      state: await stateOf(i.db, caseId, { ignoreIsCurrent: true }),
      linked: linked.map(l => `${l.otherId}|${l.kind}|${l.judgement ?? 'not judged'}`).sort(),
      ring: (ring?.members.map(m => m.caseId) ?? []).sort(),
    }
  }

  /** A decided case D linked (shared shipping address and reference phone) to an open case N. */
  async function pair() {
    n++
    const neighbourId = `NB-${n}`
    const neighbour = await importCase(i.services, ringMember(neighbourId, `Maria Lindqvist${n}`))
    const decided = await importCase(i.services, ringMember(`DC-${n}0`, `Kevin Brandt${n}`))
    await decide(i.services, decided, 'approve', as(ids.recruiter, 'recruiter'), as(ids.manager, 'manager'))
    const links = (await i.db('links').where({ case_a: decided }).orWhere({ case_b: decided }).count({ c: '*' }).first()) as { c: number | string }
    expect(Number(links.c)).toBeGreaterThan(0)
    return { neighbour, neighbourId, decided }
  }

  const post = (s: Session, p: string, body: Record<string, string> = {}) => s.agent.post(p).type('form').send({ _csrf: s.csrf, ...body })

  it('(a) re-importing the open neighbour with another shipping address and phone leaves the decided case’s links, page and ring as they were', async () => {
    const { neighbour, neighbourId, decided } = await pair()
    const before = await viewOf(decided)
    expect(before.ring).toContain(neighbour)
    const moved = ringMember(neighbourId, `Maria Lindqvist${n}`, {
      logistics: { shipping_address: { line1: '12 Elm Rd', city: 'Tulsa', postal_code: '74103', country: 'US' } },
      references: [{ name: 'Jo Park', phone: '+1 918 555 0188' }],
    })
    const res = await request(i.app).post('/api/applications').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(JSON.stringify(moved))
    expect(res.status).toBe(200)
    expect(await viewOf(decided)).toEqual(before)
    // The open neighbour no longer counts a link it no longer shares.
    expect((await i.services.links.linkFacts(i.db, neighbour)).map(l => l.otherId)).not.toContain(decided)
  })

  it('(b) after reopening, rescoring the open neighbour leaves the signed-off revision 1’s links as they were', async () => {
    const { neighbour, decided } = await pair()
    expect((await post(manager, `/cases/${decided}/reopen`, { reason: 'New evidence from the employer' })).status).toBe(303)
    const before = await stateOf(i.db, decided, { ignoreIsCurrent: true })
    expect(before.links.length).toBeGreaterThan(0)
    expect((await post(recruiter, `/cases/${neighbour}/rescore`)).status).toBe(303)
    expect(await stateOf(i.db, decided, { ignoreIsCurrent: true })).toEqual(before)
  })

  it('(c) a judgement made on the open neighbour’s page after the decision does not show on the decided case nor take it out of its ring', async () => {
    const { neighbour, decided } = await pair()
    const before = await viewOf(decided)
    expect(before.ring).toContain(neighbour)
    expect((await post(recruiter, `/cases/${neighbour}/links`, { otherCaseId: decided, judgement: 'different_people', note: 'Different IDs on video' })).status).toBe(303)
    expect(await viewOf(decided)).toEqual(before)
    const page = await recruiter.agent.get(`/cases/${decided}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('judged: different people')
    // The open neighbour's own page does show it.
    expect((await i.services.links.linkFacts(i.db, neighbour)).find(l => l.otherId === decided)?.judgement).toBe('different_people')
  })
})
