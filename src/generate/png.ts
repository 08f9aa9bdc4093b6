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
 * A synthetic portrait from a seed: a lit background and a head and shoulders among a few shapes, placed,
 * sized and shaded by the seed, so that different people's photos differ in layout as real photos do.
 * Variants are the same picture as reused photos are in the wild: re-encoded, resized, slightly cropped,
 * brighter, with a little sensor noise; never byte-identical.
 */
export function portrait(seed: number, variant = 0): Buffer {
  let state = (seed * 2654435761) >>> 0
  const rnd = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return ((state ^ (state >>> 13)) >>> 0) / 4294967296
  }
  const shapes = Array.from({ length: 7 }, () => ({ x: rnd() * 96, y: rnd() * 96, rx: 8 + rnd() * 30, ry: 8 + rnd() * 30, tone: [40 + rnd() * 200, 40 + rnd() * 200, 40 + rnd() * 200] }))
  const head = { x: 34 + rnd() * 28, y: 30 + rnd() * 16, rx: 14 + rnd() * 8, ry: 18 + rnd() * 8, tone: [120 + rnd() * 120, 90 + rnd() * 100, 70 + rnd() * 90] }
  const top = [rnd() * 255, rnd() * 255, rnd() * 255]
  const bottom = [rnd() * 255, rnd() * 255, rnd() * 255]
  const size = 96 - (variant % 3) * 6
  const crop = (variant % 3) * 2
  const scale = (96 - 2 * crop) / size
  const light = variant % 2 ? 1.08 : 1
  let noise = (seed ^ (variant * 7919)) >>> 0
  return encodePng(size, size, (x0, y0) => {
    const x = crop + x0 * scale
    const y = crop + y0 * scale
    const t = y / 96
    let c = top.map((v, i) => v * (1 - t) + bottom[i]! * t)
    for (const sh of shapes) if (((x - sh.x) / sh.rx) ** 2 + ((y - sh.y) / sh.ry) ** 2 < 1) c = sh.tone
    if (((x - head.x) / head.rx) ** 2 + ((y - head.y) / head.ry) ** 2 < 1) c = head.tone
    if (y > head.y + head.ry * 0.8 && Math.abs(x - head.x) < head.rx * 1.8 + (y - head.y) * 0.4) c = head.tone.map(v => v * 0.5)
    noise = (Math.imul(noise, 1103515245) + 12345) >>> 0
    const n = variant ? ((noise >>> 16) % 9) - 4 : 0
    return c.map(v => Math.max(0, Math.min(255, Math.round(v * light + n)))) as [number, number, number]
  }, variant % 2 ? 9 : 6)
}
