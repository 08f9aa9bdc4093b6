import zlib from 'node:zlib'
import { deflatedZeros, handMadeZip, honestEntry, lyingBomb } from '../../tests/support/hostileZip'
import { MAX_CONCURRENT_UNZIPS, unzip, unzipsRunning } from './unzipStream'
import { ZipProblem } from './zipDirectory'

/** The highest resident memory seen while `work` runs, above what it was before. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ growth: number; result: PromiseSettledResult<T> }> {
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
  const [result] = await Promise.allSettled([work()])
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { growth: peak - before, result: result! }
}

describe('unzipping hostile archives', () => {
  it('stops an entry that declares 100 bytes and inflates to 64 MiB, naming it, with memory bounded', async () => {
    const bomb = await lyingBomb(64 * 1024 ** 2, 100, 'cv/resume.txt')
    expect(bomb.length).toBeLessThan(256 * 1024)
    const { growth, result } = await peakRssGrowth(() => unzip(bomb))
    expect(result.status).toBe('rejected')
    const error = (result as PromiseRejectedResult).reason as Error
    expect(error).toBeInstanceOf(ZipProblem)
    expect(error.message).toMatch(/^cv\/resume\.txt does not unpack to the 100 bytes its header declares/)
    // The old unpacker inflated all 64 MiB before noticing; streaming stops at the first chunk.
    expect(growth).toBeLessThan(32 * 1024 ** 2)
  })

  it('stops an entry whose data outgrows a declared size that is itself within every limit', async () => {
    // Declares 1 MiB (under the per-file limit, ratio unjudgeable from the headers) but inflates to 8 MiB.
    const zip = handMadeZip([{ name: 'big.txt', deflated: await deflatedZeros(8 * 1024 ** 2), declaredSize: 1024 ** 2 }])
    const limits = { maxEntries: 10, maxTotalBytes: 64 * 1024 ** 2, maxEntryBytes: 2 * 1024 ** 2, maxRatio: 100_000, ratioFloorBytes: 64 * 1024, maxArchiveRatio: 100_000, archiveRatioFloorBytes: 1024 ** 2 }
    await expect(unzip(zip, { limits })).rejects.toThrow(/^big\.txt does not unpack to the 1048576 bytes its header declares/)
  })

  it('refuses 1,500 entries of 1 MiB each packed into under 2 MB (every entry has its ratio checked)', async () => {
    const one = honestEntry('x', Buffer.alloc(1024 ** 2))
    const zip = handMadeZip(Array.from({ length: 1500 }, (_, i) => ({ ...one, name: `apps/${i}.txt` })))
    expect(zip.length).toBeLessThan(2 * 1024 ** 2)
    await expect(unzip(zip)).rejects.toThrow(/^apps\/0\.txt unpacks to more than \d+ times its packed size \(at most 200 are accepted\): refused as a decompression bomb/)
  })

  it('refuses many small entries that stay under the per-file ratio floor but together make a bomb', async () => {
    const one = honestEntry('x', Buffer.alloc(60 * 1024))
    const zip = handMadeZip(Array.from({ length: 200 }, (_, i) => ({ ...one, name: `apps/${i}.txt` })))
    await expect(unzip(zip)).rejects.toThrow(/^the archive unpacks to more than \d+ times its own size \(at most 100 are accepted\)/)
  })

  it('stops at the first of many lying entries', async () => {
    const deflated = await deflatedZeros(4 * 1024 ** 2)
    const zip = handMadeZip(Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.txt`, deflated, declaredSize: 100 })))
    await expect(unzip(zip)).rejects.toThrow(/^f0\.txt does not unpack/)
  })

  it('unpacks an ordinary archive, skipping what is not wanted without inflating it', async () => {
    const zip = handMadeZip([honestEntry('a/app.json', Buffer.from('{"format":"vetting/application@1"}')), honestEntry('a/cv.txt', Buffer.from('Ana Silva\n'.repeat(1000))), honestEntry('__MACOSX/._x', zlib.deflateRawSync(Buffer.alloc(10)))])
    const entries = await unzip(zip, { include: n => !n.startsWith('__MACOSX/') })
    expect(entries.map(e => [e.name, e.data.length])).toEqual([
      ['a/app.json', 34],
      ['a/cv.txt', 10_000],
    ])
  })

  it('keeps refusing paths that leave the folder and damaged archives', async () => {
    await expect(unzip(handMadeZip([honestEntry('../evil.txt', Buffer.from('x'))]))).rejects.toThrow(/leaves its folder/)
    await expect(unzip(Buffer.from('PK not really a zip'))).rejects.toThrow(ZipProblem)
  })

  it('inflates at most two archives at once; the others wait their turn', async () => {
    let seed = 1
    const text = Buffer.from(Array.from({ length: 256 * 1024 }, () => 97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 27)))
    const zip = handMadeZip(Array.from({ length: 20 }, (_, i) => honestEntry(`${i}.txt`, text)))
    let most = 0
    const timer = setInterval(() => (most = Math.max(most, unzipsRunning())), 1)
    const results = await Promise.all(Array.from({ length: 6 }, () => unzip(zip))).finally(() => clearInterval(timer))
    expect(results.every(r => r.length === 20)).toBe(true)
    expect(most).toBeGreaterThan(0)
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_UNZIPS)
    expect(unzipsRunning()).toBe(0)
  })
})
