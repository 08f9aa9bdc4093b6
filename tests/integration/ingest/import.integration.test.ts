import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { findChainBreak } from '../../../src/audit/auditEvents'
import { collectApplications, filesFromZip, type InputFile } from '../../../src/ingest/collectApplications'
import { systemActor } from '../../../src/services/context'
import { createTestApp, type TestApp } from '../../support/appSetup'
import { makeDocx, makeDocxBomb, makePdf } from '../../support/documents'

const SHARED_EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'shared', 'formats', 'examples')
const json = (o: unknown) => Buffer.from(JSON.stringify(o))
const ctx = systemActor('test')

describe('importing applications', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const run = (files: InputFile[]) => t.services.ingest.importBatch(collectApplications(files), ctx)
  const count = async (table: string) => Number((await t.testDb.db(table).count({ n: '*' }).first())?.n)

  it('imports an application with its resume PDF, photo and sign-in log, with provenance', async () => {
    const pdf = await makePdf([['Ana Silva', 'ana@example.pt | +351 912 345 678', 'Experience', 'Data Engineer, Lusa Data (2018-01 to present)']], { Author: 'Ana' })
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const outcomes = await run([
      {
        path: 'ana/app.json',
        data: json({
          format: 'vetting/application@1',
          external_id: 'GH-1',
          source: 'Greenhouse',
          kind: 'contractor',
          person: { full_name: 'Ana Silva', email: 'ana@example.pt', address: { country: 'PT' } },
          documents: [{ type: 'resume', file: 'cv.pdf' }],
          profiles: [{ network: 'upwork', username: 'anas', photo: 'me.png' }],
          access_log: 'okta.csv',
        }),
      },
      { path: 'ana/cv.pdf', data: pdf },
      { path: 'ana/me.png', data: png },
      { path: 'ana/okta.csv', data: Buffer.from('published,actor.alternateId,client.ipAddress,client.userAgent.rawUserAgent,eventType\n2026-10-01T10:00:00Z,ana@example.pt,85.240.1.2,Mozilla,user.session.start\n2026-10-02T10:00:00Z,ana@example.pt,85.240.1.2,Mozilla,user.session.start\n') },
    ])
    expect(outcomes).toEqual([expect.objectContaining({ file: 'ana/app.json', outcome: 'created', reference: expect.stringMatching(/^VD-/) })])
    const caseId = (outcomes[0] as { caseId: string }).caseId
    const docs = await t.services.evidence.documentsOf(t.testDb.db, caseId)
    expect(docs.map(d => d.kind).sort()).toEqual(['access_log', 'application', 'photo', 'resume'])
    const facts = await t.services.evidence.currentFacts(t.testDb.db, caseId)
    const resumeEmail = facts.find(f => f.field === 'resume.email')!
    expect(resumeEmail).toMatchObject({ source: 'document', locator: 'line 2', document_id: docs.find(d => d.kind === 'resume')!.id })
    expect(JSON.parse(facts.find(f => f.field === 'resume.phone')!.value)).toMatchObject({ e164: '+351912345678', type: 'MOBILE' })
    expect(await t.services.evidence.accessEventCount(t.testDb.db, caseId)).toBe(2)
    const blob = await fs.promises.readdir(path.join(t.dataDir, 'blobs'))
    expect(blob.length).toBeGreaterThan(0)
    expect((await t.testDb.db('audit_events').where({ case_id: caseId, type: 'CASE_IMPORTED' })).length).toBe(1)
  }, 30_000)

  it('re-imports as unchanged, then as updated, never duplicating', async () => {
    const app = { format: 'vetting/application@1', external_id: 'LV-9', source: 'lever', person: { full_name: 'Kim Lee', email: 'kim@example.kr' } }
    const first = await run([{ path: 'kim.json', data: json(app) }])
    const again = await run([{ path: 'kim.json', data: json(app) }])
    const changed = await run([{ path: 'kim.json', data: json({ ...app, person: { ...app.person, phone: '+82 10 1234 5678' } }) }])
    expect([first[0]!.outcome, again[0]!.outcome, changed[0]!.outcome]).toEqual(['created', 'unchanged', 'updated'])
    const ids = new Set([first, again, changed].map(o => (o[0] as { caseId: string }).caseId))
    expect(ids.size).toBe(1)
    const caseId = [...ids][0]!
    const all = await t.testDb.db('facts').where({ case_id: caseId })
    expect(all.filter(f => f.superseded_at).length).toBeGreaterThan(0)
    expect((await t.services.evidence.currentFacts(t.testDb.db, caseId)).some(f => f.field === 'person.phone')).toBe(true)
  })

  it('rejects an application whose referenced file is broken, writing nothing, and imports its neighbours', async () => {
    const before = { cases: await count('cases'), facts: await count('facts'), documents: await count('documents') }
    const outcomes = await run([
      { path: 'bad/app.json', data: json({ format: 'vetting/application@1', external_id: 'B-1', person: { full_name: 'Broken Doc' }, documents: [{ file: 'cv.pdf' }] }) },
      { path: 'bad/cv.pdf', data: (await makePdf([['Broken Doc']])).subarray(0, 200) },
      { path: 'missing/app.json', data: json({ format: 'vetting/application@1', external_id: 'B-2', documents: [{ file: 'nowhere.pdf' }] }) },
      { path: 'escape/app.json', data: json({ format: 'vetting/application@1', external_id: 'B-3', access_log: '../bad/cv.pdf' }) },
      { path: 'bomb/app.json', data: json({ format: 'vetting/application@1', external_id: 'B-4', documents: [{ file: 'cv.docx' }] }) },
      { path: 'bomb/cv.docx', data: await makeDocxBomb(300) },
      { path: 'good/cv.docx', data: await makeDocx(['Jonas Weber', 'jonas@example.de']) },
    ])
    const byFile = Object.fromEntries(outcomes.map(o => [o.file, o]))
    expect(byFile['bad/app.json']).toMatchObject({ outcome: 'rejected', reason: 'cv.pdf: this PDF cannot be read: the file is damaged or truncated' })
    expect(byFile['missing/app.json']).toMatchObject({ outcome: 'rejected', reason: 'documents[0].file: "nowhere.pdf" was not found beside app.json' })
    expect(byFile['escape/app.json']).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('points outside') })
    expect(byFile['bomb/app.json']).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/decompression bomb|unpacked/) })
    expect(byFile['good/cv.docx']).toMatchObject({ outcome: 'created' })
    expect(await count('cases')).toBe(before.cases + 1)
  }, 30_000)

  it('writes a batch together, handles repeats inside it, and keeps the audit chain whole', async () => {
    const files: InputFile[] = []
    for (let i = 0; i < 25; i++) files.push({ path: `b${i}.json`, data: json({ format: 'vetting/application@1', external_id: `BATCH-${i}`, source: 'bulk', person: { full_name: `Batch Person ${i}` } }) })
    // the same application twice in one import, the second time changed
    files.push({ path: 'dup-a.json', data: json({ format: 'vetting/application@1', external_id: 'DUP', source: 'bulk', person: { full_name: 'Dup One' } }) })
    files.push({ path: 'dup-b.json', data: json({ format: 'vetting/application@1', external_id: 'DUP', source: 'bulk', person: { full_name: 'Dup One', email: 'dup@example.test' } }) })
    const outcomes = await t.services.ingest.importBatch(collectApplications(files), ctx, undefined, 10)
    const by = Object.fromEntries(outcomes.map(o => [o.file, o.outcome]))
    expect(Object.values(by).filter(o => o === 'created')).toHaveLength(26)
    expect(by['dup-b.json']).toBe('updated')
    expect((await t.testDb.db('cases').where({ external_id: 'DUP' })).length).toBe(1)
    const rows = await t.testDb.db('audit_events').orderBy('id')
    expect(findChainBreak(rows, { key: t.services.audit.auditKey() })).toBeNull()
    const refs = (await t.testDb.db('cases').pluck('reference')) as string[]
    expect(new Set(refs).size).toBe(refs.length)
  })

  const sharedIt = fs.existsSync(SHARED_EXAMPLES) ? it : it.skip
  sharedIt('imports the shared examples from a ZIP', async () => {
    const zip = new JSZip()
    for (const f of fs.readdirSync(SHARED_EXAMPLES)) zip.file(`examples/${f}`, fs.readFileSync(path.join(SHARED_EXAMPLES, f)))
    const files = await filesFromZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    const outcomes = await run(files)
    expect(outcomes.map(o => o.outcome).sort()).toEqual(['created', 'created', 'created'])
  })
})
