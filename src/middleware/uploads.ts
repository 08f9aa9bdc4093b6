import fs from 'node:fs'
import path from 'node:path'
import type { Request, RequestHandler } from 'express'
import multer from 'multer'
import { HttpError } from '../errors'
import { verifyCsrf } from './csrf'

/**
 * Multipart parsing for one upload route at a time (never globally), with limits on size, file count,
 * fields and parts. Files stream to a private temporary folder (DATA_DIR/tmp/uploads, mode 0700) under
 * random names, never into memory: an import may carry 500 files of 500 MiB each, 2 GiB together. They are deleted when the
 * response ends, whatever happened, unless a route hands them on (keepUploads). The CSRF token is
 * checked after parsing, because it travels in the multipart body.
 *
 * A single-file route (at most 20 MiB: a document, a photo, a sample export) also gets the bytes as
 * `file.buffer`, read after the upload completed: its service hashes, sniffs and stores them anyway.
 */
export function acceptUpload(options: {
  field: string
  maxFiles: number
  maxFileBytes: number
  dir: string
  /** all the files of one request together (an import: 2 GiB); above it the upload stops with a 413 */
  maxTotalBytes?: number
  /** refuse the upload (507) when the upload folder's disk would keep less than this free */
  minFreeDiskBytes?: number
}): RequestHandler[] {
  // Without a cap of its own a route is bounded by its file count times the per-file limit (multer's).
  const maxTotalBytes = options.maxTotalBytes ?? Infinity
  const tooLarge = `The files together are larger than ${formatBytes(maxTotalBytes)}, the most one upload may carry here; send them in several smaller uploads.`
  const storage = countBytes(
    multer.diskStorage({
      destination: (_req, _file, cb) => {
        fs.promises.mkdir(options.dir, { recursive: true, mode: 0o700 }).then(
          () => {
            sweepOnce(options.dir)
            cb(null, options.dir)
          },
          (error: Error) => cb(error, options.dir),
        )
      },
    }),
    maxTotalBytes,
    tooLarge,
  )
  const parser = multer({
    storage,
    limits: { fileSize: options.maxFileBytes, files: options.maxFiles, fields: 20, fieldSize: 64 * 1024, parts: options.maxFiles + 20, fieldNameSize: 100 },
  })
  const parse: RequestHandler = async (req, res, next) => {
    // 'close' follows every response, finished or aborted: the temporary files never outlive it.
    res.once('close', () => void removeUploads(req))
    // A body that announces more than the request may carry is refused before a byte is stored.
    const announced = Number(req.headers['content-length'] ?? 0) || 0
    if (options.maxTotalBytes !== undefined && announced > maxTotalBytes + 1024 * 1024) return next(new HttpError(413, 'upload_too_large', tooLarge))
    if (options.minFreeDiskBytes !== undefined) {
      const free = await freeDiskBytes(options.dir)
      const needed = Math.min(announced || maxTotalBytes, maxTotalBytes, options.maxFiles * options.maxFileBytes) + options.minFreeDiskBytes
      if (free !== null && free < needed) {
        return next(new HttpError(507, 'disk_full', `The server is short of disk space (${formatBytes(free)} free; this upload needs ${formatBytes(needed)} with the margin kept free). Try again later or send fewer files.`))
      }
    }
    const handler = options.maxFiles === 1 ? parser.single(options.field) : parser.array(options.field, options.maxFiles)
    handler(req, res, err => {
      if (!err) return options.maxFiles === 1 && req.file ? readSingle(req.file).then(() => next(), next) : next()
      if (err instanceof HttpError) return next(err)
      if (err instanceof multer.MulterError) {
        const mib = Math.round(options.maxFileBytes / 1024 ** 2)
        const messages: Record<string, string> = {
          LIMIT_FILE_SIZE: `The file is larger than ${mib} MiB, the most accepted here.`,
          LIMIT_FILE_COUNT: `Send at most ${options.maxFiles} files at once.`,
          LIMIT_UNEXPECTED_FILE: 'The upload did not come from this form.',
        }
        return next(new HttpError(err.code === 'LIMIT_FILE_SIZE' ? 413 : 400, 'upload_rejected', messages[err.code] ?? 'The upload could not be read.'))
      }
      next(new HttpError(400, 'upload_rejected', 'The upload could not be read; try again.'))
    })
  }
  return [parse, verifyCsrf]
}

/** Bytes as people read them: "2 GiB", "500 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`
  return `${Math.ceil(bytes / 1024)} KiB`
}

/** Free space for an unprivileged writer on the disk that holds `dir` (or its nearest existing parent); null when unknown. */
export async function freeDiskBytes(dir: string): Promise<number | null> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      const s = await fs.promises.statfs(d)
      return Number(s.bavail) * Number(s.bsize)
    } catch {
      if (path.dirname(d) === d) return null
    }
  }
}

/**
 * The storage, counting the bytes of all the request's files together: the file that crosses
 * `maxTotal` is stopped (its stream destroyed with a 413), its partial copy deleted, and multer
 * deletes the files already stored. The count listens beside the storage's own pipe: the stream is
 * paused until that pipe is attached, so no byte is missed by either.
 */
function countBytes(inner: multer.StorageEngine, maxTotal: number, message: string): multer.StorageEngine {
  const totals = new WeakMap<Request, number>()
  return {
    _handleFile(req, file, cb) {
      file.stream.on('data', (chunk: Buffer) => {
        const total = (totals.get(req) ?? 0) + chunk.length
        totals.set(req, total)
        if (total > maxTotal) file.stream.destroy(new HttpError(413, 'upload_too_large', message))
      })
      file.stream.pause()
      inner._handleFile(req, file, (error, info) => {
        if (error && file.path) void fs.promises.rm(file.path, { force: true }).catch(() => undefined)
        cb(error, info)
      })
    },
    _removeFile: (req, file, cb) => inner._removeFile(req, file, cb),
  }
}

async function readSingle(file: Express.Multer.File): Promise<void> {
  file.buffer = await fs.promises.readFile(file.path)
}

/**
 * Files a crash left behind (the process died mid-request or mid-import) are removed once per process,
 * the first time the folder is used; a day old is older than any request or import still running.
 */
const swept = new Set<string>()
function sweepOnce(dir: string): void {
  if (swept.has(dir)) return
  swept.add(dir)
  void (async () => {
    const cutoff = Date.now() - 24 * 3600_000
    for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name)
      const stat = await fs.promises.stat(file).catch(() => null)
      if (stat?.isFile() && stat.mtimeMs < cutoff) await fs.promises.rm(file, { force: true }).catch(() => undefined)
    }
  })()
}

const kept = new WeakSet<Request>()

/** The route hands the request's temporary files on (to a background job, which deletes them itself). */
export function keepUploads(req: Request): void {
  kept.add(req)
}

function uploadsOf(req: Request): Express.Multer.File[] {
  if (req.file) return [req.file]
  return Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat()
}

async function removeUploads(req: Request): Promise<void> {
  if (kept.has(req)) return
  await removeFiles(uploadsOf(req).map(f => f.path))
}

/** Delete temporary files; one already gone is not an error. */
export async function removeFiles(paths: Array<string | undefined>): Promise<void> {
  await Promise.all(paths.filter((p): p is string => Boolean(p)).map(p => fs.promises.rm(p, { force: true }).catch(() => undefined)))
}
