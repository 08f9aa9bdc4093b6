import path from 'node:path'
import { isAccessLogHeader } from '../extract/accessLog'
import { decodeText, sniffFileType } from '../extract/sniffFileType'
import { unzip } from '../extract/unzipStream'
import { ZipProblem } from '../extract/zipDirectory'
import { APPLICATION_FORMAT, type Application } from './applicationFormat'
import { parseAtsCsv, type AtsMapping } from './atsCsv'
import { parseJsonFile } from './readJson'

/**
 * A set of files (a folder, a ZIP, a multi-file upload) → the applications in it:
 * each application JSON is one application and the files it references belong to it; any other
 * document is an application of its own; a CSV nobody references is an ATS export (a row each).
 */
export interface InputFile {
  /** path inside the set, with forward slashes */
  path: string
  /** the bytes (a file on disk may read them only when asked) */
  readonly data: Buffer
  /** the first bytes, enough to tell JSON from a document without reading it all */
  head?: () => Buffer
  /** the bytes, read without blocking (a file on disk); otherwise `data` is used */
  load?: () => Promise<Buffer>
  /** where the file is on disk, so that a worker thread can read it itself */
  diskPath?: string
}

/**
 * A file on disk as an InputFile whose bytes are read when needed: a folder of 20,000 applications
 * holds 70,000 files, and most are read once, by the worker that scores their application. `head` is
 * what the caller already read from its start; when it is the whole file, the file is not read again.
 */
export function fileOnDisk(setPath: string, diskPath: string, readFile: (p: string) => Buffer, known: { head: Buffer; size: number }): InputFile {
  let cached: Buffer | undefined = known.head.length >= known.size ? known.head : undefined
  return {
    path: setPath,
    diskPath,
    get data() {
      return (cached ??= readFile(diskPath))
    },
    head: () => cached?.subarray(0, 4096) ?? known.head,
    load: () => Promise.resolve(cached ?? readFile(diskPath)),
  }
}

const headOf = (f: InputFile) => (f.head ? f.head() : f.data.subarray(0, 4096))

export interface CollectedApplication {
  label: string
  application: Application
  raw?: Buffer
  /** resolves a referenced name relative to the application's own folder */
  resolve: (name: string) => Promise<Buffer | { problem: string }>
  /** where a referenced name is on disk, when it is a file there (not inside a ZIP or an upload) */
  locate?: (name: string) => string | null
}

export interface Collected {
  applications: CollectedApplication[]
  rejected: Array<{ file: string; reason: string }>
}

/** A file label as people should read it, without the "n:" that keeps several command-line roots apart. */
export const displayLabel = (label: string) => label.replace(/^\d+:/, '')

/** Resolve `name` against `baseDir` inside the set; refuse anything that leaves the folder. */
export function resolveInside(baseDir: string, name: string): string | null {
  if (!name || name.includes('\0') || path.posix.isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.includes('\\')) return null
  const joined = path.posix.normalize(path.posix.join(baseDir, name))
  const base = baseDir === '.' || baseDir === '' ? '' : `${path.posix.normalize(baseDir)}/`
  if (joined.startsWith('../') || joined === '..' || (base && !joined.startsWith(base))) return null
  return joined
}

const DOCUMENT_KINDS = new Set(['pdf', 'docx', 'text'])

