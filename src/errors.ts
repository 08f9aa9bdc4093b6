/**
 * HTTP errors with a stable id. Routes throw these; the error handler renders the matching page.
 * Express 5 forwards rejected promises, so routes need no try/catch except to re-render a form.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message = 'Page not found') => new HttpError(404, 'not_found', message)
export const forbidden = (message = 'You do not have permission to do that') => new HttpError(403, 'forbidden', message)
export const conflict = (id: string, message: string) => new HttpError(409, id, message)
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message)
