import crypto from 'node:crypto'
import { isWriteConflict } from '../../../src/db/knex'
import { newCaseRow, type CaseRow } from '../../../src/db/repositories/caseRepository'
import { down, up } from '../../../migrations/20261203000200_unique_current_intake'
import { createTestDb, type TestDb } from '../../support/testDb'

/** The unique indexes on the current revision's intake keys: safe over existing duplicates, blind to earlier revisions. */
describe('migration 20261203000200_unique_current_intake', () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb()
  })
  afterAll(() => t.destroy())

  const now = (minute: number) => `2026-11-30T10:${String(minute).padStart(2, '0')}:00.000Z`
  let n = 0
  async function addCase(fields: Partial<CaseRow>): Promise<CaseRow> {
    const subjectId = crypto.randomUUID()
    await t.db('subjects').insert({ id: subjectId, full_name: 'Someone', created_at: now(0), updated_at: now(0) })
    n++
    const row = { ...newCaseRow({ reference: `VD-9${String(n).padStart(5, '0')}`, subject_id: subjectId, kind: 'candidate', role_title: null, source: null, external_id: null, submitted_at: null, sort_name: 'someone', content_hash: null, created_by: null }, crypto.randomUUID(), now(n)), ...fields }
    await t.db('cases').insert(row)
    return row
  }
  const get = (id: string) => t.db<CaseRow>('cases').where({ id }).first()

  it('keeps the earliest of existing duplicates as the intake target and releases the keys of the rest', async () => {
    await down(t.db)
    // What racing imports left behind: the same external id without a source, the same content without an id.
    const ext = [await addCase({ external_id: 'DUP-1' }), await addCase({ external_id: 'DUP-1' })]
    const hash = 'a'.repeat(64)
    const byHash = [await addCase({ content_hash: hash }), await addCase({ content_hash: hash }), await addCase({ content_hash: hash })]
    // A reopened case: its earlier revision shares the keys and is left alone.
    const first = await addCase({ source: 'greenhouse', external_id: 'GH-7', content_hash: 'b'.repeat(64), is_current: false, status: 'signed_off' })
    const second = await addCase({ reference: first.reference, revision: 2, previous_revision_id: first.id, source: 'greenhouse', external_id: 'GH-7', content_hash: 'b'.repeat(64) })

    await up(t.db)

    expect(await get(ext[0]!.id)).toMatchObject({ external_id: 'DUP-1' })
    expect(await get(ext[1]!.id)).toMatchObject({ external_id: null, content_hash: null })
    expect(await get(byHash[0]!.id)).toMatchObject({ content_hash: hash })
    for (const c of byHash.slice(1)) expect(await get(c.id)).toMatchObject({ content_hash: null })
    expect(await get(first.id)).toMatchObject({ external_id: 'GH-7', content_hash: 'b'.repeat(64) })
    expect(await get(second.id)).toMatchObject({ external_id: 'GH-7', content_hash: 'b'.repeat(64) })
  })

  it('refuses a second current case with the same keys, and allows earlier revisions to share them', async () => {
    const refused = async (fields: Partial<CaseRow>) => {
      const error = await addCase(fields).then(
        () => null,
        (e: unknown) => e,
      )
      expect(isWriteConflict(error)).toBe(true)
    }
    await refused({ external_id: 'DUP-1' })
    await refused({ source: 'greenhouse', external_id: 'GH-7', revision: 9 })
    await refused({ content_hash: 'a'.repeat(64) })
    // the same content under an external id is recognised by that id, not by content
    await addCase({ source: 'lever', external_id: 'LV-1', content_hash: 'a'.repeat(64) })
    await addCase({ external_id: 'DUP-1', is_current: false })
  })

  it('down drops only the indexes', async () => {
    await down(t.db)
    const extra = await addCase({ external_id: 'DUP-1' })
    await t.db('cases').where({ id: extra.id }).delete()
    await up(t.db)
  })
})
