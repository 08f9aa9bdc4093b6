import { migrateLatest, pendingMigrations, rollbackAll } from '../../../src/db/migrate'
import { createTestDb, type TestDb } from '../../support/testDb'

const TABLES = ['users', 'sessions', 'subjects', 'cases', 'case_search_terms', 'audit_events']

describe(`migrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb({ migrate: false })
  })
  afterAll(() => t.destroy())

  it('go up, all the way down, and up again', async () => {
    const applied = await migrateLatest(t.db)
    expect(applied.length).toBeGreaterThanOrEqual(5)
    expect(applied.every(name => !/\.(ts|js)$/.test(name))).toBe(true)
    for (const table of TABLES) expect(await t.db.schema.hasTable(table)).toBe(true)
    expect(await pendingMigrations(t.db)).toEqual([])

    const undone = await rollbackAll(t.db)
    expect(undone.length).toBe(applied.length)
    for (const table of TABLES) expect(await t.db.schema.hasTable(table)).toBe(false)

    expect(await migrateLatest(t.db)).toEqual(applied)
  })

  it('make audit_events append-only in the database itself', async () => {
    await migrateLatest(t.db)
    await t.db('audit_events').insert({
      occurred_at: new Date().toISOString(),
      type: 'USER_CREATED',
      data: '{}',
      prev_hash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    })
    await expect(t.db('audit_events').update({ type: 'USER_DISABLED' })).rejects.toThrow(/append-only/)
    await expect(t.db('audit_events').delete()).rejects.toThrow(/append-only/)
    expect(await t.db('audit_events').count({ n: '*' }).first()).toEqual({ n: expect.anything() })
  })

  it('enforce foreign keys', async () => {
    await expect(
      t.db('cases').insert({
        id: '00000000-0000-4000-8000-000000000001',
        reference: 'VD-1',
        subject_id: 'missing',
        kind: 'candidate',
        status: 'open',
        sort_name: '',
        created_at: 'x',
        updated_at: 'x',
      }),
    ).rejects.toThrow(/foreign key/i)
  })
})
