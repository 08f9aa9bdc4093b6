import type TestAgent from 'supertest/lib/agent'
import { collectApplications, type InputFile } from '../../../src/ingest/collectApplications'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

/**
 * Evidence belongs to the subject (issue 14 part 7): a sign-in log whose accounts are none of the person's
 * known emails or usernames is kept but not scored until someone confirms it is theirs; the same on the
 * case page and through imports.
 */
const ctx = systemActor('test')
const json = (o: unknown) => Buffer.from(JSON.stringify(o))
/** A log whose every sign-in goes through remote-control software: scored, it flags network-remote-access-tool. */
const remoteLog = (...accounts: string[]) =>
  Buffer.from(
    ['timestamp,account,ip,user_agent,event', ...accounts.flatMap((a, i) => [`2026-10-0${i + 1}T10:00:00Z,${a},198.51.100.7,AnyDesk/8.0.14,remote_session`, `2026-10-0${i + 1}T11:00:00Z,${a},198.51.100.7,TeamViewer 15,remote_session`])].join('\n') + '\n',
  )
const application = (externalId: string, email: string, log?: string) => ({
  format: 'vetting/application@1',
  external_id: externalId,
  source: 'Greenhouse',
  kind: 'contractor',
  person: { full_name: `Person ${externalId}`, email, address: { country: 'US' } },
  ...(log ? { access_log: log } : {}),
})

