import crypto from 'node:crypto'
import { addUser } from '../../support/appSetup'
import { as, createSharedDatabase, decide, importCase, ringMember, type Instance, type SharedDatabase } from './support'

/**
 * Issue 13, probe item 5: the database's backstop also refuses deleting a decided case's facts, findings,
 * checklist items, dispositions and sanctions reviews, any change to its documents and sign-in events,
 * and deleting a link either end of which is decided. An open case's rows stay free to change.
 */
describe('the frozen triggers cover deletes, documents, sign-in events and links', () => {
  let shared: SharedDatabase
  let i: Instance
  let decided: string
  let open: string
  let users: { recruiter: number; manager: number; security: number }
  const now = new Date().toISOString()

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    users = { recruiter: (await addUser(i.services, 'recruiter')).id, manager: (await addUser(i.services, 'manager')).id, security: (await addUser(i.services, 'security')).id }
    open = await importCase(i.services, ringMember('TR-1', 'Maria Lindqvist'))
    decided = await importCase(i.services, ringMember('TR-20', 'Kevin Brandt'))
    await decide(i.services, decided, 'approve', as(users.recruiter, 'recruiter'), as(users.manager, 'manager'))
  })
  afterAll(() => shared.close())

  const documentRow = (caseId: string, sha: string) => ({
    id: crypto.randomUUID(), case_id: caseId, sha256: sha, size_bytes: 3, media_type: 'text/csv', kind: 'access_log', original_name: 'log.csv',
    metadata: '{}', extracted_text: null, warnings: '[]', uploaded_by: users.recruiter, uploaded_at: now,
  })
  const eventRow = (caseId: string, documentId: string) => ({ case_id: caseId, document_id: documentId, occurred_at: now, account: 'a', ip: '203.0.113.9', user_agent: 'x', event: 'login' })

  it('refuses each change on a decided case', async () => {
    const doc = (await i.db('documents').where({ case_id: decided }).first('id')) as { id: string } | undefined
    const links = (await i.db('links').where({ case_a: decided }).orWhere({ case_b: decided }).count({ n: '*' }).first()) as { n: number | string }
    expect(Number(links.n)).toBeGreaterThan(0)
    expect(await i.db('checklist_items').where({ case_id: decided }).first('id')).toBeDefined()
    expect(await i.db('finding_dispositions').where({ case_id: decided }).first('id')).toBeDefined()
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['facts delete', () => i.db('facts').where({ case_id: decided }).delete()],
      ['findings delete', () => i.db('findings').where({ case_id: decided }).delete()],
      ['checklist delete', () => i.db('checklist_items').where({ case_id: decided }).delete()],
      ['dispositions delete', () => i.db('finding_dispositions').where({ case_id: decided }).delete()],
      ['documents insert', () => i.db('documents').insert(documentRow(decided, 'a'.repeat(64)))],
      ['links delete', () => i.db('links').where({ case_a: decided }).orWhere({ case_b: decided }).delete()],
    ]
    if (doc) {
      attempts.push(['documents update', () => i.db('documents').where({ id: doc.id }).update({ original_name: 'renamed.txt' })])
      attempts.push(['documents delete', () => i.db('documents').where({ id: doc.id }).delete()])
      attempts.push(['access events insert', () => i.db('access_events').insert(eventRow(decided, doc.id))])
    }
    // Dispositions and sanctions reviews are append-only as well: PostgreSQL may name that refusal first.
    for (const [what, attempt] of attempts) await expect(attempt().then(() => what)).rejects.toThrow(/(dispositions|sanctions review) delete/.test(what) ? /decided case cannot change|is append-only/ : /decided case cannot change/)
  })

  it('refuses sanctions reviews deletes and sign-in event updates and deletes on a decided case', async () => {
    // Rows made while open, then the case decided: the rows a decision rests on.
    const caseId = await importCase(i.services, ringMember('TR-300', 'Dana Whitfield'))
    const doc = documentRow(caseId, 'b'.repeat(64))
    await i.db('documents').insert(doc)
    await i.db('access_events').insert(eventRow(caseId, doc.id))
    const bare = documentRow(caseId, 'd'.repeat(64))
    await i.db('documents').insert(bare)
    await i.db('sanctions_reviews').insert({ case_id: caseId, rule_id: 'sanctions-identifier-hit', entry_uid: 'x', value: 'x', decision: 'cleared', note: 'compared with the ID', reviewer_id: users.security, created_at: now })
    await decide(i.services, caseId, 'reject', as(users.recruiter, 'recruiter'), as(users.manager, 'manager'))
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['sanctions review delete', () => i.db('sanctions_reviews').where({ case_id: caseId }).delete()],
      ['access events update', () => i.db('access_events').where({ case_id: caseId }).update({ account: 'someone else' })],
      ['access events delete', () => i.db('access_events').where({ case_id: caseId }).delete()],
      ['documents update', () => i.db('documents').where({ id: doc.id }).update({ original_name: 'renamed.csv' })],
      ['documents delete', () => i.db('documents').where({ id: bare.id }).delete()],
    ]
    // Dispositions and sanctions reviews are append-only as well: PostgreSQL may name that refusal first.
    for (const [what, attempt] of attempts) await expect(attempt().then(() => what)).rejects.toThrow(/(dispositions|sanctions review) delete/.test(what) ? /decided case cannot change|is append-only/ : /decided case cannot change/)
    expect(Number(((await i.db('access_events').where({ case_id: caseId }).count({ n: '*' }).first()) as { n: number | string }).n)).toBe(1)
  })

  it('leaves an open case’s rows free to change', async () => {
    const doc = documentRow(open, 'c'.repeat(64))
    await i.db('documents').insert(doc)
    await i.db('access_events').insert(eventRow(open, doc.id))
    await i.db('access_events').where({ case_id: open }).update({ account: 'b' })
    await i.db('access_events').where({ case_id: open }).delete()
    await i.db('documents').where({ id: doc.id }).update({ original_name: 'renamed.csv' })
    await i.db('documents').where({ id: doc.id }).delete()
  })
})
