import { AUDIT_EVENT_TYPES } from '../../../src/audit/auditEvents'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

/** The contents of every table cell of the audit table. */
const cellsOf = (html: string) => {
  const table = /<table class="govuk-table app-table-stack govuk-!-font-size-16" data-qa="audit-events">([\s\S]*?)<\/table>/.exec(html)
  if (!table) throw new Error('no audit table on the page')
  return [...table[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(m => m[1]!)
}

describe('the audit trail as people read it', () => {
  let t: TestApp
  const ids: string[] = []
  const refs: string[] = []
  let recruiterId: number

  beforeAll(async () => {
    t = await createTestApp()
    const recruiter = await addUser(t.services, 'recruiter')
    recruiterId = recruiter.id
    await addUser(t.services, 'security')
    await addUser(t.services, 'admin')
    const ctx = { userId: recruiter.id, role: 'recruiter' as const, requestId: 'seed' }
    for (const name of ['Avery Stone', 'Blake Moss', 'Casey Reed']) {
      const c = await t.services.cases.create({ kind: 'candidate', fullName: name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` }, ctx)
      ids.push(c.id)
      refs.push(c.reference)
    }
    await t.testDb.db.transaction(trx => t.services.checklists.ensure(trx, ids[0]!, ctx))
    const item = (await t.testDb.db('checklist_items').where({ case_id: ids[0] }).orderBy('id').first('id')) as { id: number }
    await t.services.checklists.assign(ids[0]!, item.id, { assigneeId: recruiter.id, dueDate: '2026-12-31' }, ctx)
    await t.services.checklists.act(ids[0]!, item.id, { action: 'done', note: 'Checked the ID on a live call' }, ctx)
  }, 60_000)
  afterAll(() => t.close())

  it('shows each event in words, with who, the case reference linked to the case, and the changed fields', async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    // The cases on a page are read in one query, whatever the number of rows.
    const caseQueries: string[] = []
    const listen = (q: { sql: string }) => {
      if (/\bfrom [`"]cases[`"]/i.test(q.sql)) caseQueries.push(q.sql)
    }
    t.testDb.db.on('query', listen)
    const page = await agent.get('/audit')
    t.testDb.db.off('query', listen)
    expect(page.status).toBe(200)
    expect(caseQueries).toHaveLength(1)

    for (const [i, ref] of refs.entries()) expect(page.text).toContain(`<a class="govuk-link govuk-!-text-break-word" href="/cases/${ids[i]}">${ref}</a>`)
    expect(page.text).toContain('Case created')
    expect(page.text).toContain('Checklist item assigned')
    expect(page.text).toContain('Test recruiter<br><span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">Recruiter</span>')
    // "field: before → after", the assignee by name, and a withheld note that changed said so without either value.
    expect(page.text).toMatch(/assignee:<\/span> none <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to<\/span> Test recruiter/)
    expect(page.text).toMatch(/status:<\/span> open <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to<\/span> done/)
    expect(page.text).toContain('note:</span> changed (values withheld)')

    const cells = cellsOf(page.text)
    expect(cells.length).toBeGreaterThan(20)
    for (const cell of cells) {
      expect(cell).not.toMatch(/[{}]|&#34;|hmac:/) // no raw JSON, no keyed hashes
      for (const code of AUDIT_EVENT_TYPES) expect(cell).not.toContain(code) // no codes
      expect(cell).not.toMatch(/>[0-9a-f]{8}</) // no cut-short ids
    }
    expect(page.text).not.toContain('Checked the ID on a live call') // the note itself stays out of the trail
  })

  it('keeps its filters working, by event name, case reference and person', async () => {
    const { agent } = await signIn(t.app, 'admin@example.test')
    const byType = await agent.get('/audit?type=CASE_CREATED').expect(200)
    expect(byType.text.match(/data-code="CASE_CREATED"/g)).toHaveLength(3)
    expect(byType.text).not.toContain('data-code="CHECKLIST_ITEM_ASSIGNED"')
    expect(byType.text).toContain('<option value="CASE_CREATED" selected>Case created</option>')
    const byCase = await agent.get(`/audit?case=${refs[1]}`).expect(200)
    expect(byCase.text).toContain(`>${refs[1]}</a>`)
    expect(byCase.text).not.toContain(`>${refs[0]}</a>`)
    const byPerson = await agent.get(`/audit?person=${recruiterId}&type=CHECKLIST_ITEM_ASSIGNED`).expect(200)
    expect(byPerson.text.match(/data-code="CHECKLIST_ITEM_ASSIGNED"/g)).toHaveLength(1)
    expect((await agent.get('/audit?type=NOT_AN_EVENT')).status).toBe(400)
  })

  it("opens one event with the same reading, its place in the chain and (for security) the withheld values", async () => {
    const { agent } = await signIn(t.app, 'security@example.test')
    const row = (await t.testDb.db('audit_events').where({ type: 'CHECKLIST_ITEM_UPDATED', case_id: ids[0] }).first('id', 'hash', 'prev_hash')) as { id: number; hash: string; prev_hash: string }
    const list = await agent.get('/audit?type=CHECKLIST_ITEM_UPDATED').expect(200)
    expect(list.text).toContain(`href="/audit/events/${row.id}">Checklist item updated</a>`)
    const page = await agent.get(`/audit/events/${row.id}`).expect(200)
    expect(page.text).toContain('<h1 class="govuk-heading-l">Checklist item updated</h1>')
    expect(page.text).toContain(`>${refs[0]}</a>`)
    expect(page.text).toContain('Test recruiter (Recruiter)')
    expect(page.text).toContain(`<code>${row.hash}</code>`)
    expect(page.text).toContain(`<code>${row.prev_hash}</code>`)
    expect(page.text).toContain('HMAC-SHA256 with the audit key')
    expect(page.text).toMatch(/note:<\/span> none <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to<\/span> Checked the ID on a live call/) // the values, as fields, for a role that reads cases
    expect(page.text).not.toMatch(/<pre|&#34;note&#34;/)
  })
})
