import fs from 'node:fs'
import path from 'node:path'
import { application, importCase } from '../../support/applications'
import { systemActor, type ActorContext } from '../../../src/services/context'
import { addUser, createTestApp, type TestApp } from '../../support/appSetup'

const PHONE = '+1 646 555 0199'

/** Issue 17: a confirmed fraud erased at the end of its period leaves only HMACs of its identifiers, which still match. */
describe('retention keeps a confirmed fraud’s identifiers as hashes only', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('erases the case, keeps no readable identifier, and a returning persona still matches', async () => {
    const user = await addUser(t.services, 'security')
    const ctx: ActorContext = { userId: user.id, role: 'security', requestId: null }
    const fraud = await importCase(t.services, application({ format: 'vetting/application@1', external_id: 'F-1', kind: 'candidate', person: { full_name: 'Fergus Fraudster', email: 'fergus.persona@r-crew.dev', phone: PHONE } }))
    await t.services.db.transaction(trx => t.services.links.watch(trx, fraud, ctx))
    const report = await t.services.retention.run({ now: new Date(Date.now() + 7 * 366 * 86_400_000) })
    expect(report.erased.map(e => e.outcome)).toContain('confirmed_fraud')
    const kept = (await t.services.db('shared_indicators').select('kind', 'value', 'hashed')) as Array<{ kind: string; value: string; hashed: boolean | number }>
    expect(kept.length).toBeGreaterThanOrEqual(2)
    expect(kept.every(k => Boolean(k.hashed) && /^[0-9a-f]{64}$/.test(k.value))).toBe(true)
    // nothing readable about the person in the database's indicator tables or the keys folder
    const blob = JSON.stringify(await t.services.db('shared_indicators').select()) + JSON.stringify(await t.services.db('indicator_sources').select())
    expect(blob).not.toMatch(/fergus|6465550199|r-crew/i)
    for (const f of fs.readdirSync(path.join(t.dataDir, 'sharing-keys'))) expect(fs.readFileSync(path.join(t.dataDir, 'sharing-keys', f), 'utf8')).not.toMatch(/fergus|6465550199/i)
    // a new application reusing the phone matches the retained hash
    const again = await importCase(t.services, application({ format: 'vetting/application@1', external_id: 'F-2', kind: 'candidate', person: { full_name: 'Frank Newname', email: 'frank@example.org', phone: PHONE } }))
    const finding = (await t.services.cases.view(again, systemActor())).findings.find(f => f.rule_id === 'links-shared-indicator')!
    expect(finding.status).toBe('flag')
    expect(finding.message).toContain('Our erased confirmed cases (hashed)')
  })
})
