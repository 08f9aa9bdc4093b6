import zlib from 'node:zlib'

/**
 * ZIP archives written by hand, so that tests can make them lie: an entry may declare any sizes in its
 * local and central headers whatever its deflated data really holds.
 */
export interface HandEntry {
  name: string
  /** raw deflate data (method 8) */
  deflated: Buffer
  /** what the headers say; default: the truth */
  declaredSize?: number
  declaredCompressedSize?: number
  crc?: number
}

export function handMadeZip(entries: HandEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const size = e.declaredSize ?? 0
    const packed = e.declaredCompressedSize ?? e.deflated.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.crc ?? 0, 14)
    local.writeUInt32LE(packed, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.crc ?? 0, 16)
    central.writeUInt32LE(packed, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.deflated)
    centrals.push(central, name)
    offset += 30 + name.length + e.deflated.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** An honest entry: deflated, with its true sizes and CRC. */
export function honestEntry(name: string, data: Buffer): HandEntry {
  return { name, deflated: zlib.deflateRawSync(data), declaredSize: data.length, crc: zlib.crc32(data) }
}

/** Raw deflate of `bytes` zeros, made a MiB at a time so the test itself never holds them. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise(resolve => deflate.on('end', resolve))
  const mib = Buffer.alloc(1024 ** 2)
  for (let left = bytes; left > 0; left -= mib.length) {
    if (!deflate.write(left >= mib.length ? mib : mib.subarray(0, left))) await new Promise(resolve => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

/** The classic bomb: one entry whose headers say it unpacks to `declared` bytes, and which inflates to `bytes` zeros. */
export async function lyingBomb(bytes: number, declared = 100, name = 'resume.txt'): Promise<Buffer> {
  return handMadeZip([{ name, deflated: await deflatedZeros(bytes), declaredSize: declared }])
}
