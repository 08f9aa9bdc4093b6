import crypto from 'node:crypto'
import type TestAgent from 'supertest/lib/agent'
import { caseDigest } from '../../../src/checklists/checklist'
import { readDocument } from '../../../src/extract/readDocument'
import { parseApplication } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

type Session = { agent: TestAgent; csrf: string }

describe('checklist, dispositions and four-eyes sign-off', () => {
  let t: TestApp
  let caseId: string
  const as: Record<string, Session> = {}
  const userId: Record<string, number> = {}

  beforeAll(async () => {
    t = await createTestApp()
    for (const [name, role] of [['recruiter', 'recruiter'], ['security', 'security'], ['manager', 'manager'], ['manager2', 'manager']] as const) {
      userId[name] = (await addUser(t.services, role, `${name}@example.test`)).id
      as[name] = await signIn(t.app, `${name}@example.test`)
    }
    const parsed = parseApplication({
      format: 'vetting/application@1', external_id: 'CHK-1', kind: 'candidate',
      person: { full_name: 'Maria Keller', email: 'maria.keller@example.org', address: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
      logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } },
    })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const outcome = await t.services.ingest.importApplication('chk.json', parsed.value, async () => ({ problem: 'none' }), systemActor())
    caseId = 'caseId' in outcome ? outcome.caseId : ''
  })
  afterAll(() => t.close())

  const post = (who: string, path: string, body: Record<string, string>) => as[who]!.agent.post(path).type('form').send({ _csrf: as[who]!.csrf, ...body })
  const items = () => t.services.db('checklist_items').where({ case_id: caseId }).orderBy('position') as Promise<Array<{ id: number; step_key: string; status: string; required: boolean | number; added_later: boolean | number }>>

  it('makes the checklist from the baseline and the findings when the case is opened', async () => {
    const page = await as.recruiter!.agent.get(`/cases/${caseId}`).expect(200)
    expect(page.text).toContain('Checklist')
    const keys = (await items()).map(i => i.step_key)
    expect(keys).toEqual(expect.arrayContaining(['baseline:liveness', 'baseline:ship-to-id-address']))
    expect(keys.some(k => k.startsWith('finding:logistics-mail-drop:'))).toBe(true)
  })

  it('assigns an item, with a notification and "my items" for the assignee', async () => {
    const liveness = (await items()).find(i => i.step_key === 'baseline:liveness')!
    await post('recruiter', `/cases/${caseId}/checklist/${liveness.id}/assign`, { assignee: String(userId.security), due: '2026-12-01' }).expect(303)
    expect((await as.security!.agent.get('/my-items').expect(200)).text).toContain('Run liveness prompts')
    expect((await as.security!.agent.get('/notifications').expect(200)).text).toContain('was assigned to you, due 2026-12-01')
  })

  it('keeps a file attached to a closed item by its SHA-256, for download', async () => {
    const item = (await items()).find(i => i.step_key === 'baseline:id-beside-face')!
    const shot = Buffer.from('snapshot of the ID beside the face')
    await as.recruiter!.agent.post(`/cases/${caseId}/checklist/${item.id}`).field('_csrf', as.recruiter!.csrf).field('action', 'done').field('note', 'ID held beside the face; photo matches').attach('file', shot, { filename: 'id-call.png', contentType: 'image/png' }).expect(303)
    const row = await t.services.db('checklist_items').where({ id: item.id }).first('status', 'file_name', 'file_sha256')
    expect(row).toMatchObject({ status: 'done', file_name: 'id-call.png', file_sha256: crypto.createHash('sha256').update(shot).digest('hex') })
    const download = await as.manager!.agent.get(`/cases/${caseId}/checklist/${item.id}/file`).expect(200)
    expect(download.headers['content-type']).toContain('application/octet-stream')
    // Without the token the upload is refused.
    await as.recruiter!.agent.post(`/cases/${caseId}/checklist/${item.id}`).field('action', 'reopen').expect(403)
  })

  it('refuses a manager completing an item, and a recruiter waiving one', async () => {
    const [first] = await items()
    await post('manager', `/cases/${caseId}/checklist/${first!.id}`, { action: 'done', note: 'looked at it' }).expect(403)
    await post('recruiter', `/cases/${caseId}/checklist/${first!.id}`, { action: 'waive', note: 'not needed' }).expect(403)
    await post('recruiter', `/cases/${caseId}/checklist/${first!.id}`, { action: 'done', note: '' }).expect(400)
  })

  it('turns a failed liveness check into a finding, whose steps are added as new', async () => {
    const liveness = (await items()).find(i => i.step_key === 'baseline:liveness')!
    await post('security', `/cases/${caseId}/checklist/${liveness.id}`, { action: 'failed', note: 'Face blurred when the hand passed in front of it' }).expect(303)
    const flag = await t.services.db('findings').where({ case_id: caseId, rule_id: 'interview-identity-doubt' }).whereNull('superseded_at').first('status')
    expect(flag.status).toBe('flag')
    const added = (await items()).filter(i => i.step_key.startsWith('finding:interview-identity-doubt:'))
    expect(added.length).toBeGreaterThan(0)
    expect(added.every(i => Boolean(i.added_later))).toBe(true)
  })

  it('will not let the case be decided while required items are open or serious findings lack a disposition', async () => {
    // Refused while items are open; sent with a reason instead, and still not decidable.
    await post('recruiter', `/cases/${caseId}/status`, { action: 'submit_for_review' }).expect(303)
    expect((await t.services.db('cases').where({ id: caseId }).first('status')).status).toBe('open')
    await post('recruiter', `/cases/${caseId}/status`, { action: 'submit_for_review', statement: 'The manager asked to see it before the interview' }).expect(303)
    const check = await as.manager!.agent.get(`/cases/${caseId}/signoff`).expect(200)
    expect(check.text).toContain('This case cannot be approved or rejected yet')
    await post('manager', `/cases/${caseId}/signoff`, { decision: 'approve', statement: 'Everything checks out as far as I can see' }).expect(409)
  })

  it('lets a manager decide once everything is closed, records a digest, notifies, and locks the case', async () => {
    await post('manager', `/cases/${caseId}/status`, { action: 'return_to_open' }).expect(403)
    for (const i of await items()) if (i.status === 'open' && i.required) await post('recruiter', `/cases/${caseId}/checklist/${i.id}`, { action: 'done', note: 'Checked on a live call with the ID' }).expect(303)
    for (const f of (await t.services.db('findings').where({ case_id: caseId, status: 'flag' }).whereNull('superseded_at').whereIn('severity', ['high', 'critical']).select('rule_id')) as Array<{ rule_id: string }>) {
      await post('recruiter', `/cases/${caseId}/dispositions`, { rule: f.rule_id, disposition: 'Asked the applicant; the explanation was checked against the ID address' }).expect(303)
    }
    // manager2 waives an optional item, so manager2 may not sign (four-eyes).
    const optional = (await items()).find(i => !i.required && i.status === 'open')!
    await post('manager2', `/cases/${caseId}/checklist/${optional.id}`, { action: 'waive', note: 'No public profiles to search' }).expect(303)
    expect((await as.manager2!.agent.get(`/cases/${caseId}/signoff`).expect(200)).text).toContain('another manager must decide it')
    await post('manager2', `/cases/${caseId}/signoff`, { decision: 'approve', statement: 'Approving this case after review' }).expect(403)

    const check = await as.manager!.agent.get(`/cases/${caseId}/signoff`).expect(200)
    expect(check.text).not.toContain('cannot be approved or rejected yet')
    await post('manager', `/cases/${caseId}/signoff`, { decision: 'reject', statement: 'x' }).expect(400)
    await post('manager', `/cases/${caseId}/signoff`, { decision: 'reject', statement: 'Liveness failed on camera; identity not established', confirm: 'yes' }).expect(303)

    const c = await t.services.db('cases').where({ id: caseId }).first('status')
    expect(c.status).toBe('rejected')
    const signed = await t.services.db('signoffs').where({ case_id: caseId }).first()
    expect(signed.digest).toBe(caseDigest(JSON.parse(signed.snapshot)))
    expect(JSON.parse(signed.snapshot)).toMatchObject({ decision: 'reject', case: { id: caseId } })
    expect(JSON.parse(signed.snapshot).findings.find((f: { rule: string }) => f.rule === 'interview-identity-doubt')).toMatchObject({ version: expect.any(Number) })
    expect((await as.security!.agent.get('/notifications').expect(200)).text).toContain('was rejected')

    // The report shows the decision and its digest.
    const report = await as.manager!.agent.get(`/cases/${caseId}/report.pdf`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => cb(null, Buffer.concat(chunks)))
    }).expect(200)
    const text = (await readDocument(report.body as Buffer)).pages.join('\n').replace(/\s+/g, ' ')
    expect(text).toContain('Decision: reject by manager@example.test')
    expect(text).toContain('Liveness failed on camera; identity not established')
    expect(text.replace(/ /g, '')).toContain(signed.digest)

    // Read-only now.
    const [first] = await items()
    await post('recruiter', `/cases/${caseId}/checklist/${first!.id}`, { action: 'reopen' }).expect(409)
    const page = await as.recruiter!.agent.get(`/cases/${caseId}?tab=checklist`).expect(200)
    expect(page.text).toContain(signed.digest)
    const event = await t.services.db('audit_events').where({ type: 'CASE_SIGNED_OFF', case_id: caseId }).first('data')
    expect(JSON.parse(event.data)).toMatchObject({ decision: 'reject', digest: signed.digest, before: { status: 'in_review' }, after: { status: 'rejected' } })
  })

  it('keeps the decided revision and its sign-off readable after reopening', async () => {
    await post('manager', `/cases/${caseId}/reopen`, { reason: 'short' }).expect(400)
    const reopened = await post('manager', `/cases/${caseId}/reopen`, { reason: 'New evidence from the employer' }).expect(303)
    const next = await t.services.db('cases').where({ previous_revision_id: caseId }).first('id', 'revision', 'status')
    expect(next).toMatchObject({ revision: 2, status: 'open' })
    expect(reopened.headers.location).toBe(`/cases/${next.id}?tab=checklist`)
    const old = await as.manager!.agent.get(`/cases/${caseId}?tab=checklist`).expect(200)
    expect(old.text).toContain('earlier revision')
    expect(old.text).toContain('Liveness failed on camera')
    expect(await t.services.db('signoffs').where({ case_id: caseId }).count({ n: '*' }).first()).toMatchObject({ n: expect.anything() })
  })
})
