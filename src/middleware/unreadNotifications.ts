import type { RequestHandler } from 'express'

/**
 * Sets `res.locals.unreadCount` (a number) for a signed-in person, for the header's notification count.
 * One COUNT on the (user_id, read_at) index, and only for GET pages: a POST answers with a redirect and
 * renders nothing. Register it after loadCurrentUser.
 */
export function unreadNotifications(checklists: { unreadCount: (userId: number) => Promise<number> }): RequestHandler {
  return async (req, res, next) => {
    res.locals.unreadCount = 0
    if (!req.currentUser || (req.method !== 'GET' && req.method !== 'HEAD')) return next()
    res.locals.unreadCount = await checklists.unreadCount(req.currentUser.id)
    next()
  }
}
