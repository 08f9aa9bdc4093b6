import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import { redactError } from '../logger'

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * Gives every request an id (a well-formed incoming X-Request-Id is kept so a proxy's id follows it)
 * and one log line. The line holds the path without its query string: searches carry names and emails.
 */
export function setUpRequestContext(logger: Logger): RequestHandler[] {
  const assignId: RequestHandler = (req, res, next) => {
    const incoming = req.get('x-request-id')
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
    res.locals.requestId = id
    res.locals.currentPath = req.path // the navigation marks where the person is
    res.setHeader('X-Request-Id', id)
    next()
  }
  const log = pinoHttp({
    logger,
    genReqId: (_req, res) => (res as unknown as { locals: { requestId: string } }).locals.requestId,
    customProps: req => ({ userId: (req as { currentUser?: { id: number } }).currentUser?.id }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // pino-http brings its own err serializer; a driver error's SQL carries bound values.
      err: redactError,
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: req => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') || (req.url ?? '').startsWith('/public/') },
  })
  return [assignId, log as unknown as RequestHandler]
}
