import fc from 'fast-check'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { MAX_PHOTO_PIXELS, photoSizeProblem, readImageHeader } from '../../src/extract/imageHeader'
import { ZipProblem } from '../../src/extract/zipDirectory'
import { collectApplications, filesFromZip } from '../../src/ingest/collectApplications'
import { photoFingerprint } from '../../src/links/imageHash'
import { makeDocx } from '../support/documents'
import { syntheticApplications, zipOf } from '../support/population'
import { entry, writeZip } from '../support/zipWriter'
import { anyBytes, exampleFiles, expectClearMessage, mutatedBytes, params, runs, withinBudget, withinBudgetAsync } from './fuzzSupport'

/**
 * ZIP imports (filesFromZip, then collectApplications, as an upload goes) and photos (the header read
 * before decoding, and the decode behind the photo hash): arbitrary bytes, byte mutations of real
 * archives and pictures, and archives written header by header with lying sizes and hostile names.
 * Each call settles within its budget, and a refusal is a ZipProblem (or null for a photo).
 */
const ZIP_BUDGET_MS = 8000

async function checkZipImport(data: Buffer): Promise<void> {
  const { value, error } = await withinBudgetAsync(ZIP_BUDGET_MS, () => filesFromZip(data, 'upload'))
  if (error !== undefined) {
    if (!(error instanceof ZipProblem)) throw new Error(`filesFromZip threw ${(error as Error)?.name}: ${(error as Error)?.message} (only ZipProblem is documented)`)
    return expectClearMessage(error.message)
  }
  for (const f of value!) {
    expect(f.path.startsWith('upload/')).toBe(true)
    expect(f.path.split('/')).not.toContain('..')
    expect(f.path).not.toContain('\0')
  }
  // What the import does next with the files: it must not throw either.
  const collected = withinBudget(ZIP_BUDGET_MS, () => collectApplications(value!))
  for (const r of collected.rejected) expectClearMessage(r.reason)
}

let zipSeeds: Buffer[] = []

beforeAll(async () => {
  const shared = exampleFiles(() => true).map(f => ({ path: f.name, data: f.data }))
  const synthetic = syntheticApplications(3, { withLogs: true, logRows: 3 }).files
  zipSeeds = [await zipOf(synthetic), await zipOf(shared.length ? shared : synthetic.slice(0, 3)), await makeDocx(['Dana Whitfield', 'dana@example.org']), writeZip(synthetic.map(f => entry(f.path, f.data, { store: true })))]
})

/** Archives written by hand: each entry's name, method and declared sizes chosen to lie or to hurt. */
const handWritten = fc
  .array(
    fc.record({
      name: fc.oneof(fc.constantFrom('a.json', 'dir/b.txt', '../up.txt', '/abs.txt', 'C:/win.txt', 'a\\..\\b', 'dir/', '__MACOSX/._a', '.hidden', 'x\u0000y', 'ü/名前.txt', ''), fc.string({ maxLength: 40 })),
      data: fc.oneof(fc.uint8Array({ maxLength: 512 }).map(a => Buffer.from(a)), fc.integer({ min: 0, max: 300_000 }).map(n => Buffer.alloc(n, 0x20)), fc.constant(Buffer.from('{"format":"vetting/application@1","person":{"full_name":"A B"}}'))),
      store: fc.boolean(),
      lieUncompressed: fc.option(fc.constantFrom(0, 1, 100, 0xffff, 0xfffffffe, 0xffffffff), { nil: undefined }),
      lieCompressed: fc.option(fc.constantFrom(0, 1, 0xffffffff), { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .chain(specs => fc.tuple(fc.constant(specs), fc.option(fc.integer({ min: 0, max: 0xffff }), { nil: undefined })))
  .map(([specs, declaredCount]) =>
    writeZip(
      specs.map(s => entry(s.name, s.data, { store: s.store, ...(s.lieUncompressed === undefined ? {} : { declaredUncompressed: s.lieUncompressed }), ...(s.lieCompressed === undefined ? {} : { declaredCompressed: s.lieCompressed }) })),
      declaredCount === undefined ? {} : { declaredCount },
    ),
  )

describe('fuzz: ZIP imports (filesFromZip, collectApplications)', () => {
  it('unpacks or refuses arbitrary bytes behind a ZIP signature', async () => {
    const bytes = fc.tuple(fc.constantFrom('PK\u0003\u0004', 'PK\u0005\u0006', ''), anyBytes(1024)).map(([p, b]) => Buffer.concat([Buffer.from(p, 'latin1'), b]))
    await fc.assert(fc.asyncProperty(bytes, checkZipImport), params(runs(150)))
  })

  it('unpacks or refuses byte mutations of real archives', async () => {
    await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => mutatedBytes(zipSeeds, { maxRepeat: 100 })), checkZipImport), params(runs(300)))
  })

  it('unpacks or refuses hand-written archives with lying sizes, counts and hostile names', async () => {
    await fc.assert(fc.asyncProperty(handWritten, checkZipImport), params(runs(200)))
  })

  it('collects any set of files without throwing, and a reference never reaches outside its folder', async () => {
    const name = fc.constantFrom('a.json', 'dir/a.json', 'dir/sub/b.json', 'dir/r.txt', 'r.txt', 'secret.txt', 'dir/log.csv', 'x.csv', 'dir/p.png')
    const ref = fc.oneof(name, fc.constantFrom('../secret.txt', '../../secret.txt', '/secret.txt', 'C:\\secret.txt', 'sub/../../secret.txt', './r.txt', 'r.txt\u0000', '', 'dir/../r.txt'))
    const json = fc.record({ docs: fc.array(ref, { maxLength: 3 }), photo: fc.option(ref, { nil: undefined }), log: fc.option(ref, { nil: undefined }) }).map(({ docs, photo, log }) =>
      Buffer.from(JSON.stringify({ format: 'vetting/application@1', person: { full_name: 'A B' }, documents: docs.map(file => ({ type: 'resume', file })), profiles: photo ? [{ network: 'github', photo }] : [], ...(log ? { access_log: log } : {}) })),
    )
    const content = fc.oneof(json, fc.constant(Buffer.from('name,email\nAna Silva,ana@example.pt\n')), fc.constant(Buffer.from('timestamp,ip,account\n2026-10-01T00:00:00Z,1.2.3.4,a\n')), fc.constant(Buffer.from('Ana Silva\nana@example.pt\n')), anyBytes(64))
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, content), { selector: ([n]) => n, maxLength: 8 }), async drawn => {
        // A copy each, so that the bytes handed back name the one file they came from.
        const files = drawn.map(([path, data]) => [path, Buffer.from(data)] as const)
        const collected = withinBudget(ZIP_BUDGET_MS, () => collectApplications(files.map(([path, data]) => ({ path, data }))))
        for (const r of collected.rejected) expectClearMessage(r.reason)
        for (const app of collected.applications) {
          const dir = app.label.includes('/') ? app.label.slice(0, app.label.lastIndexOf('/') + 1) : ''
          const refs = [...(app.application.documents ?? []).map(d => d.file), ...(app.application.profiles ?? []).map(p => p.photo), app.application.access_log]
          for (const r of refs) {
            if (!r) continue
            const got = await app.resolve(r)
            if (Buffer.isBuffer(got)) {
              // The bytes handed back belong to a file inside the application's own folder.
              const owner = files.find(([, data]) => data === got)
              if (owner && dir) expect(owner[0].startsWith(dir)).toBe(true)
            } else expectClearMessage(got.problem)
          }
        }
      }),
      params(runs(100)),
    )
  })

  it('an entry that declares 100 bytes and inflates to 5 MiB is refused, not unpacked', async () => {
    const bomb = writeZip([entry('resume.txt', Buffer.alloc(5 * 1024 ** 2, 0x41), { declaredUncompressed: 100 })])
    const { error } = await withinBudgetAsync(ZIP_BUDGET_MS, () => filesFromZip(bomb))
    expect(error).toBeInstanceOf(ZipProblem)
    expectClearMessage((error as Error).message)
  })
})

