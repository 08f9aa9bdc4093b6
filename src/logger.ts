import pino, { type Logger } from 'pino'

/**
 * One logger for the process. Logs are operational: they carry ids (request, user, case), never names,
 * emails, document text or other personal data. The redaction list is a second line of defence for
 * fields that should never have been logged in the first place.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.full_name',
  '*.fullName',
  '*.phone',
  '*.address',
  '*.text',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'vetting-desk' } }, destination)
}
