import fs from 'node:fs'

/**
 * A minimal POSIX ustar writer and reader for plain files, enough for backups: entries are streamed
 * through a file handle in 64 KiB chunks, so a large blob store never sits in memory. Sizes past ustar's
 * 8 GiB use the base-256 encoding GNU tar and bsdtar read. Standard `tar tf` / `tar xf` open the result.
 */
const BLOCK = 512
const CHUNK = 64 * 1024
const MAX_OCTAL_SIZE = 0o77777777777

export class TarFormatError extends Error {}

function writeString(buf: Buffer, text: string, offset: number, length: number): void {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length > length) throw new TarFormatError(`tar: "${text}" is too long for its field`)
  bytes.copy(buf, offset)
}

function writeOctal(buf: Buffer, value: number, offset: number, length: number): void {
  writeString(buf, `${value.toString(8).padStart(length - 1, '0')}\0`, offset, length)
}

/** ustar keeps a long path as prefix (155 bytes) + "/" + name (100 bytes). */
function splitPath(entryPath: string): { name: string; prefix: string } {
  if (Buffer.byteLength(entryPath) <= 100) return { name: entryPath, prefix: '' }
  for (let i = entryPath.lastIndexOf('/'); i > 0; i = entryPath.lastIndexOf('/', i - 1)) {
    const prefix = entryPath.slice(0, i)
    const name = entryPath.slice(i + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix }
    if (Buffer.byteLength(name) > 100) break
  }
  throw new TarFormatError(`tar: the path ${entryPath} is too long for a ustar archive`)
}

function header(entryPath: string, size: number, mtime: Date): Buffer {
  const buf = Buffer.alloc(BLOCK)
  const { name, prefix } = splitPath(entryPath)
  writeString(buf, name, 0, 100)
  writeOctal(buf, 0o600, 100, 8)
  writeOctal(buf, 0, 108, 8)
  writeOctal(buf, 0, 116, 8)
  if (size <= MAX_OCTAL_SIZE) writeOctal(buf, size, 124, 12)
  else {
    buf[124] = 0x80
    let rest = BigInt(size)
    for (let i = 135; i > 124; i--) {
      buf[i] = Number(rest & 0xffn)
      rest >>= 8n
    }
  }
  writeOctal(buf, Math.floor(mtime.getTime() / 1000), 136, 12)
  buf.write('        ', 148, 'ascii')
  buf.write('0', 156, 'ascii')
  buf.write('ustar\0', 257, 'ascii')
  buf.write('00', 263, 'ascii')
  writeString(buf, prefix, 345, 155)
  let sum = 0
  for (const byte of buf) sum += byte
  writeString(buf, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return buf
}

export class TarWriter {
  private position = 0
  private constructor(private readonly handle: fs.promises.FileHandle) {}

  static async create(file: string): Promise<TarWriter> {
    // wx: never overwrite; 0600: the archive holds everything the database holds.
    return new TarWriter(await fs.promises.open(file, 'wx', 0o600))
  }

  private async write(data: Buffer): Promise<void> {
    let done = 0
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, this.position)
      done += bytesWritten
      this.position += bytesWritten
    }
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK
    if (rest) await this.write(Buffer.alloc(BLOCK - rest))
  }

  async addBuffer(entryPath: string, data: Buffer, mtime = new Date()): Promise<void> {
    await this.write(header(entryPath, data.length, mtime))
    await this.write(data)
    await this.pad(data.length)
  }

  /**
   * Stream a file in as it is on disk, handing each chunk to `onChunk` (to hash it). Throws if the file's
   * size differs from `size`, which went into the header first.
   */
  async addFile(entryPath: string, source: string, size: number, onChunk: (chunk: Buffer) => void, mtime = new Date()): Promise<void> {
    await this.write(header(entryPath, size, mtime))
    const input = await fs.promises.open(source, 'r')
    try {
      const buf = Buffer.alloc(CHUNK)
      let copied = 0
      for (;;) {
        const { bytesRead } = await input.read(buf, 0, CHUNK, copied)
        if (bytesRead === 0) break
        if (copied + bytesRead > size) throw new TarFormatError(`${source} grew while it was being copied`)
        const chunk = buf.subarray(0, bytesRead)
        onChunk(chunk)
        await this.write(chunk)
        copied += bytesRead
      }
      if (copied !== size) throw new TarFormatError(`${source} shrank while it was being copied`)
    } finally {
      await input.close()
    }
    await this.pad(size)
  }

  /** Two zero blocks end the archive; the file is flushed to disk before it is closed. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK))
    await this.handle.sync()
    await this.handle.close()
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }
}

export interface TarEntry {
  path: string
  size: number
  /** where the entry's first byte is in the archive */
  offset: number
}

function readOctal(buf: Buffer, offset: number, length: number): number {
  if ((buf[offset]! & 0x80) !== 0) {
    let value = 0n
    for (let i = offset + 1; i < offset + length; i++) value = (value << 8n) | BigInt(buf[i]!)
    return Number(value)
  }
  const text = buf.toString('ascii', offset, offset + length).replace(/[\0 ]+$/g, '').trim()
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`not a tar archive (bad number "${text}")`)
  return text ? parseInt(text, 8) : 0
}

function readString(buf: Buffer, offset: number, length: number): string {
  const end = buf.indexOf(0, offset)
  return buf.toString('utf8', offset, end === -1 || end > offset + length ? offset + length : end)
}

/**
 * Read a tar file entry by entry. For each regular file, `onEntry` receives its header and returns a
 * sink that gets its bytes chunk by chunk, then `end()`. Other entry types (folders) are skipped.
 */
export async function readTar(
  file: string,
  onEntry: (entry: TarEntry) => Promise<{ chunk: (data: Buffer) => Promise<void> | void; end: () => Promise<void> | void }>,
): Promise<void> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const total = (await handle.stat()).size
    const block = Buffer.alloc(BLOCK)
    const buf = Buffer.alloc(CHUNK)
    let position = 0
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, BLOCK, position)
      if (bytesRead < BLOCK) throw new TarFormatError('the archive is cut short: it ends without the end-of-archive blocks')
      if (block.every(b => b === 0)) return
      let sum = 0
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!
      if (readOctal(block, 148, 8) !== sum) throw new TarFormatError(`the archive's entry header at byte ${position} is damaged (checksum mismatch)`)
      const size = readOctal(block, 124, 12)
      const type = String.fromCharCode(block[156]!)
      const name = readString(block, 0, 100)
      const prefix = block.toString('ascii', 257, 262) === 'ustar' ? readString(block, 345, 155) : ''
      const entryPath = prefix ? `${prefix}/${name}` : name
      position += BLOCK
      if (position + size > total) throw new TarFormatError(`the archive is cut short inside ${entryPath}`)
      if (type === '0' || type === '\0') {
        const sink = await onEntry({ path: entryPath, size, offset: position })
        let read = 0
        while (read < size) {
          const want = Math.min(CHUNK, size - read)
          const got = (await handle.read(buf, 0, want, position + read)).bytesRead
          if (got === 0) throw new TarFormatError(`the archive is cut short inside ${entryPath}`)
          await sink.chunk(buf.subarray(0, got))
          read += got
        }
        await sink.end()
      } else if (type !== '5') throw new TarFormatError(`the archive holds ${entryPath}, which is not a plain file (type ${type})`)
      position += Math.ceil(size / BLOCK) * BLOCK
    }
  } finally {
    await handle.close()
  }
}
