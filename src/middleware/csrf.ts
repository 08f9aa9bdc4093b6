import type { Request, RequestHandler } from 'express'
import { csrfSync } from 'csrf-sync'

/**
 * Synchroniser-token CSRF protection on every state-changing request. The token is read from the form
 * field `_csrf` or the `x-csrf-token` header. A multipart body is not parsed here, so a multipart request
 * passes only on upload routes that parse it first and then call `verifyCsrf` (mounted before this).
 */
const { csrfSynchronisedProtection, generateToken, revokeToken } = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf
    return typeof fromBody === 'string' ? fromBody : (req.headers['x-csrf-token'] as string | undefined)
  },
})

export const verifyCsrf: RequestHandler = csrfSynchronisedProtection

/** Expose the session's token to templates (creates one on first use). */
export const csrfTokenLocals: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req)
  next()
}

export const rotateCsrfToken = (req: Request) => {
  revokeToken(req)
  return generateToken(req, true)
}
