import fs from 'node:fs'
import path from 'node:path'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { systemActor } from '../../../src/services/context'

/** Issue 16: how an import on the durable queue ends when it cannot finish, and what start-up clears. */
describe('import jobs that cannot finish', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
  })
  afterAll(() => t.close())

  const application = (id: string) => ({ name: `${id}.json`, data: Buffer.from(JSON.stringify({ format: 'vetting/application@1', external_id: id, source: 'states', person: { full_name: 'State Person', email: `${id.toLowerCase()}@example.test` } })) })
  const importsDir = () => path.join(t.dataDir, 'imports')

  it('an import whose durable job is dead shows as stopped, with the error, on the imports pages', async () => {
    const id = await t.services.imports.enqueue([application('DEAD-1')], systemActor())
    const row = await t.services.imports.get(id)
    expect(row.status).toBe('queued')
    await t.testDb.db('jobs').where({ id: row.job_id! }).update({ status: 'dead', last_error: 'the database refused the batch' })
    expect(await t.services.imports.get(id)).toMatchObject({ status: 'failed', error: 'the import stopped: the database refused the batch' })
    const { agent } = await signIn(t.app, 'security@example.test')
    const status = (await agent.get(`/imports/${id}/status`)).body as { status: string; statusLabel: string; error: string }
    expect(status).toMatchObject({ status: 'failed', statusLabel: 'Stopped', error: 'the import stopped: the database refused the batch' })
    const page = await agent.get('/imports')
    expect(page.text).toContain('Stopped')
  })

  it('an import whose uploads are gone fails with a reason instead of retrying, and its job is done', async () => {
    const id = await t.services.imports.enqueue([application('GONE-1')], systemActor())
    fs.rmSync(path.join(importsDir(), id), { recursive: true, force: true })
    const row = await t.services.imports.waitFor(id)
    expect(row.status).toBe('failed')
    expect(row.error).toMatch(/^the uploaded files are gone/)
    expect((await t.services.jobs.find(row.job_id!))!.status).toBe('done')
  })

  it('start-up fails imports from before the queue and deletes uploads nothing will read; queued imports keep theirs', async () => {
    const now = new Date().toISOString()
    await t.testDb.db('import_jobs').insert({ id: '00000000-0000-4000-8000-000000000001', job_id: null, status: 'running', created_by: null, created_at: now, started_at: now, finished_at: null, total: 3, processed: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, current_file: null, report: '[]', error: null })
    const done = await t.services.imports.start([application('DONE-1')], systemActor())
    await t.services.imports.waitFor(done)
    const queued = await t.services.imports.enqueue([application('WAIT-1')], systemActor())
    // a finished import whose process died before deleting its uploads, and an old directory no import names
    fs.mkdirSync(path.join(importsDir(), done), { mode: 0o700 })
    const stray = path.join(importsDir(), '00000000-0000-4000-8000-0000000000ff')
    fs.mkdirSync(stray, { mode: 0o700 })
    const longAgo = new Date(Date.now() - 2 * 60 * 60_000)
    fs.utimesSync(stray, longAgo, longAgo)
    const fresh = path.join(importsDir(), '00000000-0000-4000-8000-0000000000fe')
    fs.mkdirSync(fresh, { mode: 0o700 })

    expect(await t.services.imports.failInterrupted()).toBe(1)
    expect((await t.services.imports.get('00000000-0000-4000-8000-000000000001')).status).toBe('failed')
    expect(fs.existsSync(path.join(importsDir(), done))).toBe(false)
    expect(fs.existsSync(stray)).toBe(false)
    expect(fs.existsSync(fresh)).toBe(true) // perhaps an import being recorded right now
    expect(fs.existsSync(path.join(importsDir(), queued))).toBe(true)
    // the queued import was left alone and still finishes
    expect(await t.services.imports.waitFor(queued)).toMatchObject({ status: 'done', created: 1 })
    expect(fs.existsSync(path.join(importsDir(), queued))).toBe(false)
  })
})
