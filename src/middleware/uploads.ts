import type { RequestHandler } from 'express'
import multer from 'multer'
import { HttpError } from '../errors'
import { verifyCsrf } from './csrf'

/**
 * Multipart parsing for one upload route at a time (never globally), with limits on size, file count,
 * fields and parts, held in memory (the bytes are sniffed, hashed and stored by the service, under
 * server-made names). The CSRF token is checked after parsing, because it travels in the multipart body.
 */
export function acceptUpload(options: { field: string; maxFiles: number; maxFileBytes: number }): RequestHandler[] {
  const parser = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: options.maxFileBytes, files: options.maxFiles, fields: 20, fieldSize: 64 * 1024, parts: options.maxFiles + 20, fieldNameSize: 100 },
  })
  const parse: RequestHandler = (req, res, next) => {
    const handler = options.maxFiles === 1 ? parser.single(options.field) : parser.array(options.field, options.maxFiles)
    handler(req, res, err => {
      if (!err) return next()
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
