import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { ExtractionPool } from '../../../src/extract/extractionPool'
import { encodePng } from '../../../src/generate/png'
import { parseApplication } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { pngHeaderOnly } from '../../support/hostileImages'
import { deflatedZeros, handMadeZip, honestEntry } from '../../support/hostileZip'

/**
 * Issue 13 rows 3 and 4: hostile archives and pictures cost bounded memory and never hold the event
 * loop, so other people's requests keep being answered.
 */
describe('bounded work on hostile files', () => {
  let t: TestApp
  let server: Server
  let base: string
  let caseId: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
    server = t.app.listen(0)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const parsed = parseApplication({ format: 'vetting/application@1', external_id: 'H-1', kind: 'contractor', person: { full_name: 'Dana Whitfield', email: 'dana@example.org' } })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const out = await t.services.ingest.importApplication('H-1.json', parsed.value, async () => ({ problem: 'none' }), systemActor())
    caseId = 'caseId' in out ? out.caseId : ''
  })
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
    await t.close()
  })
  afterEach(() => jest.restoreAllMocks())

  const uploadsLeft = () => (fs.existsSync(t.services.uploadDir) ? fs.readdirSync(t.services.uploadDir) : [])
  /** Temporary files go when the response has ended, a moment after the client has it. */
  async function uploadsLeftSoon(): Promise<string[]> {
    for (let i = 0; i < 50 && uploadsLeft().length; i++) await new Promise(resolve => setTimeout(resolve, 20))
    return uploadsLeft()
  }

  async function importThroughHttp(zip: Buffer, name: string, session?: { agent: Awaited<ReturnType<typeof signIn>>['agent']; csrf: string }): Promise<string> {
    const { agent, csrf } = session ?? (await signIn(t.app, 'security@example.test'))
    const started = await agent.post('/imports').field('_csrf', csrf).attach('files', zip, { filename: name, contentType: 'application/zip' })
    expect(started.status).toBe(303)
    return String(started.headers.location).split('/').pop()!
  }

  it('rejects a ZIP entry that declares 100 bytes and inflates to 256 MiB, naming it, with memory bounded', async () => {
    const bomb = handMadeZip([{ name: 'cv.txt', deflated: await deflatedZeros(256 * 1024 ** 2), declaredSize: 100 }])
    // Signed in first: a password check (argon2id) takes 64 MiB of its own.
    const session = await signIn(t.app, 'security@example.test')
    const before = process.memoryUsage().rss
    let peak = before
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
    const job = await t.services.imports.waitFor(await importThroughHttp(bomb, 'bomb.zip', session))
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    expect(job).toMatchObject({ status: 'done', rejected: 1, created: 0 })
    expect(JSON.parse(job.report)).toEqual([{ file: 'bomb.zip', outcome: 'rejected', reason: 'cv.txt does not unpack to the 100 bytes its header declares: refused as a damaged or hostile archive' }])
    // Unpacked whole (the old way) this is +256 MiB at least; streamed, it stops at the first chunks.
    expect(peak - before).toBeLessThan(64 * 1024 ** 2)
    expect(await uploadsLeftSoon()).toEqual([])
  })

  it('keeps answering /healthz while an archive is being unpacked and refused', async () => {
    // 24 ordinary entries of 2 MiB each (real inflating work), then the bomb: the whole archive is refused.
    let seed = 7
    const text = Buffer.alloc(2 * 1024 ** 2)
    for (let i = 0; i < text.length; i++) text[i] = 97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 27)
    const entry = honestEntry('x', text)
    const zip = handMadeZip([...Array.from({ length: 24 }, (_, i) => ({ ...entry, name: `apps/${i}.txt` })), { name: 'apps/zz.txt', deflated: await deflatedZeros(256 * 1024 ** 2), declaredSize: 100 }])
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const id = await importThroughHttp(zip, 'mixed.zip')
    let finished = false
    const job = t.services.imports.waitFor(id).finally(() => (finished = true))
    const latencies: number[] = []
    while (!finished) {
      const started = performance.now()
      const res = await fetch(`${base}/healthz`)
      latencies.push(performance.now() - started)
      expect(res.status).toBe(200)
    }
    delay.disable()
    expect((await job).report).toContain('apps/zz.txt does not unpack to the 100 bytes its header declares')
    expect(latencies.length).toBeGreaterThan(0)
    expect(Math.max(...latencies)).toBeLessThan(1000)
    expect(delay.max / 1e6).toBeLessThan(1000)
  })

  it('refuses a 5000×5000 photo by its header, before any decoder or worker sees it', async () => {
    const pngRead = jest.spyOn(PNG.sync, 'read')
    const jpegDecode = jest.spyOn(jpeg, 'decode')
    const photo = jest.spyOn(ExtractionPool.prototype, 'photo')
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'photo').attach('file', pngHeaderOnly(5000, 5000), { filename: 'face.png', contentType: 'image/png' })
    expect(res.status).toBe(303)
    const page = await agent.get(`/cases/${caseId}`)
    expect(page.text).toContain('Not uploaded: face.png: the picture is 5000×5000 pixels (25.0 megapixels); at most 16 megapixels are accepted, so send a smaller copy')
    expect(pngRead).not.toHaveBeenCalled()
    expect(jpegDecode).not.toHaveBeenCalled()
    expect(photo).not.toHaveBeenCalled()
    expect(await uploadsLeftSoon()).toEqual([])
  })

  it('decodes an allowed photo only on a worker, once, however often the checks run again', async () => {
    const pngRead = jest.spyOn(PNG.sync, 'read')
    const photo = jest.spyOn(ExtractionPool.prototype, 'photo')
    await t.services.ingest.addDocument(caseId, 'face.png', 'photo', encodePng(400, 300, (x, y) => [x % 256, y % 256, 120]), systemActor())
    const afterUpload = photo.mock.calls.length
    expect(afterUpload).toBeGreaterThanOrEqual(1)
    await t.services.cases.rescore(caseId, systemActor())
    await t.services.cases.rescore(caseId, systemActor())
    // The relinks find the fingerprint by the photo's hash; nothing is decoded on this (the request) thread.
    expect(photo.mock.calls.length).toBeLessThanOrEqual(afterUpload + 1)
    expect(pngRead).not.toHaveBeenCalled()
    const print = await t.testDb.db('link_prints').where({ case_id: caseId }).first()
    expect(print?.photo_hash).toMatch(/^[0-9a-f]{16}$/)
  })

  it('streams uploads to a private folder on disk and deletes them once the request is answered', async () => {
    let seenDuring: string[] = []
    const original = t.services.ingest.addDocument
    jest.spyOn(t.services.ingest, 'addDocument').mockImplementation(async (...args) => {
      seenDuring = uploadsLeft()
      return original(...args)
    })
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const text = Buffer.from('Dana Whitfield\ndana@example.org\n')
    const res = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'resume').attach('file', text, { filename: 'cv.txt', contentType: 'text/plain' })
    expect(res.status).toBe(303)
    // While the handler ran, the bytes were a file of the same size under a random name, not the uploader's.
    expect(seenDuring).toHaveLength(1)
    expect(seenDuring[0]).toMatch(/^[0-9a-f]{32}$/)
    expect(fs.statSync(t.services.uploadDir).mode & 0o777).toBe(0o700)
    expect(await uploadsLeftSoon()).toEqual([])
    // A refused request (bad CSRF token) leaves nothing behind either.
    const refused = await agent.post(`/cases/${caseId}/documents`).field('_csrf', 'wrong').field('kind', 'resume').attach('file', text, { filename: 'cv.txt' })
    expect(refused.status).toBe(403)
    expect(await uploadsLeftSoon()).toEqual([])
    // So does one over the size limit, cut off while it streams to disk, with the same message as before.
    const tooLarge = await agent.post(`/cases/${caseId}/documents`).field('_csrf', csrf).field('kind', 'resume').attach('file', Buffer.alloc(21 * 1024 ** 2, 32), { filename: 'big.txt' })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.text).toContain('The file is larger than 20 MiB, the most accepted here.')
    expect(await uploadsLeftSoon()).toEqual([])
  })
})