export function collectApplications(files: InputFile[], options: { atsMappings?: Record<string, AtsMapping> } = {}): Collected {
  const byPath = new Map(files.map(f => [path.posix.normalize(f.path), f]))
  const referenced = new Set<string>()
  const applications: CollectedApplication[] = []
  const rejected: Collected['rejected'] = []
  const resolverFor = (dir: string, jsonFile: string) => async (name: string) => {
    const target = resolveInside(dir, name)
    if (!target) return { problem: `"${name.slice(0, 120)}" points outside the application's folder, so it was not read` }
    const file = byPath.get(target)
    if (!file) return { problem: `"${name.slice(0, 120)}" was not found beside ${path.posix.basename(jsonFile)}` }
    return file.load ? file.load() : file.data
  }
  const locatorFor = (dir: string) => (name: string) => {
    const target = resolveInside(dir, name)
    return (target && byPath.get(target)?.diskPath) || null
  }

  // Pass 1: application JSON and JSON Resume files, and what they reference.
  const jsonPaths = new Set<string>()
  for (const [p, file] of byPath) {
    const first = headOf(file)
    const sniffed = sniffFileType(first)
    const head = sniffed.kind === 'text' ? decodeText(first.subarray(0, 512), sniffed.encoding).trimStart() : ''
    if (!(p.toLowerCase().endsWith('.json') || (sniffed.kind === 'text' && (head.startsWith('{') || head.startsWith('['))))) continue
    jsonPaths.add(p)
    const data = file.data
    const parsed = parseJsonFile(data)
    if (!parsed.ok) {
      rejected.push({ file: p, reason: parsed.problems.join('; ') })
      continue
    }
    const app = parsed.value.application
    const dir = path.posix.dirname(p)
    for (const name of [...(app.documents ?? []).map(d => d.file), ...(app.profiles ?? []).map(pr => pr.photo), app.access_log]) {
      if (!name) continue
      const target = resolveInside(dir, name)
      if (target) referenced.add(target)
    }
    applications.push({ label: p, application: app, raw: data, resolve: resolverFor(dir, p), locate: locatorFor(dir) })
  }

  // Pass 2: everything nobody referenced.
  for (const [p, file] of byPath) {
    if (jsonPaths.has(p) || referenced.has(p)) continue
    // Decided from the first bytes: a file that is no document is refused without being read whole.
    // Only a ZIP-like head needs more (a DOCX names word/document.xml anywhere), and a CSV is read to be parsed.
    const headKind = sniffFileType(file.head ? file.head() : file.data)
    const sniffed = headKind.kind === 'zip' ? sniffFileType(file.data) : headKind
    if (sniffed.kind === 'text' && /\.(csv|tsv)$/i.test(p)) {
      const data = file.data
      const text = decodeText(data, sniffed.encoding)
      const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
      if (isAccessLogHeader(firstLine.split(','))) {
        rejected.push({ file: p, reason: 'this is a sign-in log, but no application in the import refers to it (add "access_log" to the contractor\'s application, or upload it on the case page)' })
        continue
      }
      const source = path.posix.basename(p).replace(/\.(csv|tsv)$/i, '').toLowerCase()
      const ats = parseAtsCsv(text, { defaultSource: source, ...(options.atsMappings?.[source] ? { mapping: options.atsMappings[source] } : {}) })
      if (!ats.ok) {
        rejected.push({ file: p, reason: ats.problem })
        continue
      }
      for (const r of ats.rejected) rejected.push({ file: `${p} row ${r.row}`, reason: r.reason })
      for (const row of ats.rows) {
        const dir = path.posix.dirname(p)
        const app = row.resumeFile ? { ...row.application, documents: [{ type: 'resume', file: row.resumeFile }] } : row.application
        if (row.resumeFile) {
          const target = resolveInside(dir, row.resumeFile)
          if (target) referenced.add(target)
        }
        applications.push({ label: `${p} row ${row.row}`, application: app, resolve: resolverFor(dir, p), locate: locatorFor(dir) })
      }
      continue
    }
    if (DOCUMENT_KINDS.has(sniffed.kind)) {
      const name = path.posix.basename(p)
      applications.push({
        label: p,
        application: { format: APPLICATION_FORMAT, source: 'upload', documents: [{ type: 'resume', file: name }] },
        resolve: async n => (n === name ? (file.load ? file.load() : file.data) : { problem: `"${n}" was not found` }),
        locate: n => (n === name ? (file.diskPath ?? null) : null),
      })
      continue
    }
    const reason =
      sniffed.kind === 'png' || sniffed.kind === 'jpeg' || sniffed.kind === 'gif' || sniffed.kind === 'webp'
        ? 'a photo that no application refers to'
        : sniffed.kind === 'executable'
          ? 'a program, not a document; it was not opened'
          : sniffed.kind === 'empty'
            ? 'the file is empty'
            : sniffed.kind === 'ole'
              ? 'an old Word .doc (Office 97–2003) file; save it as DOCX or PDF'
              : 'not a document, application JSON or CSV export that Vetting Desk reads'
    rejected.push({ file: p, reason })
  }
  // Files referenced by an ATS row after pass 1 may have been taken as documents of their own: drop those.
  const kept = applications.filter(a => !(a.application.source === 'upload' && referenced.has(a.label)))
  return { applications: kept, rejected }
}

/**
 * Unpack a ZIP into an input set: streamed and counted (unzipStream), so a bomb is stopped at the first
 * limit it crosses and the event loop keeps serving other requests meanwhile. macOS resource forks and
 * hidden files are never inflated.
 */
export async function filesFromZip(data: Buffer, prefix = ''): Promise<InputFile[]> {
  const skipped = (name: string) => name.startsWith('__MACOSX/') || path.posix.basename(name).startsWith('.')
  const entries = await unzip(data, { include: name => !skipped(path.posix.normalize(name)) })
  return entries.map(e => {
    const name = path.posix.normalize(e.name)
    return { path: prefix ? `${prefix}/${name}` : name, data: e.data }
  })
}

export { ZipProblem }
