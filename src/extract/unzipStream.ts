import yauzl from 'yauzl'
import { createLimiter } from '../limiter'
import { archiveRatioProblem, checkZip, DEFAULT_ZIP_LIMITS, mib, ratioProblem, ZipProblem, type ZipLimits } from './zipDirectory'

/**
 * Unpacking a ZIP without trusting it. The declared sizes are checked first (checkZip), then every entry
 * is inflated as a stream (zlib runs on libuv's thread pool, so the event loop only sees 16 KiB chunks)
 * while the real bytes are counted: per entry, in total, and against the packed size. The moment a
 * limit is crossed the stream is destroyed, so a bomb costs at most one limit's worth of memory, never
 * what it would inflate to. yauzl's validateEntrySizes also stops an entry that outgrows its header.
 */
export interface UnzippedEntry {
  name: string
  data: Buffer
}

export interface UnzipOptions {
  limits?: ZipLimits
  /** entries to inflate; the others are still counted and name-checked, but never inflated */
  include?: (name: string) => boolean
}

/**
 * Archives unpacked at once in this thread. Each holds up to its total limit in memory, so two at a time
 * bound what four simultaneous uploads can take; the others wait their turn.
 */
export const MAX_CONCURRENT_UNZIPS = 2
const unzips = createLimiter(MAX_CONCURRENT_UNZIPS)
/** Archives being inflated now in this thread (for tests and diagnostics). */
export const unzipsRunning = () => unzips.running()

export async function unzip(archive: Buffer, options: UnzipOptions = {}): Promise<UnzippedEntry[]> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS
  const include = options.include ?? (() => true)
  // Names, count, declared sizes and ZIP64: cheap, and refuses most bad archives before any inflating.
  checkZip(archive, limits, include)
  return unzips.run(() => inflateAll(archive, limits, include))
}

function inflateAll(archive: Buffer, limits: ZipLimits, include: (name: string) => boolean): Promise<UnzippedEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new ZipProblem(`the archive cannot be read: ${plain(openError?.message)}`))
      const out: UnzippedEntry[] = []
      let total = 0
      let count = 0
      let settled = false
      const fail = (problem: ZipProblem) => {
        if (settled) return
        settled = true
        zip.close()
        reject(problem)
      }
      zip.on('error', (error: Error) => fail(new ZipProblem(`the archive cannot be read: ${plain(error.message)}`)))
      zip.on('end', () => {
        if (settled) return
        settled = true
        resolve(out)
      })
      zip.on('entry', (entry: yauzl.Entry) => {
        if (settled) return
        const name = entry.fileName
        if (++count > limits.maxEntries) return fail(new ZipProblem(`the archive holds more than ${limits.maxEntries} files; at most ${limits.maxEntries} are accepted`))
        if (name.endsWith('/') || !include(name)) return zip.readEntry()
        if (entry.isEncrypted()) return fail(new ZipProblem(`${name} is encrypted; send the archive without a password`))
        zip.openReadStream(entry, (streamError, stream) => {
          if (settled) return stream?.destroy()
          if (streamError || !stream) return fail(new ZipProblem(`${name} cannot be unpacked: ${plain(streamError?.message)}`))
          const chunks: Buffer[] = []
          let bytes = 0
          const stop = (problem: ZipProblem) => {
            stream.destroy()
            fail(problem)
          }
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length
            total += chunk.length
            // Real bytes, checked on every chunk: the headers may lie.
            if (bytes > limits.maxEntryBytes) return stop(new ZipProblem(`${name} unpacks to more than ${mib(limits.maxEntryBytes)}; at most ${mib(limits.maxEntryBytes)} per file are accepted`))
            if (bytes > limits.ratioFloorBytes && bytes > limits.maxRatio * Math.max(1, entry.compressedSize)) return stop(ratioProblem(name, bytes, entry.compressedSize, limits))
            if (total > limits.maxTotalBytes) return stop(new ZipProblem(`the archive unpacks to more than ${mib(limits.maxTotalBytes)}; at most ${mib(limits.maxTotalBytes)} are accepted`))
            if (total > limits.archiveRatioFloorBytes && total > limits.maxArchiveRatio * archive.length) return stop(archiveRatioProblem(total, archive.length, limits))
            chunks.push(chunk)
          })
          stream.on('error', (error: Error) =>
            stop(
              /too many bytes|not enough bytes/.test(error.message)
                ? new ZipProblem(`${name} does not unpack to the ${entry.uncompressedSize} bytes its header declares: refused as a damaged or hostile archive`)
                : new ZipProblem(`${name} cannot be unpacked: ${plain(error.message)}`),
            ),
          )
          stream.on('end', () => {
            if (settled) return
            out.push({ name, data: Buffer.concat(chunks, bytes) })
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

const plain = (message: string | undefined) => (message ?? 'unknown error').split('\n')[0]!.slice(0, 200)
