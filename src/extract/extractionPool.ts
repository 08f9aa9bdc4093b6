import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PhotoFingerprint } from '../links/imageHash'
import { photoSizeProblem } from './imageHeader'
import { DocumentProblem, type ReadDocument } from './readDocument'

export interface ExtractionPoolOptions {
  /** worker threads; default: one per core, at most 4 */
  size?: number
  /** a file that takes longer is stopped and reported */
  timeoutMs?: number
  /** heap limit per worker; a file that needs more is stopped and reported */
  maxMemoryMb?: number
  /** the worker script (tests substitute misbehaving ones) */
  workerFile?: string
  /** given to each worker at start (for example, what to load before the first job) */
  workerData?: unknown
  /**
   * jobs sent to a worker ahead of time (default 1): with 2, the next job waits in the worker while it
   * works on one, so it never sits idle while this thread is busy. Time limits run from a job's own start.
   * The worker must do its jobs one at a time and answer in the order sent.
   */
  depth?: number
}

interface Task {
  /** what the worker is asked; its bytes are copied and transferred when the task starts */
  payload: Record<string, unknown>
  buffers: Buffer[]
  resolve: (r: never) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  /** jobs sent, in order; the first is the one the worker is on */
  tasks: Array<{ task: Task; id: number }>
  timer: NodeJS.Timeout | null
  id: number
}

const WORKER_FILE = path.join(__dirname, 'extractionWorker.js')

/**
 * Reads documents on worker threads, off the request thread. Each file gets a time limit and its worker
 * a heap limit: a PDF that loops or a bomb that inflates kills only its own worker, which is replaced,
 * and the file is reported with a plain reason. Workers stay alive between files (pdf.js loads once).
 */
export class ExtractionPool {
  private readonly size: number
  private readonly timeoutMs: number
  private readonly maxMemoryMb: number
  private readonly workerFile: string
  private readonly workerData: unknown
  private readonly depth: number
  private readonly slots: Slot[] = []
  private readonly queue: Task[] = []
  private closed = false

  constructor(options: ExtractionPoolOptions = {}) {
    this.size = options.size ?? Math.min(4, Math.max(1, os.availableParallelism()))
    this.timeoutMs = options.timeoutMs ?? 20_000
    this.maxMemoryMb = options.maxMemoryMb ?? 384
    this.workerFile = options.workerFile ?? WORKER_FILE
    this.workerData = options.workerData
    this.depth = Math.max(1, options.depth ?? 1)
  }

  /** Start every worker now, so that they load their code while the caller does something else. */
  warm(): this {
    while (!this.closed && this.slots.length < this.size) this.spawn()
    return this
  }

  read(data: Buffer, options: { defaultCountry?: string } = {}): Promise<ReadDocument> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ payload: { op: 'read', defaultCountry: options.defaultCountry }, buffers: [data], resolve, reject })
      this.pump()
    })
  }

  /** A photo's fingerprint for finding reused pictures (null when it cannot be decoded); decoding is work for a worker too. */
  photo(data: Buffer): Promise<PhotoFingerprint | null> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'))
    // Judged by its header here: a picture over the pixel budget costs neither a copy nor a worker's time.
    if (photoSizeProblem(data)) return Promise.resolve(null)
    return new Promise((resolve, reject) => {
      this.queue.push({ payload: { op: 'photo' }, buffers: [data], resolve, reject })
      this.pump()
    })
  }

  /**
   * Any other job for a custom worker: the payload plus buffers (sent as `data`, an array of byte
   * arrays, in the same order). The worker answers {id, ok, result} or {id, ok: false, problem}.
   */
  run<T>(payload: Record<string, unknown>, buffers: Buffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, buffers, resolve, reject })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0)) task.reject(new Error('the extraction pool is closed'))
    await Promise.all(this.slots.splice(0).map(s => s.worker.terminate()))
  }

  private pump(): void {
    if (this.closed) for (const task of this.queue.splice(0)) task.reject(new Error('the extraction pool is closed'))
    while (this.queue.length) {
      let slot = this.slots.find(s => s.tasks.length === 0)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      // Ahead of time only once every worker has a job: the least loaded takes it.
      slot ??= this.slots.filter(s => s.tasks.length < this.depth).sort((a, b) => a.tasks.length - b.tasks.length)[0]
      if (!slot) return
      this.start(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerFile, {
      workerData: this.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    })
    worker.unref()
    const slot: Slot = { worker, tasks: [], timer: null, id: 0 }
    worker.on('message', (msg: { id: number; ok: boolean; result?: never; problem?: string }) => {
      if (!slot.tasks.length || msg.id !== slot.tasks[0]!.id) return
      const task = this.finish(slot)
      if (msg.ok) task.resolve(msg.result!)
      else task.reject(new DocumentProblem(msg.problem!))
      this.pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.tasks.length ? this.finish(slot) : null
      this.discard(slot)
      task?.reject(
        new DocumentProblem(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `reading this file needed more than ${this.maxMemoryMb} MB of memory, so it was stopped (a decompression bomb or a damaged file?)`
            : 'an unexpected error stopped the reading of this file',
        ),
      )
      this.pump()
    })
    worker.on('exit', () => {
      const task = slot.tasks.length ? this.finish(slot) : null
      this.discard(slot)
      task?.reject(new DocumentProblem('the reader stopped unexpectedly while reading this file'))
      this.pump()
    })
    this.slots.push(slot)
    return slot
  }

  private start(slot: Slot, task: Task): void {
    slot.id++
    slot.tasks.push({ task, id: slot.id })
    slot.worker.ref()
    if (slot.tasks.length === 1) this.arm(slot)
    // One copy, transferred (not cloned again) to the worker; the caller keeps its own buffer.
    const copies = task.buffers.map(b => new Uint8Array(b))
    const data = task.payload.op === 'read' || task.payload.op === 'photo' ? copies[0] : copies
    slot.worker.postMessage({ ...task.payload, id: slot.id, data }, copies.map(c => c.buffer))
  }

  /** The time limit of the job the worker is on. */
  private arm(slot: Slot): void {
    slot.timer = setTimeout(() => {
      const timedOut = this.finish(slot)
      this.discard(slot)
      void slot.worker.terminate()
      timedOut.reject(new DocumentProblem(`reading this file took longer than ${Math.round(this.timeoutMs / 1000)} s, so it was stopped (a damaged or looping document?)`))
      this.pump()
    }, this.timeoutMs)
  }

  /** The job the worker was on is over; the next one sent ahead, if any, starts its own clock. */
  private finish(slot: Slot): Task {
    const { task } = slot.tasks.shift()!
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    if (slot.tasks.length) this.arm(slot)
    else slot.worker.unref()
    return task
  }

  /** A worker gone: jobs sent ahead that it never began go back to the front of the queue. */
  private discard(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    this.queue.unshift(...slot.tasks.splice(0).map(t => t.task))
    slot.worker.unref()
    const i = this.slots.indexOf(slot)
    if (i >= 0) this.slots.splice(i, 1)
  }
}
