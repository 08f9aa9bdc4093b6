import type { Knex } from 'knex'
import request from 'supertest'
import { createKnex } from '../../../src/db/knex'
import { collectApplications, type InputFile } from '../../../src/ingest/collectApplications'
import { createServices, type Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, type TestApp } from '../../support/appSetup'
import { generateResume } from '../../support/resumeGenerator'

/**
 * The same application arriving several times at once (parallel API calls, two instances importing the
 * same files) makes one case; the losers answer unchanged or updated, never a 5xx. Runs on SQLite and,
 * with DATABASE_URL, on PostgreSQL.
 */
describe('idempotent intake under concurrency', () => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await createTestApp()
    const recruiter = await addUser(t.services, 'recruiter')
    token = await t.services.apiTokens.issue(recruiter.id, 'ATS', systemActor())
  }, 60_000)
  afterAll(() => t.close())

  const post = (body: unknown) => request(t.app).post('/api/applications').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(JSON.stringify(body))
  const casesWhere = async (where: Record<string, unknown>) => Number((await t.testDb.db('cases').where({ ...where, is_current: true }).count({ n: '*' }).first())?.n)

  it('8 parallel posts of one application without an external id make one case; the others are unchanged', async () => {
    const app = { format: 'vetting/application@1', source: 'careers-page', person: { full_name: 'Parallel Without Id', email: 'parallel.noid@example.test' } }
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(app)))
    for (const r of responses) expect(r.headers['content-type']).toMatch(/^application\/json/)
    expect(responses.map(r => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
    expect(responses.filter(r => r.status === 200).every(r => r.body.outcome === 'unchanged')).toBe(true)
    expect(new Set(responses.map(r => r.body.id)).size).toBe(1)
    expect(Number((await t.testDb.db('subjects').where({ email: 'parallel.noid@example.test' }).count({ n: '*' }).first())?.n)).toBe(1)
  }, 60_000)

  it('12 parallel posts with one external id (some changed) make one case, all answered in JSON', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post({ format: 'vetting/application@1', external_id: 'RACE-12', source: 'greenhouse', role: `Engineer ${i % 3}`, person: { full_name: 'Twelve Times', email: 'twelve@example.test' } })),
    )
    for (const r of responses) {
      expect(r.headers['content-type']).toMatch(/^application\/json/)
      expect(r.status).toBeLessThan(500)
    }
    expect(responses.filter(r => r.status === 201)).toHaveLength(1)
    expect(responses.every(r => ['created', 'updated', 'unchanged'].includes(r.body.outcome))).toBe(true)
    expect(new Set(responses.map(r => r.body.id)).size).toBe(1)
    expect(await casesWhere({ source: 'greenhouse', external_id: 'RACE-12' })).toBe(1)
  }, 60_000)

  it('two background import jobs of the same ATS export (rows without ids) at once make each case once', async () => {
    const rows = ['first_name,last_name,email']
    for (let i = 0; i < 30; i++) rows.push(`Job,Person${i},job${i}@example.test`)
    const csv = { name: 'ats-export.csv', data: Buffer.from(`${rows.join('\n')}\n`) }
    const ctx = systemActor('test')
    const ids = await Promise.all([t.services.imports.start([csv], ctx), t.services.imports.start([csv], ctx)])
    const jobs = await Promise.all(ids.map(id => t.services.imports.waitFor(id)))
    for (const job of jobs) expect(job).toMatchObject({ status: 'done', rejected: 0 })
    expect(jobs[0]!.created + jobs[1]!.created).toBe(30)
    expect(jobs[0]!.unchanged + jobs[1]!.unchanged + jobs[0]!.updated + jobs[1]!.updated).toBe(30)
    expect(Number((await t.testDb.db('subjects').where('email', 'like', 'job%@example.test').count({ n: '*' }).first())?.n)).toBe(30)
  }, 120_000)

  it('two instances (separate connection pools) importing the same 60 resumes and an ATS export at once make each case once', async () => {
    const db2 = await secondPool(t.testDb.db)
    const other: Services = createServices(db2, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir: t.dataDir })
    try {
      const files: InputFile[] = []
      for (let i = 0; i < 60; i++) files.push({ path: `resumes/r${i}.txt`, data: Buffer.from(`${generateResume(7000 + i).lines.join('\n')}\n`) })
      const rows = ['candidate_id,first_name,last_name,email']
      for (let i = 0; i < 20; i++) rows.push(`ATS-${i},Row,Person${i},row${i}@example.test`)
      files.push({ path: 'export.csv', data: Buffer.from(`${rows.join('\n')}\n`) })
      const before = Number((await t.testDb.db('cases').count({ n: '*' }).first())?.n)
      // Each instance reads the files itself, then both write at the same moment.
      const ctx = systemActor('test')
      const [a, b] = await Promise.all([t.services.ingest.importBatch(collectApplications(files), ctx, undefined, 40), other.ingest.importBatch(collectApplications(files), ctx, undefined, 40)])
      for (const outcomes of [a, b]) expect(outcomes.filter(o => o.outcome === 'rejected')).toEqual([])
      const created = [...a, ...b].filter(o => o.outcome === 'created').length
      expect(created).toBe(80)
      expect(Number((await t.testDb.db('cases').count({ n: '*' }).first())?.n)).toBe(before + 80)
      // every application ends on the same case in both instances
      const caseOf = (outcomes: typeof a) => new Map(outcomes.map(o => [o.file, o.outcome === 'rejected' ? null : o.caseId]))
      const ofA = caseOf(a)
      for (const [file, id] of caseOf(b)) expect(ofA.get(file)).toBe(id)
    } finally {
      await other.close()
      await db2.destroy()
    }
  }, 180_000)
})

/** A second pool on the same database: what another server instance would open. */
async function secondPool(db: Knex): Promise<Knex> {
  if (process.env.DATABASE_URL) {
    const schema = ((await db.raw('SELECT current_schema() AS s')) as { rows: Array<{ s: string }> }).rows[0]!.s
    return createKnex({ databaseUrl: process.env.DATABASE_URL, pgSchema: schema })
  }
  return createKnex({ sqliteFile: (db.client.config.connection as { filename: string }).filename })
}