describe('a sign-in log belongs to the person it is about', () => {
  let t: TestApp
  let agent: TestAgent
  let csrf: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    ;({ agent, csrf } = await signIn(t.app, 'recruiter@example.test'))
  })
  afterAll(() => t.close())

  const db = () => t.testDb.db
  const importOne = async (files: InputFile[]) => (await t.services.ingest.importBatch(collectApplications(files), ctx)).map(o => ('caseId' in o ? o.caseId : ''))
  const scoreOf = async (caseId: string) => (await db()('cases').where({ id: caseId }).first('risk_score')).risk_score as number
  const remoteFlag = async (caseId: string) => (await db()('findings').where({ case_id: caseId, rule_id: 'network-remote-access-tool' }).whereNull('superseded_at').first('status'))?.status as string | undefined
  const logOf = async (caseId: string) => (await db()('documents').where({ case_id: caseId, kind: 'access_log' }).first('id', 'confirmation_state', 'confirmed_accounts')) as { id: string; confirmation_state: string | null; confirmed_accounts: string | null }
  const upload = (caseId: string, log: Buffer) => agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'access_log').attach('file', log, { filename: 'signins.csv', contentType: 'text/csv' }).expect(303)
  const page = async (caseId: string) => (await agent.get(`/cases/${caseId}?tab=evidence`).expect(200)).text
  const newCase = async (id: string, email: string) => (await importOne([{ path: `${id}/app.json`, data: json(application(id, email)) }]))[0]!

  it("holds another person's log: the score is unchanged and the case page asks whose it is", async () => {
    const caseId = await newCase('EV-1', 'dana.whitfield@example.org')
    const before = await scoreOf(caseId)
    const res = await upload(caseId, remoteLog('kevin.oneill@contoso.example'))
    expect(res.headers.location).toBe(`/cases/${caseId}?tab=evidence`)
    expect(await scoreOf(caseId)).toBe(before)
    expect(await remoteFlag(caseId)).toBe('not_applicable')
    expect((await logOf(caseId)).confirmation_state).toBe('held')
    const html = await page(caseId)
    expect(html).toContain('not scored')
    expect(html).toContain("this log is for <strong>kevin.oneill@contoso.example</strong>; is it this person's account?")
    expect(html).toMatch(/action="\/cases\/[^"]+\/documents\/[^"]+\/confirm"/)
    // Scoring again by hand does not read it either.
    await agent.post(`/cases/${caseId}/rescore`).type('form').send({ _csrf: csrf }).expect(303)
    expect(await remoteFlag(caseId)).toBe('not_applicable')
  })

  it('scores a held log once someone confirms it, and audits who did', async () => {
    const caseId = await newCase('EV-2', 'dana.w@example.org')
    const before = await scoreOf(caseId)
    await upload(caseId, remoteLog('dw-work@corp.example'))
    const { id } = await logOf(caseId)
    await agent.post(`/cases/${caseId}/documents/${id}/confirm`).type('form').send({ _csrf: csrf, accounts: 'dw-work@corp.example' }).expect(303)
    expect(await logOf(caseId)).toMatchObject({ confirmation_state: 'confirmed', confirmed_accounts: JSON.stringify(['dw-work@corp.example']) })
    expect(await remoteFlag(caseId)).toBe('flag')
    expect(await scoreOf(caseId)).toBeGreaterThan(before)
    expect(await db()('audit_events').where({ case_id: caseId, type: 'SIGN_IN_LOG_CONFIRMED' }).first('id')).toBeDefined()
    expect(await page(caseId)).not.toContain('data-qa="held-log"')
  })

  it('keeps a discarded log unscored, and refuses to confirm it afterwards', async () => {
    const caseId = await newCase('EV-3', 'sam.r@example.org')
    const before = await scoreOf(caseId)
    await upload(caseId, remoteLog('kevin.oneill@contoso.example'))
    const { id } = await logOf(caseId)
    await agent.post(`/cases/${caseId}/documents/${id}/discard`).type('form').send({ _csrf: csrf }).expect(303)
    expect((await logOf(caseId)).confirmation_state).toBe('discarded')
    expect(await scoreOf(caseId)).toBe(before)
    expect(await remoteFlag(caseId)).toBe('not_applicable')
    expect(await db()('audit_events').where({ case_id: caseId, type: 'SIGN_IN_LOG_DISCARDED' }).first('id')).toBeDefined()
    await agent.post(`/cases/${caseId}/documents/${id}/confirm`).type('form').send({ _csrf: csrf, accounts: 'kevin.oneill@contoso.example' }).expect(404)
    expect(await remoteFlag(caseId)).toBe('not_applicable')
  })

  it('scores a log of the person’s own account at once', async () => {
    const caseId = await newCase('EV-4', 'lee.k@example.org')
    await upload(caseId, remoteLog('Lee.K@example.org'))
    expect((await logOf(caseId)).confirmation_state).toBe('matched')
    expect(await remoteFlag(caseId)).toBe('flag')
    expect(await page(caseId)).not.toContain('data-qa="held-log"')
  })

  it('asks which accounts are the person’s when a held log names several, and needs at least one', async () => {
    const caseId = await newCase('EV-5', 'ana.p@example.org')
    await upload(caseId, remoteLog('ops1@farm.example', 'ops2@farm.example'))
    const html = await page(caseId)
    expect(html).toContain('this log names 2 accounts')
    expect(html).toContain('type="checkbox"')
    const { id } = await logOf(caseId)
    await agent.post(`/cases/${caseId}/documents/${id}/confirm`).type('form').send({ _csrf: csrf }).expect(400)
    expect(await remoteFlag(caseId)).toBe('not_applicable')
    await agent.post(`/cases/${caseId}/documents/${id}/confirm`).type('form').send({ _csrf: csrf, accounts: ['ops2@farm.example', 'not-in-the-log@example.org'] }).expect(303)
    expect((await logOf(caseId)).confirmed_accounts).toBe(JSON.stringify(['ops2@farm.example']))
    expect(await remoteFlag(caseId)).toBe('flag')
  })

  it('refuses the confirm and discard forms without the CSRF token', async () => {
    const caseId = await newCase('EV-6', 'csrf@example.org')
    await upload(caseId, remoteLog('kevin.oneill@contoso.example'))
    const { id } = await logOf(caseId)
    await agent.post(`/cases/${caseId}/documents/${id}/confirm`).type('form').send({ accounts: 'kevin.oneill@contoso.example' }).expect(403)
    await agent.post(`/cases/${caseId}/documents/${id}/discard`).type('form').send({}).expect(403)
    expect((await logOf(caseId)).confirmation_state).toBe('held')
  })

  it.each([
    ['one application (one transaction)', 1],
    ['several at once (the bulk path)', 2],
  ])('imports an application JSON whose access_log is another person’s the same way: %s', async (_label, n) => {
    const files: InputFile[] = []
    for (let i = 0; i < n; i++) {
      files.push({ path: `imp${n}-${i}/app.json`, data: json(application(`IMP-${n}-${i}`, `imp${n}.${i}@example.org`, 'log.csv')) })
      files.push({ path: `imp${n}-${i}/log.csv`, data: remoteLog('kevin.oneill@contoso.example') })
    }
    files.push({ path: `own${n}/app.json`, data: json(application(`OWN-${n}`, `own${n}@example.org`, 'log.csv')) }, { path: `own${n}/log.csv`, data: remoteLog(`own${n}@example.org`) })
    const ids = await importOne(files)
    const own = ids.pop()!
    for (const id of ids) {
      expect((await logOf(id)).confirmation_state).toBe('held')
      expect(await remoteFlag(id)).toBe('not_applicable')
      expect(await page(id)).toContain('data-qa="held-log"')
    }
    expect((await logOf(own)).confirmation_state).toBe('matched')
    expect(await remoteFlag(own)).toBe('flag')
  })
})
