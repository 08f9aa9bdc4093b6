import zlib from 'node:zlib'

/** A minimal PNG encoder (8-bit RGB), enough for synthetic profile photos without a native image library. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

export function encodePng(width: number, height: number, rgb: (x: number, y: number) => [number, number, number], level = 6): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y)
      const o = y * (width * 3 + 1) + 1 + x * 3
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level })), chunk('IEND', Buffer.alloc(0))])
}

/**
 * A "face-like" synthetic portrait from a seed. Variants re-encode it slightly changed (crop, brightness,
 * compression level), as reused photos are in the wild: not byte-identical.
 */
export function portrait(seed: number, variant = 0): Buffer {
  const size = 96 - (variant % 3) * 4
  const shift = variant % 3 ? 2 : 0
  const light = 1 + (variant % 2 ? 0.06 : 0)
  const hue = [(seed * 67) % 200 + 30, (seed * 131) % 200 + 30, (seed * 197) % 200 + 30]
  const cx = 48 + ((seed * 7) % 9) - 4
  const cy = 44 + ((seed * 11) % 9) - 4
  return encodePng(size, size, (x0, y0) => {
    const x = x0 + shift
    const y = y0 + shift
    const d = Math.hypot(x - cx, (y - cy) * 0.8)
    const base = d < 24 ? [220, 180, 150] : d < 28 ? [90, 60, 40] : hue
    const stripe = ((x + y + seed) % 17) < 2 ? 12 : 0
    return base.map(c => Math.max(0, Math.min(255, Math.round((c + stripe) * light)))) as [number, number, number]
  }, variant % 2 ? 9 : 6)
}
