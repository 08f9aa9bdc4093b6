/**
 * A picture's size from its header, without decoding a pixel: a 106 KB PNG can declare 5000×5000
 * (100 MB of RGBA and seconds of CPU to decode), so the size is judged before any decoder sees it.
 * Pure: bytes in, numbers out.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp'

export interface ImageHeader {
  format: ImageFormat
  width: number
  height: number
}

/**
 * The most pixels a photo may have. Photos are profile pictures, and the hash reads them as a 32×32
 * grid: 16 megapixels takes a 12 MP phone photo (4032×3024) with room to spare, and decodes to 64 MB
 * of RGBA, well inside an extraction worker's memory limit.
 */
export const MAX_PHOTO_PIXELS = 16_000_000

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Width and height as the file declares them; null when the header is missing, damaged or not one of the four formats. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length >= 24 && PNG_SIGNATURE.every((b, i) => buf[i] === b)) {
    // The first chunk must be IHDR: width and height, big-endian, right after its type.
    if (buf.toString('latin1', 12, 16) !== 'IHDR') return null
    return sized('png', buf.readUInt32BE(16), buf.readUInt32BE(20))
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) return jpegHeader(buf)
  if (buf.length >= 10 && /^GIF8[79]a$/.test(buf.toString('latin1', 0, 6))) return sized('gif', buf.readUInt16LE(6), buf.readUInt16LE(8))
  if (buf.length >= 30 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return webpHeader(buf)
  return null
}

const sized = (format: ImageFormat, width: number, height: number): ImageHeader | null => (width > 0 && height > 0 ? { format, width, height } : null)

/** The first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC) holds the frame's size. */
function jpegHeader(buf: Buffer): ImageHeader | null {
  let p = 2
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return null
    const marker = buf[p + 1]!
    // Fill bytes, and markers that stand alone (no length): TEM, RST0–7.
    if (marker === 0xff) {
      p++
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null
    const length = buf.readUInt16BE(p + 2)
    if (length < 2) return null
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (p + 9 > buf.length) return null
      return sized('jpeg', buf.readUInt16BE(p + 7), buf.readUInt16BE(p + 5))
    }
    p += 2 + length
  }
  return null
}

function webpHeader(buf: Buffer): ImageHeader | null {
  const chunk = buf.toString('latin1', 12, 16)
  if (chunk === 'VP8 ') {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (buf[23] !== 0x9d || buf[24] !== 0x01 || buf[25] !== 0x2a) return null
    return sized('webp', buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff)
  }
  if (chunk === 'VP8L') {
    if (buf[20] !== 0x2f) return null
    const bits = buf.readUInt32LE(21)
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') return sized('webp', buf.readUIntLE(24, 3) + 1, buf.readUIntLE(27, 3) + 1)
  return null
}

/** Why a photo is refused for its size, before decoding; null when it is within the budget (or has no readable header). */
export function photoSizeProblem(bytes: Uint8Array, maxPixels = MAX_PHOTO_PIXELS): string | null {
  const header = readImageHeader(bytes)
  if (!header || header.width * header.height <= maxPixels) return null
  return `the picture is ${header.width}×${header.height} pixels (${((header.width * header.height) / 1e6).toFixed(1)} megapixels); at most ${maxPixels / 1e6} megapixels are accepted, so send a smaller copy`
}
