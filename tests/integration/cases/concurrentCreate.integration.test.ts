import { ValidationError } from '../../../src/services/userService'
import { addUser, createTestApp, type TestApp } from '../../support/appSetup'

// Issue 13 row 8, for cases typed in by hand: the same external id created at the same moment makes one
// case, and everyone else gets the "already exists" answer a sequential duplicate gets, never a 500.
describe('creating one external id at once', () => {
  let t: TestApp
  let recruiter: number
  beforeAll(async () => {
    t = await createTestApp()
    recruiter = (await addUser(t.services, 'recruiter')).id
  })
  afterAll(() => t.close())

  it('stores one case; the others are told it exists', async () => {
    const ctx = { userId: recruiter, role: 'recruiter' as const, requestId: null }
    const input = { kind: 'candidate', fullName: 'Dana Whitfield', email: 'dana@example.org', source: 'Greenhouse', externalId: 'GH-RACE-1', country: 'US', timezone: 'America/Chicago' }
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => t.services.cases.create(input, ctx)))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ValidationError)
    const rows = (await t.services.db('cases').where({ external_id: 'GH-RACE-1' }).count({ n: '*' }).first()) as { n: number | string }
    expect(Number(rows.n)).toBe(1)
  })
})
