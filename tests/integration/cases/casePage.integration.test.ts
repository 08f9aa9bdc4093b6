import type TestAgent from 'supertest/lib/agent'
import { parseApplication } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

type Session = { agent: TestAgent; csrf: string }

/** Issue 15: the case page in one screen (summary, one section per tab, forms back to their section) and the decision page. */
describe('the case page in one screen', () => {
  let t: TestApp
  let caseId: string
  const as: Record<string, Session> = {}

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'manager'] as const) {
      await addUser(t.services, role)
      as[role] = await signIn(t.app, `${role}@example.test`)
    }
    const parsed = parseApplication({
      format: 'vetting/application@1', external_id: 'ONE-1', kind: 'candidate',
      person: { full_name: 'Maria <b>Keller</b>', email: 'maria.keller@example.org', address: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
      logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } },
    })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const outcome = await t.services.ingest.importApplication('one.json', parsed.value, async () => ({ problem: 'none' }), systemActor())
    caseId = 'caseId' in outcome ? outcome.caseId : ''
  })
  afterAll(() => t.close())

  const post = (who: string, path: string, body: Record<string, string>) => as[who]!.agent.post(path).type('form').send({ _csrf: as[who]!.csrf, ...body })
  const items = () => t.services.db('checklist_items').where({ case_id: caseId }).orderBy('position') as Promise<Array<{ id: number; status: string; required: boolean | number }>>

  it('shows the summary and only the chosen section, with the tab marked current', async () => {
    const page = (await as.recruiter!.agent.get(`/cases/${caseId}`).expect(200)).text
    expect(page).toContain('data-qa="case-summary"')
    expect(page).toMatch(/<a class="govuk-tabs__tab" href="\/cases\/[^"]+" aria-current="page">Findings \(\d+\)<\/a>/)
    expect(page).toMatch(/<svg[^>]*role="img"[\s\S]*<title id="[^"]+">The strongest reasons for the score, in points<\/title>/)
    expect(page).not.toContain('data-qa="checklist-progress"')
    expect(page).not.toContain('Maria <b>Keller</b>')
    const checklist = (await as.recruiter!.agent.get(`/cases/${caseId}?tab=checklist`).expect(200)).text
    expect(checklist).toContain('data-qa="checklist-progress"')
    expect(checklist).toMatch(/aria-current="page">Checklist \(\d+ of \d+\)/)
    // An unknown section is the first one, not an error.
    expect((await as.recruiter!.agent.get(`/cases/${caseId}?tab=nope`).expect(200)).text).toMatch(/aria-current="page">Findings/)
  })

  it('lists the case’s own activity in words, without views', async () => {
    const page = (await as.recruiter!.agent.get(`/cases/${caseId}?tab=activity`).expect(200)).text
    expect(page).toContain('data-qa="activity"')
    expect(page).toContain('Imported the application')
    expect(page).toContain('Added checklist items')
    expect(page).not.toMatch(/CASE_VIEWED|CASE_IMPORTED/)
  })

  it('gives each role its next action at the top', async () => {
    const recruiter = (await as.recruiter!.agent.get(`/cases/${caseId}`)).text
    expect(recruiter).toMatch(/data-qa="send-for-review"[\s\S]*\d+ things are still open[\s\S]*Close the open items/)
    const manager = (await as.manager!.agent.get(`/cases/${caseId}`)).text
    expect(manager).toContain('Being prepared: it comes to a manager when it is sent for review.')
    expect(manager).not.toContain('data-qa="send-for-review"')
  })

  it('brings every form back to its own section', async () => {
    const [first] = await items()
    const done = await post('recruiter', `/cases/${caseId}/checklist/${first!.id}`, { action: 'done', note: 'Seen on a live call' }).expect(303)
    expect(done.headers.location).toBe(`/cases/${caseId}?tab=checklist`)
    const page = (await as.recruiter!.agent.get(done.headers.location!)).text
    // The message sits right under the summary, before the sections.
    expect(page.indexOf('Item marked done')).toBeGreaterThan(page.indexOf('data-qa="case-summary"'))
    expect(page.indexOf('Item marked done')).toBeLessThan(page.indexOf('data-qa="case-tabs"'))
    const assigned = await post('recruiter', `/cases/${caseId}/checklist/${(await items())[1]!.id}/assign`, { assignee: '', due: '' }).expect(303)
    expect(assigned.headers.location).toBe(`/cases/${caseId}?tab=checklist`)
    const rescored = await post('recruiter', `/cases/${caseId}/rescore`, {}).expect(303)
    expect(rescored.headers.location).toBe(`/cases/${caseId}`)
    const refused = await post('recruiter', `/cases/${caseId}/status`, { action: 'submit_for_review', tab: 'evidence' }).expect(303)
    expect(refused.headers.location).toBe(`/cases/${caseId}?tab=evidence&review=refused`)
    const noFile = await as.recruiter!.agent.post(`/cases/${caseId}/documents`).field('_csrf', as.recruiter!.csrf).field('kind', 'resume').expect(303)
    expect(noFile.headers.location).toBe(`/cases/${caseId}?tab=evidence`)
  })

  it('asks for "I understand" before signing, and once decided shows the decision read-only, with no escalate to be refused', async () => {
    for (const i of await items()) if (i.status === 'open' && i.required) await post('recruiter', `/cases/${caseId}/checklist/${i.id}`, { action: 'done', note: 'Checked on a live call with the ID' }).expect(303)
    for (const f of (await t.services.db('findings').where({ case_id: caseId, status: 'flag' }).whereNull('superseded_at').whereIn('severity', ['high', 'critical']).select('rule_id')) as Array<{ rule_id: string }>) {
      await post('recruiter', `/cases/${caseId}/dispositions`, { rule: f.rule_id, disposition: 'Asked the applicant; the explanation was checked against the ID address' }).expect(303)
    }
    await post('recruiter', `/cases/${caseId}/status`, { action: 'submit_for_review' }).expect(303)
    expect((await t.services.db('cases').where({ id: caseId }).first('status')).status).toBe('in_review')
    expect((await as.manager!.agent.get(`/cases/${caseId}`)).text).toMatch(/<a class="govuk-button[^"]*" href="\/cases\/[^"]+\/signoff">Decide this case<\/a>/)

    const form = (await as.manager!.agent.get(`/cases/${caseId}/signoff`).expect(200)).text
    expect(form).toContain('name="confirm"')
    const unconfirmed = await post('manager', `/cases/${caseId}/signoff`, { decision: 'reject', statement: 'Shipping to a mailbox the applicant could not explain' }).expect(303)
    expect(unconfirmed.headers.location).toBe(`/cases/${caseId}/signoff`)
    expect((await as.manager!.agent.get(`/cases/${caseId}/signoff`)).text).toContain('Nothing was signed')
    expect((await t.services.db('cases').where({ id: caseId }).first('status')).status).toBe('in_review')

    const signed = await post('manager', `/cases/${caseId}/signoff`, { decision: 'reject', statement: 'Shipping to a mailbox the applicant could not explain', confirm: 'yes' }).expect(303)
    expect(signed.headers.location).toBe(`/cases/${caseId}?tab=checklist`)
    // Going back to the decision page: the decision as signed, and the way back; nothing to press that would be refused.
    const after = (await as.manager!.agent.get(`/cases/${caseId}/signoff`).expect(200)).text
    expect(after).toContain('data-qa="signed-decision"')
    expect(after).toContain('Shipping to a mailbox the applicant could not explain')
    expect(after).not.toContain('decision-escalate')
    expect(after).not.toContain('Sign the decision')
    expect(after).toContain(`href="/cases/${caseId}?tab=checklist">Back to the case</a>`)
  })
})
