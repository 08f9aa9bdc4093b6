import type TestAgent from 'supertest/lib/agent'
import { addUser, signIn } from '../../support/appSetup'
import { as, createSharedDatabase, decide, importCase, ringMember, stateOf, type Instance, type SharedDatabase } from './support'

type Session = { agent: TestAgent; csrf: string }

/**
 * Issue 13 row 1: a signed-off case changed after sign-off when a recruiter judged its links or a linked
 * case was watched (re-scored 83 critical → 64 high, findings replaced, a RULES_RUN after signed_at, the
 * digest no longer matching). A decided revision now keeps what it was decided on; the open case on the
 * other end of the link still changes.
 */
describe.each(['approve', 'reject'] as const)('a case decided (%s) stays as decided when its links change', decision => {
  let shared: SharedDatabase
  let i: Instance
  let decided: string
  let open: string
  const s: Record<string, Session> = {}
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    for (const role of ['recruiter', 'security', 'manager'] as const) {
      ids[role] = (await addUser(i.services, role)).id
      s[role] = await signIn(i.app, `${role}@example.test`)
    }
    decided = await importCase(i.services, ringMember('R1-1', 'Kevin Brandt'))
    open = await importCase(i.services, ringMember('R1-2', 'Maria Lindqvist'))
    await i.services.ingest.addDocument(decided, 'cv.txt', 'resume', Buffer.from('Kevin Brandt\nkevin.brandt@example.org\nSenior engineer, Acme 2019-2024\n'), as(ids.recruiter!, 'recruiter'))
    await decide(i.services, decided, decision, as(ids.recruiter!, 'recruiter'), as(ids.manager!, 'manager'))
  })
  afterAll(() => shared.close())

  const post = (who: string, path: string, body: Record<string, string> = {}) => s[who]!.agent.post(path).type('form').send({ _csrf: s[who]!.csrf, ...body })
  const flagOf = async (caseId: string, rule: string) => ((await i.db('findings').where({ case_id: caseId, rule_id: rule }).whereNull('superseded_at').first('status')) as { status: string }).status

  it('keeps score, findings, audit trail and digest when a link to it is judged "different people" or its neighbour is watched', async () => {
    const before = await stateOf(i.db, decided)
    const signedAt = ((await i.db('signoffs').where({ case_id: decided }).first('signed_at')) as { signed_at: string }).signed_at
    expect(await flagOf(decided, 'links-shared-artifact')).toBe('flag')

    // From the open neighbour: recorded and counted there; the decided case is not re-scored.
    await post('recruiter', `/cases/${open}/links`, { otherCaseId: decided, judgement: 'different_people', note: 'Different IDs seen on video' }).expect(303)
    expect(await flagOf(open, 'links-shared-artifact')).toBe('clear')
    await post('security', `/cases/${open}/watch`, { confirm: 'yes' }).expect(303)
    // Its page offers neither; directly on the decided case, both are refused with a conflict page.
    const page = (await s.security!.agent.get(`/cases/${decided}`).expect(200)).text
    expect(page).not.toContain(`action="/cases/${decided}/watch"`)
    expect(page).not.toContain(`action="/cases/${decided}/links"`)
    const judged = await post('recruiter', `/cases/${decided}/links`, { otherCaseId: open, judgement: 'different_people', note: 'Different IDs seen on video' }).expect(409)
    expect(judged.text).toContain('Reopen it')
    await post('security', `/cases/${decided}/watch`, { confirm: 'yes' }).expect(409)
    await post('recruiter', `/cases/${decided}/rescore`).expect(409)

    expect(await stateOf(i.db, decided)).toEqual(before)
    expect(Number(((await i.db('audit_events').where({ case_id: decided, type: 'RULES_RUN' }).where('occurred_at', '>', signedAt).count({ n: '*' }).first()) as { n: unknown }).n)).toBe(0)
    const digest = await i.services.checklists.signedDigest(decided)
    expect(digest).not.toBeNull()
    expect(digest!.recomputed).toBe(digest!.stored)
  })

  it('tells the signer once that new evidence exists, and a reopened revision can be assessed again', async () => {
    const notes = (await i.db('notifications').where({ user_id: ids.manager, case_id: decided }).select('message')) as Array<{ message: string }>
    const evidence = notes.filter(n => n.message.includes('new evidence exists on a decided case'))
    expect(evidence).toHaveLength(1)
    expect(evidence[0]!.message).toMatch(/re-assessed it would score \d+ \((low|elevated|high|critical)\), not \d+/)
    await post('manager', `/cases/${decided}/reopen`, { reason: 'New evidence about the linked application' }).expect(303)
    const next = (await i.db('cases').where({ previous_revision_id: decided }).first('id', 'status', 'is_current')) as { id: string; status: string }
    expect(next.status).toBe('open')
    // It starts from the decided revision's evidence, scored again on today's links.
    const currentFacts = async (id: string) => ((await i.db('facts').where({ case_id: id }).whereNull('superseded_at').orderBy('id').select('field', 'value', 'source')) as unknown[])
    expect(await currentFacts(next.id)).toEqual(await currentFacts(decided))
    const docs = async (id: string) => (await i.db('documents').where({ case_id: id }).select('id', 'sha256')) as Array<{ id: string; sha256: string }>
    const [was, now] = [await docs(decided), await docs(next.id)]
    expect(now.map(d => d.sha256)).toEqual(was.map(d => d.sha256))
    const factDocs = (await i.db('facts').where({ case_id: next.id }).whereNotNull('document_id').distinct('document_id')) as Array<{ document_id: string }>
    expect(factDocs.length).toBeGreaterThan(0)
    expect(factDocs.every(f => now.some(d => d.id === f.document_id))).toBe(true)
    expect(((await i.db('cases').where({ id: next.id }).first('risk_band')) as { risk_band: string | null }).risk_band).not.toBeNull()
    await post('recruiter', `/cases/${next.id}/rescore`).expect(303)
    // The earlier revision still reads as signed.
    const digest = await i.services.checklists.signedDigest(decided)
    expect(digest!.recomputed).toBe(digest!.stored)
  })
})

describe('the sanctions queue', () => {
  it('lists no lead on a decided case as awaiting review (it could not be reviewed), and still shows it among all hits', async () => {
    const shared = await createSharedDatabase()
    try {
      const i = shared.instance()
      const recruiter = (await addUser(i.services, 'recruiter')).id
      const manager = (await addUser(i.services, 'manager')).id
      const caseId = await importCase(i.services, { ...ringMember('SQ-1', 'Kim Sang-man'), logistics: undefined, references: undefined })
      const open = async () => (await i.services.sanctions.queue({ openOnly: true })).filter(q => q.case_id === caseId)
      expect((await open()).map(q => q.rule_id)).toEqual(['sanctions-person-lead'])
      await decide(i.services, caseId, 'reject', as(recruiter, 'recruiter'), as(manager, 'manager'))
      expect(await open()).toEqual([])
      expect((await i.services.sanctions.queue()).filter(q => q.case_id === caseId)).toHaveLength(1)
    } finally {
      await shared.close()
    }
  })
})
