import { decodeText, sniffFileType } from '../extract/sniffFileType'
import { jsonDepth, MAX_JSON_DEPTH, parseApplication, type Application, type ParseResult } from './applicationFormat'
import { applicationFromJsonResume, isJsonResume, jsonResumeSchema } from './jsonResume'
import { describeIssues } from './applicationFormat'

export const MAX_JSON_BYTES = 10 * 1024 * 1024

export interface JsonInput {
  kind: 'application' | 'json-resume'
  application: Application
}

/**
 * Bytes → an application: our format, or a standalone JSON Resume wrapped as one. Encoding (UTF-8 or
 * UTF-16 with a BOM), size, syntax, depth and shape are each checked with a message that says which.
 */
export function parseJsonFile(data: Buffer): ParseResult<JsonInput> {
  if (data.length > MAX_JSON_BYTES) return { ok: false, problems: [`the file is ${(data.length / 1024 ** 2).toFixed(1)} MiB; an application file may be at most ${MAX_JSON_BYTES / 1024 ** 2} MiB`] }
  const sniffed = sniffFileType(data)
  if (sniffed.kind !== 'text') return { ok: false, problems: ['this is not a text file, so it cannot be JSON'] }
  let value: unknown
  try {
    value = JSON.parse(decodeText(data, sniffed.encoding))
  } catch (error) {
    const message = (error as Error).message.replace(/^Unexpected token/, 'unexpected character').split('\n')[0]!.slice(0, 160)
    return { ok: false, problems: [`this is not valid JSON (${message})`] }
  }
  const depth = jsonDepth(value, MAX_JSON_DEPTH)
  if (depth > MAX_JSON_DEPTH) return { ok: false, problems: [`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep; no application needs that`] }
  if (isJsonResume(value)) {
    const resume = jsonResumeSchema.safeParse(value)
    if (!resume.success) return { ok: false, problems: describeIssues(resume.error).map(p => `JSON Resume ${p}`) }
    return { ok: true, value: { kind: 'json-resume', application: applicationFromJsonResume(resume.data) } }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('format' in value)) {
    return { ok: false, problems: ['this JSON is neither an application (it has no "format": "vetting/application@1") nor a JSON Resume (no "basics" or "work")'] }
  }
  const parsed = parseApplication(value)
  if (!parsed.ok) return parsed
  if (parsed.value.resume) {
    const embedded = jsonResumeSchema.safeParse(parsed.value.resume)
    if (!embedded.success) return { ok: false, problems: describeIssues(embedded.error).map(p => `resume.${p}`) }
  }
  return { ok: true, value: { kind: 'application', application: parsed.value } }
}
