import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { application, importCase } from '../../support/applications'
import { systemActor, type ActorContext } from '../../../src/services/context'
import { generateSharingKey, parseSharingKey } from '../../../src/indicators/hashing'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { validateStixBundle } from '../../support/stixSchemas'

const RING_PHONE = '+1 646 555 0123'
const RING_WALLET = '0x52908400098527886E0F7030069857D2E4169EE7'
const person = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  application({ format: 'vetting/application@1', external_id: id, kind: 'candidate', person: { full_name: name, email: `${id.toLowerCase()}@example.org`, address: { line1: `${id.replace(/\D/g, '')}1 Oak St Apt 4`, city: 'Chicago', postal_code: '60601', country: 'US' } }, ...extra })
const ringMember = (id: string, name: string) => person(id, name, { person: { full_name: name, email: `${id.toLowerCase()}@r-crew.dev`, phone: RING_PHONE, address: { line1: '85 Garden Pkwy Apt 3', city: 'Nashua', postal_code: '03060', country: 'US' } }, payment: { method: 'crypto', wallet_address: RING_WALLET } })


describe('indicator exchange: a ring confirmed in A warns B', () => {
  let a: TestApp
  let security: ActorContext
  const feeds: Record<string, string> = {}
  const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vd-key-')), 'group.key')
  const key = parseSharingKey(generateSharingKey())

  beforeAll(async () => {
    fs.writeFileSync(keyFile, key.toString('hex'))
    a = await createTestApp()
    const user = await addUser(a.services, 'security')
    security = { userId: user.id, role: 'security', requestId: null }
    const first = await importCase(a.services, ringMember('R-1', 'Kevin Brandt'))
    await importCase(a.services, ringMember('R-2', 'Maria Lindqvist'))
    await a.services.db.transaction(trx => a.services.links.watch(trx, first, security))
    for (const [name, opts] of [['stix', { format: 'stix' }], ['misp', { format: 'misp' }], ['csv', { format: 'csv' }], ['hashed', { format: 'csv', key }]] as const) {
      feeds[name] = (await a.services.indicators.exportIndicators({ ...opts, tlp: 'amber' }, security)).body
    }
  })
  afterAll(() => a.close())

  it('exports what the confirmed case teaches, never a name; the STIX bundle validates', () => {
    expect(validateStixBundle(JSON.parse(feeds.stix!))).toEqual([])
    for (const body of Object.values(feeds)) {
      expect(body).not.toMatch(/Kevin|Brandt|Maria|Lindqvist/)
    }
    expect(feeds.csv).toContain('+16465550123')
    expect(feeds.hashed).not.toContain('+16465550123')
    expect(feeds.hashed!.toLowerCase()).not.toContain(RING_WALLET.toLowerCase())
  })

  it('offers security the export on a confirmed case and on its ring, scoped to them, and audits it', async () => {
    const first = (await a.services.db('watch_keys').first('source_case_id')) as { source_case_id: string }
    const { agent, csrf } = await signIn(a.app, 'security@example.test')
    const page = await agent.get(`/cases/${first.source_case_id}?tab=links`)
    expect(page.text).toContain('data-qa="share-indicators"')
    const ref = (await a.services.db('cases').where({ id: first.source_case_id }).first('reference')) as { reference: string }
    const ring = await agent.get(`/rings/${ref.reference}`)
    expect(ring.text).toContain('data-qa="share-indicators"')
    const res = await agent.post('/indicators/export').type('form').send({ _csrf: csrf, format: 'csv', tlp: 'amber', caseIds: first.source_case_id })
    expect(res.status).toBe(200)
    expect(res.text).toContain('+16465550123')
    const other = (await a.services.db('cases').whereNot({ id: first.source_case_id }).first('id')) as { id: string }
    const none = await agent.post('/indicators/export').type('form').send({ _csrf: csrf, format: 'csv', tlp: 'amber', caseIds: other.id })
    expect(none.text).not.toContain('+16465550123') // not confirmed: nothing to share
    const events = await a.services.db('audit_events').where({ type: 'INDICATORS_EXPORTED' })
    expect(events.length).toBeGreaterThanOrEqual(2)
  })

  it.each(['stix', 'misp', 'csv', 'hashed'])('%s: B flags a new applicant reusing the ring’s phone and its retro-hunt lists the existing case, naming the source', async format => {
    const b = await createTestApp()
    try {
      const user = await addUser(b.services, 'security')
      const ctx: ActorContext = { userId: user.id, role: 'security', requestId: null }
      const earlier = await importCase(b.services, person('B-1', 'Sam Ortiz', { person: { full_name: 'Sam Ortiz', email: 'b-1@example.org', phone: RING_PHONE } }))
      const bystander = await importCase(b.services, person('B-2', 'Dana Whitfield'))
      const summary = await b.services.indicators.importFeed(Buffer.from(feeds[format]!), { source: 'Instance A security team', ...(format === 'hashed' ? { key } : {}) }, ctx)
      expect(summary.added).toBeGreaterThanOrEqual(2)
      expect(summary.rejected).toEqual([])
      expect(summary.jobId).toBeTruthy()
      await b.services.jobs.runUntilIdle()
      const job = (await b.services.jobs.find(summary.jobId!))!
      expect(job.status).toBe('done')
      const result = JSON.parse(job.result!) as { scanned: number; cases: Array<{ caseId: string; source: string; kind: string }> }
      expect([...new Set(result.cases.map(c => c.caseId))]).toEqual([earlier])
      expect(result.cases).toContainEqual(expect.objectContaining({ source: 'Instance A security team', kind: 'phone' }))
      const hit = await b.services.cases.view(earlier, systemActor())
      expect(hit.findings.find(f => f.rule_id === 'links-shared-indicator')).toMatchObject({ status: 'flag' })
      expect((await b.services.cases.view(bystander, systemActor())).findings.find(f => f.rule_id === 'links-shared-indicator')?.status).not.toBe('flag')
      // A new applicant arriving after the import is screened at intake.
      const later = await importCase(b.services, person('B-3', 'Lee Park', { payment: { method: 'crypto', wallet_address: RING_WALLET.toLowerCase() } }))
      const found = (await b.services.cases.view(later, systemActor())).findings.find(f => f.rule_id === 'links-shared-indicator')!
      expect(found.status).toBe('flag')
      expect(found.message).toContain('Instance A security team')
      expect((await b.services.indicators.hits()).map(h => h.caseId).sort()).toEqual([earlier, later].sort())
    } finally {
      await b.close()
    }
  })

  it('TLP: what B received as AMBER+STRICT or RED is never passed on; GREEN is', async () => {
    const b = await createTestApp()
    try {
      const user = await addUser(b.services, 'security')
      const ctx: ActorContext = { userId: user.id, role: 'security', requestId: null }
      await b.services.indicators.importFeed(Buffer.from(feeds.csv!), { source: 'strict', tlp: 'amber+strict' }, ctx)
      const relayed = await b.services.indicators.exportIndicators({ format: 'csv', tlp: 'green', relay: true }, ctx)
      expect(relayed.count).toBe(0)
      const c = await createTestApp()
      try {
        const u2 = await addUser(c.services, 'security')
        const ctx2: ActorContext = { userId: u2.id, role: 'security', requestId: null }
        await c.services.indicators.importFeed(Buffer.from(feeds.csv!), { source: 'green one', tlp: 'green' }, ctx2)
        const out = await c.services.indicators.exportIndicators({ format: 'csv', tlp: 'green', relay: true }, ctx2)
        expect(out.count).toBeGreaterThanOrEqual(2)
        // the export's marking never loosens what was received (amber is stricter than green)
        expect(out.body).toContain('amber')
      } finally {
        await c.close()
      }
    } finally {
      await b.close()
    }
  })
})