// --- Photos ---------------------------------------------------------------------------------------
function png(width: number, height: number, seed: number): Buffer {
  const img = new PNG({ width, height })
  for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 31 + seed * 7) & 0xff
  return PNG.sync.write(img)
}
function jpg(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let i = 0; i < data.length; i++) data[i] = (i * 13 + seed) & 0xff
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data)
}
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')
const photoSeeds = [png(24, 16, 1), png(3, 40, 2), jpg(20, 12, 3), jpg(8, 8, 4), GIF]

function checkPhoto(bytes: Buffer): void {
  const header = withinBudget(1000, () => readImageHeader(bytes))
  if (header) {
    expect(['png', 'jpeg', 'gif', 'webp']).toContain(header.format)
    expect(Number.isInteger(header.width) && header.width > 0).toBe(true)
    expect(Number.isInteger(header.height) && header.height > 0).toBe(true)
  }
  const problem = withinBudget(1000, () => photoSizeProblem(bytes))
  if (problem !== null) {
    expectClearMessage(problem)
    expect(header!.width * header!.height).toBeGreaterThan(MAX_PHOTO_PIXELS)
  }
  // The decode behind the photo hash: a fingerprint or null, never an exception, never a long stall.
  const print = withinBudget(3000, () => photoFingerprint(bytes))
  if (print) expect(print.hash).toMatch(/^[0-9a-f]{16}$/)
}

describe('fuzz: photos (imageHeader, imageHash decode)', () => {
  it('reads the header of real PNG and JPEG files of any size correctly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), fc.nat(), (w, h, isPng, seed) => {
        const bytes = isPng ? png(w, h, seed) : jpg(w, h, seed)
        expect(readImageHeader(bytes)).toEqual({ format: isPng ? 'png' : 'jpeg', width: w, height: h })
        expect(photoFingerprint(bytes)).not.toBeNull()
      }),
      params(runs(40)),
    )
  })

  it('never throws on arbitrary bytes behind each signature', () => {
    const sig = fc.constantFrom('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', '\u00ff\u00d8\u00ff', 'GIF89a', 'RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'RIFF\u0000\u0000\u0000\u0000WEBPVP8L', 'RIFF\u0000\u0000\u0000\u0000WEBPVP8X', '')
    fc.assert(fc.property(sig, anyBytes(256), (s, b) => checkPhoto(Buffer.concat([Buffer.from(s, 'latin1'), b]))), params(runs(400)))
  })

  it('reads or refuses byte mutations of real pictures', () => {
    fc.assert(fc.property(mutatedBytes(photoSeeds, { maxRepeat: 200 }), checkPhoto), params(runs(400)))
  })

  it('refuses a picture whose header declares more pixels than the budget, before decoding it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4001, max: 0x7fffffff }), fc.integer({ min: 4001, max: 0x7fffffff }), (w, h) => {
        const bytes = png(4, 4, 0)
        bytes.writeUInt32BE(w, 16)
        bytes.writeUInt32BE(h, 20)
        expect(photoSizeProblem(bytes)).toMatch(/megapixels\); at most 16 megapixels are accepted/)
        expect(withinBudget(1000, () => photoFingerprint(bytes))).toBeNull()
      }),
      params(runs(50)),
    )
  })
})
