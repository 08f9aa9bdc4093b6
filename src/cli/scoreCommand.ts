import path from 'node:path'
import { ExtractionPool } from '../extract/extractionPool'
import { DocumentProblem } from '../extract/readDocument'
import { collectApplications, displayLabel, type CollectedApplication } from '../ingest/collectApplications'
import { ImportProblem } from '../ingest/prepareApplication'
import type { LinkFact } from '../rules/caseFacts'
import { RULES } from '../rules/registry'
import { compareNames } from '../domain/names'
import { LinkIndex, type LinkableApplication } from '../links/linkIndex'
import type { Rule } from '../rules/types'
import type { Shingles } from '../links/minhash'
import { judgeEvidence } from '../pipeline/judgeApplication'
import { referenceDataFor } from '../refdata/load'
import { inputsFromPaths } from './importCommand'
import { lineOf, scoreApplication, type ScoredApplication, type ScoredOnWorker, type ScoreLine } from './scoreApplication'
import type { WorkerFileRef } from './scoreWorkerMain'

export type { ScoreLine } from './scoreApplication'
const display = displayLabel
const SCORE_WORKER = path.join(__dirname, 'scoreWorker.js')

/**
 * `vet score [--json] [--as-of DATE] PATH…`: score files with the app's own code, without the server
 * or its database. All inputs are one population: applications are read and scored on worker threads
 * (one per core), then linked here across everything, and those with links are scored again.
 */
export async function scorePaths(paths: string[], options: { asOf?: Date; dataDir?: string; rules?: readonly Rule[]; onLinkable?: (id: string, shingleSet: Shingles, app: LinkableApplication) => void } = {}): Promise<{ lines: ScoreLine[]; errors: Array<{ file: string; error: string }> }> {
  const dataDir = path.resolve(options.dataDir ?? './data')
  // Rules other than the registry's (tests, benchmarks) cannot cross to a worker: those are scored here.
  // Two jobs per worker in flight: the next one waits there while this thread links, so no worker idles.
  const pool = options.rules ? null : new ExtractionPool({ workerFile: SCORE_WORKER, timeoutMs: 120_000, maxMemoryMb: 2048, workerData: { dataDir }, depth: 2 }).warm()
  const reader = options.rules ? new ExtractionPool() : null
  // The workers load their own reference data; this thread needs it only when it scores here.
  const ref = pool ? null : referenceDataFor(dataDir)
  // Kept per application until the end: what the second pass needs, not what linking needed.
  const scored: Array<Kept<ScoredApplication> | Kept<ScoredOnWorker>> = []
  const errors: Array<{ file: string; error: string }> = []
  // Linked as each application arrives, while the workers read the next ones; link wording does not
  // depend on the order of arrival, and each application's links are sorted below.
  const index = new LinkIndex()
  try {
    const { files, rejected } = await inputsFromPaths(paths)
    const collected = collectApplications(files)
    errors.push(...[...rejected, ...collected.rejected].map(r => ({ file: display(r.file), error: r.reason })))
    const apps = collected.applications
    // A few applications queued per worker, so that no worker waits while this thread reads files.
    let next = 0
    const runner = async () => {
      while (next < apps.length) {
        const a = apps[next++]!
        try {
          const s = pool ? await scoreOnWorker(pool, a, dataDir, options.asOf) : await scoreApplication(reader!, ref!, a, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.rules ? { rules: options.rules } : {}) })
          options.onLinkable?.(s.line.id, s.shingleSet, s.linkable)
          index.add(s.linkable)
          const { linkable: _linkable, shingleSet: _shingles, ...kept } = s
          scored.push(kept)
        } catch (error) {
          if (error instanceof ImportProblem || error instanceof DocumentProblem) errors.push({ file: display(a.label), error: error.message })
          else throw error
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(8, apps.length) }, runner))
    // Rules other than the registry's judged the first pass with links unknown; they are not run again.
    const judge: Judge | null = options.rules
      ? null
      : async (s, links) =>
          pool && 'facts' in s
            ? pool.run<ScoreLine>({ op: 'judge', line: { id: s.line.id, file: s.line.file }, kind: s.kind, facts: s.facts, asOf: new Date(s.asOf).toISOString(), links, dataDir })
            : judgeHere(s, links, ref ?? referenceDataFor(dataDir))
    const lines = await secondPass(scored, index, judge)
    errors.sort((a, b) => (a.file < b.file ? -1 : 1))
    return { lines, errors }
  } finally {
    await pool?.close()
    await reader?.close()
  }
}

type Judge = (s: Kept<ScoredApplication> | Kept<ScoredOnWorker>, links: LinkFact[]) => Promise<ScoreLine>

/**
 * The rules again where links were found (the other application's band before links, so no loops), on the
 * workers while they are still up: the same judgement as in this thread, both cores at it.
 */
