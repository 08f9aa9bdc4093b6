import { findChainBreak } from '../../../src/audit/auditEvents'
import { TEST_AUDIT_KEY } from './testAuditKey'
import { createAuditRepository, type AuditRow } from '../../../src/db/repositories/auditRepository'
import { createTestDb, type TestDb } from '../../support/testDb'

describe('audit chain in the database', () => {
  let t: TestDb
  const audit = createAuditRepository({ key: TEST_AUDIT_KEY })
  beforeAll(async () => {
    t = await createTestDb()
  })
  afterAll(() => t.destroy())

  async function all(): Promise<AuditRow[]> {
    const rows: AuditRow[] = []
    for await (const row of audit.iterate(t.db, 7)) rows.push(row)
    return rows
  }

  it('stays one unbroken chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction(trx => audit.append(trx, { type: 'CASE_VIEWED', actor: { userId: i, role: 'recruiter' }, caseId: `case-${i}` })),
      ),
    )
    const rows = await all()
    expect(rows).toHaveLength(40)
    expect(findChainBreak(rows, { key: TEST_AUDIT_KEY })).toBeNull()
    expect(new Set(rows.map(r => r.prev_hash)).size).toBe(40)
  })

  it('writes nothing when the surrounding change rolls back', async () => {
    const before = (await all()).length
    await expect(
      t.db.transaction(async trx => {
        await audit.append(trx, { type: 'USER_CREATED', actor: { userId: 1, role: 'admin' } })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect((await all()).length).toBe(before)
  })
})
