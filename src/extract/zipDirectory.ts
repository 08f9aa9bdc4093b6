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
  /** unpacked ÷ packed above this, for any entry once it passes ratioFloorBytes, is treated as a bomb */
  maxRatio: number
  /**
   * Below this an entry's ratio is not judged: a tiny file of spaces packs 1000:1 and harms nobody.
   * Small (64 KiB) so that thousands of 1 MiB entries of zeros no longer slip under it.
   */
  ratioFloorBytes: number
  /** everything unpacked ÷ the archive's size, once more than archiveRatioFloorBytes are unpacked */
  maxArchiveRatio: number
  archiveRatioFloorBytes: number
}

/**
 * Real archives of applications (JSON, PDF, DOCX, CSV) pack 1.1–15:1; 200:1 per entry and 100:1 over the
 * whole archive leave room for very repetitive text while refusing zeros (1000:1). The total is what the
 * import keeps in memory while it reads the applications, so it stays well below the machine's RAM.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 1024 ** 3,
  maxEntryBytes: 50 * 1024 ** 2,
  maxRatio: 200,
  ratioFloorBytes: 64 * 1024,
  maxArchiveRatio: 100,
  archiveRatioFloorBytes: 8 * 1024 ** 2,
}

/**
 * Throws a ZipProblem saying what is wrong; returns the entries when the archive is acceptable. This
 * judges the sizes the archive declares, which a hostile one can lie about: unzipStream counts the real
 * bytes while inflating and applies the same limits again.
 */
export function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, include: (name: string) => boolean = () => true): ZipEntry[] {
  const entries = readZipDirectory(buf)
  if (entries.length > limits.maxEntries) throw new ZipProblem(`the archive holds ${entries.length} files; at most ${limits.maxEntries} are accepted`)
  let total = 0
  for (const e of entries) {
    if (e.name.includes('\0') || e.name.startsWith('/') || /^[A-Za-z]:/.test(e.name) || e.name.split(/[\\/]/).includes('..')) {
      throw new ZipProblem(`the archive contains a path that leaves its folder: ${JSON.stringify(e.name.slice(0, 120))}`)
    }
    // Sizes matter only for what will be inflated: a DOCX's embedded bitmap is never unpacked here.
    if (!include(e.name)) continue
    if (e.uncompressedSize > limits.maxEntryBytes) throw new ZipProblem(`${e.name} is ${mib(e.uncompressedSize)} unpacked; at most ${mib(limits.maxEntryBytes)} per file`)
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) throw ratioProblem(e.name, e.uncompressedSize, e.compressedSize, limits)
    total += e.uncompressedSize
  }
  if (total > limits.maxTotalBytes) throw new ZipProblem(`the archive unpacks to ${mib(total)}; at most ${mib(limits.maxTotalBytes)} are accepted`)
  if (total > limits.archiveRatioFloorBytes && total > limits.maxArchiveRatio * buf.length) throw archiveRatioProblem(total, buf.length, limits)
  return entries
}

export const ratioProblem = (name: string, unpacked: number, packed: number, limits: ZipLimits) =>
  new ZipProblem(`${name} unpacks to more than ${Math.floor(unpacked / Math.max(1, packed))} times its packed size (at most ${limits.maxRatio} are accepted): refused as a decompression bomb`)

export const archiveRatioProblem = (unpacked: number, archiveBytes: number, limits: ZipLimits) =>
  new ZipProblem(`the archive unpacks to more than ${Math.floor(unpacked / Math.max(1, archiveBytes))} times its own size (at most ${limits.maxArchiveRatio} are accepted): refused as a decompression bomb`)

export const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`