describe('the shared-indicators page', () => {
  it('lets security import a feed and download an export, shows the matches, and says what is wrong with a bad feed', async () => {
    const t = await createTestApp()
    try {
      await addUser(t.services, 'security')
      const earlier = await importCase(t.services, person('P-1', 'Sam Ortiz', { person: { full_name: 'Sam Ortiz', email: 'p-1@example.org', phone: RING_PHONE } }))
      const { agent, csrf } = await signIn(t.app, 'security@example.test')
      const csv = 'type,value,first_seen,expires,comment\nphone,+1 646 555 0123,2026-10-01,,farm\nphone,12,2026-10-01,,\n'
      const up = await agent.post('/indicators/import').field('_csrf', csrf).field('source', 'Partner <b>ISAC</b>').attach('feed', Buffer.from(csv), 'feed.csv')
      expect([up.status, up.status === 303 ? '' : up.text.slice(0, 3000)]).toEqual([303, ''])
      await t.services.jobs.runUntilIdle()
      const page = await agent.get('/indicators')
      expect(page.text).toContain('1 added')
      expect(page.text).toContain('line 3')
      expect(page.text).toContain('Partner &lt;b&gt;ISAC&lt;/b&gt;')
      expect(page.text).not.toContain('<b>ISAC</b>')
      expect(page.text).toContain(`/cases/${earlier}?tab=findings`)
      const bad = await agent.post('/indicators/import').field('_csrf', csrf).attach('feed', Buffer.from('{"type": "bundle", '), 'feed.json')
      expect(bad.status).toBe(303)
      expect((await agent.get('/indicators')).text).toContain('not valid JSON')
      const exp = await agent.post('/indicators/export').type('form').send({ _csrf: csrf, format: 'stix', tlp: 'green' })
      expect(exp.status).toBe(200)
      expect(exp.headers['content-disposition']).toContain('.stix.json')
      expect(JSON.parse(exp.text)).toMatchObject({ type: 'bundle' })
      expect((await t.services.db('audit_events').where({ type: 'INDICATORS_EXPORTED' })).length).toBe(1)
    } finally {
      await t.close()
    }
  })
})

describe('security’s queue', () => {
  it('lists undecided cases matching a shared indicator, with what matched and the source', async () => {
    const t = await createTestApp()
    try {
      const user = await addUser(t.services, 'security')
      const ctx: ActorContext = { userId: user.id, role: 'security', requestId: null }
      const hit = await importCase(t.services, person('Q-1', 'Sam Ortiz', { person: { full_name: 'Sam Ortiz', email: 'q-1@example.org', phone: RING_PHONE } }))
      await t.services.indicators.importFeed(Buffer.from('type,value,first_seen,expires,comment\nphone,+1 646 555 0123,2026-10-01,,\n'), { source: 'Partner ISAC' }, ctx)
      await t.services.jobs.runUntilIdle()
      const { agent } = await signIn(t.app, 'security@example.test')
      const page = await agent.get('/')
      expect(page.text).toContain('Matches to confirmed and shared identifiers')
      expect(page.text).toContain(`/cases/${hit}?tab=findings`)
      expect(page.text).toContain('shared by Partner ISAC')
    } finally {
      await t.close()
    }
  })
})
