import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDb, type TestDb } from '../../tests/support/testDb'
import { createServices, type Services } from '.'
import type { ActorContext } from './context'
import { ageInDays, compareQueueRows, createQueueService, QUEUE_LIMIT, type QueueRow, type QueueSection } from './queueService'

const NOW = new Date('2026-12-04T12:00:00.000Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

const row = (over: Partial<QueueRow>): QueueRow => ({ caseId: 'c', reference: 'VD-000001', name: 'N', band: 'low', since: daysAgo(1), ageDays: 1, due: null, overdue: false, detail: '', action: { label: 'Go', href: '/' }, ...over })

describe('queue order', () => {
  it('puts overdue first, then the band (critical first, unscored last), then the oldest', () => {
    const rows = [
      row({ reference: 'A', band: 'low', since: daysAgo(9) }),
      row({ reference: 'B', band: 'critical', since: daysAgo(1) }),
      row({ reference: 'C', band: 'low', overdue: true, since: daysAgo(1) }),
      row({ reference: 'D', band: null, since: daysAgo(30) }),
      row({ reference: 'E', band: 'critical', since: daysAgo(5) }),
      row({ reference: 'F', band: 'high', since: daysAgo(2) }),
      row({ reference: 'G', band: 'elevated', since: daysAgo(2) }),
    ]
    expect(rows.sort(compareQueueRows).map(r => r.reference)).toEqual(['C', 'E', 'B', 'F', 'G', 'A', 'D'])
  })

  it('counts whole days', () => {
    expect(ageInDays(daysAgo(0), NOW)).toBe(0)
    expect(ageInDays(new Date(NOW.getTime() - 36 * 3_600_000).toISOString(), NOW)).toBe(1)
    expect(ageInDays('not a date', NOW)).toBe(0)
  })
})

describe('queue service on the database', () => {
  let t: TestDb
  let services: Services
  let dataDir: string
  const user: Record<string, number> = {}
  const as = (who: string): ActorContext => ({ userId: user[who]!, role: null, requestId: null })
  const queue = () => createQueueService({ db: t.db })
  const section = async (who: string, role: 'recruiter' | 'security' | 'manager', key: string) => {
    const sections = (await queue().forUser({ id: user[who]!, role }, NOW)).sections
    return sections.find(s => s.key === key) as QueueSection
  }

  async function newCase(name: string, band: string | null, by: string | null, over: Record<string, unknown> = {}) {
    const c = await services.cases.create({ kind: 'candidate', fullName: name }, by ? as(by) : { userId: null, role: null, requestId: null })
    await t.db('cases').where({ id: c.id }).update({ risk_band: band, ...over })
    return c.id
  }
  let position = 0
  async function item(caseId: string, over: Record<string, unknown> = {}) {
    const [id] = (await t.db('checklist_items').insert({ case_id: caseId, position: ++position, step_key: `baseline:test-${position}`, template_version: 't', text: `Step ${position}`, why: 'why', source: 'test', required: true, status: 'open', created_at: daysAgo(3), ...over }).returning('id')) as Array<{ id: number } | number>
    return typeof id === 'number' ? id : id!.id
  }
  async function hit(caseId: string, ruleId: string, createdAt: string, over: Record<string, unknown> = {}) {
    await t.db('findings').insert({ case_id: caseId, rule_id: ruleId, rule_version: 1, status: 'flag', severity: 'critical', strength: 'strong', category: 'sanctions', message: `Listed ${ruleId}`, evidence: '[]', missing: '[]', points: 50, created_at: createdAt, blocking: true, ...over })
  }

  beforeAll(async () => {
    t = await createTestDb()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-queue-'))
    services = createServices(t.db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir })
    for (const [name, role] of [['rita', 'recruiter'], ['rob', 'recruiter'], ['sam', 'security'], ['mia', 'manager'], ['max', 'manager']] as const) {
      user[name] = (await services.users.create({ email: `${name}@example.test`, role, displayName: name, password: 'correct horse battery staple' }, { userId: null, role: null, requestId: null })).id
    }
  })
  afterAll(async () => {
    await services.close()
    await t.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("lists only the person's own open items, overdue first, then by band, with the one next action", async () => {
    const low = await newCase('Low Lena', 'low', 'rob')
    const critical = await newCase('Critical Carl', 'critical', 'rob')
    const high = await newCase('High Hana', 'high', 'rob')
    const overdueLow = await item(low, { assignee_id: user.rita, due_date: '2026-12-01' })
    const onCritical = await item(critical, { assignee_id: user.rita, due_date: '2026-12-20' })
    const onHigh = await item(high, { assignee_id: user.rita })
    await item(high, { assignee_id: user.rita, status: 'done' }) // closed: not waiting
    await item(high, { assignee_id: user.rob }) // someone else's
    const s = await section('rita', 'recruiter', 'assigned')
    expect(s.total).toBe(3)
    expect(s.rows.map(r => r.action.href)).toEqual([`/cases/${low}?tab=checklist#item-${overdueLow}`, `/cases/${critical}?tab=checklist#item-${onCritical}`, `/cases/${high}?tab=checklist#item-${onHigh}`])
    expect(s.rows[0]).toMatchObject({ overdue: true, due: '2026-12-01', band: 'low', name: 'Low Lena', ageDays: 3 })
    expect(s.rows[1]).toMatchObject({ overdue: false, band: 'critical' })
  })

  it('dates an assigned item from its assignment, as the audit trail has it', async () => {
    const c = await newCase('Assigned Ada', 'elevated', 'rob')
    const id = await item(c)
    await services.checklists.assign(c, id, { assigneeId: user.sam!, dueDate: null }, as('rob'))
    const s = await section('sam', 'security', 'assigned')
    expect(s.rows.find(r => r.caseId === c)).toMatchObject({ ageDays: 0, detail: expect.stringContaining('Step') })
  })

  it("gives a recruiter their own open cases with unfinished checklists, not someone else's", async () => {
    const mine = await newCase('Mine Mo', 'high', 'rita')
    await item(mine, { required: false })
    const finished = await newCase('Finished Fay', 'critical', 'rita')
    await item(finished, { status: 'done' })
    const fresh = await newCase('Fresh Fred', 'low', 'rita') // no checklist yet
    const s = await section('rita', 'recruiter', 'myCases')
    expect(s.rows.map(r => r.caseId)).toEqual([mine, fresh])
    expect(s.rows[0]!.action).toEqual({ label: 'Send for review', href: `/cases/${mine}#send-for-review` })
    expect(s.rows[1]!.action.label).toBe('Start its checklist')
    expect((await section('rob', 'recruiter', 'myCases')).rows.map(r => r.caseId)).not.toContain(mine)
  })

  it('gives managers the cases in review, riskiest first, except the ones they helped prepare', async () => {
    const a = await newCase('Review Low', 'low', 'rob', { status: 'in_review', updated_at: daysAgo(4) })
    const b = await newCase('Review Critical', 'critical', 'rob', { status: 'in_review', updated_at: daysAgo(1) })
    const helped = await newCase('Review Helped', 'high', 'rob', { status: 'in_review' })
    await item(helped, { status: 'done', completed_by: user.max })
    const mia = await section('mia', 'manager', 'decisions')
    expect(mia.rows.map(r => r.caseId)).toEqual([b, helped, a])
    expect(mia.rows[0]!.action).toEqual({ label: 'Decide this case', href: `/cases/${b}/signoff` })
    expect(mia.rows[2]!.ageDays).toBe(4)
    const max = await section('max', 'manager', 'decisions')
    expect(max.rows.map(r => r.caseId)).toEqual([b, a])
    expect(max.note).toMatch(/1 case in review was prepared or checked by you/)
  })

  it('gives security the undecided sanctions hits, and the ones a re-screening raised apart', async () => {
    const old = await newCase('Hit Old', 'high', null)
    await hit(old, 'sanctions-identifier-hit', daysAgo(6))
    const decided = await newCase('Hit Cleared', 'critical', null)
    await hit(decided, 'sanctions-organisation-hit', daysAgo(6))
    await t.db('sanctions_reviews').insert({ case_id: decided, rule_id: 'sanctions-organisation-hit', entry_uid: 'x', value: 'x', decision: 'cleared', note: 'not them', reviewer_id: user.sam, created_at: daysAgo(5) })
    const rescreened = await newCase('Hit New', 'elevated', null)
    // An earlier screening that raised nothing, superseded by today's run that raised the hit.
    await hit(rescreened, 'sanctions-person-lead', daysAgo(20), { status: 'clear', superseded_at: daysAgo(0) })
    await hit(rescreened, 'sanctions-person-lead', daysAgo(0), { blocking: false })
    const sections = (await queue().forUser({ id: user.sam!, role: 'security' }, NOW)).sections
    const byKey = new Map(sections.map(s => [s.key, s]))
    expect(byKey.get('hits')!.rows.map(r => r.caseId)).toEqual([old])
    expect(byKey.get('hits')!.rows[0]).toMatchObject({ ageDays: 6, action: { href: `/sanctions#hit-${old}-sanctions-identifier-hit` } })
    expect(byKey.get('rescreened')!.rows.map(r => r.caseId)).toEqual([rescreened])
  })

  it('keeps roles apart: each role has its own sections', async () => {
    const keys = async (who: string, role: 'recruiter' | 'security' | 'manager') => (await queue().forUser({ id: user[who]!, role }, NOW)).sections.map(s => s.key)
    expect(await keys('rita', 'recruiter')).toEqual(['assigned', 'myCases'])
    expect(await keys('sam', 'security')).toEqual(['assigned', 'rescreened', 'hits', 'matches'])
    expect(await keys('mia', 'manager')).toEqual(['decisions'])
    expect((await queue().forUser({ id: 1, role: 'admin' }, NOW)).sections).toEqual([])
  })

  it('shows at most the limit of rows but counts them all', async () => {
    const ids: string[] = []
    for (let i = 0; i < QUEUE_LIMIT + 3; i++) ids.push(await newCase(`Bulk ${i}`, 'low', 'rob', { status: 'in_review' }))
    const s = await section('mia', 'manager', 'decisions')
    expect(s.rows).toHaveLength(QUEUE_LIMIT)
    expect(s.total).toBeGreaterThanOrEqual(QUEUE_LIMIT + 3)
  })
})
