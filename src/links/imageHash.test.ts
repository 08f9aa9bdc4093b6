import zlib from 'node:zlib'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { pngHeaderOnly, pngOf } from '../../tests/support/hostileImages'
import { ExtractionPool } from '../extract/extractionPool'
import { encodePng } from '../generate/png'
import { photoFingerprint } from './imageHash'

/** A JPEG that declares its frame size and nothing else a decoder could use. */
function jpegHeaderOnly(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])])
}

describe('photo decoding is bounded by the header (issue 13, row 4)', () => {
  afterEach(() => jest.restoreAllMocks())

  it('never hands a 5000×5000 PNG or JPEG to a decoder', () => {
    const pngRead = jest.spyOn(PNG.sync, 'read')
    const jpegDecode = jest.spyOn(jpeg, 'decode')
    expect(photoFingerprint(pngHeaderOnly(5000, 5000))).toBeNull()
    expect(photoFingerprint(jpegHeaderOnly(5000, 5000))).toBeNull()
    expect(pngRead).not.toHaveBeenCalled()
    expect(jpegDecode).not.toHaveBeenCalled()
  })

  it('refuses an interlaced PNG whose image data inflates far past its pixel size (pngjs would not)', async () => {
    const pngRead = jest.spyOn(PNG.sync, 'read')
    // 1000×1000 grey: under 2 MB of pixel rows, but its data inflates to 64 MiB.
    const bomb = pngOf({ width: 1000, height: 1000, depth: 8, colourType: 0, interlace: 1 }, zlib.deflateSync(Buffer.alloc(64 * 1024 ** 2)))
    expect(photoFingerprint(bomb)).toBeNull()
    expect(pngRead).not.toHaveBeenCalled()
    // A sound interlaced PNG (8×8 grey: Adam7's seven passes, 79 bytes with filter bytes) still decodes.
    const sound = pngOf({ width: 8, height: 8, depth: 8, colourType: 0, interlace: 1 }, zlib.deflateSync(Buffer.alloc(79, 0)))
    expect(photoFingerprint(sound)).not.toBeNull()
    expect(pngRead).toHaveBeenCalledTimes(1)
  })

  it('still decodes a picture within the budget', () => {
    const pngRead = jest.spyOn(PNG.sync, 'read')
    expect(photoFingerprint(encodePng(64, 48, (x, y) => [x * 4, y * 5, 90]))).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{16}$/), thumb: expect.any(String) })
    expect(pngRead).toHaveBeenCalledTimes(1)
  })
})

describe('photo decoding on the extraction pool', () => {
  const pool = new ExtractionPool({ size: 1 })
  afterAll(() => pool.close())

  it('refuses an oversized picture before it reaches a worker', async () => {
    await expect(pool.photo(pngHeaderOnly(5000, 5000))).resolves.toBeNull()
    expect((pool as unknown as { slots: unknown[] }).slots).toHaveLength(0)
  })

  it('hashes a large allowed picture on a worker while the main thread keeps running', async () => {
    // 3000×3000 (9 megapixels) takes several hundred milliseconds to decode in JavaScript.
    const big = encodePng(3000, 3000, (x, y) => [(x * 7) & 255, (y * 3) & 255, ((x + y) >> 4) & 255], 1)
    pool.warm()
    let last = performance.now()
    let longestGap = 0
    const timer = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 5)
    const started = performance.now()
    const fingerprint = await pool.photo(big)
    const took = performance.now() - started
    clearInterval(timer)
    expect(fingerprint?.hash).toMatch(/^[0-9a-f]{16}$/)
    // Not a benchmark: only that the main thread was never held for anything like the decode itself.
    expect(longestGap).toBeLessThan(Math.max(250, took / 2))
  })
})
