import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { HttpError, notFound } from '../errors'
import { InvalidTransitionError } from '../signoff/caseStatus'
import { wayBack } from './wayBack'

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound())

interface ErrorPage {
  status: number
  view: string
  title: string
  message: string
  /** what to do next, beside the way back */
  advice?: string
}

const TOO_LARGE_ADVICE = 'Nothing was saved. Go back to where you were and choose a smaller file: a long scan can often be saved at a lower resolution or split into parts.'
const CONFLICT_ADVICE = 'Someone may have changed this since you opened the page, or it has moved on to another step. Go back to see it as it is now.'

function pageFor(err: unknown): ErrorPage {
  if (err instanceof HttpError) {
    if (err.status === 404) return { status: 404, view: 'pages/errors/not-found', title: 'Page not found', message: err.message }
    if (err.status === 403) return { status: 403, view: 'pages/errors/forbidden', title: 'You cannot do that', message: err.message }
    // An upload over the limit: the message names the limit (see uploads.ts); the page says what to do.
    if (err.status === 413) return { status: 413, view: 'pages/errors/error', title: 'The file is too large', message: err.message, advice: TOO_LARGE_ADVICE }
    if (err.status === 409) return { status: 409, view: 'pages/errors/error', title: 'That cannot be done now', message: err.message, advice: CONFLICT_ADVICE }
    return { status: err.status, view: 'pages/errors/error', title: 'Sorry, that did not work', message: err.message }
  }
  if (err instanceof InvalidTransitionError) {
    return { status: 409, view: 'pages/errors/error', title: 'That cannot be done now', message: err.message, advice: CONFLICT_ADVICE }
  }
  const e = err as { code?: string; status?: number; type?: string }
  if (e.code === 'EBADCSRFTOKEN' || (e.status === 403 && /csrf/i.test(String((err as Error).message)))) {
    return {
      status: 403,
      view: 'pages/errors/forbidden',
      title: 'This form has expired',
      message: 'The form was missing its security token or it had expired. Go back, reload the page and try again.',
    }
  }
  if (e.type === 'entity.too.large') {
    return { status: 413, view: 'pages/errors/error', title: 'The form is too large', message: 'What was sent is larger than the server accepts for a form (100 KB): a note or statement of that length is more than it needs.', advice: 'Nothing was saved. Go back and shorten what you typed.' }
  }
  if (e.status && e.status >= 400 && e.status < 500) {
    return { status: e.status, view: 'pages/errors/error', title: 'Sorry, that did not work', message: 'The request could not be understood.' }
  }
  return {
    status: 500,
    view: 'pages/errors/error',
    title: 'Sorry, there is a problem with the service',
    message: 'Something went wrong on our side. Try again later; if it keeps happening, give an administrator the reference below.',
  }
}

/** Renders an error page. Stack traces and internal messages never reach the browser. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err)
    const page = pageFor(err)
    if (page.status >= 500) {
      // `err` goes through the logger's redacting serializer: a database error's message carries the SQL
      // with the row's values written in, and its stack repeats the message.
      logger.error({ requestId: res.locals.requestId, err }, 'request failed')
    }
    res.status(page.status)
    // /api/* answers JSON even for errors raised before the API router (sessions, body parsers).
    if (req.originalUrl.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
      res.json({ error: page.title, message: page.message, requestId: res.locals.requestId })
      return
    }
    res.render(page.view, { pageTitle: page.title, message: page.message, advice: page.advice ?? null, status: page.status, requestId: res.locals.requestId, back: wayBack(req.method, req.originalUrl, page.status) })
  }
}
