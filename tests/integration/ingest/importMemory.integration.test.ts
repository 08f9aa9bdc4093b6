import fs from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import request from 'supertest'
import { HttpError } from '../../../src/errors'
import { acceptUpload } from '../../../src/middleware/uploads'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { syntheticApplications, zipOf } from '../../support/population'

/**
 * Issue 13: one import must not cost as much memory as its files add up to. Uploads are read one at a
 * time from disk and told apart by their first bytes; jobs run one after the other.
 */
describe('bounded work per import', () => {
  let t: TestApp
  let dir: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-big-'))
  })
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    await t.close()
  })

  it('refuses four 100 MiB files of zeros from their first bytes, without reading them whole', async () => {
    const chunk = Buffer.alloc(1024 ** 2)
    const names = ['a.pdf', 'b.docx', 'c.txt', 'd.bin']
    for (const name of names) {
      const fd = fs.openSync(path.join(dir, name), 'w')
      // IMPORT_TEST_MIB=450 replays the probe's four 450 MiB files.
      for (let i = 0; i < Number(process.env.IMPORT_TEST_MIB ?? 100); i++) fs.writeSync(fd, chunk)
      fs.closeSync(fd)
    }
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    let post = agent.post('/imports').field('_csrf', csrf)
    for (const name of names) post = post.attach('files', path.join(dir, name))

    // Buffers already passed on are garbage, not memory the import holds: young-generation collections
    // while sampling free them, so the peak measures what is still held.
    const gc = exposedGc()
    gc({ type: 'major' })
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => {
      gc({ type: 'minor' })
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 5)
    let job
    try {
      const started = await post
      expect(started.status).toBe(303)
      job = await t.services.imports.waitFor(String(started.headers.location).split('/').pop()!)
    } finally {
      clearInterval(sampler)
    }
    peak = Math.max(peak, process.memoryUsage().rss)
    const growthMiB = (peak - before) / 1024 ** 2
    // eslint-disable-next-line no-console -- figures for the report, on request
    if (process.env.SHOW_RSS) console.info(`RSS ${Math.round(before / 1024 ** 2)} MiB before, peak ${Math.round(peak / 1024 ** 2)} MiB (+${growthMiB.toFixed(0)} MiB), after ${Math.round(process.memoryUsage().rss / 1024 ** 2)} MiB`)
    // The old job read all 400 MiB before looking at any of it. Alone this grows by about 35 MiB; in a
    // jest worker that had run other suites, garbage not yet collected once added up to 150 MiB (CI), so
    // the bar is half of what the files add up to: reading them whole still fails it by far.
    expect(growthMiB).toBeLessThan(200)

    expect(job.status).toBe('done')
    const report = JSON.parse(job.report) as Array<{ file: string; outcome: string; reason?: string }>
    expect(report.map(r => r.file).sort()).toEqual(names)
    for (const r of report) {
      expect(r.outcome).toBe('rejected')
      expect(r.reason).toBe('not a document, application JSON or CSV export that Vetting Desk reads')
    }
    // The job deleted its temporary files.
    expect(fs.readdirSync(t.services.uploadDir)).toEqual([])
  }, 120_000)

  it('runs two imports sent at once one after the other; the second shows as queued meanwhile', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const first = await zipOf(syntheticApplications(40, { prefix: 'q1' }).files)
    const second = await zipOf(syntheticApplications(5, { prefix: 'q2' }).files)
    const a = await agent.post('/imports').field('_csrf', csrf).attach('files', first, { filename: 'first.zip' })
    const b = await agent.post('/imports').field('_csrf', csrf).attach('files', second, { filename: 'second.zip' })
    const idA = String(a.headers.location).split('/').pop()!
    const idB = String(b.headers.location).split('/').pop()!
    const statusA = (await agent.get(`/imports/${idA}/status`)).body as { status: string }
    const statusB = (await agent.get(`/imports/${idB}/status`)).body as { status: string; statusLabel: string }
    if (statusA.status !== 'done') {
      expect(statusB.status).toBe('queued')
      expect(statusB.statusLabel).toBe('Queued: waiting for the import before it to finish')
    }
    const jobA = await t.services.imports.waitFor(idA)
    const jobB = await t.services.imports.waitFor(idB)
    expect([jobA.status, jobB.status]).toEqual(['done', 'done'])
    expect(jobA.created).toBe(40)
    expect(jobB.created).toBe(5)
    // The second began only once the first had finished.
    expect(jobB.started_at! >= jobA.finished_at!).toBe(true)
  }, 120_000)

  it('refuses an upload whose files together pass the per-request limit with a 413, keeping none of them', async () => {
    const uploadDir = path.join(dir, 'uploads')
    const app = express()
    app.post('/up', ...acceptUpload({ field: 'files', maxFiles: 10, maxFileBytes: 1024 ** 2, maxTotalBytes: 1024 ** 2, dir: uploadDir }), (_req, res) => {
      res.send('accepted')
    })
    app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err instanceof HttpError ? err.status : 500).json({ error: err instanceof Error ? err.message : String(err) })
    })
    const part = Buffer.alloc(700 * 1024, 'a')
    const res = await request(app).post('/up').attach('files', part, { filename: 'one.txt' }).attach('files', part, { filename: 'two.txt' })
    expect(res.status).toBe(413)
    expect(res.body.error).toBe('The files together are larger than 1 MiB, the most one upload may carry here; send them in several smaller uploads.')
    await new Promise(r => setTimeout(r, 200))
    expect(fs.readdirSync(uploadDir)).toEqual([])
  })

  it('refuses an import whose announced size passes 2 GiB before storing anything', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent
      .post('/imports')
      .set('Content-Length', String(3 * 1024 ** 3))
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send(`--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--x--\r\n`)
      .ok(() => true)
      .catch((error: Error) => error)
    // The server answers 413 at once; the client may see the answer or a reset connection.
    if (!(res instanceof Error)) {
      expect(res.status).toBe(413)
      expect(res.text).toContain('The files together are larger than 2 GiB')
    }
    expect(fs.readdirSync(t.services.uploadDir)).toEqual([])
  })
})

/** V8's gc(), which jest does not expose: the flag set now applies to contexts made after it. */
function exposedGc(): (options: { type: 'minor' | 'major' }) => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void
}
