import fs from 'node:fs'
import path from 'node:path'
import type { Services } from '../services'
import type { ActorContext } from '../services/context'
import type { ImportOutcome } from '../services/ingestService'
import { collectApplications, displayLabel, fileOnDisk, filesFromZip, resolveInside, ZipProblem, type InputFile } from '../ingest/collectApplications'
import { parseJsonFile } from '../ingest/readJson'
import { sniffFileType } from '../extract/sniffFileType'
import { expandPaths } from './files'

const MAX_FILE_BYTES = 200 * 1024 * 1024
const readFileSync = (f: string) => fs.readFileSync(f)
/** A file's size and first bytes, with one open: enough to tell what it is without reading it all. */
function probe(f: string): { size: number; head: Buffer } {
  const fd = fs.openSync(f, 'r')
  try {
    const size = fs.fstatSync(fd).size
    const buf = Buffer.allocUnsafe(Math.min(size, 4096))
    return { size, head: buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)) }
  } finally {
    fs.closeSync(fd)
  }
}
/** A ZIP's local-file signature; DOCX files have it too and are told apart by sniffFileType on the whole file. */
const isZipHead = (head: Buffer) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50

/**
 * Build the input set from command-line paths: folders (walked), ZIP archives (unpacked after checks),
 * and single files (an application JSON brings the files it references from beside it).
 */
export async function inputsFromPaths(paths: string[]): Promise<{ files: InputFile[]; rejected: Array<{ file: string; reason: string }> }> {
  const files: InputFile[] = []
  const rejected: Array<{ file: string; reason: string }> = []
  const seen = new Set<string>()
  const add = (p: string, data: Buffer) => {
    if (!seen.has(p)) {
      seen.add(p)
      files.push({ path: p, data })
    }
  }
  const addOnDisk = (p: string, diskPath: string, known: { size: number; head: Buffer }) => {
    if (!seen.has(p)) {
      seen.add(p)
      // Read synchronously: for small files one read is far cheaper than a thread-pool round trip per step.
      files.push(fileOnDisk(p, diskPath, readFileSync, known))
    }
  }
  for (const [i, arg] of paths.entries()) {
    const root = `${i}:${path.basename(path.resolve(arg))}`
    const stat = fs.statSync(arg, { throwIfNoEntry: false })
    if (!stat) {
      rejected.push({ file: arg, reason: 'no such file or folder' })
      continue
    }
    const list = stat.isDirectory() ? expandPaths([arg]).files : [arg]
    for (const file of list) {
      const rel = stat.isDirectory() ? `${root}/${path.relative(arg, file).split(path.sep).join('/')}` : `${i}:${path.basename(file)}`
      let known: { size: number; head: Buffer }
      try {
        known = probe(file)
      } catch {
        rejected.push({ file: rel, reason: 'the file could not be opened' })
        continue
      }
      if (known.size > MAX_FILE_BYTES) {
        rejected.push({ file: rel, reason: `the file is ${(known.size / 1024 ** 2).toFixed(0)} MiB; at most ${MAX_FILE_BYTES / 1024 ** 2} MiB` })
        continue
      }
      // A ZIP archive is unpacked now; anything else is read when it is needed. (A DOCX is a ZIP too.)
      if (stat.isDirectory() && !/\.zip$/i.test(file) && (/\.docx$/i.test(file) || !isZipHead(known.head))) {
        addOnDisk(rel, file, known)
        continue
      }
      const data = fs.readFileSync(file)
      if (sniffFileType(data).kind === 'zip') {
        try {
          for (const f of await filesFromZip(data, rel)) add(f.path, f.data)
        } catch (error) {
          if (error instanceof ZipProblem) rejected.push({ file: rel, reason: error.message })
          else rejected.push({ file: rel, reason: 'the archive cannot be read: it is damaged' })
        }
        continue
      }
      add(rel, data)
      if (!stat.isDirectory() && /\.json$/i.test(file)) {
        // A single application file: bring along what it references, but never from outside its folder.
        const parsed = parseJsonFile(data)
        if (!parsed.ok) continue
        const app = parsed.value.application
        for (const name of [...(app.documents ?? []).map(d => d.file), ...(app.profiles ?? []).map(p => p.photo), app.access_log]) {
          if (!name || !resolveInside('.', name)) continue
          const onDisk = path.join(path.dirname(file), name)
          if (fs.existsSync(onDisk) && fs.statSync(onDisk).isFile()) add(path.posix.join(path.posix.dirname(rel), name), fs.readFileSync(onDisk))
        }
      }
    }
  }
  return { files, rejected }
}

const display = displayLabel

export async function importCommand(services: Services, paths: string[], json: boolean, ctx: ActorContext, out: (s: string) => void): Promise<number> {
  const { files, rejected } = await inputsFromPaths(paths)
  const collected = collectApplications(files, { atsMappings: await services.atsMappings.all() })
  collected.rejected.unshift(...rejected)
  const print = (o: ImportOutcome) => {
    const shown = { ...o, file: display(o.file) }
    if (json) out(JSON.stringify(shown))
    else out(o.outcome === 'rejected' ? `rejected   ${'-'.padEnd(9)}  ${shown.file}: ${o.reason}` : `${o.outcome.padEnd(9)}  ${o.reference}  ${shown.file}`)
  }
  const outcomes = await services.ingest.importBatch(collected, ctx, print)
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
  for (const o of outcomes) counts[o.outcome]++
  if (!json) out(`\n${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`)
  return counts.rejected ? 1 : 0
}
