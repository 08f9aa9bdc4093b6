import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { can, type Permission } from '../auth/roles'
import { forbidden } from '../errors'
import type { UserService } from '../services/userService'
import type { ActorContext } from '../services/context'

/** Absolute session lifetime, whatever the activity: a stolen cookie does not live for ever. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000

/** Load the signed-in user on each request; a disabled, deleted or over-age session is ended. */
export function loadCurrentUser(users: UserService): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session?.userId
    if (!userId) return next()
    const user = await users.findById(userId)
    const tooOld = !req.session.signedInAt || Date.now() - req.session.signedInAt > SESSION_MAX_AGE_MS
    if (!user || user.disabled_at || tooOld) {
      await new Promise<void>(resolve => req.session.destroy(() => resolve()))
      return next()
    }
    req.currentUser = { id: user.id, email: user.email, displayName: user.display_name, role: user.role }
    res.locals.currentUser = req.currentUser
    next()
  }
}

function redirectToLogin(req: Request, res: Response) {
  const returnTo = req.method === 'GET' ? `?returnTo=${encodeURIComponent(req.originalUrl)}` : ''
  res.redirect(302, `/login${returnTo}`)
}

export const requireSignedIn: RequestHandler = (req, res, next) => {
  if (!req.currentUser) return redirectToLogin(req, res)
  next()
}

/** Server-side role check for one route. Not signed in → sign-in page; signed in without permission → 403. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.currentUser) return redirectToLogin(req, res)
    if (!can(req.currentUser.role, permission)) return next(forbidden())
    next()
  }
}

export function actorOf(req: Request, res: Response): ActorContext {
  return { userId: req.currentUser?.id ?? null, role: req.currentUser?.role ?? null, requestId: res.locals.requestId ?? null }
}
