import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * Security headers. The Content-Security-Policy allows scripts and styles only from our own origin, plus
 * inline scripts that carry this response's nonce; no inline styles, no inline event handlers, no framing.
 */
export function setUpWebSecurity(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    next()
  }
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Cross-origin isolation headers: nothing we serve is meant to be embedded elsewhere.
    crossOriginEmbedderPolicy: true,
    referrerPolicy: { policy: 'same-origin' },
  })
  const noStore: RequestHandler = (_req, res, next) => {
    // Pages hold personal data: browsers and proxies must not keep them.
    res.setHeader('Cache-Control', 'no-store')
    next()
  }
  return [nonce, headers, noStore]
}
