import fc from 'fast-check'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { pngHeaderOnly } from '../../tests/support/hostileImages'
import { MAX_PHOTO_PIXELS, photoSizeProblem, readImageHeader } from './imageHeader'

describe('image sizes from headers, without decoding', () => {
  it('reads PNG and JPEG files made by real encoders', () => {
    const png = new PNG({ width: 37, height: 21 })
    expect(readImageHeader(PNG.sync.write(png))).toEqual({ format: 'png', width: 37, height: 21 })
    const jpg = jpeg.encode({ width: 45, height: 19, data: Buffer.alloc(45 * 19 * 4, 128) }, 80).data
    expect(readImageHeader(jpg)).toEqual({ format: 'jpeg', width: 45, height: 19 })
  })

  it('reads GIF and the three WebP flavours', () => {
    const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([0x20, 0x03, 0x58, 0x02, 0, 0, 0])])
    expect(readImageHeader(gif)).toEqual({ format: 'gif', width: 800, height: 600 })
    const riff = (chunk: string, body: number[]) => {
      const b = Buffer.alloc(30)
      b.write('RIFF', 0, 'latin1')
      b.write('WEBP', 8, 'latin1')
      b.write(chunk, 12, 'latin1')
      b.set(body, 20)
      return b
    }
    expect(readImageHeader(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00]))).toEqual({ format: 'webp', width: 320, height: 240 })
    // VP8L: 14 bits of width − 1, then 14 bits of height − 1 (here 1000 × 500).
    const bits = 999 | (499 << 14)
    expect(readImageHeader(riff('VP8L', [0x2f, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, bits >>> 24]))).toEqual({ format: 'webp', width: 1000, height: 500 })
    expect(readImageHeader(riff('VP8X', [0, 0, 0, 0, 0x87, 0x13, 0x00, 0x87, 0x13, 0x00]))).toEqual({ format: 'webp', width: 5000, height: 5000 })
  })

  it('refuses a 5000×5000 picture by its header alone, with the size in the message', () => {
    expect(photoSizeProblem(pngHeaderOnly(5000, 5000))).toBe('the picture is 5000×5000 pixels (25.0 megapixels); at most 16 megapixels are accepted, so send a smaller copy')
    expect(photoSizeProblem(pngHeaderOnly(4032, 3024))).toBeNull()
    expect(4032 * 3024).toBeLessThan(MAX_PHOTO_PIXELS)
  })

  it('never throws on arbitrary bytes, and any size it reports is positive', () => {
    const prefixes = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0xff, 0xd8]), Buffer.from('GIF89a'), Buffer.from('RIFF\0\0\0\0WEBPVP8X'), Buffer.alloc(0)]
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 64 }), (prefix, rest) => {
        const header = readImageHeader(Buffer.concat([prefix, rest]))
        return header === null || (header.width > 0 && header.height > 0)
      }),
      { numRuns: 2000 },
    )
  })
})
