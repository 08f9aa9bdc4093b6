/**
 * Read a ZIP file's central directory (names and sizes) without inflating anything, so that archives
 * and DOCX files can be refused before extraction: too many entries, too large unpacked, suspicious
 * compression ratios (decompression bombs), or names that climb out of the folder.
 */
export interface ZipEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
  isDirectory: boolean
}

export class ZipProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipProblem'
  }
}

export function readZipDirectory(buf: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 65_557)
  let eocd = -1
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipProblem('the archive is damaged or truncated (no central directory)')
  const count = buf.readUInt16LE(eocd + 10)
  const size = buf.readUInt32LE(eocd + 12)
  const offset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || offset === 0xffffffff) throw new ZipProblem('ZIP64 archives are not accepted; split the archive into smaller ones')
  if (offset + size > buf.length) throw new ZipProblem('the archive is damaged or truncated (central directory out of range)')
  const entries: ZipEntry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipProblem('the archive is damaged (bad central directory entry)')
    const compressedSize = buf.readUInt32LE(p + 20)
    const uncompressedSize = buf.readUInt32LE(p + 24)
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8')
    entries.push({ name, compressedSize, uncompressedSize, isDirectory: name.endsWith('/') })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

export interface ZipLimits {
  maxEntries: number
  maxTotalBytes: number
  maxEntryBytes: number
  /** unpacked ÷ packed above this, for entries over 1 MiB, is treated as a bomb */
  maxRatio: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 2 * 1024 ** 3, maxEntryBytes: 50 * 1024 ** 2, maxRatio: 200 }

/** Throws a ZipProblem saying what is wrong; returns the entries when the archive is acceptable. */
export function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readZipDirectory(buf)
  if (entries.length > limits.maxEntries) throw new ZipProblem(`the archive holds ${entries.length} files; at most ${limits.maxEntries} are accepted`)
  let total = 0
  for (const e of entries) {
    if (e.name.includes('\0') || e.name.startsWith('/') || /^[A-Za-z]:/.test(e.name) || e.name.split(/[\\/]/).includes('..')) {
      throw new ZipProblem(`the archive contains a path that leaves its folder: ${JSON.stringify(e.name.slice(0, 120))}`)
    }
    if (e.uncompressedSize > limits.maxEntryBytes) throw new ZipProblem(`${e.name} is ${mib(e.uncompressedSize)} unpacked; at most ${mib(limits.maxEntryBytes)} per file`)
    if (e.uncompressedSize > 1024 ** 2 && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
      throw new ZipProblem(`${e.name} unpacks to ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times its packed size: refused as a decompression bomb`)
    }
    total += e.uncompressedSize
  }
  if (total > limits.maxTotalBytes) throw new ZipProblem(`the archive unpacks to ${mib(total)}; at most ${mib(limits.maxTotalBytes)} are accepted`)
  return entries
}

const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`
