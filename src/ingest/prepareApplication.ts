import type { PhotoFingerprint } from '../links/imageHash'
import { canonicalJson } from '../audit/auditEvents'
import { parseAccessLog, type AccessEvent } from '../extract/accessLog'
import { photoSizeProblem, readImageHeader } from '../extract/imageHeader'
import type { ExtractionPool } from '../extract/extractionPool'
import { DocumentProblem, type ReadDocument } from '../extract/readDocument'
import { decodeText, nameContradictsContent, sniffFileType, type Sniffed } from '../extract/sniffFileType'
import type { Application } from './applicationFormat'
import { sha256Of } from './blobStore'
import { displayLabel } from './collectApplications'

/**
 * Reading an application's files before anything is written: the slow, fallible part of an import, and
 * all that `vet score` needs. Problems are thrown as ImportProblem naming the file and what is wrong.
 */
export type DocumentKind = 'resume' | 'photo' | 'access_log' | 'application' | 'ats_export' | 'other'

export interface PreparedFile {
  key: string
  name: string
  kind: DocumentKind
  data: Buffer
  sha256: string
  sniffed: Sniffed
  read?: ReadDocument
  events?: AccessEvent[]
  /** a photo's fingerprint for finding reused pictures; null when the picture cannot be decoded */
  fingerprint?: PhotoFingerprint | null
}

export interface PreparedApplication {
  label: string
  application: Application
  files: PreparedFile[]
  contentHash: string
}

export type ImportOutcome =
  | { file: string; outcome: 'created' | 'updated' | 'unchanged'; caseId: string; reference: string }
  | { file: string; outcome: 'rejected'; reason: string }

/** Where an application's referenced files come from: a folder, a ZIP, an upload. */
export type FileResolver = (name: string) => Promise<Buffer | { problem: string }>

export class ImportProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportProblem'
  }
}

/** What reads documents and photos: the worker pool, or (inside a worker already) the readers themselves. */
export type DocumentReader = Pick<ExtractionPool, 'read' | 'photo'>

const IMAGE_KINDS = new Set(['png', 'jpeg', 'gif', 'webp'])
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** Read one file as the kind it is said to be; a problem is thrown as an ImportProblem naming the file. */
export async function readPreparedFile(pool: DocumentReader, key: string, name: string, kind: DocumentKind, data: Buffer, defaultCountry?: string | null): Promise<PreparedFile> {
  const fail = (why: string) => {
    throw new ImportProblem(`${name}: ${why}`)
  }
  if (data.length > MAX_UPLOAD_BYTES) fail(`the file is ${(data.length / 1024 ** 2).toFixed(1)} MiB; at most ${MAX_UPLOAD_BYTES / 1024 ** 2} MiB per file`)
  const sniffed = sniffFileType(data)
  const mismatch = nameContradictsContent(name, sniffed)
  if (mismatch) fail(mismatch)
  const file: PreparedFile = { key, name, kind, data, sha256: sha256Of(data), sniffed }
  if (kind === 'photo') {
    if (!IMAGE_KINDS.has(sniffed.kind)) fail('a photo must be a PNG, JPEG, GIF or WebP image')
    // A photo must declare its size: a truncated or damaged header cannot be judged before decoding.
    if (!readImageHeader(data)) fail('the picture cannot be read: its header is missing, damaged or cut short; send the original image')
    // Refused by the size its header declares, before any decoder runs.
    const tooLarge = photoSizeProblem(data)
    if (tooLarge) fail(tooLarge)
    // Decoded on a worker, whose memory limit also stops a picture that inflates into gigapixels.
    file.fingerprint = await pool.photo(data).catch((error: unknown) => {
      if (error instanceof DocumentProblem) return null
      throw error
    })
  } else if (kind === 'access_log') {
    if (sniffed.kind !== 'text') fail('a sign-in log must be a CSV text file')
    const parsed = parseAccessLog(decodeText(data, sniffed.encoding))
    if (!parsed.ok) fail(parsed.problem)
    else file.events = parsed.events
  } else if (kind === 'resume' || kind === 'other') {
    try {
      file.read = await pool.read(data, defaultCountry ? { defaultCountry } : {})
    } catch (error) {
      if (error instanceof DocumentProblem) fail(error.message)
      throw error
    }
  }
  return file
}

/** Read everything an application references; throws ImportProblem (nothing written) when anything is wrong. */
export async function prepareApplication(pool: DocumentReader, label: string, application: Application, resolve: FileResolver, raw?: Buffer): Promise<PreparedApplication> {
  const files: PreparedFile[] = []
  const country = application.person?.address?.country ?? null
  const load = async (name: string, field: string) => {
    const got = await resolve(name)
    if (Buffer.isBuffer(got)) return got
    throw new ImportProblem(`${field}: ${got.problem}`)
  }
  for (const [i, doc] of (application.documents ?? []).entries()) {
    const kind: DocumentKind = doc.type === 'resume' || !doc.type ? 'resume' : 'other'
    files.push(await readPreparedFile(pool, `documents[${i}]`, doc.file, kind, await load(doc.file, `documents[${i}].file`), country))
  }
  for (const [i, profile] of (application.profiles ?? []).entries()) {
    if (profile.photo) files.push(await readPreparedFile(pool, `profiles[${i}].photo`, profile.photo, 'photo', await load(profile.photo, `profiles[${i}].photo`)))
  }
  if (application.access_log) files.push(await readPreparedFile(pool, 'access_log', application.access_log, 'access_log', await load(application.access_log, 'access_log')))
  const json = raw ?? Buffer.from(JSON.stringify(application, null, 2))
  files.push({ key: 'application', name: `${displayLabel(label.split('/').pop()!).replace(/\.json$/i, '')}.json`.slice(-255), kind: 'application', data: json, sha256: sha256Of(json), sniffed: sniffFileType(json) })
  const contentHash = sha256Of(canonicalJson({ application, files: files.filter(f => f.kind !== 'application').map(f => [f.key, f.sha256]) }))
  return { label, application, files, contentHash }
}

