import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chainEvent } from '../../../src/audit/auditEvents'
import { vet } from '../../support/cli'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { TEST_AUDIT_KEY } from './testAuditKey'
import { createAuditRepository } from '../../../src/db/repositories/auditRepository'
import { dropAppendOnly, makeAppendOnly } from '../../../src/db/schemaHelpers'
import { createAuditService } from '../../../src/services/auditService'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'

/**
 * Tampering is done as an intruder with database access would: the append-only triggers are dropped,
 * a row is changed, removed or forged, and the triggers put back.
 */
async function tamper(t: TestDb, change: () => Promise<unknown>): Promise<void> {
  await dropAppendOnly(t.db, 'audit_events')
  try {
    await change()
  } finally {
    await makeAppendOnly(t.db, 'audit_events')
  }
}

describe('audit chain verification', () => {
  let t: TestDb
  const audit = createAuditRepository({ key: TEST_AUDIT_KEY })
  let service: ReturnType<typeof createAuditService>
  let ids: number[] = []

  beforeEach(async () => {
    t = await createTestDb()
    service = createAuditService({ db: t.db, audit })
    ids = []
    for (let i = 0; i < 12; i++) ids.push((await t.db.transaction(trx => audit.append(trx, { type: 'CASE_VIEWED', actor: { userId: 1, role: 'recruiter' }, caseId: `case-${i}`, data: { n: i } }))).id)
  })
  afterEach(() => t.destroy())

  it('finds an untouched chain intact and reports its head', async () => {
    const result = await service.verify()
    expect(result).toMatchObject({ intact: true, checked: 12 })
    const last = await t.db('audit_events').orderBy('id', 'desc').first('hash')
    expect(result.head).toBe(last.hash)
  })

  it('names the event whose contents were edited', async () => {
    await tamper(t, () => t.db('audit_events').where('id', ids[4]).update({ data: '{"n":99}' }))
    expect(await service.verify()).toMatchObject({ intact: false, checked: 4, broken: { id: ids[4], type: 'CASE_VIEWED', reason: 'edited' } })
  })

  it('names the event after one that was deleted', async () => {
    await tamper(t, () => t.db('audit_events').where('id', ids[6]).delete())
    expect(await service.verify()).toMatchObject({ intact: false, broken: { id: ids[7], reason: 'removed_or_inserted' } })
  })

  it('names the event after a forged one put in the place of a real one, even with a self-consistent hash', async () => {
    const prev = await t.db('audit_events').where('id', ids[2]).first('hash')
    const forged = chainEvent({ type: 'CASE_STATUS_CHANGED', actor: { userId: 2, role: 'manager' }, caseId: 'case-3' }, prev.hash, new Date(), TEST_AUDIT_KEY)
    await tamper(t, async () => {
      await t.db('audit_events').where('id', ids[3]).delete()
      await t.db('audit_events').insert({ ...forged, id: ids[3] })
    })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 4, broken: { id: ids[4], reason: 'removed_or_inserted' } })
  })
})


// The CLI works on DATA_DIR's SQLite database; on PostgreSQL it runs the same service as above.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet audit verify', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-audit-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('exits 0 on an intact trail and 1 naming the event edited directly in the database', async () => {
    const env = { DATA_DIR: dir }
    expect((await vet(['audit', 'verify'], env)).code).toBe(1) // no trail yet
    expect((await vet(['migrate'], env)).code).toBe(0)
    for (const email of ['a@example.test', 'b@example.test', 'c@example.test']) {
      expect((await vet(['users', 'add', '--email', email, '--role', 'recruiter'], env, 'a long enough password 1\n')).code).toBe(0)
    }
    const ok = await vet(['audit', 'verify'], env)
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/intact: 3 events/)

    const db = createKnex({ sqliteFile: sqliteFileIn(dir) })
    try {
      const second = await db('audit_events').orderBy('id').offset(1).first('id')
      await dropAppendOnly(db, 'audit_events')
      await db('audit_events').where('id', second.id).update({ actor_role: 'admin' })
    } finally {
      await db.destroy()
    }
    const broken = await vet(['audit', 'verify'], env)
    expect(broken.code).toBe(1)
    expect(broken.out).toContain('broken at event 2 (USER_CREATED')
    expect(broken.out).toContain('changed after it was written')
    const json = JSON.parse((await vet(['audit', 'verify', '--json'], env)).out)
    expect(json).toMatchObject({ intact: false, checked: 1, broken: { id: 2, reason: 'edited' } })
  })
})
