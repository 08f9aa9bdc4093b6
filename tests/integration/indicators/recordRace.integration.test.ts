import type { SharedIndicatorHit } from '../../../src/rules/caseFacts'
import { application, importCase } from '../../support/applications'
import { createTestApp, type TestApp } from '../../support/appSetup'

/** A retro-hunt and an intake recording the same hit at once: one row, one "new", no error for either. */
describe('recording a shared-indicator hit twice at the same moment', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('keeps one row and counts it new once', async () => {
    const caseId = await importCase(t.services, application({ format: 'vetting/application@1', external_id: 'RR-1', kind: 'candidate', person: { full_name: 'Sam Ortiz', email: 'rr-1@example.org' } }))
    const at = new Date().toISOString()
    await t.services.db('indicator_sources').insert({ name: 'Partner ISAC', format: 'csv', tlp: 'amber', first_imported_at: at, last_imported_at: at })
    const source = (await t.services.db('indicator_sources').first('id')) as { id: number }
    await t.services.db('shared_indicators').insert({ source_id: source.id, kind: 'email', value: 'rr-1@example.org', hashed: false, confidence: 85, tlp: 'amber', families: '[]', first_seen: at, last_seen: at, created_at: at, updated_at: at })
    const indicator = (await t.services.db('shared_indicators').first('id')) as { id: number }
    const hit: SharedIndicatorHit = { indicatorId: Number(indicator.id), kind: 'email', matched: 'applicant email', label: 'rr-1@example.org', source: 'Partner ISAC', confidence: 85, tlp: 'amber', families: [] }
    const both = await Promise.all([0, 1].map(() => t.services.db.transaction(trx => t.services.indicators.record(trx, caseId, [hit, hit]))))
    expect(both.map(f => f.length).sort()).toEqual([0, 1])
    expect(Number(((await t.services.db('indicator_hits').where({ case_id: caseId }).count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n)).toBe(1)
    expect((await t.services.db('audit_events').where({ type: 'SHARED_INDICATOR_HIT', case_id: caseId })).length).toBe(1)
  })
})
