import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { readDocument } from '../extract/readDocument'
import type { Application } from '../ingest/applicationFormat'
import { ImportProblem, type DocumentReader } from '../ingest/prepareApplication'
import { photoFingerprint } from '../links/imageHash'
import { judgeEvidence } from '../pipeline/judgeApplication'
import { referenceDataFor } from '../refdata/load'
import type { LinkFact } from '../rules/caseFacts'
import { RULES } from '../rules/registry'
import { lineOf, scoreApplication, type ScoredApplication } from './scoreApplication'

/**
 * A `vet score` worker: reads, extracts and scores whole applications, so both cores do the heavy part
 * and the main thread only links. Documents are read in this thread (it is already isolated, with its
 * own time and memory limits set by the pool). Files on disk are read here too, from the paths sent.
 * Reference data loads once per worker.
 */

/** A referenced file: a name (its bytes are next in `data`), a path to read here, or why it could not be loaded. */
export type WorkerFileRef = string | { name: string; path: string } | { name: string; problem: string }

interface Request {
  id: number
  op?: 'score'
  label: string
  /** the application, already validated, as JSON (cheaper to send than the object) */
  application: string
  /** the files the application references, in order */
  names: WorkerFileRef[]
  data: Uint8Array[]
  hasRaw: boolean
  asOf: string | null
  dataDir: string
}

function readOnDisk(file: string): Buffer | { problem: string } {
  try {
    return fs.readFileSync(file)
  } catch {
    return { problem: 'the file could not be read (was it moved or deleted while scoring?)' }
  }
}

const reader: DocumentReader = {
  read: (data, options = {}) => readDocument(data, options),
  photo: async data => photoFingerprint(data),
}

// Load the reference data while the main thread is still reading the inputs.
if (typeof (workerData as { dataDir?: unknown } | null)?.dataDir === 'string') referenceDataFor((workerData as { dataDir: string }).dataDir)

/** The second pass: an application's rules again, now with its links (the facts as the first pass sent them). */
export interface JudgeRequest {
  id: number
  op: 'judge'
  line: { id: string; file: string }
  kind: ScoredApplication['kind']
  facts: string
  asOf: string
  links: LinkFact[]
  dataDir: string
}

// One job at a time, in the order sent: the pool sends the next job ahead (depth 2) and matches answers
// to jobs in order, and a job's time limit runs while it is the one being done.
let queue: Promise<void> = Promise.resolve()
parentPort?.on('message', (req: Request | JudgeRequest) => {
  queue = queue.then(() => handle(req))
})

async function handle(req: Request | JudgeRequest): Promise<void> {
  if (req.op === 'judge') {
    try {
      const { records, events } = JSON.parse(req.facts) as Pick<ScoredApplication, 'records' | 'events'>
      const { findings, score } = judgeEvidence(req.kind, records, events, new Date(req.asOf), referenceDataFor(req.dataDir), { rules: RULES, links: req.links })
      parentPort!.postMessage({ id: req.id, ok: true, result: lineOf(req.line.id, req.line.file, findings, score) })
    } catch (error) {
      parentPort!.postMessage({ id: req.id, ok: false, problem: `an unexpected error stopped the scoring of this application (${(error as Error)?.name ?? 'Error'})` })
    }
    return
  }
  try {
    const buffers = req.data.map(d => Buffer.from(d.buffer, d.byteOffset, d.byteLength))
    const raw = req.hasRaw ? buffers.shift() : undefined
    const files = new Map<string, Buffer | { problem: string }>()
    let i = 0
    for (const n of req.names) files.set(typeof n === 'string' ? n : n.name, typeof n === 'string' ? buffers[i++]! : 'path' in n ? readOnDisk(n.path) : { problem: n.problem })
    const resolve = async (name: string) => files.get(name) ?? { problem: `"${name}" was not found` }
    const scored = await scoreApplication(reader, referenceDataFor(req.dataDir), { label: req.label, application: JSON.parse(req.application) as Application, resolve, ...(raw ? { raw } : {}) }, req.asOf ? { asOf: new Date(req.asOf) } : {})
    // Facts go back as JSON: only linked applications (a few in a hundred) need them again.
    const { records, events, ...rest } = scored
    // The shingles and the signature move to the main thread rather than being copied.
    const moved = [...new Set([rest.shingleSet.buffer, ...(rest.linkable.resume ? [rest.linkable.resume.buffer] : [])])] as ArrayBuffer[]
    parentPort!.postMessage({ id: req.id, ok: true, result: { ...rest, facts: JSON.stringify({ records, events }) } }, moved)
  } catch (error) {
    const problem = error instanceof ImportProblem ? error.message : `an unexpected error stopped the scoring of this application (${(error as Error)?.name ?? 'Error'})`
    parentPort!.postMessage({ id: req.id, ok: false, problem })
  }
}
