import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

describe('recording details on the case page', () => {
  let t: TestApp
  let caseId: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
    caseId = (await t.services.cases.create({ kind: 'contractor', fullName: 'Kevin Brandt', email: 'kb@example.com' }, systemActor())).id
  })
  afterAll(() => t.close())

  it('adds a freelancer profile with its photo, as a reviewer fact', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const form = await agent.get(`/cases/${caseId}/record/profile`)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Member since')
    const res = await agent
      .post(`/cases/${caseId}/record/profile`)
      .field('_csrf', csrf)
      .field('network', 'upwork')
      .field('url', 'https://www.upwork.com/freelancers/~01f00d')
      .field('created_at', '2026-05-02')
      .field('rating', '5.0')
      .field('reviews', '3')
      .field('hourly_rate_usd', '25')
      .field('country', 'us')
      .field('identity_verified', 'false')
      .attach('photo', PNG, { filename: 'kevin.png', contentType: 'image/png' })
    expect(res.status).toBe(303)
    const facts = await t.services.evidence.currentFacts(t.testDb.db, caseId)
    const profile = facts.find(f => f.field === 'profile')!
    expect(profile.source).toBe('reviewer')
    expect(JSON.parse(profile.value)).toMatchObject({ network: 'upwork', rating: 5, reviews: 3, hourly_rate_usd: 25, country: 'US', identity_verified: false, photo_document_id: expect.any(String) })
    const page = await agent.get(`/cases/${caseId}`)
    expect(page.text).toContain('entered on the case page (online or freelancer profile)')
    expect(page.text).toContain('kevin.png')
  })

  it('shows problems next to the fields and keeps what was typed', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent.post(`/cases/${caseId}/record/profile`).field('_csrf', csrf).field('network', 'upwork').field('rating', 'excellent').field('country', 'XX').field('username', 'kept_value')
    expect(res.status).toBe(400)
    expect(res.text).toContain('id="rating-error"')
    expect(res.text).toContain('id="country-error"')
    expect(res.text).toContain('value="kept_value"')
  })

  it('replaces payment details, keeping the earlier ones as history, and audits before → after', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    await agent.post(`/cases/${caseId}/record/payment`).field('_csrf', csrf).field('method', 'bank').field('account_holder', 'Kevin Brandt').field('bank_country', 'US')
    await agent.post(`/cases/${caseId}/record/payment`).field('_csrf', csrf).field('method', 'crypto').field('wallet_address', 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')
    const all = await t.testDb.db('facts').where({ case_id: caseId, field: 'payment' }).orderBy('id')
    expect(all).toHaveLength(2)
    expect(all[0].superseded_at).not.toBeNull()
    expect(JSON.parse(all[1].value)).toEqual({ method: 'crypto', wallet_address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' })
    const event = await t.testDb.db('audit_events').where({ case_id: caseId, type: 'CASE_FACTS_RECORDED' }).orderBy('id', 'desc').first()
    // The trail names the fields and hashes the values; the values themselves are kept for case readers.
    expect(JSON.parse(event.data)).toMatchObject({ section: 'payment', before: [{ field: 'payment', value: { method: expect.stringMatching(/^hmac:/) } }], after: [{ field: 'payment', value: { method: expect.stringMatching(/^hmac:/) } }] })
    expect((await t.services.auditTrail.values(event.id))?.values).toMatchObject({ section: 'payment', before: [{ field: 'payment', value: { method: 'bank' } }], after: [{ field: 'payment', value: { method: 'crypto' } }] })
    // the form starts from what is recorded now
    expect((await agent.get(`/cases/${caseId}/record/payment`)).text).toContain('value="TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"')
  })

  it('records structured interview observations, and the rules read them at once', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const form = await agent.get(`/cases/${caseId}/record/interview`)
    expect(form.text).toContain('Failed liveness prompts')
    const res = await agent.post(`/cases/${caseId}/record/interview`).field('_csrf', csrf).field('video', 'completed').field('observed', 'liveness_failed').field('observed', 'reading_answers').field('observations', 'Asked to wave; the face blurred')
    expect(res.status).toBe(303)
    const view = await t.services.cases.view(caseId, systemActor())
    const flagged = view.findings.filter(f => f.status === 'flag').map(f => f.rule_id)
    expect(flagged).toEqual(expect.arrayContaining(['interview-identity-doubt', 'interview-evasive']))
    const page = await agent.get(`/cases/${caseId}`)
    expect(page.text).toContain('Interview observations')
  })

  it('a shipping address changed after it was first given is a finding, with both addresses', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    await agent.post(`/cases/${caseId}/record/shipping`).field('_csrf', csrf).field('line1', '88 Hudson St').field('city', 'New York').field('postal_code', '10013').field('country', 'US')
    await agent.post(`/cases/${caseId}/record/shipping`).field('_csrf', csrf).field('line1', '7 Gateway Blvd Ste 200').field('city', 'Phoenix').field('postal_code', '85034').field('country', 'US')
    const view = await t.services.cases.view(caseId, systemActor())
    const change = view.findings.find(f => f.rule_id === 'logistics-address-change')!
    expect(change.status).toBe('flag')
    expect(change.message).toMatch(/changed from 88 Hudson St.*to 7 Gateway Blvd/)
  })

  it('edits person details and keeps search in step', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent.post(`/cases/${caseId}/record/person`).field('_csrf', csrf).field('full_name', 'Kevin A. Brandt').field('email', 'kevin.brandt@example.org').field('timezone', 'America/New_York').field('country', 'US')
    expect(res.status).toBe(303)
    expect((await agent.get('/cases?q=kevin.brandt%40example.org')).text).toContain('Kevin A. Brandt')
    expect((await agent.get('/cases?q=kb%40example.com')).text).toContain('No cases match')
  })
})
