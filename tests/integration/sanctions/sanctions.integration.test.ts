import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importRefdataFile } from '../../../src/refdata/importRefdata'
import { loadReferenceData } from '../../../src/refdata/load'
import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}

const SHARED = path.resolve(__dirname, '../../../../shared/refdata')
const hasShared = fs.existsSync(SHARED)

describe('sanctions screening in the app', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'manager'] as const) await addUser(t.services, role)
  })
  afterAll(() => t.close())

  it('a listed wallet blocks sign-off until security clears it; the decision is audited', async () => {
    const recruiter = (await t.services.users.findByEmail('recruiter@example.test'))!
    const security = (await t.services.users.findByEmail('security@example.test'))!
    const manager = (await t.services.users.findByEmail('manager@example.test'))!
    const as = (u: typeof recruiter, id: string) => ({ userId: u.id, role: u.role, requestId: id })
    const app = application(({ format: 'vetting/application@1', external_id: 'SANC-1', kind: 'contractor', person: { full_name: 'Pat Doe' }, payment: { method: 'crypto', currency: 'USDT', wallet_address: '0xB6F5EC1A0A9CD1526536D3F0426C429529471F40' } }))
    const outcome = await t.services.ingest.importApplication('sanc.json', app, async () => ({ problem: 'none' }), as(recruiter, 'r1'))
    const caseId = 'caseId' in outcome ? outcome.caseId : ''
    const view = await t.services.cases.view(caseId, as(recruiter, 'r2'))
    const hit = view.findings.find(f => f.rule_id === 'sanctions-identifier-hit')!
    expect(hit.status).toBe('flag')
    expect(Boolean(hit.blocking)).toBe(true)
    expect(JSON.parse(hit.refdata)).toEqual({ sanctions: expect.stringContaining('built-in') })
    expect(view.case.risk_band).toBe('critical')

    // Sent with what is open (the hit is for security to clear): a reason is required and kept in the trail.
    await t.services.cases.transition(caseId, 'submit_for_review', as(recruiter, 'r3'), 'Sanctions hit: handing it to security and the manager')
    await expect(t.services.cases.transition(caseId, 'sign_off', as(manager, 'r4'))).rejects.toThrow(/blocked until a security reviewer clears: sanctions-identifier-hit/)

    // The queue shows it to security; a recruiter may not even see it.
    const sec = await signIn(t.app, 'security@example.test')
    const page = await sec.agent.get('/sanctions')
    expect(page.text).toContain('Pat Doe')
    expect(page.text).toContain('Blocks sign-off')
    const rec = await signIn(t.app, 'recruiter@example.test')
    expect((await rec.agent.get('/sanctions')).status).toBe(403)
    // Clearing cannot be undone: without the "I understand" box, or without a decision, it is refused on the queue itself.
    const form = { _csrf: sec.csrf, caseId, ruleId: 'sanctions-identifier-hit', decision: 'cleared', note: 'Exchange confirmed the wallet belongs to another customer' }
    const unconfirmed = await sec.agent.post('/sanctions/review').type('form').send(form)
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.text).toContain('govuk-error-summary')
    expect(unconfirmed.text).toContain('Tick &#34;I understand&#34; to record the decision')
    expect(unconfirmed.text).toContain('Exchange confirmed the wallet belongs to another customer') // what was typed is kept
    const undecided = await sec.agent.post('/sanctions/review').type('form').send({ ...form, decision: '', confirm: 'yes' })
    expect(undecided.status).toBe(400)
    expect(undecided.text).toContain('Choose whether this is the listed party or not')
    expect(await t.services.sanctions.queue({ openOnly: true })).toHaveLength(1)
    // No decision is chosen for the reviewer.
    expect(page.text).not.toMatch(/name="decision"[^>]*checked/)
    const posted = await sec.agent.post('/sanctions/review').type('form').send({ ...form, confirm: 'yes' })
    expect(posted.status).toBe(303)
    expect(posted.headers.location).toBe('/sanctions')
    // The result is shown on the queue, where the decision was made, and only there.
    const after = await sec.agent.get('/sanctions')
    expect(after.text).toMatch(/Decision recorded for VD-\d+ \(Pat Doe\): sanctions-identifier-hit cleared: not the listed party/)
    expect((await sec.agent.get('/sanctions')).text).not.toContain('Decision recorded')
    expect((await sec.agent.get('/cases')).text).not.toContain('Decision recorded')
    expect(await t.services.sanctions.queue({ openOnly: true })).toHaveLength(0)
    await t.services.cases.transition(caseId, 'sign_off', as(manager, 'r5'), 'Cleared by security')
    const events = await t.services.db('audit_events').where({ case_id: caseId, type: 'SANCTIONS_REVIEWED' })
    expect(events).toHaveLength(1)
    expect(security.role).toBe('security')
  })

  it('a name that only resembles a listed person is a lead that adds nothing to the score', async () => {
    const recruiter = (await t.services.users.findByEmail('recruiter@example.test'))!
    const app = application(({ format: 'vetting/application@1', external_id: 'SANC-2', person: { full_name: 'Kim Sang-man' } }))
    const outcome = await t.services.ingest.importApplication('lead.json', app, async () => ({ problem: 'none' }), { userId: recruiter.id, role: recruiter.role, requestId: 'x' })
    const view = await t.services.cases.view('caseId' in outcome ? outcome.caseId : '', { userId: recruiter.id, role: recruiter.role, requestId: 'y' })
    const lead = view.findings.find(f => f.rule_id === 'sanctions-person-lead')!
    expect(lead.status).toBe('flag')
    expect(lead.points).toBe(0)
    expect(Boolean(lead.blocking)).toBe(false)
    expect(view.case.risk_score).toBe(0)
  })
})

