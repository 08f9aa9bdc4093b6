import zlib from 'node:zlib'

/**
 * ZIP archives written by hand, header by header, so that tests and benches can make the archives a
 * library would refuse to write: sizes that lie, names that climb out of the folder, counts that do not
 * add up, or an entry packed from a stream that would not fit in memory.
 */
export interface ZipEntrySpec {
  name: string
  /** the bytes as stored in the archive (already deflated when method is 8) */
  packed: Buffer
  method: 0 | 8
  crc32: number
  /** what the headers declare; the real sizes when not given */
  declaredCompressed?: number
  declaredUncompressed: number
}

/** An entry from its plain bytes, deflated (or stored), declaring its true sizes unless told otherwise. */
export function entry(name: string, data: Buffer, options: { store?: boolean; declaredUncompressed?: number; declaredCompressed?: number } = {}): ZipEntrySpec {
  const packed = options.store ? data : zlib.deflateRawSync(data, { level: 9 })
  return {
    name,
    packed,
    method: options.store ? 0 : 8,
    crc32: zlib.crc32(data),
    declaredUncompressed: options.declaredUncompressed ?? data.length,
    ...(options.declaredCompressed === undefined ? {} : { declaredCompressed: options.declaredCompressed }),
  }
}

/**
 * An entry of `bytes` zeros deflated a chunk at a time (1 GiB never sits in memory; the packed form is
 * about a thousandth of it), declaring `declaredUncompressed` bytes.
 */
export async function zeroEntry(name: string, bytes: number, declaredUncompressed = bytes): Promise<ZipEntrySpec> {
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  const chunk = Buffer.alloc(Math.min(bytes, 1024 ** 2))
  let crc = 0
  for (let left = bytes; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left)
    crc = zlib.crc32(part, crc)
    if (!deflate.write(part)) await new Promise(resolve => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { name, packed: Buffer.concat(out), method: 8, crc32: crc, declaredUncompressed }
}

/** Local headers and data, then the central directory and its end record (no ZIP64, no data descriptors). */
export function writeZip(entries: ZipEntrySpec[], options: { declaredCount?: number } = {}): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const compressed = e.declaredCompressed ?? e.packed.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(e.method, 8)
    local.writeUInt32LE(0, 10) // time and date
    local.writeUInt32LE(e.crc32 >>> 0, 14)
    local.writeUInt32LE(compressed >>> 0, 18)
    local.writeUInt32LE(e.declaredUncompressed >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    parts.push(local, name, e.packed)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4) // made by
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(0x0800, 8)
    dir.writeUInt16LE(e.method, 10)
    dir.writeUInt32LE(0, 12)
    dir.writeUInt32LE(e.crc32 >>> 0, 16)
    dir.writeUInt32LE(compressed >>> 0, 20)
    dir.writeUInt32LE(e.declaredUncompressed >>> 0, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    central.push(dir, name)
    offset += local.length + name.length + e.packed.length
  }
  const dirBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const count = options.declaredCount ?? entries.length
  end.writeUInt16LE(count & 0xffff, 8)
  end.writeUInt16LE(count & 0xffff, 10)
  end.writeUInt32LE(dirBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, dirBytes, end])
}
