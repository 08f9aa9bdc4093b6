import { applicationSchema, parseApplication } from '../../../src/ingest/applicationFormat'
import { dropAppendOnly, makeAppendOnly } from '../../../src/db/schemaHelpers'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

describe('exports and the audit trail page', () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  const refs: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'admin'] as const) await addUser(t.services, role)
    // A hostile name (a spreadsheet formula) and two applications sharing a phone under different names.
    const people = [
      { ref: 'EXP-1', name: '=HYPERLINK("http://evil.test","Click")', phone: '+1 646 940 6483' },
      { ref: 'EXP-2', name: 'Lukas Brenner', phone: '+1 (646) 940-6483' },
    ]
    for (const p of people) {
      const parsed = parseApplication({
        format: 'vetting/application@1', external_id: p.ref, kind: 'contractor',
        person: { full_name: p.name, email: `${p.ref.toLowerCase()}@example.org`, phone: p.phone, address: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
        references: [{ name: 'Ann Lee', company: 'Bluepeak', email: 'ann@bluepeak.example' }],
        payment: { method: 'bank', account_holder: p.name === 'Lukas Brenner' ? 'Lukas Brenner' : 'Someone Else', country: 'US' },
      })
      if (!parsed.ok) throw new Error(parsed.problems.join('; '))
      const outcome = await t.services.ingest.importApplication(`${p.ref}.json`, parsed.value, async () => ({ problem: 'none' }), systemActor())
      if (!('caseId' in outcome)) throw new Error('not imported')
      ids[p.ref] = outcome.caseId
      refs[p.ref] = outcome.reference
    }
  })
  afterAll(() => t.close())

  it('exports the case list as CSV with formulas neutralised, and records the export', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.get('/cases/export.csv?kind=contractor').expect(200)
    expect(res.type).toBe('text/csv')
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?cases-\d{4}-\d{2}-\d{2}\.csv"?/)
    const text = res.text
    expect(text.startsWith('\ufeffreference,revision,name')).toBe(true)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`)
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
    expect(text).toContain('Lukas Brenner')
    const event = await t.services.db('audit_events').where({ type: 'DATA_EXPORTED' }).orderBy('id', 'desc').first()
    expect(JSON.parse(event.data)).toMatchObject({ what: 'case list', rows: 2, filter: { kind: 'contractor' } })
  })

  it('exports a ring as CSV and a case as JSON in our format with findings and links', async () => {
    const { agent } = await signIn(t.app, 'security@example.test')
    const ring = await agent.get(`/rings/${refs['EXP-2']}/export.csv`).expect(200)
    expect(ring.text).toContain('Lukas Brenner')
    expect(ring.text).toContain(`"'=HYPERLINK`)
    expect(ring.text).toMatch(/phone/)

    const res = await agent.get(`/cases/${ids['EXP-1']}/export.json`).expect(200)
    const body = JSON.parse(res.text) as { format: string; application: unknown; findings: Array<{ rule: string; status: string; sources?: unknown }>; links: Array<{ kind: string }> }
    expect(body.format).toBe('vetting/case-export@1')
    const app = applicationSchema.parse(body.application)
    expect(app).toMatchObject({ format: 'vetting/application@1', external_id: 'EXP-1', kind: 'contractor', person: { phone: '+1 646 940 6483', address: { city: 'Austin' } }, references: [{ name: 'Ann Lee' }], payment: { account_holder: 'Someone Else' } })
    expect(body.findings.find(f => f.rule === 'payment-payee-name-mismatch')?.status).toBe('flag')
    expect(body.links.map(l => l.kind)).toContain('phone')
    await agent.get('/cases/00000000-0000-4000-8000-000000000000/export.json').expect(404)
  })

  it('shows the audit trail filtered, verifies the chain, and names an event edited in the database', async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    const exports = await agent.get('/audit?type=DATA_EXPORTED').expect(200)
    expect(exports.text.match(/data-code="DATA_EXPORTED"/g)?.length).toBe(3)
    expect(exports.text).toContain('Data exported') // in words, not the code
    expect(exports.text).not.toContain('data-code="CASE_IMPORTED"')
    const byCase = await agent.get(`/audit?case=${refs['EXP-1']}`).expect(200)
    expect(byCase.text).toContain('data-code="CASE_IMPORTED"')
    expect(byCase.text).toContain(`>${refs['EXP-1']}</a>`) // the case by its reference
    expect(byCase.text).not.toContain(ids['EXP-2']!.slice(0, 8))
    expect((await agent.get('/audit?verify=1').expect(200)).text).toContain('The chain is intact.')

    const victim = await t.services.db('audit_events').where({ type: 'DATA_EXPORTED' }).orderBy('id').first('id')
    await dropAppendOnly(t.services.db, 'audit_events')
    try {
      await t.services.db('audit_events').where('id', victim.id).update({ data: '{"what":"nothing"}' })
    } finally {
      await makeAppendOnly(t.services.db, 'audit_events')
    }
    const broken = await agent.get('/audit?verify=1').expect(200)
    expect(broken.text).toContain(`The chain is broken at event ${victim.id}</strong> (Data exported`)
  })
})