describe('vet refdata import on the real OFAC and X4BNet snapshots', () => {
  const run = hasShared ? it : it.skip
  run('loads sdn.csv, a wallet list and network lists, with versions, and screens against them fast', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-refdata-'))
    const sdn = importRefdataFile(dir, path.join(SHARED, 'ofac/sdn-2024-05-03.csv'))
    expect(sdn.entries).toBeGreaterThan(10_000)
    expect(sdn.version).toMatch(/^2024-05-03 \(sha256 [0-9a-f]{12}\)$/)
    importRefdataFile(dir, path.join(SHARED, 'ofac/digital-currency-addresses-2024-09-27/sanctioned_addresses_ETH.txt'))
    importRefdataFile(dir, path.join(SHARED, 'vpn-datacenter/input-datacenter-ASN.txt'))
    const cidrs = importRefdataFile(dir, path.join(SHARED, 'vpn-datacenter/output-vpn-ipv4.txt'))
    expect(cidrs).toMatchObject({ kind: 'cidrs', dataset: 'cidrs-vpn' })
    const ref = loadReferenceData(dir)
    expect(ref.version('sanctions')).toContain('SDN 2024-05-03')
    expect(ref.version('network-lists')).toContain('cidrs-vpn')
    // Real entries: the Lazarus Group's Ethereum address, a designated front company, a listed person.
    const hits = ref.sanctions.screen({
      personNames: [{ name: 'Kim Sang Man', where: 'a' }],
      organisations: [{ name: 'Yanbian Silverstar Network Technology Co Ltd', where: 'b' }],
      wallets: [{ value: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', where: 'c' }],
      emails: [], phones: [], websites: [],
    })
    expect(hits.map(h => h.kind).sort()).toEqual(['organisation', 'person', 'wallet'])
    expect(hits.find(h => h.kind === 'wallet')!.entry.name).toMatch(/LAZARUS/)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('rejects a file that is not a reference list, saying what it accepts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-refdata-'))
    const bad = path.join(dir, 'notes.txt')
    fs.writeFileSync(bad, 'hello\nworld\n')
    expect(() => importRefdataFile(dir, bad)).toThrow(/not a recognised list \(OFAC sdn.csv/)
    expect(fs.existsSync(path.join(dir, 'refdata', 'manifest.json'))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