async function secondPass(scored: Array<Kept<ScoredApplication> | Kept<ScoredOnWorker>>, index: LinkIndex, judge: Judge | null): Promise<ScoreLine[]> {
  scored.sort((a, b) => (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0))
  const byId = new Map(scored.map(s => [s.line.id, s]))
  const linksOf = new Map<string, LinkFact[]>()
  for (const l of index.activeLinks()) {
    for (const [self, other] of [[l.a, l.b], [l.b, l.a]] as const) {
      const mine = byId.get(self)
      const theirs = byId.get(other)
      if (!mine || !theirs) continue
      // The same person applying twice shares everything: only links between different names count.
      if (mine.name && theirs.name && compareNames(mine.name, theirs.name).match) continue
      linksOf.set(self, [...(linksOf.get(self) ?? []), { otherId: other, otherName: theirs.name, kind: l.kind, via: l.via, otherBand: theirs.line.band }])
    }
  }
  const order = (x: LinkFact, y: LinkFact) => (x.otherId !== y.otherId ? (x.otherId < y.otherId ? -1 : 1) : x.kind !== y.kind ? (x.kind < y.kind ? -1 : 1) : x.via < y.via ? -1 : x.via > y.via ? 1 : 0)
  const lines: ScoreLine[] = await Promise.all(
    scored.map(async s => {
      const links = (linksOf.get(s.line.id) ?? []).sort(order)
      if (!links.length || !judge) return { ...s.line, links: summariseLinks(links) }
      const judged = await judge(s, links)
      return { ...judged, links: summariseLinks(links), ...(s.line.held ? { held: s.line.held } : {}) }
    }),
  )
  return lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/**
 * Send one application to a worker with the files it names: a file on disk goes as its path (the worker
 * reads it, so this thread neither reads nor copies it); anything else as its bytes.
 */
async function scoreOnWorker(pool: ExtractionPool, a: CollectedApplication, dataDir: string, asOf: Date | undefined): Promise<ScoredOnWorker> {
  const app = a.application
  const wanted = [...new Set([...(app.documents ?? []).map(d => d.file), ...(app.profiles ?? []).flatMap(p => (p.photo ? [p.photo] : [])), ...(app.access_log ? [app.access_log] : [])])]
  const names: WorkerFileRef[] = []
  const buffers: Buffer[] = a.raw ? [a.raw] : []
  for (const name of wanted) {
    const onDisk = a.locate?.(name)
    if (onDisk) {
      names.push({ name, path: onDisk })
      continue
    }
    const got = await a.resolve(name)
    if (Buffer.isBuffer(got)) {
      names.push(name)
      buffers.push(got)
    } else names.push({ name, problem: got.problem })
  }
  try {
    return await pool.run<ScoredOnWorker>({ op: 'score', label: a.label, application: JSON.stringify(app), names, hasRaw: Boolean(a.raw), asOf: asOf?.toISOString() ?? null, dataDir }, buffers)
  } catch (error) {
    // The pool speaks of "this file"; here the job was the whole application.
    if (error instanceof DocumentProblem) throw new ImportProblem(error.message.replace(/this file/g, 'this application'))
    throw error
  }
}

type Kept<T> = Omit<T, 'linkable' | 'shingleSet'>

function judgeHere(s: Kept<ScoredApplication> | Kept<ScoredOnWorker>, links: LinkFact[], ref: ReturnType<typeof referenceDataFor>): ScoreLine {
  const { records, events } = 'facts' in s ? (JSON.parse(s.facts) as Pick<ScoredApplication, 'records' | 'events'>) : s
  const { findings, score } = judgeEvidence(s.kind, records, events, new Date(s.asOf), ref, { rules: RULES, links })
  return lineOf(s.line.id, s.line.file, findings, score)
}

/** One entry per linked application: what they share, in words. */
function summariseLinks(links: LinkFact[]): Array<{ id: string; via: string }> {
  const byOther = new Map<string, string[]>()
  for (const l of links) byOther.set(l.otherId, [...new Set([...(byOther.get(l.otherId) ?? []), l.via])])
  return [...byOther].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, via]) => ({ id, via: via.join('; ') }))
}

export async function scoreCommand(paths: string[], options: { json: boolean; asOf?: Date; dataDir?: string }, out: (s: string) => void): Promise<number> {
  const { lines, errors } = await scorePaths(paths, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) })
  if (options.json) {
    for (const l of lines) out(JSON.stringify(l))
    for (const e of errors) out(JSON.stringify(e))
  } else {
    const rows = lines.map(l => [l.id, String(l.score), l.band, l.findings.map(f => f.rule).join(', ') || '-', l.file])
    const header = ['id', 'score', 'band', 'flags', 'file']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
    for (const r of [header, ...rows]) out(r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    // Evidence belongs to the subject: a log naming none of the applicant's accounts is not scored, and says so.
    for (const l of lines) for (const h of l.held ?? []) out(`${l.id}: ${h.note}`)
    for (const e of errors) out(`not scored: ${e.file}: ${e.error}`)
    out(`\n${lines.length} scored, ${errors.length} could not be read`)
  }
  return errors.length ? 1 : 0
}
