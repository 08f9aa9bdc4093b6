import type { RequestHandler, Response } from 'express'
import session from 'express-session'
import type { KnexSessionStore } from '../db/sessionStore'

export const SESSION_COOKIE = 'vd.sid'

/**
 * Server-side sessions in the database. The cookie is httpOnly and SameSite=Lax, marked Secure whenever
 * the request came over HTTPS (directly or through a trusted proxy), and expires after `idleMinutes`
 * without a request (rolling).
 */
export function setUpWebSession(store: KnexSessionStore, secret: string, idleMinutes: number): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: undefined, // follow the app's trust proxy setting
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMinutes * 60_000, path: '/' },
  })
}

/**
 * Save the session before a redirect goes out. express-session writes the response head while the save
 * is still running, so a fast browser can follow the redirect and read the session before a flash
 * message set by the POST is stored (seen under load on PostgreSQL).
 */
export const saveSessionBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args)
    req.session.save(err => (err ? next(err) : redirect(...args)))
  }) as Response['redirect']
  next()
}
